import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../db/columns.ts';
import { users } from '../identity/identity.table.ts';

/**
 * How the installation sends email (SMTP) and SMS (a provider): one row, id = 1, written by the
 * admin settings page. No row = nothing configured.
 *
 * Secrets (`smtpPassword`, `smsapiToken`, `webhookSecret`) are stored as entered: the API never
 * returns them (only `…Set: boolean`) and the audit trail records only that they changed.
 * Encrypting them at rest needs a key that does not live in the same database (a SECRET_KEY in the
 * server's configuration, with a plan for rotating it); that is left for later and is no substitute
 * for protecting database backups.
 */
export const messagingSettings = pgTable(
  'messaging_settings',
  {
    id: integer().primaryKey(),
    smtpHost: text().notNull().default(''),
    smtpPort: integer().notNull().default(587),
    smtpSecurity: text().notNull().default('starttls'), // 'none' | 'starttls' | 'tls'
    smtpUser: text().notNull().default(''),
    smtpPassword: text().notNull().default(''),
    fromAddress: text().notNull().default(''),
    fromName: text().notNull().default(''),
    replyTo: text().notNull().default(''),
    smsProvider: text().notNull().default('none'), // 'none' | 'smsapi' | 'webhook'
    smsSender: text().notNull().default(''), // the sender name registered with the provider
    smsapiToken: text().notNull().default(''),
    smsapiBaseUrl: text().notNull().default('https://api.smsapi.pl'),
    webhookUrl: text().notNull().default(''),
    webhookSecretHeader: text().notNull().default('X-Webhook-Secret'),
    webhookSecret: text().notNull().default(''),
    // Fold Polish letters into GSM-7 ("Zażółć" → "Zazolc"): 160 characters per segment instead of 70.
    smsTransliterate: boolean().notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('messaging_settings_singleton', sql`${t.id} = 1`),
    check('messaging_settings_security_ck', sql`${t.smtpSecurity} in ('none','starttls','tls')`),
    check('messaging_settings_sms_provider_ck', sql`${t.smsProvider} in ('none','smsapi','webhook')`),
  ],
);

/**
 * The outbox and the delivery log in one: every email and SMS the system sends, what it said, to
 * whom, about what (`relatedType`/`relatedId`, e.g. 'service_order' + id), and how sending went.
 * `eventKey` names the event the message is about (e.g. `service-order:<id>:status:ready:sms`); it is
 * unique, so the same event never produces a second message, however often it is reported.
 */
export const messages = pgTable(
  'messages',
  {
    id: id(),
    channel: text().notNull(), // 'email' | 'sms'
    to: text().notNull(), // an email address, or a phone number in E.164
    subject: text().notNull().default(''), // email only
    body: text().notNull(), // email: the text part; SMS: the text as sent
    html: text(), // email: the HTML part
    lang: text().notNull().default('pl'),
    relatedType: text(),
    relatedId: uuid(),
    correlation: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    eventKey: text().notNull(),
    status: text().notNull().default('queued'), // 'queued' | 'sending' | 'sent' | 'failed'
    attempts: integer().notNull().default(0),
    lastError: text(),
    providerMessageId: text(),
    queuedAt: timestamp({ withTimezone: true }).notNull(),
    // when the current attempt took the message (status 'sending'): tells a crashed attempt from a running one
    sendingAt: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('messages_event_key_uq').on(t.eventKey),
    // the log: newest first, whole or narrowed to one record, one status or one channel
    index('messages_queued_idx').on(t.queuedAt, t.id),
    index('messages_related_idx').on(t.relatedType, t.relatedId, t.queuedAt, t.id),
    index('messages_status_idx').on(t.status, t.queuedAt, t.id),
    index('messages_channel_idx').on(t.channel, t.queuedAt, t.id),
    check('messages_channel_ck', sql`${t.channel} in ('email','sms')`),
    check('messages_status_ck', sql`${t.status} in ('queued','sending','sent','failed')`),
  ],
);
