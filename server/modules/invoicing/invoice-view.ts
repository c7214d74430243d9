// From rows to what the outside sees: the frozen legal document (for PDF and XML) and the API DTOs.
import type { Db } from '../../db/client.ts';
import { quantityFromDb } from '../../kernel/money/quantity.ts';
import { vatRates } from '../catalog/catalog.table.ts';
import type { DocumentLine, DocumentTotals, InvoiceDocument } from './invoice-document.ts';
import { correctionTotals, daysBetween, documentTotals, isOverdue, lineAmounts, splitPaymentRequired, type PaymentStatus } from './invoicing.rules.ts';
import type { InvoiceRow, InvoiceView, LineRow } from './invoicing.repository.ts';
import type { InvoiceDto, InvoiceLineDto, InvoiceSummaryDto } from './invoicing.schemas.ts';

export type RateInfo = { rateBp: number | null; ksefCode: string; active: boolean; position: number };
export type Rates = Map<string, RateInfo>;

export async function loadRates(db: Db): Promise<Rates> {
  const rows = await db.select().from(vatRates).limit(100);
  return new Map(rows.map((r) => [r.code, { rateBp: r.rateBp, ksefCode: r.ksefCode, active: r.active, position: r.position }]));
}

export const rateLabel = (code: string, rateBp: number | null) => (rateBp === null ? code : `${rateBp / 100}%`);

export function toDocumentLine(l: Pick<LineRow, 'position' | 'name' | 'unit' | 'quantity' | 'unitPriceMinor' | 'discountBp' | 'vatRateCode' | 'gtu' | 'pkwiu' | 'annex15'>, rates: Rates): DocumentLine {
  const rate = rates.get(l.vatRateCode);
  const q = quantityFromDb(l.quantity);
  const a = lineAmounts(q, l.unitPriceMinor, l.discountBp);
  return {
    position: l.position,
    name: l.name,
    unit: l.unit,
    quantity: l.quantity.includes('.') ? l.quantity.padEnd(l.quantity.indexOf('.') + 4, '0') : `${l.quantity}.000`,
    unitPriceMinor: l.unitPriceMinor,
    discountBp: l.discountBp,
    discountMinor: a.discountMinor,
    netMinor: a.netMinor,
    vatRateCode: l.vatRateCode,
    ksefRateCode: rate?.ksefCode ?? l.vatRateCode,
    rateBp: rate?.rateBp ?? null,
    gtu: l.gtu,
    pkwiu: l.pkwiu,
    annex15: l.annex15,
  };
}

/** Rates ordered as the company lists them (23, 8, 5, 0, zw, np, oo), for tables and XML alike. */
export function orderRates(t: DocumentTotals, rates: Rates): DocumentTotals {
  const pos = (c: string) => rates.get(c)?.position ?? 999;
  return { ...t, rates: [...t.rates].sort((a, b) => pos(a.vatRateCode) - pos(b.vatRateCode)) };
}

export type Party = InvoiceDocument['seller'];
export type Buyer = InvoiceDocument['buyer'];

/** The document of an invoice as it stands (a draft preview or the content to freeze at issue). */
export function buildDocument(i: {
  row: InvoiceRow;
  number: string | null;
  issueDate: string;
  lines: DocumentLine[];
  seller: Party;
  buyer: Buyer;
  rates: Rates;
  corrected: null | { number: string; issueDate: string; ksefNumber: string | null; linesBefore: DocumentLine[] };
}): InvoiceDocument {
  const after = orderRates(documentTotals(i.lines), i.rates);
  const before = i.corrected ? orderRates(documentTotals(i.corrected.linesBefore), i.rates) : null;
  const totals = before ? orderRates(correctionTotals(before, after), i.rates) : after;
  return {
    kind: i.row.kind === 'correction' ? 'correction' : 'vat',
    number: i.number,
    lang: i.row.lang === 'en' ? 'en' : 'pl',
    issueDate: i.issueDate,
    saleDate: i.row.saleDate,
    placeOfIssue: i.row.placeOfIssue,
    currency: 'PLN',
    seller: i.seller,
    buyer: i.buyer,
    lines: i.lines,
    totals,
    payment: { method: i.row.paymentMethod as InvoiceDocument['payment']['method'], dueDate: i.row.dueDate, bankAccount: i.row.bankAccount, amountMinor: totals.grossMinor },
    splitPayment: i.row.splitPayment,
    exemptionBasis: i.lines.some((l) => l.vatRateCode === 'zw') || i.corrected?.linesBefore.some((l) => l.vatRateCode === 'zw') ? i.row.exemptionBasis || null : null,
    notes: i.row.notes,
    ksefNumber: null,
    correction: i.corrected
      ? { reason: i.row.correctionReason, correctedNumber: i.corrected.number, correctedIssueDate: i.corrected.issueDate, correctedKsefNumber: i.corrected.ksefNumber, linesBefore: i.corrected.linesBefore, totalsBefore: before!, totalsAfter: after }
      : null,
  };
}

export function displayStatus(r: InvoiceRow, today: string): InvoiceSummaryDto['displayStatus'] {
  if (r.status === 'draft' || r.status === 'cancelled') return r.status;
  if (r.kind === 'vat') {
    if (r.paymentStatus === 'paid') return 'paid';
    if (isOverdue({ paymentStatus: r.paymentStatus as PaymentStatus, dueDate: r.dueDate }, today)) return 'overdue';
    if (r.paymentStatus === 'partially_paid') return 'partially_paid';
  }
  return r.sentAt ? 'sent' : 'issued';
}

export function toSummaryDto(r: InvoiceView, today: string): InvoiceSummaryDto {
  const overdue = r.status === 'issued' && r.kind === 'vat' && isOverdue({ paymentStatus: r.paymentStatus as PaymentStatus, dueDate: r.dueDate }, today);
  const counts = r.status === 'issued' && r.kind === 'vat';
  return {
    id: r.id,
    kind: r.kind as 'vat' | 'correction',
    status: r.status as 'draft' | 'issued' | 'cancelled',
    displayStatus: displayStatus(r, today),
    number: r.number,
    customerId: r.customerId,
    customerName: r.customerName,
    customerNip: r.customerNip,
    issueDate: r.issueDate,
    saleDate: r.saleDate,
    dueDate: r.dueDate,
    netMinor: r.netMinor,
    vatMinor: r.vatMinor,
    grossMinor: r.grossMinor,
    payableMinor: counts ? r.payableMinor : 0,
    paidMinor: r.paidMinor,
    balanceMinor: counts ? r.payableMinor - r.paidMinor : 0,
    paymentStatus: r.paymentStatus as PaymentStatus,
    overdue,
    daysOverdue: overdue ? daysBetween(r.dueDate, today) : 0,
    correctsInvoiceId: r.correctsInvoiceId,
    serviceOrderId: r.serviceOrderId,
    ksefStatus: r.ksefStatus as InvoiceSummaryDto['ksefStatus'],
    ksefNumber: r.ksefNumber,
  };
}

export function lineDto(l: DocumentLine, extra: Partial<Pick<LineRow, 'annex15' | 'sourceKind' | 'sourceId'>> = {}): InvoiceLineDto {
  return {
    position: l.position,
    name: l.name,
    quantity: l.quantity,
    unit: l.unit,
    unitPriceMinor: l.unitPriceMinor,
    discountBp: l.discountBp,
    discountMinor: l.discountMinor,
    netMinor: l.netMinor,
    vatRateCode: l.vatRateCode,
    vatRateLabel: rateLabel(l.vatRateCode, l.rateBp),
    gtu: (l.gtu as InvoiceLineDto['gtu']) ?? null,
    pkwiu: l.pkwiu,
    annex15: extra.annex15 ?? l.annex15 ?? false,
    sourceKind: (extra.sourceKind as InvoiceLineDto['sourceKind']) ?? 'free',
    sourceId: extra.sourceId ?? null,
  };
}

const totalsDto = (t: DocumentTotals) => ({ ...t, rates: t.rates.map((r) => ({ vatRateCode: r.vatRateCode, vatRateLabel: rateLabel(r.vatRateCode, r.rateBp), netMinor: r.netMinor, vatMinor: r.vatMinor, grossMinor: r.grossMinor })) });

export function toInvoiceDto(
  r: InvoiceView,
  doc: InvoiceDocument,
  lineRows: LineRow[],
  extra: { today: string; serviceOrderNumber: string | null; correctsNumber: string | null; corrections: InvoiceDto['corrections']; anyAnnex15: boolean },
): InvoiceDto {
  const byPosition = new Map(lineRows.map((l) => [l.position, l]));
  return {
    ...toSummaryDto(r, extra.today),
    lang: r.lang === 'en' ? 'en' : 'pl',
    paymentMethod: r.paymentMethod as InvoiceDto['paymentMethod'],
    bankAccount: r.bankAccount,
    splitPayment: r.splitPayment,
    splitPaymentRequired: splitPaymentRequired({ buyerKind: doc.buyer.kind, grossMinor: doc.correction ? doc.correction.totalsAfter.grossMinor : doc.totals.grossMinor, anyAnnex15Line: extra.anyAnnex15 }),
    exemptionBasis: r.exemptionBasis,
    placeOfIssue: r.placeOfIssue,
    notes: r.notes,
    serviceOrderNumber: extra.serviceOrderNumber,
    correctsNumber: extra.correctsNumber,
    correctionReason: r.correctionReason,
    corrections: extra.corrections,
    lines: doc.lines.map((l) => lineDto(l, byPosition.get(l.position) ?? {})),
    linesBefore: doc.correction ? doc.correction.linesBefore.map((l) => lineDto(l)) : null,
    totals: totalsDto(doc.totals),
    totalsBefore: doc.correction ? totalsDto(doc.correction.totalsBefore) : null,
    totalsAfter: doc.correction ? totalsDto(doc.correction.totalsAfter) : null,
    issuedAt: r.issuedAt?.toISOString() ?? null,
    sentAt: r.sentAt?.toISOString() ?? null,
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
    ksefReference: r.ksefReference,
    ksefError: r.ksefError,
    ksefUpdatedAt: r.ksefUpdatedAt?.toISOString() ?? null,
    updatedAt: r.updatedAt.toISOString(),
  };
}
