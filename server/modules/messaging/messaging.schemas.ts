// The messaging API contract: the sending settings (secrets write-only), the delivery log, test sends.
import { z } from 'zod';
import { cursorSchema, limitSchema } from '../../kernel/http/pagination.ts';

const text = (max: number) => z.string().trim().max(max);
/** A secret in a settings body: omitted = keep the stored one, null or '' = remove it, a string = replace it. */
const secret = (max: number) => z.string().max(max).nullable().optional().describe('Write-only. Omit to keep the stored value; null or "" removes it');

export const SMTP_SECURITY = ['none', 'starttls', 'tls'] as const;
export const SMS_PROVIDERS = ['none', 'smsapi', 'webhook'] as const;
export const CHANNELS = ['email', 'sms'] as const;
export const MESSAGE_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type Channel = (typeof CHANNELS)[number];
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const settingsInput = z.object({
  smtpHost: text(255).default('').describe('Empty = email is not configured'),
  smtpPort: z.number().int().min(1).max(65535).default(587),
  smtpSecurity: z.enum(SMTP_SECURITY).default('starttls').describe('none = plain SMTP; starttls = upgrade required (587); tls = TLS from the start (465)'),
  smtpUser: text(255).default(''),
  smtpPassword: secret(500),
  fromAddress: text(254).default(''),
  fromName: text(200).default(''),
  replyTo: text(254).default(''),
  smsProvider: z.enum(SMS_PROVIDERS).default('none'),
  smsSender: text(11).default('').describe('Sender name registered with the provider (at most 11 characters); empty = the provider default'),
  smsapiToken: secret(500),
  smsapiBaseUrl: text(500).default('https://api.smsapi.pl').describe('SMSAPI endpoint base: https://api.smsapi.pl (or https://api.smsapi.com)'),
  webhookUrl: text(2000).default(''),
  webhookSecretHeader: text(100).default('X-Webhook-Secret'),
  webhookSecret: secret(500),
  smsTransliterate: z.boolean().default(false).describe('Fold Polish letters into GSM-7 so an SMS segment holds 160 characters, not 70'),
});
export type SettingsInput = z.infer<typeof settingsInput>;

export const settingsSchema = z
  .object({
    smtpHost: z.string(),
    smtpPort: z.number().int(),
    smtpSecurity: z.enum(SMTP_SECURITY),
    smtpUser: z.string(),
    smtpPasswordSet: z.boolean(),
    fromAddress: z.string(),
    fromName: z.string(),
    replyTo: z.string(),
    smsProvider: z.enum(SMS_PROVIDERS),
    smsSender: z.string(),
    smsapiTokenSet: z.boolean(),
    smsapiBaseUrl: z.string(),
    webhookUrl: z.string(),
    webhookSecretHeader: z.string(),
    webhookSecretSet: z.boolean(),
    smsTransliterate: z.boolean(),
    emailConfigured: z.boolean(),
    smsConfigured: z.boolean(),
    updatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'MessagingSettings' });
export type SettingsDto = z.infer<typeof settingsSchema>;

export const messageSchema = z
  .object({
    id: z.uuid(),
    channel: z.enum(CHANNELS),
    to: z.string(),
    subject: z.string(),
    body: z.string(),
    html: z.string().nullable(),
    lang: z.enum(['pl', 'en']),
    relatedType: z.string().nullable(),
    relatedId: z.uuid().nullable(),
    correlation: z.record(z.string(), z.unknown()),
    eventKey: z.string(),
    status: z.enum(MESSAGE_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    providerMessageId: z.string().nullable(),
    queuedAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable(),
    createdBy: z.uuid().nullable(),
    sms: z.object({ encoding: z.enum(['GSM-7', 'UCS-2']), segments: z.number().int(), characters: z.number().int() }).nullable().describe('SMS only: how the text is encoded and how many segments it costs'),
  })
  .meta({ id: 'Message' });
export type MessageDto = z.infer<typeof messageSchema>;

export const messageListQuery = z.object({
  relatedType: text(50).optional(),
  relatedId: z.uuid().optional(),
  status: z.enum(MESSAGE_STATUSES).optional(),
  channel: z.enum(CHANNELS).optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});
export type MessageListQuery = z.infer<typeof messageListQuery>;

export const testSendInput = z.object({
  channel: z.enum(CHANNELS),
  to: text(254).min(1).describe('An email address, or a phone number (Polish numbers without +48 are fine)'),
  lang: z.enum(['pl', 'en']).default('pl'),
});
export type TestSendInput = z.infer<typeof testSendInput>;

export const testSendResult = z
  .object({ message: messageSchema, ok: z.boolean(), error: z.string().nullable() })
  .meta({ id: 'MessagingTestResult' });
