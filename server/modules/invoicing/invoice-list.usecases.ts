// The invoice list (keyset pages, filters, totals of the whole filtered set) and its export for the
// accountant. Search: an exact number (with or without separators) or words of the customer's name/NIP.
import type { Readable } from 'node:stream';
import type { Ctx, Deps } from '../../deps.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { keysetBatches } from '../../kernel/db/keyset.ts';
import { exportRows, type ExportColumn } from '../../kernel/http/table-export.ts';
import { decodeCursor, toPage } from '../../kernel/http/pagination.ts';
import { formatMinor } from '../../kernel/money/money.ts';
import { foldText } from '../../kernel/text/normalize.ts';
import { businessDate } from '../../kernel/time/business-date.ts';
import { numberKey } from '../service-orders/service-orders.rules.ts';
import { looseNumberKey } from './invoice-context.ts';
import { invoicesRepository as repo, type InvoiceListFilter, type InvoiceView } from './invoicing.repository.ts';
import type { InvoiceListFilters, InvoiceSummaryDto } from './invoicing.schemas.ts';
import { displayStatus, toSummaryDto } from './invoice-view.ts';

function filterOf(q: InvoiceListFilters, today: string): InvoiceListFilter {
  const text = q.q?.trim() ?? '';
  // a NIP as printed ("526-104-08-28") is stored as its digits
  const pattern = text ? foldText(/^[\d\s-]+$/.test(text) ? text.replace(/[\s-]/g, '') : text) : null;
  const loose = text ? looseNumberKey(text) : null;
  const key = loose ? numberKey(text) : null;
  return { pattern, numberKey: key, looseKey: loose, status: q.status, kind: q.kind, customerId: q.customerId, serviceOrderId: q.serviceOrderId, from: q.from, to: q.to, overdue: q.overdue, today };
}

export async function listInvoices(deps: Deps, ctx: Ctx, q: InvoiceListFilters & { limit: number; cursor?: string | undefined }) {
  authorize(ctx.actor, 'invoices:read');
  const db = deps.database.db;
  const today = businessDate(deps.clock.now());
  const f = filterOf(q, today);
  const after = decodeCursor(q.cursor, 2);
  const { rows, cursorOf } = await repo.list(db, f, after, q.limit);
  const page = toPage(rows, q.limit, cursorOf, (r): InvoiceSummaryDto => toSummaryDto(r, today));
  // Totals only with the first page: later pages belong to the same set.
  const totals = q.cursor ? null : await repo.totals(db, f);
  return { ...page, totals };
}

const STATUS_LABELS: Record<InvoiceSummaryDto['displayStatus'], { pl: string; en: string }> = {
  draft: { pl: 'projekt', en: 'draft' },
  issued: { pl: 'wystawiona', en: 'issued' },
  sent: { pl: 'wysłana', en: 'sent' },
  partially_paid: { pl: 'częściowo opłacona', en: 'partially paid' },
  paid: { pl: 'opłacona', en: 'paid' },
  overdue: { pl: 'po terminie', en: 'overdue' },
  cancelled: { pl: 'anulowana', en: 'cancelled' },
};

const columns = (today: string): ExportColumn<InvoiceView>[] => [
  { pl: 'Numer', en: 'Number', width: 20, value: (r) => r.number ?? '' },
  { pl: 'Rodzaj', en: 'Kind', width: 12, value: (r, l) => (r.kind === 'vat' ? (l === 'pl' ? 'VAT' : 'VAT') : l === 'pl' ? 'korygująca' : 'correcting') },
  { pl: 'Status', en: 'Status', width: 16, value: (r, l) => STATUS_LABELS[displayStatus(r, today)][l] },
  { pl: 'Data wystawienia', en: 'Issue date', width: 12, value: (r) => r.issueDate },
  { pl: 'Data sprzedaży', en: 'Sale date', width: 12, value: (r) => r.saleDate },
  { pl: 'Termin płatności', en: 'Due date', width: 12, value: (r) => r.dueDate },
  { pl: 'Nabywca', en: 'Buyer', width: 36, value: (r) => r.customerName },
  { pl: 'NIP nabywcy', en: 'Buyer NIP', width: 14, value: (r) => r.customerNip ?? '' },
  { pl: 'Netto', en: 'Net', width: 12, value: (r) => formatMinor(r.netMinor) },
  { pl: 'VAT', en: 'VAT', width: 12, value: (r) => formatMinor(r.vatMinor) },
  { pl: 'Brutto', en: 'Gross', width: 12, value: (r) => formatMinor(r.grossMinor) },
  { pl: 'Zapłacono', en: 'Paid', width: 12, value: (r) => formatMinor(r.paidMinor) },
  { pl: 'Do zapłaty', en: 'Balance', width: 12, value: (r) => (r.status === 'issued' && r.kind === 'vat' ? formatMinor(r.payableMinor - r.paidMinor) : '') },
  { pl: 'Podzielona płatność', en: 'Split payment', width: 10, value: (r, l) => (r.splitPayment ? (l === 'pl' ? 'tak' : 'yes') : '') },
  { pl: 'Status KSeF', en: 'KSeF status', width: 12, value: (r) => r.ksefStatus },
  { pl: 'Numer KSeF', en: 'KSeF number', width: 38, value: (r) => r.ksefNumber ?? '' },
  { pl: 'ID', en: 'ID', width: 38, value: (r) => r.id },
];

export function exportInvoices(deps: Deps, ctx: Ctx, q: InvoiceListFilters & { format: 'csv' | 'xlsx' }, lang: 'pl' | 'en'): Readable {
  authorize(ctx.actor, 'invoices:export');
  const today = businessDate(deps.clock.now());
  const f = filterOf(q, today);
  return exportRows({ columns: columns(today), batches: keysetBatches((after, limit) => repo.list(deps.database.db, f, after, limit)), format: q.format, lang, sheet: { pl: 'Faktury', en: 'Invoices' } });
}
