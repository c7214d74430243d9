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

export function fieldErrorText(t: Translate, e: FieldError): string {
  return t.opt(`errors.${e.code}`) ?? e.message;
}

export function apiErrorText(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    return t.opt(`errors.${error.code}`, varsOf(error)) ?? (error.detail || t('errors.unknown', { status: error.status }));
  }
  return error instanceof Error ? error.message : String(error);
}
