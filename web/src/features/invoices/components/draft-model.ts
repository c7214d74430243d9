// A draft as the editor holds it (texts as typed) and the way back to the API: the PATCH body with
// exact decimals, and the server's field errors (`dueDate`, `lines.2.vatRateCode`) on the fields.
import { ApiError } from '../../../app/api-client.ts';
import type { Language } from '../../../i18n/catalog-types.ts';
import { bpToInput, minorToInput, parseMoneyInput, parsePercentInput, parseQuantityInput, quantitySign, quantityToInput } from '../../../i18n/format.ts';
import type { Translate } from '../../../i18n/translate.ts';
import { fieldErrorText } from '../../../ui/api-error-text.ts';
import type { Invoice, InvoiceDraftPatch, InvoiceLineInput, LineSource, PaymentMethod } from '../api/invoice-shapes.ts';

export type HeaderValues = {
  customerId: string;
  customerName: string;
  saleDate: string;
  dueDate: string;
  paymentMethod: PaymentMethod;
  bankAccount: string;
  splitPayment: boolean;
  exemptionBasis: string;
  placeOfIssue: string;
  lang: 'pl' | 'en';
  notes: string;
  correctionReason: string;
};
export type HeaderField = keyof HeaderValues;
const HEADER_FIELDS: HeaderField[] = ['customerId', 'saleDate', 'dueDate', 'paymentMethod', 'bankAccount', 'splitPayment', 'exemptionBasis', 'placeOfIssue', 'lang', 'notes', 'correctionReason'];

export type Row = {
  key: number;
  name: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  discount: string;
  vatRateCode: string;
  /** '' = no GTU code */
  gtu: string;
  pkwiu: string;
  annex15: boolean;
  sourceKind: LineSource;
  sourceId: string | null;
};
export const ROW_FIELDS = ['name', 'quantity', 'unit', 'unitPrice', 'discount', 'vatRateCode', 'gtu', 'pkwiu', 'annex15'] as const;
export type RowField = (typeof ROW_FIELDS)[number];
export type RowErrors = Partial<Record<RowField, string>>;

export type DraftErrors = {
  header: Partial<Record<HeaderField, string>>;
  rows: Record<number, RowErrors>;
  /** Problems of the lines as a whole (no lines; a correction that changes nothing). */
  lines?: string | undefined;
  /** What belongs to no field on the page. */
  general?: string | null | undefined;
};
export const NO_ERRORS: DraftErrors = { header: {}, rows: {} };
export const hasErrors = (e: DraftErrors) => Object.values(e.header).some(Boolean) || Object.values(e.rows).some((r) => Object.values(r).some(Boolean)) || !!e.lines || !!e.general;

export const headerOf = (i: Invoice): HeaderValues => ({
  customerId: i.customerId,
  customerName: i.customerName,
  saleDate: i.saleDate,
  dueDate: i.dueDate,
  paymentMethod: i.paymentMethod,
  bankAccount: i.bankAccount,
  splitPayment: i.splitPayment,
  exemptionBasis: i.exemptionBasis,
  placeOfIssue: i.placeOfIssue,
  lang: i.lang,
  notes: i.notes,
  correctionReason: i.correctionReason,
});

export const rowOf = (l: InvoiceLineInput, key: number, lang: Language): Row => ({
  key,
  name: l.name,
  quantity: quantityToInput(l.quantity, lang),
  unit: l.unit,
  unitPrice: minorToInput(l.unitPriceMinor, lang),
  discount: l.discountBp ? bpToInput(l.discountBp, lang) : '',
  vatRateCode: l.vatRateCode,
  gtu: l.gtu ?? '',
  pkwiu: l.pkwiu ?? '',
  annex15: l.annex15,
  sourceKind: l.sourceKind,
  sourceId: l.sourceId,
});

export const emptyRow = (key: number): Row => ({ key, name: '', quantity: '1', unit: 'szt.', unitPrice: '', discount: '', vatRateCode: '23', gtu: '', pkwiu: '', annex15: false, sourceKind: 'free', sourceId: null });

/** What the editor compares to know whether there is something to save. */
export const snapshot = (h: HeaderValues, rows: Row[]) => JSON.stringify([h, rows.map(({ key: _k, ...r }) => r)]);

/**
 * The PATCH body of the whole draft, or the errors that keep it from being sent (checked here so
 * that nothing half-typed reaches the server: quantities, prices and discounts are exact decimals).
 */
export function buildPatch(kind: 'vat' | 'correction', h: HeaderValues, rows: Row[], t: Translate): { patch: InvoiceDraftPatch | null; errors: DraftErrors } {
  const errors: DraftErrors = { header: {}, rows: {} };
  const lines: InvoiceLineInput[] = [];
  for (const r of rows) {
    const er: RowErrors = {};
    const quantity = parseQuantityInput(r.quantity);
    const price = parseMoneyInput(r.unitPrice);
    const discount = r.discount.trim() === '' ? 0 : parsePercentInput(r.discount);
    if (!r.name.trim()) er.name = t('common.required');
    if (quantity === null) er.quantity = t('invoices.lines.quantityInvalid');
    else if (quantitySign(quantity) < 0 || (kind === 'vat' && quantitySign(quantity) === 0)) er.quantity = t('invoices.errors.invoices.quantity_not_positive');
    if (!r.unit.trim()) er.unit = t('common.required');
    if (!r.unitPrice.trim()) er.unitPrice = t('common.required');
    else if (price === null) er.unitPrice = t('invoices.lines.priceInvalid');
    if (discount === null || discount < 0 || discount > 10_000) er.discount = t('invoices.lines.discountInvalid');
    if (!r.vatRateCode) er.vatRateCode = t('common.required');
    if (Object.keys(er).length) errors.rows[r.key] = er;
    else
      lines.push({
        name: r.name.trim(),
        quantity: quantity!,
        unit: r.unit.trim(),
        unitPriceMinor: price!,
        discountBp: discount!,
        vatRateCode: r.vatRateCode,
        gtu: r.gtu || null,
        pkwiu: r.pkwiu.trim() || null,
        annex15: r.annex15,
        sourceKind: r.sourceKind,
        sourceId: r.sourceId,
      });
  }
  if (kind === 'vat' && !h.customerId) errors.header.customerId = t('common.required');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(h.saleDate)) errors.header.saleDate = t('invoices.detail.dateInvalid');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(h.dueDate)) errors.header.dueDate = t('invoices.detail.dateInvalid');
  if (hasErrors(errors)) return { patch: null, errors };
  const patch: InvoiceDraftPatch = {
    lang: h.lang,
    saleDate: h.saleDate,
    dueDate: h.dueDate,
    paymentMethod: h.paymentMethod,
    bankAccount: h.bankAccount.replace(/\s/g, ''),
    splitPayment: h.splitPayment,
    exemptionBasis: h.exemptionBasis.trim(),
    placeOfIssue: h.placeOfIssue.trim(),
    notes: h.notes.trim(),
    lines,
    ...(kind === 'vat' ? { customerId: h.customerId } : { correctionReason: h.correctionReason.trim() }),
  };
  return { patch, errors };
}

const API_ROW_FIELDS: Record<string, RowField> = { unitPriceMinor: 'unitPrice', discountBp: 'discount', sourceId: 'name', sourceKind: 'name' };

/** The API's errors[] on the header fields, the rows (by index in the sent lines) and the rest. */
export function apiErrors(error: unknown, rows: Row[], t: Translate, general: (rest: string[]) => string | null): DraftErrors {
  const out: DraftErrors = { header: {}, rows: {} };
  const rest: string[] = [];
  for (const fe of error instanceof ApiError ? error.errors : []) {
    const text = fieldErrorText(t, fe);
    const m = /^lines\.(\d+)\.(\w+)/.exec(fe.path);
    if (m) {
      const row = rows[Number(m[1])];
      const field = API_ROW_FIELDS[m[2]!] ?? m[2]!;
      if (row && (ROW_FIELDS as readonly string[]).includes(field)) {
        out.rows[row.key] = { ...out.rows[row.key], [field]: out.rows[row.key]?.[field as RowField] ?? text };
        continue;
      }
    }
    if (fe.path === 'lines') {
      out.lines = out.lines ? `${out.lines} ${text}` : text;
      continue;
    }
    if ((HEADER_FIELDS as string[]).includes(fe.path)) {
      out.header[fe.path as HeaderField] ??= text;
      continue;
    }
    rest.push(fe.path ? `${fe.path}: ${text}` : text);
  }
  const landed = Object.keys(out.header).length > 0 || Object.keys(out.rows).length > 0 || !!out.lines;
  out.general = landed && rest.length === 0 ? null : general(rest);
  return out;
}

/** Every message of the errors, one per field, for a notification ("pozycja 2: …"). */
export function errorSummary(e: DraftErrors, rows: Row[], t: Translate): string[] {
  const out: string[] = [];
  for (const m of Object.values(e.header)) if (m) out.push(m);
  if (e.lines) out.push(e.lines);
  rows.forEach((r, i) => {
    const er = e.rows[r.key];
    if (er) for (const m of Object.values(er)) if (m) out.push(`${t('invoices.lines.lineN', { n: i + 1 })}: ${m}`);
  });
  if (e.general) out.push(e.general);
  return out;
}
