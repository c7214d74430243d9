// Sending one queued message: take it (queued → sending, atomically), hand it to the channel's
// provider, record the outcome. Safe to call twice for the same message: only one call takes it,
// and a message already sent is never sent again.
import { and, eq, sql } from 'drizzle-orm';
import type { Deps } from '../../deps.ts';
import { messages } from './messaging.table.ts';
import { sendEmail, type SmtpOverrides, type SmtpSettings } from './email.transport.ts';
import { smsapiProvider, webhookProvider, type SmsProvider } from './sms.providers.ts';
import { SendError, errorText, isSendError } from './send-error.ts';
import { loadSettings, type SettingsRow } from './settings.usecases.ts';

export type MessageRow = typeof messages.$inferSelect;

/**
 * An attempt still marked 'sending' after this long was cut off (the process died mid-send). It is
 * marked failed rather than sent again: whether the provider got it is unknown, and a duplicate to a
 * customer is worse than a failure an administrator can look at and retry.
 */
export const SENDING_STALE_MS = 20 * 60_000;

/** Test seam: TLS options for an SMTP server with a self-signed certificate. */
export type DeliveryOptions = { lastAttempt: boolean; smtp?: SmtpOverrides };

export function smsProviderFor(s: SettingsRow): SmsProvider | null {
  if (s.smsProvider === 'smsapi') return smsapiProvider({ token: s.smsapiToken, baseUrl: s.smsapiBaseUrl });
  if (s.smsProvider === 'webhook') return webhookProvider({ url: s.webhookUrl, secretHeader: s.webhookSecretHeader, secret: s.webhookSecret });
  return null;
}

async function handOver(s: SettingsRow, m: MessageRow, opts: DeliveryOptions): Promise<{ providerMessageId: string | null }> {
  if (m.channel === 'email') return sendEmail(s as SmtpSettings, { id: m.id, to: m.to, subject: m.subject, text: m.body, html: m.html }, opts.smtp);
  const provider = smsProviderFor(s);
  if (!provider) throw new SendError('SMS is not configured (no provider chosen)', { permanent: true, code: 'not_configured' });
  return provider.send({ to: m.to, message: m.body, sender: s.smsSender, eventKey: m.eventKey });
}

/**
 * Sends the message if it is waiting. On a failure that may pass (and attempts left) the message goes
 * back to 'queued' with the error and the error is rethrown, so the job runtime retries with backoff;
 * on a permanent failure or the last attempt it stays 'failed' with the error.
 */
export async function deliverMessage(deps: Deps, id: string, opts: DeliveryOptions): Promise<MessageRow | null> {
  const db = deps.database.db;
  const startedAt = deps.clock.now();
  const [taken] = await db
    .update(messages)
    .set({ status: 'sending', sendingAt: startedAt, attempts: sql`${messages.attempts} + 1` })
    .where(and(eq(messages.id, id), eq(messages.status, 'queued')))
    .returning();
  if (!taken) {
    const [m] = await db.select().from(messages).where(eq(messages.id, id)).limit(1);
    if (m?.status === 'sending' && m.sendingAt && startedAt.getTime() - m.sendingAt.getTime() > SENDING_STALE_MS) {
      const [failed] = await db
        .update(messages)
        .set({ status: 'failed', sendingAt: null, lastError: 'The sending attempt was interrupted; not sent again automatically, to avoid a duplicate. Check with the recipient, then retry.' })
        .where(and(eq(messages.id, id), eq(messages.status, 'sending')))
        .returning();
      return failed ?? m;
    }
    return m ?? null; // sent, failed, or being sent by another worker right now
  }
  const settings = await loadSettings(db);
  try {
    const { providerMessageId } = await handOver(settings, taken, opts);
    const [sent] = await db
      .update(messages)
      .set({ status: 'sent', sentAt: deps.clock.now(), sendingAt: null, providerMessageId, lastError: null })
      .where(eq(messages.id, id))
      .returning();
    return sent!;
  } catch (e) {
    const final = (isSendError(e) && e.permanent) || opts.lastAttempt;
    const [row] = await db
      .update(messages)
      .set({ status: final ? 'failed' : 'queued', sendingAt: null, lastError: errorText(e) })
      .where(eq(messages.id, id))
      .returning();
    if (!final) throw e;
    return row!;
  }
}
