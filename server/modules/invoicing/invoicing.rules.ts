// Invoice amounts, pure. One method everywhere (drafts, issued invoices, corrections, PDF, XML):
// each line's net is rounded to the grosz on its own (quantity × unit price − discount); VAT is then
// computed once per rate on the sum of that rate's line nets (art. 106e ust. 1 pkt 13–14: "suma
// wartości sprzedaży netto" and "kwota podatku od sumy wartości sprzedaży netto" per rate), and gross
// is net + VAT. Computing VAT per line and summing can differ by a grosz or more; see docs/adr/0007.
import { divRound } from '../../kernel/money/money.ts';
import { totalsByRate } from '../service-orders/service-orders.rules.ts';
import type { DocumentLine, DocumentTotals } from './invoice-document.ts';

export type RateInfo = { rateBp: number | null; ksefCode: string };

/** Net of a line after a percentage discount, with the discount in money. Rounded half away from zero. */
export function lineAmounts(quantityThousandths: bigint, unitPriceMinor: number, discountBp: number): { beforeDiscountMinor: number; discountMinor: number; netMinor: number } {
  const before = divRound(quantityThousandths * BigInt(unitPriceMinor), 1000n);
  const net = divRound(quantityThousandths * BigInt(unitPriceMinor) * BigInt(10_000 - discountBp), 10_000_000n);
  return { beforeDiscountMinor: Number(before), discountMinor: Number(before - net), netMinor: Number(net) };
}

/** Totals per rate and overall for a set of lines, by the method described above. */
export function documentTotals(lines: Pick<DocumentLine, 'netMinor' | 'vatRateCode' | 'ksefRateCode' | 'rateBp'>[]): DocumentTotals {
  const t = totalsByRate(lines);
  const info = new Map(lines.map((l) => [l.vatRateCode, { ksefRateCode: l.ksefRateCode, rateBp: l.rateBp }]));
  return {
    rates: t.rates.map((r) => ({ ...r, ksefRateCode: info.get(r.vatRateCode)!.ksefRateCode, rateBp: info.get(r.vatRateCode)!.rateBp })),
    netMinor: t.netMinor,
    vatMinor: t.vatMinor,
    grossMinor: t.grossMinor,
  };
}

/** A correcting invoice's amounts: after − before for every rate present in either state. */
export function correctionTotals(before: DocumentTotals, after: DocumentTotals): DocumentTotals {
  const codes = [...new Set([...before.rates.map((r) => r.vatRateCode), ...after.rates.map((r) => r.vatRateCode)])].sort((a, b) => a.localeCompare(b));
  const rates = codes.map((code) => {
    const b = before.rates.find((r) => r.vatRateCode === code);
    const a = after.rates.find((r) => r.vatRateCode === code);
    const base = (a ?? b)!;
    return {
      vatRateCode: code,
      ksefRateCode: base.ksefRateCode,
      rateBp: base.rateBp,
      netMinor: (a?.netMinor ?? 0) - (b?.netMinor ?? 0),
      vatMinor: (a?.vatMinor ?? 0) - (b?.vatMinor ?? 0),
      grossMinor: (a?.grossMinor ?? 0) - (b?.grossMinor ?? 0),
    };
  });
  return { rates, netMinor: after.netMinor - before.netMinor, vatMinor: after.vatMinor - before.vatMinor, grossMinor: after.grossMinor - before.grossMinor };
}

/** 15 000 zł gross: from this amount split payment is mandatory for goods and services of annex 15 (art. 108a ust. 1a). */
export const SPLIT_PAYMENT_THRESHOLD_MINOR = 1_500_000;

/**
 * Whether the law requires the split-payment marker: a business buyer, gross of at least 15 000 zł,
 * and at least one line of annex 15 goods or services (the user marks such lines; the catalogue does
 * not know the annex). A seller may always mark it voluntarily.
 */
export function splitPaymentRequired(input: { buyerKind: 'company' | 'individual'; grossMinor: number; anyAnnex15Line: boolean }): boolean {
  return input.buyerKind === 'company' && input.anyAnnex15Line && input.grossMinor >= SPLIT_PAYMENT_THRESHOLD_MINOR;
}

export type PaymentStatus = 'unpaid' | 'partially_paid' | 'paid';

/** The payment state of an amount due after what was paid; nothing due (or a refund) counts as paid. */
export function paymentStatus(payableMinor: number, paidMinor: number): PaymentStatus {
  if (payableMinor <= 0 || paidMinor >= payableMinor) return 'paid';
  return paidMinor > 0 ? 'partially_paid' : 'unpaid';
}

/** Overdue: issued, not fully paid, and the due date has passed (the due day itself is still on time). */
export const isOverdue = (i: { paymentStatus: PaymentStatus; dueDate: string }, today: string) => i.paymentStatus !== 'paid' && i.dueDate < today;

/** Days between two local dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.UTC(+b.slice(0, 4), +b.slice(5, 7) - 1, +b.slice(8, 10)) - Date.UTC(+a.slice(0, 4), +a.slice(5, 7) - 1, +a.slice(8, 10))) / 86_400_000);
}

/** A local date plus n days. */
export function addDays(date: string, n: number): string {
  const d = new Date(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10) + n));
  return d.toISOString().slice(0, 10);
}

export const GTU_CODES = ['GTU_01', 'GTU_02', 'GTU_03', 'GTU_04', 'GTU_05', 'GTU_06', 'GTU_07', 'GTU_08', 'GTU_09', 'GTU_10', 'GTU_11', 'GTU_12', 'GTU_13'] as const;

/** Catalogue units as printed on a Polish invoice. */
export function invoiceUnit(catalogUnit: string): string {
  const map: Record<string, string> = { hour: 'godz.', piece: 'szt.', pcs: 'szt.', visit: 'usł.', km: 'km' };
  return map[catalogUnit] ?? catalogUnit;
}

export type LineProblemInput = { quantityThousandths: bigint | null; vatRateCode: string };

/**
 * Problems of draft lines as [index, field, code]: unknown or inactive VAT rates, and quantities that
 * must be positive on a VAT invoice (a correcting invoice may bring a line down to zero).
 */
export function lineProblems(lines: LineProblemInput[], knownRates: Set<string>, kind: 'vat' | 'correction'): { index: number; field: string; code: string }[] {
  const out: { index: number; field: string; code: string }[] = [];
  lines.forEach((l, index) => {
    if (l.quantityThousandths === null) out.push({ index, field: 'quantity', code: 'invoices.quantity_invalid' });
    else if (l.quantityThousandths < 0n || (kind === 'vat' && l.quantityThousandths === 0n)) out.push({ index, field: 'quantity', code: 'invoices.quantity_not_positive' });
    if (!knownRates.has(l.vatRateCode)) out.push({ index, field: 'vatRateCode', code: 'invoices.vat_rate_unknown' });
  });
  return out;
}

/** What stops an invoice from being issued, as field paths and codes (pure; the use case adds the I/O facts). */
export function issueProblems(i: {
  kind: 'vat' | 'correction';
  lineCount: number;
  buyerKind: 'company' | 'individual';
  buyerNip: string | null;
  buyerCountry: string;
  issueDate: string;
  dueDate: string;
  hasExemptLine: boolean;
  exemptionBasis: string;
  splitPayment: boolean;
  splitRequired: boolean;
  correctionReason: string;
  correctionChangesNothing: boolean;
}): { path: string; code: string }[] {
  const out: { path: string; code: string }[] = [];
  if (i.lineCount === 0) out.push({ path: 'lines', code: 'invoices.no_lines' });
  if (i.buyerKind === 'company' && i.buyerCountry === 'PL' && !i.buyerNip) out.push({ path: 'customerId', code: 'invoices.buyer_nip_missing' });
  if (i.dueDate < i.issueDate) out.push({ path: 'dueDate', code: 'invoices.due_before_issue' });
  if (i.hasExemptLine && !i.exemptionBasis.trim()) out.push({ path: 'exemptionBasis', code: 'invoices.exemption_basis_missing' });
  if (i.splitRequired && !i.splitPayment) out.push({ path: 'splitPayment', code: 'invoices.split_payment_required' });
  if (i.kind === 'correction') {
    if (!i.correctionReason.trim()) out.push({ path: 'correctionReason', code: 'invoices.correction_reason_missing' });
    if (i.correctionChangesNothing) out.push({ path: 'lines', code: 'invoices.correction_changes_nothing' });
  }
  return out;
}
