// Loading what an invoice's document needs (seller, buyer, rates, lines, the corrected state) inside
// the caller's transaction, and turning it into the API's DTO.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../kernel/errors/app-error.ts';
import { foldText } from '../../kernel/text/normalize.ts';
import { findCompany } from '../company/company.usecases.ts';
import { customers } from '../customers/customers.table.ts';
import { numberKey } from '../service-orders/service-orders.rules.ts';
import type { DocumentLine, InvoiceDocument } from './invoice-document.ts';
import { invoicesRepository as repo, type InvoiceRow, type InvoiceView, type LineRow } from './invoicing.repository.ts';
import type { InvoiceDto } from './invoicing.schemas.ts';
import { buildDocument, loadRates, toDocumentLine, toInvoiceDto, type Buyer, type Party, type Rates } from './invoice-view.ts';

export async function sellerOf(db: Db, bankAccount: string): Promise<Party> {
  const c = await findCompany(db);
  if (!c) throw notFound('company');
  return { name: c.name, nip: c.nip, street: c.street, postalCode: c.postalCode, city: c.city, country: c.country, email: c.email, phone: c.phone, bankAccount };
}

export async function buyerOf(db: Db, customerId: string): Promise<Buyer> {
  const c = (await db.select().from(customers).where(eq(customers.id, customerId)).limit(1))[0];
  if (!c) throw notFound('customers');
  return { kind: c.kind === 'individual' ? 'individual' : 'company', name: c.name, nip: c.nip ?? null, street: c.street, postalCode: c.postalCode, city: c.city, country: c.country, email: c.email, phone: c.phone };
}

/** The lines of a VAT invoice as they stand now: after its latest issued correction, else as issued. */
export async function currentLinesOf(db: Db, vatInvoice: InvoiceRow): Promise<DocumentLine[]> {
  const issuedCorrections = (await repo.corrections(db, vatInvoice.id)).filter((c) => c.status === 'issued' && c.document);
  const latest = issuedCorrections.sort((a, b) => a.issuedAt!.getTime() - b.issuedAt!.getTime()).at(-1);
  return (latest?.document ?? vatInvoice.document)?.lines ?? [];
}

/** The document of an invoice: frozen once issued; built from the current data while a draft. */
export async function documentOf(db: Db, row: InvoiceRow, lines: LineRow[], rates: Rates): Promise<InvoiceDocument> {
  if (row.document) return { ...row.document, ksefNumber: row.ksefNumber };
  let corrected: Parameters<typeof buildDocument>[0]['corrected'] = null;
  if (row.kind === 'correction') {
    const original = await repo.find(db, row.correctsInvoiceId!);
    if (!original) throw notFound('invoices');
    corrected = { number: original.number!, issueDate: original.issueDate, ksefNumber: original.ksefNumber, linesBefore: await currentLinesOf(db, original) };
  }
  return buildDocument({
    row,
    number: null,
    issueDate: row.issueDate,
    lines: lines.map((l) => toDocumentLine(l, rates)),
    seller: await sellerOf(db, row.bankAccount),
    buyer: await buyerOf(db, row.customerId),
    rates,
    corrected,
  });
}

export async function invoiceDto(db: Db, id: string, today: string): Promise<InvoiceDto> {
  const view: InvoiceView | undefined = await repo.view(db, id);
  if (!view) throw notFound('invoices');
  const rates = await loadRates(db);
  const lines = await repo.lines(db, id);
  const doc = await documentOf(db, view, lines, rates);
  const corrections = view.kind === 'vat' ? await repo.corrections(db, id) : [];
  const correctsNumber = view.correctsInvoiceId ? ((await repo.find(db, view.correctsInvoiceId))?.number ?? null) : null;
  const serviceOrderNumber = view.serviceOrderId ? await repo.orderNumber(db, view.serviceOrderId) : null;
  return toInvoiceDto(view, doc, lines, {
    today,
    serviceOrderNumber,
    correctsNumber,
    corrections: corrections.map((c) => ({ id: c.id, number: c.number, status: c.status as 'draft' | 'issued' | 'cancelled', grossMinor: c.grossMinor, issueDate: c.issueDate })),
    anyAnnex15: lines.some((l) => l.annex15),
  });
}

/**
 * A number as people type it in a transfer title or the search box, without separators and without
 * the zeros that pad its parts: "FV/2025/03/0123", "fv 2025 3 123" and "FV-2025-03-123" all give
 * "fv20253123". Null when the text has no letters and digits together (not a number).
 */
export function looseNumberKey(text: string): string | null {
  const parts = foldText(text).split(/[^a-z0-9]+/).filter(Boolean);
  const key = parts.map((p) => (/^\d+$/.test(p) ? String(Number(p)) : p)).join('');
  return /[a-z]/.test(key) && /\d/.test(key) ? key : null;
}

/** Number (as printed, without separators, and loose as its own segment), customer name and NIP, folded. */
export const invoiceSearchText = (number: string | null, customerName: string, nip: string | null) =>
  foldText([number ?? '', number ? numberKey(number) : '', customerName, nip ?? ''].join(' | ')) + (number ? ` | ${looseNumberKey(number) ?? ''} |` : '');
