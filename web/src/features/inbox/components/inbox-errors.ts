// The tasks module's codes (tasks.*) are translated in the inbox catalog (inbox.errors.tasks.*), which
// the shared lookup (ui/api-error-text.ts) searches like every module catalog.
import { ApiError } from '../../../app/api-client.ts';
import type { Translate } from '../../../i18n/translate.ts';
import { apiErrorText, fieldErrorText } from '../../../ui/api-error-text.ts';

/** One line for a notification or a form alert: the first field error, else the problem's code. */
export function inboxErrorText(t: Translate, error: unknown): string {
  if (error instanceof ApiError && error.errors[0]) return fieldErrorText(t, error.errors[0]);
  return apiErrorText(t, error);
}
