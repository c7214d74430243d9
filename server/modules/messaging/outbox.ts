// queueMessage: how any module sends an email or SMS. Called inside the caller's transaction, it
// records the message and queues its send job in that transaction, so a message exists (and goes
// out) exactly when the business change commits. The event key makes it once per event.
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { actorId } from '../../kernel/auth/actor.ts';
import { fieldError, invalidFields, type FieldError } from '../../kernel/errors/app-error.ts';
import { messages } from './messaging.table.ts';
import type { Channel, MessageDto } from './messaging.schemas.ts';
import { countSmsSegments, normalizePhone, transliterateForGsm } from './sms.rules.ts';
import { isEmailAddress } from './settings.rules.ts';
import { loadSettings } from './settings.usecases.ts';
import { messageSendJob } from './send.job.ts';
import type { MessageRow } from './delivery.ts';

export type QueueMessageInput = {
  channel: Channel;
  /** An email address, or a phone number (normalized to E.164; Polish numbers may omit +48). */
  to: string;
  /** Email only. */
  subject?: string;
  /** Email: the text part; SMS: the text. Render it first (templates.ts: renderEmail / renderTemplate). */
  body: string;
  /** Email only: the HTML part (renderEmail makes it from the same template, escaped). */
  html?: string | null;
  lang: 'pl' | 'en';
  /** What the message is about, for the per-record delivery log: { type: 'service_order', id }. */
  related?: { type: string; id: string } | null;
  /** Anything else worth keeping with the message (status code, template id, …). */
  correlation?: Record<string, unknown>;
  /**
   * Names the event, unique across all messages: `service-order:<id>:status:<code>:sms`. A second
   * queueMessage with the same key does nothing and returns null — however often the event is reported.
   */
  eventKey: string;
};

/** The recipient as stored (trimmed email, E.164 phone), or null when it cannot receive this channel. */
export function normalizeRecipient(channel: Channel, to: string): string | null {
  const t = to.trim();
  if (channel === 'email') return isEmailAddress(t) ? t : null;
  return normalizePhone(t);
}

export function toMessageDto(m: MessageRow): MessageDto {
  return {
    id: m.id,
    channel: m.channel as MessageDto['channel'],
    to: m.to,
    subject: m.subject,
    body: m.body,
    html: m.html,
    lang: m.lang === 'en' ? 'en' : 'pl',
    relatedType: m.relatedType,
    relatedId: m.relatedId,
    correlation: m.correlation,
    eventKey: m.eventKey,
    status: m.status as MessageDto['status'],
    attempts: m.attempts,
    lastError: m.lastError,
    providerMessageId: m.providerMessageId,
    queuedAt: m.queuedAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
    createdBy: m.createdBy,
    sms: m.channel === 'sms' ? countSmsSegments(m.body) : null,
  };
}

/** Inserts the message without queueing a job (test sends go out at once; queueMessage queues). */
export async function insertMessage(tx: Db, deps: Deps, ctx: Ctx, input: QueueMessageInput): Promise<MessageRow | null> {
  const errors: FieldError[] = [];
  const to = normalizeRecipient(input.channel, input.to);
  if (!to)
    errors.push(
      input.channel === 'email'
        ? fieldError('to', 'messaging.email_invalid', 'Not an email address', { value: input.to })
        : fieldError('to', 'messaging.phone_invalid', 'Not a phone number (+48 and 9 digits, or another country in E.164)', { value: input.to }),
    );
  if (!input.body.trim()) errors.push(fieldError('body', 'messaging.body_required', 'A message needs a text'));
  if (!input.eventKey.trim() || input.eventKey.length > 500) errors.push(fieldError('eventKey', 'messaging.event_key_invalid', 'An event key of 1–500 characters'));
  if (errors.length) throw invalidFields(errors);
  let body = input.body;
  if (input.channel === 'sms') {
    const settings = await loadSettings(tx);
    if (settings.smsTransliterate) body = transliterateForGsm(body);
  }
  const [row] = await tx
    .insert(messages)
    .values({
      channel: input.channel,
      to: to!,
      subject: input.channel === 'email' ? (input.subject ?? '').replace(/[\r\n]+/g, ' ').trim() : '',
      body,
      html: input.channel === 'email' ? (input.html ?? null) : null,
      lang: input.lang,
      relatedType: input.related?.type ?? null,
      relatedId: input.related?.id ?? null,
      correlation: input.correlation ?? {},
      eventKey: input.eventKey,
      queuedAt: deps.clock.now(),
      createdBy: actorId(ctx.actor),
    })
    .onConflictDoNothing({ target: messages.eventKey })
    .returning();
  return row ?? null;
}

/**
 * Records the message and queues its sending, both in `tx`. Returns the queued message, or null when
 * a message for this event key exists already (nothing is queued then). Throws 422
 * `validation.failed` for a recipient that cannot receive the channel (check with
 * normalizeRecipient first to skip such contacts instead), an empty body or a bad event key.
 *
 * Without a job runtime in this process (`deps.jobs` unset, e.g. a test) the message stays queued
 * and the `messages-dispatch` job of a running instance queues its sending.
 */
export async function queueMessage(tx: Db, deps: Deps, ctx: Ctx, input: QueueMessageInput): Promise<MessageDto | null> {
  const row = await insertMessage(tx, deps, ctx, input);
  if (!row) return null;
  if (deps.jobs) await deps.jobs.enqueue(tx, messageSendJob, { messageId: row.id }, { key: row.id });
  return toMessageDto(row);
}
