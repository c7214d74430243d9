// The template engine (pure): `{{name}}` placeholders in plain text, rendered for a language.
// Templates are written as plain text; an email's HTML part is made from the same text with every
// value (and the text itself) HTML-escaped, so a customer's name can never inject markup.
// Unknown placeholders are refused when a template is saved (validateTemplate), not when it is sent.
import type { FieldError } from '../../kernel/errors/app-error.ts';

export type Lang = 'pl' | 'en';

/**
 * A value for a placeholder. Plain strings and numbers are shown as they are; dates, instants and
 * money say what they are, so they are formatted for the reader's language:
 * `{ date: '2027-01-15' }` → "15 stycznia 2027", `{ money: 123456 }` (grosze) → "1 234,56 zł".
 */
export type TemplateValue =
  | string
  | number
  | null
  | undefined
  | { date: string }
  | { instant: string | Date }
  | { money: number; currency?: string };
export type TemplateParams = Record<string, TemplateValue>;

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_.]*)\s*\}\}/g;
const NAME = /^[A-Za-z][A-Za-z0-9_.]*$/;

const LOCALE: Record<Lang, string> = { pl: 'pl-PL', en: 'en-GB' };
const SPACES = /[\u00a0\u202f]/g; // Intl's grouping and currency spaces: plain spaces read (and cost) better in SMS

export function formatDateFor(ymd: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(ymd);
  if (!m) return ymd;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

export function formatInstantFor(instant: string | Date, lang: Lang): string {
  const d = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(d.getTime())) return String(instant);
  return new Intl.DateTimeFormat(LOCALE[lang], { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Warsaw' })
    .format(d)
    .replace(SPACES, ' ');
}

/** Integer minor units → "1 234,56 zł" / "PLN 1,234.56"; exact (the digits go to Intl as a decimal string). */
export function formatMoneyFor(minor: number, lang: Lang, currency = 'PLN'): string {
  const nf = new Intl.NumberFormat(LOCALE[lang], { style: 'currency', currency, useGrouping: 'always' });
  const digits = nf.resolvedOptions().maximumFractionDigits ?? 2;
  const m = BigInt(Math.trunc(minor));
  const neg = m < 0n;
  const abs = (neg ? -m : m).toString().padStart(digits + 1, '0');
  const value = `${neg ? '-' : ''}${abs.slice(0, abs.length - digits)}${digits ? `.${abs.slice(abs.length - digits)}` : ''}`;
  return nf.format(value as Intl.StringNumericLiteral).replace(SPACES, ' ');
}

export function formatValue(v: TemplateValue, lang: Lang): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 3, useGrouping: 'always' }).format(v).replace(SPACES, ' ');
  if ('date' in v) return formatDateFor(v.date, lang);
  if ('instant' in v) return formatInstantFor(v.instant, lang);
  return formatMoneyFor(v.money, lang, v.currency);
}

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** The placeholder names a template uses, in order of first use. */
export function placeholdersOf(template: string): string[] {
  const names: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) if (!names.includes(m[1]!)) names.push(m[1]!);
  return names;
}

/**
 * Problems a template would have when sent: placeholders that are not offered, and `{{` that do not
 * form a placeholder (a typo like `{{ klient }` would otherwise reach the customer verbatim).
 * `path` names the template field (e.g. 'body.pl') so the UI puts the message next to it.
 */
export function validateTemplate(template: string, allowed: readonly string[], path = 'template'): FieldError[] {
  const errors: FieldError[] = [];
  for (const name of placeholdersOf(template))
    if (!allowed.includes(name))
      errors.push({ path, code: 'messaging.template_unknown_placeholder', message: `Unknown placeholder {{${name}}}; allowed: ${allowed.join(', ') || 'none'}`, params: { name } });
  const rest = template.replace(PLACEHOLDER, '');
  if (rest.includes('{{') || rest.includes('}}'))
    errors.push({ path, code: 'messaging.template_malformed', message: 'A placeholder is written as {{name}}: letters, digits, _ and . only, braces closed' });
  return errors;
}

/** Plain text (email text part, SMS): values as they are. Missing values become empty. */
export function renderTemplate(template: string, params: TemplateParams, lang: Lang): string {
  return template.replace(PLACEHOLDER, (_, name: string) => formatValue(params[name], lang));
}

/** The same text as HTML: text and values escaped, line breaks kept, blank lines as paragraphs. */
export function renderTemplateHtml(template: string, params: TemplateParams, lang: Lang): string {
  const out: string[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    out.push(escapeHtml(template.slice(last, m.index)), escapeHtml(formatValue(params[m[1]!], lang)));
    last = m.index + m[0].length;
  }
  out.push(escapeHtml(template.slice(last)));
  return out
    .join('')
    .replace(/\r\n/g, '\n')
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

export type EmailTemplate = { subject: string; body: string };
export type RenderedEmail = { subject: string; text: string; html: string };

export function renderEmail(t: EmailTemplate, params: TemplateParams, lang: Lang): RenderedEmail {
  return {
    // a subject is one line: a value with a line break must not start new headers
    subject: renderTemplate(t.subject, params, lang).replace(/[\r\n]+/g, ' ').trim(),
    text: renderTemplate(t.body, params, lang),
    html: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5">\n${renderTemplateHtml(t.body, params, lang)}\n</body></html>`,
  };
}

export const isPlaceholderName = (s: string) => NAME.test(s);
