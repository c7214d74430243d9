import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, textC, updatedAt } from '../../db/columns.ts';
import { customers } from '../customers/customers.table.ts';
import { users } from '../identity/identity.table.ts';
import { vatRates } from '../catalog/catalog.table.ts';
import { serviceOrders } from '../service-orders/service-orders.table.ts';
import type { InvoiceDocument } from './invoice-document.ts';

export type BankAccountSetting = { account: string; label: string };

/** How this company invoices: one row, id = 1 (the seller's name, NIP and address come from `company`). */
export const invoiceSettings = pgTable(
  'invoice_settings',
  {
    id: integer().primaryKey(),
    placeOfIssue: text().notNull().default(''),
    paymentDays: integer().notNull().default(14),
    paymentMethod: text().notNull().default('transfer'), // 'transfer' | 'cash' | 'card' | 'other'
    bankAccounts: jsonb().$type<BankAccountSetting[]>().notNull().default([]), // the first is the default
    language: text().notNull().default('pl'),
    vatPattern: text().notNull().default('FV/{YYYY}/{MM}/{NNNN}'),
    vatReset: text().notNull().default('monthly'),
    correctionPattern: text().notNull().default('FK/{YYYY}/{MM}/{NNNN}'),
    correctionReset: text().notNull().default('monthly'),
    exemptionBasis: text().notNull().default(''), // printed when a line is VAT-exempt (zw)
    notes: text().notNull().default(''), // default notes on new invoices
    updatedAt: updatedAt(),
  },
  (t) => [check('invoice_settings_singleton', sql`${t.id} = 1`)],
);

/**
 * Invoices and correcting invoices. A draft is editable and has no number; issuing takes the next
 * number of the kind's gap-free series in the same transaction and freezes the whole content in
 * `document`, from which the PDF and the KSeF XML are rendered. Payments are recorded against the
 * VAT invoice; its `payable_minor` follows its corrections.
 */
export const invoices = pgTable(
  'invoices',
  {
    id: id(),
    kind: text().notNull(), // 'vat' | 'correction'
    status: text().notNull().default('draft'), // 'draft' | 'issued' | 'cancelled'
    number: text(),
    numberKey: textC(), // number without separators, upper-case: exact lookups
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    lang: text().notNull().default('pl'),
    issueDate: date().notNull(), // drafts: the day prepared; set to the business date at issue
    saleDate: date().notNull(),
    dueDate: date().notNull(),
    paymentMethod: text().notNull(),
    bankAccount: text().notNull().default(''),
    splitPayment: boolean().notNull().default(false),
    exemptionBasis: text().notNull().default(''),
    placeOfIssue: text().notNull().default(''),
    notes: text().notNull().default(''),
    serviceOrderId: uuid().references(() => serviceOrders.id),
    correctsInvoiceId: uuid(), // the VAT invoice a correcting invoice corrects (self-reference, FK in SQL)
    correctionReason: text().notNull().default(''),
    netMinor: bigint({ mode: 'number' }).notNull().default(0),
    vatMinor: bigint({ mode: 'number' }).notNull().default(0),
    grossMinor: bigint({ mode: 'number' }).notNull().default(0),
    payableMinor: bigint({ mode: 'number' }).notNull().default(0), // gross after corrections (VAT invoices)
    paidMinor: bigint({ mode: 'number' }).notNull().default(0),
    paymentStatus: text().notNull().default('unpaid'), // 'unpaid' | 'partially_paid' | 'paid'
    document: jsonb().$type<InvoiceDocument>(), // frozen at issue
    issuedAt: timestamp({ withTimezone: true }),
    issuedBy: uuid().references(() => users.id),
    sentAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    // KSeF: the XML produced at issue (what is or will be sent), the gateway's progress and the number KSeF gave.
    ksefStatus: text().notNull().default('not_sent'), // 'not_sent' | 'pending' | 'accepted' | 'rejected'
    ksefXml: text(),
    ksefReference: text(),
    ksefNumber: text(),
    ksefError: text(),
    ksefUpdatedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    searchText: text().notNull(),
  },
  (t) => [
    uniqueIndex('invoices_number_uq').on(t.number),
    index('invoices_number_key_idx').on(t.numberKey),
    index('invoices_issue_idx').on(t.issueDate, t.id),
    index('invoices_customer_idx').on(t.customerId, t.issueDate, t.id),
    index('invoices_status_idx').on(t.status, t.issueDate, t.id),
    index('invoices_kind_idx').on(t.kind, t.issueDate, t.id),
    index('invoices_payment_idx').on(t.paymentStatus, t.dueDate, t.id).where(sql`${t.status} = 'issued' and ${t.kind} = 'vat'`),
    index('invoices_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('invoices_corrects_idx').on(t.correctsInvoiceId),
    // An order is invoiced once: a cancelled draft frees it.
    uniqueIndex('invoices_service_order_uq').on(t.serviceOrderId).where(sql`${t.status} <> 'cancelled' and ${t.kind} = 'vat'`),
    check('invoices_kind_ck', sql`${t.kind} in ('vat','correction')`),
    check('invoices_status_ck', sql`${t.status} in ('draft','issued','cancelled')`),
    check('invoices_payment_status_ck', sql`${t.paymentStatus} in ('unpaid','partially_paid','paid')`),
    check('invoices_ksef_status_ck', sql`${t.ksefStatus} in ('not_sent','pending','accepted','rejected')`),
    check('invoices_issued_numbered_ck', sql`(${t.status} = 'draft') = (${t.number} is null) or ${t.status} = 'cancelled'`),
    check('invoices_correction_ck', sql`(${t.kind} = 'correction') = (${t.correctsInvoiceId} is not null)`),
  ],
);

/** The lines of a draft or issued invoice; on a correcting invoice, the state after the correction. */
export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: id(),
    invoiceId: uuid()
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    name: text().notNull(),
    quantity: numeric({ precision: 12, scale: 3 }).notNull(),
    unit: text().notNull(),
    unitPriceMinor: bigint({ mode: 'number' }).notNull(),
    discountBp: integer().notNull().default(0),
    netMinor: bigint({ mode: 'number' }).notNull(),
    vatRateCode: text()
      .notNull()
      .references(() => vatRates.code),
    gtu: text(),
    pkwiu: text(),
    annex15: boolean().notNull().default(false), // goods/services of annex 15 (split payment)
    sourceKind: text().notNull().default('free'), // 'free' | 'service' | 'product' | 'part' | 'labour'
    sourceId: uuid(),
  },
  (t) => [
    uniqueIndex('invoice_lines_position_uq').on(t.invoiceId, t.position),
    check('invoice_lines_discount_ck', sql`${t.discountBp} between 0 and 10000`),
  ],
);

/** Money received for an invoice: by hand or matched from a bank statement. */
export const invoicePayments = pgTable(
  'invoice_payments',
  {
    id: id(),
    invoiceId: uuid()
      .notNull()
      .references(() => invoices.id),
    paidOn: date().notNull(),
    amountMinor: bigint({ mode: 'number' }).notNull(),
    method: text().notNull(), // 'transfer' | 'cash' | 'card' | 'other'
    reference: text().notNull().default(''),
    source: text().notNull().default('manual'), // 'manual' | 'bank_statement'
    createdBy: uuid().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('invoice_payments_invoice_idx').on(t.invoiceId, t.paidOn), check('invoice_payments_amount_ck', sql`${t.amountMinor} > 0`)],
);
