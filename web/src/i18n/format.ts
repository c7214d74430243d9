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
