// Tasks the system hands to people. Created idempotently by jobs and use cases (a dedupe key per
// event), listed per person (own tasks and the tasks of the person's role), closed by hand or when the
// record behind them is done. The full task inbox (steps, releases, estimates) builds on this.
import { and, asc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { actorId, authorize } from '../../kernel/auth/actor.ts';
import { can } from '../../kernel/auth/permissions.ts';
import { conflict, forbidden, notFound } from '../../kernel/errors/app-error.ts';
import { decodeCursor, toPage } from '../../kernel/http/pagination.ts';
import { tasks } from './tasks.table.ts';
import type { TaskDto, TaskListQuery } from './tasks.schemas.ts';

type TaskRow = typeof tasks.$inferSelect;
export type NewTask = Omit<typeof tasks.$inferInsert, 'id' | 'status' | 'doneAt' | 'doneBy'>;

export const toTaskDto = (t: TaskRow): TaskDto => ({
  id: t.id,
  kind: t.kind,
  subjectType: t.subjectType,
  subjectId: t.subjectId,
  params: t.params,
  assigneeId: t.assigneeId,
  assigneeRole: t.assigneeRole,
  dueOn: t.dueOn,
  status: t.status as TaskDto['status'],
  createdAt: t.createdAt.toISOString(),
  doneAt: t.doneAt?.toISOString() ?? null,
});

/** Creates the task unless one with the same dedupe key exists (any status). Returns the new row or null. */
export async function createTaskOnce(tx: Db, ctx: Ctx, task: NewTask): Promise<TaskRow | null> {
  const [row] = await tx.insert(tasks).values(task).onConflictDoNothing({ target: tasks.dedupeKey }).returning();
  if (!row) return null;
  await appendAudit(tx, ctx, { entity: 'tasks', entityId: row.id, action: 'created', after: { kind: row.kind, subjectType: row.subjectType, subjectId: row.subjectId, assigneeRole: row.assigneeRole, dueOn: row.dueOn, dedupeKey: row.dedupeKey } });
  return row;
}

/** Closes the open tasks whose source record is done (e.g. a completed service date). */
export async function completeTasksFor(tx: Db, ctx: Ctx, now: Date, sourceType: string, sourceId: string, status: 'done' | 'dismissed' = 'done') {
  const closed = await tx
    .update(tasks)
    .set({ status, doneAt: now, doneBy: actorId(ctx.actor) })
    .where(and(eq(tasks.sourceId, sourceId), eq(tasks.sourceType, sourceType), eq(tasks.status, 'open')))
    .returning({ id: tasks.id });
  for (const t of closed) await appendAudit(tx, ctx, { entity: 'tasks', entityId: t.id, action: status, before: { status: 'open' }, after: { status } });
}

export async function listTasks(deps: Deps, ctx: Ctx, q: TaskListQuery) {
  authorize(ctx.actor, 'tasks:read');
  const actor = ctx.actor;
  const conds: (SQL | undefined)[] = [];
  if (q.status !== 'all') conds.push(eq(tasks.status, q.status));
  if (q.scope === 'all') {
    if (actor.kind === 'user' && !can(actor.role, 'tasks:manage')) throw forbidden('tasks:manage');
  } else if (actor.kind === 'user') {
    conds.push(or(eq(tasks.assigneeId, actor.userId), and(isNull(tasks.assigneeId), eq(tasks.assigneeRole, actor.role))));
  }
  if (q.subjectId) conds.push(eq(tasks.subjectId, q.subjectId));
  const after = decodeCursor(q.cursor, 2);
  // Most urgent first: by due date (tasks without one last), then by id for a stable keyset.
  const due = sql`coalesce(${tasks.dueOn}, '9999-12-31'::date)`;
  if (after) conds.push(sql`(${due}, ${tasks.id}) > (${after[0]}::date, ${after[1]})`);
  const rows = await deps.database.db
    .select()
    .from(tasks)
    .where(and(...conds))
    .orderBy(asc(due), asc(tasks.id))
    .limit(q.limit + 1);
  return toPage(rows, q.limit, (r) => [r.dueOn ?? '9999-12-31', r.id], toTaskDto);
}

export async function markTaskDone(deps: Deps, ctx: Ctx, id: string) {
  authorize(ctx.actor, 'tasks:read');
  return deps.database.db.transaction(async (tx) => {
    const [t] = await tx.select().from(tasks).where(eq(tasks.id, id)).for('update');
    if (!t) throw notFound('tasks');
    const actor = ctx.actor;
    const mine = actor.kind === 'system' || t.assigneeId === actor.userId || (t.assigneeId === null && t.assigneeRole === actor.role) || can(actor.role, 'tasks:manage');
    if (!mine) throw forbidden('tasks:manage');
    if (t.status !== 'open') throw conflict('tasks.not_open', 'This task is already closed');
    const now = deps.clock.now();
    const [after] = await tx.update(tasks).set({ status: 'done', doneAt: now, doneBy: actorId(actor) }).where(eq(tasks.id, id)).returning();
    await appendAudit(tx, ctx, { entity: 'tasks', entityId: id, action: 'done', before: { status: 'open' }, after: { status: 'done' } });
    return toTaskDto(after!);
  });
}
