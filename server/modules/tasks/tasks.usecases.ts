// Tasks the system hands to people — the task inbox. Created idempotently by jobs and use cases (a
// dedupe key per event), listed per person (own tasks and the unassigned tasks of the person's role),
// most urgent first; closed by hand or when the record behind them is done; reassigned by managers.
import { and, eq } from 'drizzle-orm';
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { actorId, authorize, type Actor } from '../../kernel/auth/actor.ts';
import { can } from '../../kernel/auth/permissions.ts';
import { AppError, conflict, fieldError, forbidden, invalidFields, notFound } from '../../kernel/errors/app-error.ts';
import { decodeCursor, toPage } from '../../kernel/http/pagination.ts';
import { businessDate } from '../../kernel/time/business-date.ts';
import { tasks } from './tasks.table.ts';
import { NO_DUE_DATE, tasksRepository as repo, type Cursor, type Owner, type TaskRow } from './tasks.repository.ts';
import { runTaskAssignedHooks } from './tasks.hooks.ts';
import { TASK_COUNT_CAP, type TaskAssignInput, type TaskDto, type TaskListQuery, type TaskSummaryDto, type TaskUrgency } from './tasks.schemas.ts';

export type NewTask = Omit<typeof tasks.$inferInsert, 'id' | 'status' | 'doneAt' | 'doneBy'>;

/** What a task's DTO adds to the row: the assignee's name and the state of the record behind it. */
type Extras = { today: string; names: Map<string, string>; stepStatuses: Map<string, string> };

export function urgencyOf(t: Pick<TaskRow, 'status' | 'dueOn'>, today: string): TaskUrgency {
  if (t.status !== 'open' || !t.dueOn) return 'none';
  return t.dueOn < today ? 'overdue' : t.dueOn === today ? 'today' : 'later';
}

export const toTaskDto = (t: TaskRow, x: Extras): TaskDto => ({
  id: t.id,
  kind: t.kind,
  subjectType: t.subjectType,
  subjectId: t.subjectId,
  sourceType: t.sourceType,
  sourceId: t.sourceId,
  sourceStatus: t.sourceType === 'service_order_step' && t.sourceId ? (x.stepStatuses.get(t.sourceId) ?? null) : null,
  params: t.params,
  assigneeId: t.assigneeId,
  assigneeName: t.assigneeId ? (x.names.get(t.assigneeId) ?? null) : null,
  assigneeRole: t.assigneeRole,
  dueOn: t.dueOn,
  urgency: urgencyOf(t, x.today),
  status: t.status as TaskDto['status'],
  createdAt: t.createdAt.toISOString(),
  doneAt: t.doneAt?.toISOString() ?? null,
});

async function extrasFor(db: Db, deps: Deps, rows: TaskRow[]): Promise<Extras> {
  const names = await repo.userNames(db, [...new Set(rows.flatMap((r) => (r.assigneeId ? [r.assigneeId] : [])))]);
  const steps = rows.flatMap((r) => (r.sourceType === 'service_order_step' && r.sourceId && r.status === 'open' ? [r.sourceId] : []));
  return { today: businessDate(deps.clock.now()), names, stepStatuses: await repo.stepStatuses(db, steps) };
}

/** Creates the task unless one with the same dedupe key exists (any status). Returns the new row or null. */
export async function createTaskOnce(tx: Db, ctx: Ctx, task: NewTask): Promise<TaskRow | null> {
  const [row] = await tx.insert(tasks).values(task).onConflictDoNothing({ target: tasks.dedupeKey }).returning();
  if (!row) return null;
  await appendAudit(tx, ctx, { entity: 'tasks', entityId: row.id, action: 'created', after: { kind: row.kind, subjectType: row.subjectType, subjectId: row.subjectId, assigneeId: row.assigneeId, assigneeRole: row.assigneeRole, dueOn: row.dueOn, dedupeKey: row.dedupeKey } });
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

/** Closes every open task about a record (an order that was released or cancelled leaves nothing to do). */
export async function dismissTasksAbout(tx: Db, ctx: Ctx, now: Date, subjectType: string, subjectId: string) {
  const closed = await tx
    .update(tasks)
    .set({ status: 'dismissed', doneAt: now, doneBy: actorId(ctx.actor) })
    .where(and(eq(tasks.subjectType, subjectType), eq(tasks.subjectId, subjectId), eq(tasks.status, 'open')))
    .returning({ id: tasks.id });
  for (const t of closed) await appendAudit(tx, ctx, { entity: 'tasks', entityId: t.id, action: 'dismissed', before: { status: 'open' }, after: { status: 'dismissed' } });
}

const isManager = (actor: Actor) => actor.kind === 'system' || can(actor.role, 'tasks:manage');

/** Whose inbox a list shows: mine, a chosen person's (managers), or nobody's in particular (everyone's). */
async function ownerFor(deps: Deps, actor: Actor, q: Pick<TaskListQuery, 'scope' | 'userId'>): Promise<Owner | null> {
  if (q.scope === 'mine') return actor.kind === 'user' ? { userId: actor.userId, role: actor.role } : null;
  if (!isManager(actor)) throw forbidden('tasks:manage');
  if (q.scope === 'all') return null;
  if (!q.userId) throw invalidFields([fieldError('userId', 'tasks.user_required', 'Choose whose tasks to show')]);
  const user = await repo.user(deps.database.db, q.userId);
  if (!user) throw notFound('users');
  return { userId: user.id, role: user.role };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** [due date or NO_DUE_DATE, id]; a tampered cursor is a 400, never a failed cast in SQL. */
function taskCursor(cursor: string | undefined): Cursor | null {
  const after = decodeCursor(cursor, 2);
  if (!after) return null;
  const [due, id] = after;
  if (typeof due !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(due) || Number.isNaN(Date.parse(due)) || typeof id !== 'string' || !UUID.test(id))
    throw new AppError('pagination.bad_cursor', 400, 'The cursor is not valid for this list', { fields: [{ path: 'cursor', code: 'pagination.bad_cursor', message: 'Invalid cursor' }] });
  return [due, id];
}

export async function listTasks(deps: Deps, ctx: Ctx, q: TaskListQuery) {
  authorize(ctx.actor, 'tasks:read');
  const owner = await ownerFor(deps, ctx.actor, q);
  const after = taskCursor(q.cursor);
  const db = deps.database.db;
  const rows = owner && q.status === 'open' ? await repo.openFor(db, owner, after, q.limit, q.subjectId) : await repo.list(db, { owner, status: q.status, subjectId: q.subjectId }, after, q.limit);
  const x = await extrasFor(db, deps, rows.slice(0, q.limit));
  return toPage(rows, q.limit, (r) => [r.dueOn ?? NO_DUE_DATE, r.id], (r) => toTaskDto(r, x));
}

/** The menu badge: my open tasks, how many are overdue and due today (each count stops at TASK_COUNT_CAP). */
export async function taskSummary(deps: Deps, ctx: Ctx): Promise<TaskSummaryDto> {
  authorize(ctx.actor, 'tasks:read');
  const owner = await ownerFor(deps, ctx.actor, { scope: 'mine' });
  if (!owner) return { open: 0, overdue: 0, dueToday: 0, cap: TASK_COUNT_CAP };
  const c = await repo.counts(deps.database.db, owner, businessDate(deps.clock.now()), TASK_COUNT_CAP);
  return { open: c.open, overdue: c.overdue, dueToday: c.due_today, cap: TASK_COUNT_CAP };
}

export async function markTaskDone(deps: Deps, ctx: Ctx, id: string) {
  authorize(ctx.actor, 'tasks:read');
  return deps.database.db.transaction(async (tx) => {
    const t = await repo.findForUpdate(tx, id);
    if (!t) throw notFound('tasks');
    const actor = ctx.actor;
    const mine = actor.kind === 'system' || t.assigneeId === actor.userId || (t.assigneeId === null && t.assigneeRole === actor.role) || can(actor.role, 'tasks:manage');
    if (!mine) throw forbidden('tasks:manage');
    if (t.status !== 'open') throw conflict('tasks.not_open', 'This task is already closed');
    const now = deps.clock.now();
    const after = await repo.update(tx, id, { status: 'done', doneAt: now, doneBy: actorId(actor) });
    await appendAudit(tx, ctx, { entity: 'tasks', entityId: id, action: 'done', before: { status: 'open' }, after: { status: 'done' } });
    return toTaskDto(after, await extrasFor(tx, deps, [after]));
  });
}

/**
 * Gives an open task to one person (it leaves the role list) or to a role (it leaves the person).
 * Managers only; audited with the assignee before and after.
 */
export async function assignTask(deps: Deps, ctx: Ctx, id: string, input: TaskAssignInput) {
  authorize(ctx.actor, 'tasks:manage');
  const userId = input.userId ?? null;
  const role = input.role ?? null;
  if ((userId === null) === (role === null))
    throw invalidFields([fieldError(userId ? 'role' : 'userId', 'tasks.assignee_one', 'Give either a person (userId) or a role, not both')]);
  return deps.database.db.transaction(async (tx) => {
    const t = await repo.findForUpdate(tx, id);
    if (!t) throw notFound('tasks');
    if (t.status !== 'open') throw conflict('tasks.not_open', 'This task is already closed');
    if (userId) {
      const user = await repo.user(tx, userId);
      if (!user) throw invalidFields([fieldError('userId', 'tasks.assignee_unknown', 'No such user')]);
      if (!user.active) throw invalidFields([fieldError('userId', 'tasks.assignee_inactive', 'This user is deactivated', { name: user.name })]);
    }
    if (t.assigneeId === userId && t.assigneeRole === role) return toTaskDto(t, await extrasFor(tx, deps, [t]));
    const after = await repo.update(tx, id, { assigneeId: userId, assigneeRole: role });
    await appendAudit(tx, ctx, { entity: 'tasks', entityId: id, action: 'assigned', before: { assigneeId: t.assigneeId, assigneeRole: t.assigneeRole }, after: { assigneeId: userId, assigneeRole: role } });
    await runTaskAssignedHooks(tx, ctx, after, { userId, role });
    return toTaskDto(after, await extrasFor(tx, deps, [after]));
  });
}
