// Invoice enums for people, and the few calculations the screens make before the server answers.
import { parseMoneyInput, parsePercentInput, parseQuantityInput } from '../../../i18n/format.ts';
import type { Translate } from '../../../i18n/translate.ts';
import type { DisplayStatus, Invoice, InvoiceSummary, KsefStatus, PaymentMethod } from '../api/invoice-shapes.ts';

export const PAYMENT_METHODS: readonly PaymentMethod[] = ['transfer', 'cash', 'card', 'other'];
export const DISPLAY_STATUSES: readonly DisplayStatus[] = ['draft', 'issued', 'sent', 'partially_paid', 'paid', 'overdue', 'cancelled'];
export const GTU_CODES = ['GTU_01', 'GTU_02', 'GTU_03', 'GTU_04', 'GTU_05', 'GTU_06', 'GTU_07', 'GTU_08', 'GTU_09', 'GTU_10', 'GTU_11', 'GTU_12', 'GTU_13'] as const;

export const statusLabel = (t: Translate, s: DisplayStatus) => t(`invoices.statuses.${s}`);
export const kindLabel = (t: Translate, k: 'vat' | 'correction') => t(`invoices.kinds.${k}`);
export const methodLabel = (t: Translate, m: PaymentMethod) => t(`invoices.paymentMethods.${m}`);
export const ksefLabel = (t: Translate, s: KsefStatus) => t(`invoices.ksefStatuses.${s}`);

export const STATUS_COLORS: Record<DisplayStatus, string> = {
  draft: 'gray',
  issued: 'blue',
  sent: 'indigo',
  partially_paid: 'yellow',
  paid: 'green',
  overdue: 'red',
  cancelled: 'dark',
};
export const KSEF_COLORS: Record<KsefStatus, string> = { not_sent: 'gray', pending: 'yellow', accepted: 'green', rejected: 'red' };

/** "FV/2026/05/0001", or "Projekt" for a draft that has no number yet. */
export const numberOrDraft = (t: Translate, i: Pick<InvoiceSummary, 'number'>) => i.number ?? t('invoices.draftNumber');

/** The page title: "Faktura VAT FV/2026/05/0001" / "Faktura korygująca — projekt". */
export const invoiceTitle = (t: Translate, i: Pick<Invoice, 'kind' | 'number'>) => (i.number ? `${kindLabel(t, i.kind)} ${i.number}` : t('invoices.detail.draftTitle', { kind: kindLabel(t, i.kind) }));

/** Rounds a/b half away from zero (as the server's divRound). */
function divRound(a: bigint, b: bigint): bigint {
  const neg = a < 0n !== b < 0n;
  const [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  const q = (x * 2n + y) / (2n * y);
  return neg ? -q : q;
}

/**
 * Net of one line while typing, as the server computes it: quantity (3 decimals) × unit price × (1 −
 * discount), rounded half away from zero to a grosz; null when something is not a number yet.
 */
export function lineNet(quantity: string, unitPrice: string, discount: string): number | null {
  const q = parseQuantityInput(quantity, { allowNegative: true });
  const p = parseMoneyInput(unitPrice);
  const d = discount.trim() === '' ? 0 : parsePercentInput(discount);
  if (q === null || p === null || d === null || d < 0 || d > 10_000) return null;
  const [whole, fraction = ''] = q.replace('-', '').split('.');
  const thousandths = BigInt(whole! + fraction.padEnd(3, '0')) * (q.startsWith('-') ? -1n : 1n);
  return Number(divRound(thousandths * BigInt(p) * BigInt(10_000 - d), 10_000_000n));
}

/** Today in Warsaw as YYYY-MM-DD (payments default to it). */
export const todayInWarsaw = (): string => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(new Date());

/** "61109010140000071219812874" → "61 1090 1014 0000 0712 1981 2874"; anything else unchanged. */
export function formatAccount(account: string): string {
  const d = account.replace(/\s/g, '');
  if (/^\d{26}$/.test(d)) return `${d.slice(0, 2)} ${d.slice(2).replace(/(\d{4})(?=\d)/g, '$1 ')}`;
  if (/^PL\d{26}$/i.test(d)) return `PL${formatAccount(d.slice(2))}`;
  return account;
}
