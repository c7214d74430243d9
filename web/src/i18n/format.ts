// Formatting for people: dates, times, money, Polish identifiers. Locale follows the UI language.
import type { Language } from './catalog-types.ts';

export const localeOf = (lang: Language) => (lang === 'pl' ? 'pl-PL' : 'en-GB');

const cache = new Map<string, Intl.DateTimeFormat>();
function dateFormat(lang: Language, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.DateTimeFormat(localeOf(lang), opts)));
  return f;
}

const toDate = (v: string | Date) => (v instanceof Date ? v : new Date(v));

/** An instant as date and time, e.g. "12 lis 2026, 14:05". */
export function formatDateTime(value: string | Date | null | undefined, lang: Language): string {
  if (!value) return '—';
  const d = toDate(value);
  return Number.isNaN(d.getTime()) ? String(value) : dateFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** An instant or a business date (YYYY-MM-DD, shown as that calendar day), e.g. "12.11.2026". */
export function formatDate(value: string | Date | null | undefined, lang: Language): string {
  if (!value) return '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return dateFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
  }
  const d = toDate(value);
  return Number.isNaN(d.getTime()) ? String(value) : dateFormat(lang, { dateStyle: 'medium' }).format(d);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
export const looksLikeInstant = (v: unknown): boolean => typeof v === 'string' && ISO_INSTANT.test(v);

/**
 * Integer minor units (grosze) → "1 234,56 zł". The amount goes to Intl as a decimal string, so
 * nothing is rounded through floating point.
 */
export function formatMoney(minorUnits: number | bigint, currency = 'PLN', lang: Language = 'pl'): string {
  const nf = new Intl.NumberFormat(localeOf(lang), { style: 'currency', currency, useGrouping: 'always' });
  const digits = nf.resolvedOptions().maximumFractionDigits ?? 2;
  const minor = BigInt(minorUnits);
  const negative = minor < 0n;
  const abs = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const whole = abs.slice(0, abs.length - digits);
  const fraction = digits > 0 ? `.${abs.slice(abs.length - digits)}` : '';
  return nf.format(`${negative ? '-' : ''}${whole}${fraction}` as Intl.StringNumericLiteral);
}

/** "5260250995" → "526-025-09-95"; anything that is not 10 digits comes back unchanged. */
export function formatNip(nip: string | null | undefined): string {
  if (!nip) return '';
  const d = nip.replace(/\D/g, '');
  return d.length === 10 ? `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}` : nip;
}

// ---- Exact decimals for people: money (grosze), percentages (basis points), quantities ----
// Everything goes through strings and BigInt, never through float multiplication.

const SPACES = /[\s\u00a0\u202f]/g;
const MINUS = /^[-\u2212\u2013]/;

/** The decimal separator people of this language type: "49,99" in Polish, "49.99" in English. */
export const decimalSeparator = (lang: Language) => (lang === 'pl' ? ',' : '.');

/** Splits "−1 234,5" into sign and digits; null unless it is a plain decimal with ≤ maxDecimals. */
function parseDecimal(text: string, maxDecimals: number, allowNegative: boolean): { negative: boolean; whole: string; fraction: string } | null {
  let s = text.replace(SPACES, '');
  let negative = false;
  if (MINUS.test(s)) {
    if (!allowNegative) return null;
    negative = true;
    s = s.slice(1);
  }
  const m = new RegExp(`^(\\d{1,12})(?:[.,](\\d{1,${maxDecimals}}))?$`).exec(s);
  if (!m) return null;
  return { negative, whole: m[1]!, fraction: (m[2] ?? '').padEnd(maxDecimals, '0') };
}

/**
 * "49,99" / "49.99" / "1 234,5" / "12 zł" → minor units (4999 / 4999 / 123450 / 1200); null when it is
 * not an amount with at most two decimals. Exact: the digits are concatenated, not multiplied.
 */
export function parseMoneyInput(text: string, opts: { allowNegative?: boolean } = {}): number | null {
  const d = parseDecimal(text.trim().replace(/(zł|pln)$/i, ''), 2, opts.allowNegative ?? false);
  if (!d) return null;
  const minor = BigInt(d.whole + d.fraction);
  return Number(d.negative ? -minor : minor);
}

/** 4999 → "49,99" (PL) / "49.99" (EN): the text a money input starts with. No grouping, no currency. */
export function minorToInput(minor: number | null | undefined, lang: Language): string {
  if (minor === null || minor === undefined) return '';
  const v = BigInt(minor);
  const abs = (v < 0n ? -v : v).toString().padStart(3, '0');
  return `${v < 0n ? '-' : ''}${abs.slice(0, -2)}${decimalSeparator(lang)}${abs.slice(-2)}`;
}

/** Basis points → a percent for people: -1000 → "−10%", 1250 → "12,5%". */
export function formatPercentBp(bp: number | null | undefined, lang: Language): string {
  if (bp === null || bp === undefined) return '—';
  return `${bpToInput(bp, lang).replace(/^-/, '\u2212')}%`;
}

/** -1000 → "-10", 1250 → "12,5" (PL): the text a percent input starts with. */
export function bpToInput(bp: number | null | undefined, lang: Language): string {
  if (bp === null || bp === undefined) return '';
  const v = BigInt(bp);
  const abs = (v < 0n ? -v : v).toString().padStart(3, '0');
  const fraction = abs.slice(-2).replace(/0+$/, '');
  return `${v < 0n ? '-' : ''}${abs.slice(0, -2)}${fraction ? decimalSeparator(lang) + fraction : ''}`;
}

/** "-10" / "−10 %" / "12,5" → basis points (-1000 / -1000 / 1250); null when not a percent with ≤ 2 decimals. */
export function parsePercentInput(text: string): number | null {
  const d = parseDecimal(text.trim().replace(/%$/, ''), 2, true);
  if (!d) return null;
  const bp = BigInt(d.whole + d.fraction);
  return Number(d.negative ? -bp : bp);
}

/**
 * A quantity as the API writes it ("2.500", "-1.000") → for people ("2,5", "−1"): trailing zeros dropped,
 * the language's decimal separator, grouping of thousands.
 */
export function formatQuantity(value: string | null | undefined, lang: Language): string {
  if (value === null || value === undefined || value === '') return '—';
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(value.trim());
  if (!m) return value;
  const whole = m[2]!.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  const zero = /^0*$/.test(m[2]!) && fraction === '';
  return `${m[1] && !zero ? '\u2212' : ''}${whole}${fraction ? decimalSeparator(lang) + fraction : ''}`;
}

/** "2.500" → "2,5" (PL): the text a quantity input starts with. */
export function quantityToInput(value: string | null | undefined, lang: Language): string {
  if (!value) return '';
  return formatQuantity(value, lang).replace(/\u00a0/g, '').replace('\u2212', '-');
}

/** "2,5" / "2.5" / "−3" → "2.5" / "2.5" / "-3" (the API's form); null unless ≤ 3 decimals. */
export function parseQuantityInput(text: string, opts: { allowNegative?: boolean } = {}): string | null {
  const s = text.trim().replace(SPACES, '');
  const negative = MINUS.test(s);
  if (negative && !opts.allowNegative) return null;
  const m = /^(\d{1,9})(?:[.,](\d{1,3}))?$/.exec(negative ? s.slice(1) : s);
  if (!m) return null;
  return `${negative ? '-' : ''}${m[1]}${m[2] ? `.${m[2]}` : ''}`;
}

/** Is the API quantity below zero / zero? (string compare, no float) */
export const quantitySign = (value: string): -1 | 0 | 1 => (/^-/.test(value) ? -1 : /^-?0*(\.0*)?$/.test(value) ? 0 : 1);
