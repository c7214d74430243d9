// The tasks module's error codes are translated in the inbox catalog (inbox.errors.<code>); other
// codes (orders, users) go through the shared lookup.
import { ApiError } from '../../../app/api-client.ts';
import type { Translate } from '../../../i18n/translate.ts';
import { apiErrorText, fieldErrorText } from '../../../ui/api-error-text.ts';

const codeText = (t: Translate, code: string) => t.opt(`inbox.errors.${code}`);

/** One line for a notification or a form alert: the first field error, else the problem's code. */
export function inboxErrorText(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    const field = error.errors[0];
    if (field) return codeText(t, field.code) ?? fieldErrorText(t, field);
    return codeText(t, error.code) ?? apiErrorText(t, error);
  }
  return apiErrorText(t, error);
}
