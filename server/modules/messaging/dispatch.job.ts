// Every few minutes: (1) service-date reminders recorded by the asset due check become queued emails
// to the asset's contact, in the contact's language — the reminder's dedupe key is the message's event
// key, so a reminder is emailed once however often this runs; (2) messages queued by a process
// without a job runtime get their send job (keyed by the message id, so an existing job is kept).
import { and, asc, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import type { JobDefinition } from '../../jobs/runtime.ts';
import { pendingReminders } from '../tasks/tasks.table.ts';
import { customerContacts } from '../customers/customers.table.ts';
import { findCompany } from '../company/company.usecases.ts';
import { messages } from './messaging.table.ts';
import { normalizeRecipient, queueMessage } from './outbox.ts';
import { emailConfigured, loadSettings } from './settings.usecases.ts';
import { renderEmail } from './templates.ts';
import { reminderEmail } from './reminder-templates.ts';
import { messageSendJob } from './send.job.ts';

const BATCH = 100;
const STRANDED_AFTER_MS = 2 * 60_000;

/**
 * Turns due email reminders into queued messages. While email is not configured the reminders wait
 * (they were recorded "for sending once email arrives"). A contact without a usable email address,
 * or archived, makes the reminder 'skipped'; otherwise it becomes 'sent' (handed to the outbox —
 * the delivery log tells how sending went).
 */
export async function dispatchReminders(deps: Deps): Promise<{ queued: number; skipped: number; waiting: boolean }> {
  const db = deps.database.db;
  const settings = await loadSettings(db);
  if (!emailConfigured(settings)) return { queued: 0, skipped: 0, waiting: true };
  const ctx = { actor: systemActor('service-date reminders') };
  const company = await findCompany(db);
  let queued = 0;
  let skipped = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(pendingReminders)
        .where(and(eq(pendingReminders.status, 'due'), eq(pendingReminders.channel, 'email')))
        .orderBy(asc(pendingReminders.status), asc(pendingReminders.createdAt))
        .limit(BATCH)
        .for('update', { skipLocked: true });
      for (const r of due) {
        const [contact] = r.contactId ? await tx.select().from(customerContacts).where(eq(customerContacts.id, r.contactId)).limit(1) : [];
        const to = contact && !contact.archivedAt ? normalizeRecipient('email', contact.email) : null;
        if (!to) {
          await tx.update(pendingReminders).set({ status: 'skipped' }).where(eq(pendingReminders.id, r.id));
          skipped++;
          continue;
        }
        const lang = contact!.language === 'en' ? 'en' : 'pl';
        const { template, values } = reminderEmail(r.params, lang, company);
        const mail = renderEmail(template, values, lang);
        const assetId = typeof r.params.assetId === 'string' ? r.params.assetId : null;
        await queueMessage(tx, deps, ctx, {
          channel: 'email',
          to,
          subject: mail.subject,
          body: mail.text,
          html: mail.html,
          lang,
          related: assetId ? { type: 'asset', id: assetId } : { type: r.subjectType, id: r.subjectId },
          correlation: { reminderId: r.id, subjectType: r.subjectType, subjectId: r.subjectId, contactId: r.contactId },
          eventKey: r.dedupeKey,
        });
        await tx.update(pendingReminders).set({ status: 'sent' }).where(eq(pendingReminders.id, r.id));
        queued++;
      }
      return due.length;
    });
    if (n < BATCH) break;
  }
  return { queued, skipped, waiting: false };
}

/** Queued messages that never got a send job: queue one, keyed like queueMessage does. */
export async function queueStranded(deps: Deps): Promise<number> {
  if (!deps.jobs) return 0;
  const jobs = deps.jobs;
  const before = new Date(deps.clock.now().getTime() - STRANDED_AFTER_MS);
  const rows = await deps.database.db
    .select({ id: messages.id })
    .from(messages)
    .where(and(eq(messages.status, 'queued'), eq(messages.attempts, 0), lt(messages.queuedAt, before)))
    .orderBy(asc(messages.status), asc(messages.queuedAt))
    .limit(500);
  let n = 0;
  for (const r of rows) if (await deps.database.db.transaction((tx) => jobs.enqueue(tx, messageSendJob, { messageId: r.id }, { key: r.id }))) n++;
  return n;
}

export const messagesDispatchJob: JobDefinition<Record<string, never>> = {
  name: 'messages-dispatch',
  data: z.object({}).strip() as unknown as z.ZodType<Record<string, never>>,
  cron: '*/5 * * * *',
  retryLimit: 2,
  retryDelaySeconds: 60,
  async run(deps) {
    await dispatchReminders(deps);
    await queueStranded(deps);
  },
};
