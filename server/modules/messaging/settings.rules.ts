// Pure checks of the sending settings beyond their shape: what each channel needs once it is switched on.
import { fieldError, type FieldError } from '../../kernel/errors/app-error.ts';
import type { SettingsInput } from './messaging.schemas.ts';

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
export const isEmailAddress = (s: string) => s.length <= 254 && EMAIL.test(s);

const httpUrl = (s: string) => {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
};

/** The stored secrets' presence after this change: what the rules need to know of them. */
export type SecretsAfter = { smtpPassword: boolean; smsapiToken: boolean };

export function validateSettings(s: SettingsInput, secrets: SecretsAfter): FieldError[] {
  const errors: FieldError[] = [];
  if (s.smtpHost) {
    if (!/^[A-Za-z0-9.-]+$|^\[[0-9a-fA-F:.]+\]$/.test(s.smtpHost)) errors.push(fieldError('smtpHost', 'messaging.host_invalid', 'A host name or IP address, without a scheme or port'));
    if (!s.fromAddress) errors.push(fieldError('fromAddress', 'messaging.from_required', 'Emails need a sender address'));
  }
  if (s.smtpUser && !secrets.smtpPassword) errors.push(fieldError('smtpPassword', 'messaging.password_required', 'A user name needs a password'));
  if (s.fromAddress && !isEmailAddress(s.fromAddress)) errors.push(fieldError('fromAddress', 'messaging.email_invalid', 'Not an email address', { value: s.fromAddress }));
  if (s.replyTo && !isEmailAddress(s.replyTo)) errors.push(fieldError('replyTo', 'messaging.email_invalid', 'Not an email address', { value: s.replyTo }));
  if (/[\r\n]/.test(s.fromName)) errors.push(fieldError('fromName', 'messaging.single_line', 'One line only'));
  if (s.smsSender && !/^[A-Za-z0-9 .\-]{1,11}$/.test(s.smsSender))
    errors.push(fieldError('smsSender', 'messaging.sender_invalid', 'At most 11 letters (A–Z, no Polish letters), digits, spaces, dots or dashes'));
  if (s.smsProvider === 'smsapi') {
    if (!secrets.smsapiToken) errors.push(fieldError('smsapiToken', 'messaging.token_required', 'SMSAPI needs an API token'));
    if (!httpUrl(s.smsapiBaseUrl)) errors.push(fieldError('smsapiBaseUrl', 'messaging.url_invalid', 'An http(s) address'));
  }
  if (s.smsProvider === 'webhook' && !httpUrl(s.webhookUrl)) errors.push(fieldError('webhookUrl', 'messaging.url_invalid', 'An http(s) address'));
  if (s.webhookUrl && s.smsProvider !== 'webhook' && !httpUrl(s.webhookUrl)) errors.push(fieldError('webhookUrl', 'messaging.url_invalid', 'An http(s) address'));
  if (s.webhookSecretHeader && !/^[A-Za-z0-9-]{1,100}$/.test(s.webhookSecretHeader)) errors.push(fieldError('webhookSecretHeader', 'messaging.header_invalid', 'A header name: letters, digits and dashes'));
  return errors;
}
