// The API contract of invoicing: seller settings, invoices and correcting invoices (drafts, issue,
// corrections), payments, KSeF state and the list with totals. Money in integer grosze; quantities
// as exact decimal strings ("1.500"); business dates as YYYY-MM-DD (Warsaw).
import { z } from 'zod';
import { cursorSchema, limitSchema } from '../../kernel/http/pagination.ts';
import { quantityString } from '../catalog/parts.schemas.ts';
import { GTU_CODES } from './invoicing.rules.ts';

const text = (max: number) => z.string().trim().max(max);
const businessDate = z.iso.date().describe('YYYY-MM-DD (Warsaw date)');
const price = z.number().int().min(0).max(1_000_000_000_00).describe('Integer minor units (grosze)');
const signedMinor = z.number().int().describe('Integer minor units (grosze); negative on a correction that lowers the amount');

export const PAYMENT_METHODS = ['transfer', 'cash', 'card', 'other'] as const;
export const paymentMethodSchema = z.enum(PAYMENT_METHODS);
export const RESETS = ['monthly', 'yearly'] as const;
export const DISPLAY_STATUSES = ['draft', 'issued', 'sent', 'partially_paid', 'paid', 'overdue', 'cancelled'] as const;
export const KSEF_STATUSES = ['not_sent', 'pending', 'accepted', 'rejected'] as const;
export const LINE_SOURCES = ['free', 'service', 'product', 'part', 'labour'] as const;

export const idParams = z.object({ id: z.uuid() });

// ── settings ───────────────────────────────────────────────────────────────────────────────────

export const invoiceSettingsInput = z.object({
  placeOfIssue: text(100).default(''),
  paymentDays: z.number().int().min(0).max(365).default(14),
  paymentMethod: paymentMethodSchema.default('transfer'),
  bankAccounts: z
    .array(z.object({ account: text(40).min(1).describe('NRB (26 digits) or PL IBAN; checked by checksum'), label: text(100).default('') }))
    .max(10)
    .default([])
    .describe('The first is printed on new invoices'),
  language: z.enum(['pl', 'en']).default('pl'),
  vatPattern: text(60).min(1).default('FV/{YYYY}/{MM}/{NNNN}').describe('{YYYY}, {YY}, {MM} and {NNNN} (the sequence, zero-padded to the width)'),
  vatReset: z.enum(RESETS).default('monthly'),
  correctionPattern: text(60).min(1).default('FK/{YYYY}/{MM}/{NNNN}'),
  correctionReset: z.enum(RESETS).default('monthly'),
  exemptionBasis: text(500).default('').describe('Legal basis printed when a line is VAT-exempt (zw)'),
  notes: text(2000).default('').describe('Notes put on new invoices'),
});
export type InvoiceSettingsInput = z.infer<typeof invoiceSettingsInput>;
export const invoiceSettingsSchema = invoiceSettingsInput
  .extend({ bankAccounts: z.array(z.object({ account: z.string(), label: z.string() })), sellerReady: z.boolean().describe('Company name, NIP and address are filled in'), updatedAt: z.iso.datetime() })
  .meta({ id: 'InvoiceSettings' });
export type InvoiceSettingsDto = z.infer<typeof invoiceSettingsSchema>;

// ── lines ──────────────────────────────────────────────────────────────────────────────────────

export const invoiceLineInput = z.object({
  name: text(500).min(1),
  quantity: quantityString,
  unit: text(20).min(1).default('szt.'),
  unitPriceMinor: price.describe('Net unit price before discount, grosze'),
  discountBp: z.number().int().min(0).max(10_000).default(0).describe('Discount in basis points (1000 = 10%)'),
  vatRateCode: text(10).min(1),
  gtu: z.enum(GTU_CODES).nullable().default(null),
  pkwiu: text(30).nullable().default(null),
  annex15: z.boolean().default(false).describe('Goods or services of annex 15 to the VAT act (split payment)'),
  sourceKind: z.enum(LINE_SOURCES).default('free'),
  sourceId: z.uuid().nullable().default(null),
});
export type InvoiceLineInput = z.infer<typeof invoiceLineInput>;

export const invoiceLineSchema = invoiceLineInput.extend({
  position: z.number().int().describe('1-based'),
  quantity: z.string(),
  unit: z.string(),
  pkwiu: z.string().nullable(),
  discountMinor: z.number().int(),
  netMinor: signedMinor,
  vatRateLabel: z.string(),
});
export type InvoiceLineDto = z.infer<typeof invoiceLineSchema>;

export const MAX_INVOICE_LINES = 300;

// ── invoices ───────────────────────────────────────────────────────────────────────────────────

export const invoiceDraftInput = z.object({
  customerId: z.uuid(),
  lang: z.enum(['pl', 'en']).optional().describe('Defaults to the settings'),
  saleDate: businessDate.optional().describe('Defaults to today'),
  dueDate: businessDate.optional().describe('Defaults to today + the settings’ payment days'),
  paymentMethod: paymentMethodSchema.optional(),
  bankAccount: text(40).optional(),
  splitPayment: z.boolean().default(false),
  exemptionBasis: text(500).optional(),
  placeOfIssue: text(100).optional(),
  notes: text(2000).optional(),
  lines: z.array(invoiceLineInput).max(MAX_INVOICE_LINES).default([]),
});
export type InvoiceDraftInput = z.infer<typeof invoiceDraftInput>;

export const invoiceDraftPatch = z
  .object({
    customerId: z.uuid(),
    lang: z.enum(['pl', 'en']),
    saleDate: businessDate,
    dueDate: businessDate,
    paymentMethod: paymentMethodSchema,
    bankAccount: text(40),
    splitPayment: z.boolean(),
    exemptionBasis: text(500),
    placeOfIssue: text(100),
    notes: text(2000),
    correctionReason: text(1000).describe('Correcting invoices only'),
    lines: z.array(invoiceLineInput).max(MAX_INVOICE_LINES).describe('Replaces all lines'),
  })
  .partial();
export type InvoiceDraftPatch = z.infer<typeof invoiceDraftPatch>;

export const correctionInput = z.object({ reason: text(1000).min(1).describe('Why the invoice is corrected (printed and sent to KSeF)') });
export const ksefRecordInput = z.object({
  status: z.enum(['pending', 'accepted', 'rejected']),
  ksefNumber: text(60).nullable().default(null).describe('The number KSeF gave (required when accepted)'),
  reference: text(100).nullable().default(null),
  error: text(2000).nullable().default(null),
});
export type KsefRecordInput = z.infer<typeof ksefRecordInput>;

const rateTotal = z.object({ vatRateCode: z.string(), vatRateLabel: z.string(), netMinor: signedMinor, vatMinor: signedMinor, grossMinor: signedMinor });
export const invoiceTotalsSchema = z.object({ rates: z.array(rateTotal), netMinor: signedMinor, vatMinor: signedMinor, grossMinor: signedMinor });

export const invoiceSummarySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['vat', 'correction']),
    status: z.enum(['draft', 'issued', 'cancelled']),
    displayStatus: z.enum(DISPLAY_STATUSES),
    number: z.string().nullable(),
    customerId: z.uuid(),
    customerName: z.string(),
    customerNip: z.string().nullable(),
    issueDate: businessDate,
    saleDate: businessDate,
    dueDate: businessDate,
    netMinor: signedMinor,
    vatMinor: signedMinor,
    grossMinor: signedMinor,
    payableMinor: signedMinor.describe('What the customer owes on this invoice after its corrections'),
    paidMinor: signedMinor,
    balanceMinor: signedMinor,
    paymentStatus: z.enum(['unpaid', 'partially_paid', 'paid']),
    overdue: z.boolean(),
    daysOverdue: z.number().int(),
    correctsInvoiceId: z.uuid().nullable(),
    serviceOrderId: z.uuid().nullable(),
    ksefStatus: z.enum(KSEF_STATUSES),
    ksefNumber: z.string().nullable(),
  })
  .meta({ id: 'InvoiceSummary' });
export type InvoiceSummaryDto = z.infer<typeof invoiceSummarySchema>;

export const invoiceSchema = invoiceSummarySchema
  .extend({
    lang: z.enum(['pl', 'en']),
    paymentMethod: paymentMethodSchema,
    bankAccount: z.string(),
    splitPayment: z.boolean(),
    splitPaymentRequired: z.boolean().describe('The law requires the split-payment marker for this content'),
    exemptionBasis: z.string(),
    placeOfIssue: z.string(),
    notes: z.string(),
    serviceOrderNumber: z.string().nullable(),
    correctsNumber: z.string().nullable(),
    correctionReason: z.string(),
    corrections: z.array(z.object({ id: z.uuid(), number: z.string().nullable(), status: z.enum(['draft', 'issued', 'cancelled']), grossMinor: signedMinor, issueDate: businessDate })),
    lines: z.array(invoiceLineSchema),
    linesBefore: z.array(invoiceLineSchema).nullable().describe('Correcting invoices: the corrected lines as they stood'),
    totals: invoiceTotalsSchema,
    totalsBefore: invoiceTotalsSchema.nullable(),
    totalsAfter: invoiceTotalsSchema.nullable(),
    issuedAt: z.iso.datetime().nullable(),
    sentAt: z.iso.datetime().nullable(),
    cancelledAt: z.iso.datetime().nullable(),
    ksefReference: z.string().nullable(),
    ksefError: z.string().nullable(),
    ksefUpdatedAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Invoice' });
export type InvoiceDto = z.infer<typeof invoiceSchema>;

export const invoiceListFilters = z.object({
  q: text(200).optional().describe('Number (with or without separators), customer name or NIP'),
  status: z.enum(DISPLAY_STATUSES).optional(),
  kind: z.enum(['vat', 'correction']).optional(),
  customerId: z.uuid().optional(),
  serviceOrderId: z.uuid().optional(),
  from: businessDate.optional().describe('Issue date from (inclusive)'),
  to: businessDate.optional().describe('Issue date to (inclusive)'),
  overdue: z.stringbool().optional().describe('true: only overdue invoices; false: none of them'),
});
export type InvoiceListFilters = z.infer<typeof invoiceListFilters>;
export const invoiceListQuery = invoiceListFilters.extend({ limit: limitSchema, cursor: cursorSchema });
export const invoiceExportQuery = invoiceListFilters.extend({ format: z.enum(['csv', 'xlsx']).default('csv'), lang: z.enum(['pl', 'en']).default('pl').describe('Language of the header row and of status values') });

export const invoicePageSchema = z.object({
  items: z.array(invoiceSummarySchema),
  nextCursor: z.string().nullable(),
  totals: z
    .object({
      capped: z.boolean().describe('The set has more than `count` invoices: sums are not given, narrow the filter (e.g. to a month)'),
      count: z.number().int(),
      netMinor: signedMinor.nullable(),
      vatMinor: signedMinor.nullable(),
      grossMinor: signedMinor.nullable(),
      balanceMinor: signedMinor.nullable(),
    })
    .nullable()
    .describe('Of the whole filtered set, not just the page; with the first page only (null with a cursor)'),
});

// ── payments ───────────────────────────────────────────────────────────────────────────────────

export const paymentInput = z.object({
  paidOn: businessDate.optional().describe('Defaults to today'),
  amountMinor: z.number().int().min(1).max(1_000_000_000_00),
  method: paymentMethodSchema.default('transfer'),
  reference: text(300).default(''),
});
export type PaymentInput = z.infer<typeof paymentInput>;
export const paymentSchema = z
  .object({ id: z.uuid(), invoiceId: z.uuid(), paidOn: businessDate, amountMinor: z.number().int(), method: paymentMethodSchema, reference: z.string(), source: z.enum(['manual', 'bank_statement']), createdByName: z.string().nullable(), createdAt: z.iso.datetime() })
  .meta({ id: 'InvoicePayment' });
export type PaymentDto = z.infer<typeof paymentSchema>;

// ── bank statement ─────────────────────────────────────────────────────────────────────────────

export const statementPreviewInput = z.object({ contentBase64: z.string().min(1).max(14_000_000).describe('The CSV file exported from the bank, Base64 (UTF-8 or Windows-1250)') });
export const statementRowSchema = z.object({
  row: z.number().int().describe('Line in the file'),
  paidOn: businessDate.nullable(),
  amountMinor: z.number().int().nullable(),
  title: z.string(),
  counterparty: z.string(),
  state: z.enum(['matched', 'no_invoice', 'ambiguous', 'outgoing', 'unreadable', 'exceeds_balance', 'already_recorded', 'invoice_paid']),
  invoiceId: z.uuid().nullable(),
  invoiceNumber: z.string().nullable(),
  balanceMinor: z.number().int().nullable(),
});
export const statementCommitInput = z.object({
  rows: z.array(z.object({ invoiceId: z.uuid(), paidOn: businessDate, amountMinor: z.number().int().min(1).max(1_000_000_000_00), reference: text(300).default('') })).max(5_000),
});
