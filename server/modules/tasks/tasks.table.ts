import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from '../../db/columns.ts';
import { users } from '../identity/identity.table.ts';

/**
 * Work the system hands to people: a service date coming due now; steps, releases and estimates later.
 * A task goes to one user or to everyone with a role. `dedupeKey` makes creating the same task twice
 * (a job run twice, two app instances) a no-op.
 */
export const tasks = pgTable(
  'tasks',
  {
    id: id(),
    kind: text().notNull(), // 'service_date_due' | 'meter_threshold' …
    subjectType: text().notNull(), // 'asset'
    subjectId: uuid().notNull(),
    // The record whose completion closes the task (e.g. the service date), when it is not the subject.
    sourceType: text(),
    sourceId: uuid(),
    // What the UI shows, translated from the kind plus these values (names, dates), not frozen text.
    params: jsonb().$type<Record<string, string | number | null>>().notNull().default({}),
    assigneeId: uuid().references(() => users.id, { onDelete: 'set null' }),
    assigneeRole: text(),
    dueOn: date(),
    status: text().notNull().default('open'), // 'open' | 'done' | 'dismissed'
    dedupeKey: text().notNull(),
    createdAt: createdAt(),
    doneAt: timestamp({ withTimezone: true }),
    doneBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('tasks_dedupe_uq').on(t.dedupeKey),
    index('tasks_open_role_idx').on(t.assigneeRole, t.dueOn, t.id).where(sql`${t.status} = 'open'`),
    index('tasks_open_user_idx').on(t.assigneeId, t.dueOn, t.id).where(sql`${t.status} = 'open'`),
    index('tasks_subject_idx').on(t.subjectType, t.subjectId, t.createdAt),
    index('tasks_source_idx').on(t.sourceId).where(sql`${t.status} = 'open'`),
    check('tasks_status_ck', sql`${t.status} in ('open','done','dismissed')`),
  ],
);

/**
 * A message that is due to a customer's contact (a service-date reminder). Recorded now; the sending
 * (email/SMS with templates and a delivery log) comes with notifications. Unique per event.
 */
export const pendingReminders = pgTable(
  'pending_reminders',
  {
    id: id(),
    subjectType: text().notNull(),
    subjectId: uuid().notNull(),
    contactId: uuid(),
    channel: text().notNull(), // 'email'
    params: jsonb().$type<Record<string, string | number | null>>().notNull().default({}),
    status: text().notNull().default('due'), // 'due' | 'sent' | 'failed' | 'skipped'
    dedupeKey: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('pending_reminders_dedupe_uq').on(t.dedupeKey), index('pending_reminders_due_idx').on(t.status, t.createdAt)],
);
