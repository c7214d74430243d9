// The delivery log (list, one message, retry a failed one) and the settings page's test send.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Ctx, Deps } from '../../deps.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { AppError, conflict, notFound } from '../../kernel/errors/app-error.ts';
import { decodeCursor, toPage } from '../../kernel/http/pagination.ts';
import { messages } from './messaging.table.ts';
import type { MessageDto, MessageListQuery, TestSendInput } from './messaging.schemas.ts';
import { deliverMessage, type DeliveryOptions } from './delivery.ts';
import { insertMessage, toMessageDto } from './outbox.ts';
import { messageSendJob } from './send.job.ts';
import { findCompany } from '../company/company.usecases.ts';
import { renderEmail } from './templates.ts';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Newest first, keyset on (queued_at, id) — every filter has an index that ends with those two. */
export async function listMessages(deps: Deps, ctx: Ctx, q: MessageListQuery) {
  authorize(ctx.actor, 'messaging:read');
  const conds: (SQL | undefined)[] = [];
  if (q.relatedType) conds.push(eq(messages.relatedType, q.relatedType));
  if (q.relatedId) conds.push(eq(messages.relatedId, q.relatedId));
  if (q.status) conds.push(eq(messages.status, q.status));
  if (q.channel) conds.push(eq(messages.channel, q.channel));
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  if (after) {
    if (!ISO.test(after[0]) || !UUID.test(after[1])) throw new AppError('pagination.bad_cursor', 400, 'The cursor is not valid for this list');
    conds.push(sql`(${messages.queuedAt}, ${messages.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`);
  }
  const rows = await deps.database.db
    .select()
    .from(messages)
    .where(and(...conds))
    .orderBy(desc(messages.queuedAt), desc(messages.id))
    .limit(q.limit + 1);
  return toPage(rows, q.limit, (r) => [r.queuedAt.toISOString(), r.id], toMessageDto);
}

export async function getMessage(deps: Deps, ctx: Ctx, id: string): Promise<MessageDto> {
  authorize(ctx.actor, 'messaging:read');
  const [m] = await deps.database.db.select().from(messages).where(eq(messages.id, id)).limit(1);
  if (!m) throw notFound('messages', 'Message not found');
  return toMessageDto(m);
}

/** A failed message goes back to the queue with a fresh send job (audited). */
export async function retryMessage(deps: Deps, ctx: Ctx, id: string): Promise<MessageDto> {
  authorize(ctx.actor, 'messaging:configure');
  return deps.database.db.transaction(async (tx) => {
    const [m] = await tx.select().from(messages).where(eq(messages.id, id)).for('update').limit(1);
    if (!m) throw notFound('messages', 'Message not found');
    if (m.status !== 'failed') throw conflict('messaging.not_failed', 'Only a failed message can be sent again', { messageStatus: m.status });
    if (!deps.jobs) throw new AppError('messaging.jobs_not_running', 503, 'The job runtime is not running in this process');
    const [queued] = await tx.update(messages).set({ status: 'queued' }).where(eq(messages.id, id)).returning();
    // a key of its own per retry: the message's first job (keyed by its id) may still be on record
    await deps.jobs.enqueue(tx, messageSendJob, { messageId: id }, { key: `${id}:retry:${m.attempts}` });
    await appendAudit(tx, ctx, { entity: 'messages', entityId: id, action: 'retried', before: { status: m.status, lastError: m.lastError }, after: { status: 'queued', lastError: m.lastError } });
    return toMessageDto(queued!);
  });
}

const TEST_TEXT = {
  pl: {
    subject: 'Wiadomość testowa z Serwisowni — zażółć gęślą jaźń',
    body: 'To jest wiadomość testowa wysłana z ustawień Serwisowni ({{company}}).\nJeśli ją widzisz, wysyłka działa. Polskie znaki: ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ.',
    sms: 'Serwisownia: test SMS — wysyłka działa. Zażółć gęślą jaźń.',
  },
  en: {
    subject: 'Test message from Serwisownia — zażółć gęślą jaźń',
    body: 'This is a test message sent from the Serwisownia settings ({{company}}).\nIf you can read it, sending works. Polish letters: ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ.',
    sms: 'Serwisownia: test SMS — sending works. Zażółć gęślą jaźń.',
  },
};

/**
 * Sends a test message through the real path — recorded in the delivery log, handed to the provider
 * by the same code the send job uses — but at once, in the request, so the page can show the result.
 * Not retried: the administrator sees the error and tries again.
 */
export async function sendTestMessage(deps: Deps, ctx: Ctx, input: TestSendInput, opts: Omit<DeliveryOptions, 'lastAttempt'> = {}) {
  authorize(ctx.actor, 'messaging:configure');
  const company = (await findCompany(deps.database.db))?.name ?? 'Serwisownia';
  const text = TEST_TEXT[input.lang];
  const email = renderEmail({ subject: text.subject, body: text.body }, { company }, input.lang);
  const row = await deps.database.db.transaction(async (tx) => {
    const m = await insertMessage(tx, deps, ctx, {
      channel: input.channel,
      to: input.to,
      subject: email.subject,
      body: input.channel === 'email' ? email.text : text.sms,
      html: input.channel === 'email' ? email.html : null,
      lang: input.lang,
      related: null,
      correlation: { test: true },
      eventKey: `test:${randomUUID()}`,
    });
    await appendAudit(tx, ctx, { entity: 'messages', entityId: m!.id, action: 'test_sent', after: { channel: m!.channel, to: m!.to } });
    return m!;
  });
  const done = await deliverMessage(deps, row.id, { ...opts, lastAttempt: true });
  const message = toMessageDto(done!);
  return { message, ok: message.status === 'sent', error: message.status === 'sent' ? null : message.lastError };
}
