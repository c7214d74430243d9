// Error codes from the API → catalog text (errors.<code>), falling back to the server's message.
import { ApiError } from '../app/api-client.ts';
import type { FieldError } from '../app/api-types.ts';
import type { Translate } from '../i18n/translate.ts';

function varsOf(error: ApiError): Record<string, string | number> {
  const vars: Record<string, string | number> = { status: error.status };
  const retry = error.body.retryAfterSeconds;
  if (typeof retry === 'number') vars.seconds = retry;
  const invalid = error.body.invalidRows;
  if (typeof invalid === 'number') vars.count = invalid;
  return vars;
}

/**
 * Catalog parts that translate other modules' codes whole (`<part>.errors.<code>`, e.g.
 * orders.errors.estimates.not_draft, inbox.errors.tasks.not_open,
 * invoiceSettings.errors.numbering.year_missing, invoices.errors.invoices.not_draft), not in errors.*.
 */
const MODULE_ERROR_CATALOGS = ['assets', 'orders', 'inbox', 'invoiceSettings', 'invoices'];

/** Catalog parts keyed by their own codes without the module prefix (messaging.template_malformed → messaging.errors.template_malformed). */
const OWN_ERROR_CATALOGS = ['messaging', 'jobs'];

/** errors.<code>, else the first module catalog that has it. */
export const errorCodeText = (t: Translate, code: string, vars?: Record<string, string | number>): string | undefined => {
  const found = t.opt(`errors.${code}`, vars) ?? MODULE_ERROR_CATALOGS.map((m) => t.opt(`${m}.errors.${code}`, vars)).find((x) => x !== undefined);
  if (found !== undefined) return found;
  const own = OWN_ERROR_CATALOGS.find((m) => code.startsWith(`${m}.`));
  return own ? t.opt(`${own}.errors.${code.slice(own.length + 1)}`, vars) : undefined;
};

/** The translated message of a field error, with the value, row or name the server sent along. */
export function fieldErrorText(t: Translate, e: FieldError): string {
  const base = errorCodeText(t, e.code, e.params);
  if (base === undefined) return e.message; // the server's message already names them
  const p = e.params ?? {};
  const extra: string[] = [];
  if (p.value !== undefined && p.value !== '') extra.push(t('errors.params.value', { value: p.value }));
  if (p.row !== undefined) extra.push(t('errors.params.row', { row: p.row }));
  if (p.name !== undefined) extra.push(String(p.name));
  return extra.length ? `${base} (${extra.join('; ')})` : base;
}

export function apiErrorText(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    return errorCodeText(t, error.code, varsOf(error)) ?? (error.detail || t('errors.unknown', { status: error.status }));
  }
  return error instanceof Error ? error.message : String(error);
}
