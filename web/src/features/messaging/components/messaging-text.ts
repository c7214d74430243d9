// How the messaging screens name statuses and translate the API's own error codes (messaging.*,
// messages.not_found) — they live in this feature's catalog part, not in errors.*.
import { ApiError } from '../../../app/api-client.ts';
import type { Translate } from '../../../i18n/translate.ts';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import type { MessageStatus } from '../api/messaging-api.ts';

export const STATUS_COLORS: Record<MessageStatus, string> = { queued: 'blue', sending: 'cyan', sent: 'green', failed: 'red' };

const ownText = (t: Translate, code: string): string | undefined => {
  if (code.startsWith('messaging.')) return t.opt(`messaging.errors.${code.slice('messaging.'.length)}`);
  if (code === 'messages.not_found') return t.opt('messaging.errors.not_found');
  return undefined;
};

export function messagingErrorText(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    const own = ownText(t, error.code);
    if (own) return own;
  }
  return apiErrorText(t, error);
}

/**
 * The same error with this feature's field messages translated, so the shared form state (which
 * knows only errors.*) puts Polish/English text next to the fields.
 */
export function localizeMessagingError(t: Translate, error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const errors = error.errors.map((fe) => {
    const own = ownText(t, fe.code);
    return own ? { ...fe, code: `messaging-ui.${fe.code}`, message: own } : fe;
  });
  return new ApiError(error.status, error.code, ownText(t, error.code) ?? error.detail, errors, error.body);
}

/** "+48600100200" → "+48 600 100 200"; other numbers and addresses as they are. */
export const formatRecipient = (to: string) => (/^\+48\d{9}$/.test(to) ? `+48 ${to.slice(3, 6)} ${to.slice(6, 9)} ${to.slice(9)}` : to);
