// Steps: the work on an order across people, copied from a service path or added by hand. The step
// that is up next sits in its owner's (or owner role's) task list; done or skipped hands it on.
import { aliasedTable, and, asc, eq, type SQL } from 'drizzle-orm';
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { actorId, authorize } from '../../kernel/auth/actor.ts';
import { conflict, fieldError, invalidFields, notFound } from '../../kernel/errors/app-error.ts';
import { businessDate } from '../../kernel/time/business-date.ts';
import { users } from '../identity/identity.table.ts';
import { servicePaths, servicePathSteps } from '../service-paths/service-paths.table.ts';
import { tasks } from '../tasks/tasks.table.ts';
import { onTaskAssigned } from '../tasks/tasks.hooks.ts';
import { completeTasksFor, createTaskOnce } from '../tasks/tasks.usecases.ts';
import { appendOrderEvent } from './order-events.ts';
import { ordersRepository, type OrderRow } from './service-orders.repository.ts';
import { serviceOrders, serviceOrderSteps } from './service-orders.table.ts';
import { allowedStepActions, canStep, insertIndex, isOpenStep, isSameStepSet, nextStepAfter, skipProblems, statusAfter, upNextWhenAdded, type StepStatus } from './steps.rules.ts';
import { MAX_WORK_ROWS, type OrderStepAddInput, type OrderStepDto, type OrderStepPatch } from './work.schemas.ts';

type StepRow = typeof serviceOrderSteps.$inferSelect;

// ── shared by the work use cases (steps, labour, parts, lines) ─────────────────────────────────

/**
 * Locks the order for a change to its work. Every writer of steps, time, parts and lines takes this
 * lock first, so concurrent changes to one order (positions, stock issues) queue up behind each other.
 */
export async function openOrderForWork(tx: Db, orderId: string): Promise<OrderRow> {
  const order = await ordersRepository.findForUpdate(tx, orderId);
  if (!order) throw notFound('service_orders');
  if (order.phase === 'released' || order.phase === 'cancelled') throw conflict('orders.closed', 'A released or cancelled order cannot change');
  return order;
}

/** Reading an order's work: the order must exist. */
export async function requireOrder(db: Db, orderId: string) {
  const [o] = await db.select({ id: serviceOrders.id }).from(serviceOrders).where(eq(serviceOrders.id, orderId)).limit(1);
  if (!o) throw notFound('service_orders');
}

export const iso = (d: Date | null) => d?.toISOString() ?? null;

// ── tasks of steps ─────────────────────────────────────────────────────────────────────────────

/** Puts the step in its owner's task list (once per step). */
export async function taskForStep(tx: Db, ctx: Ctx, now: Date, step: StepRow) {
  const [order] = await tx.select({ number: serviceOrders.number, assetId: serviceOrders.assetId }).from(serviceOrders).where(eq(serviceOrders.id, step.orderId));
  await createTaskOnce(tx, ctx, {
    kind: 'order_step',
    subjectType: 'service_order',
    subjectId: step.orderId,
    sourceType: 'service_order_step',
    sourceId: step.id,
    params: { orderNumber: order?.number ?? '', stepName: step.name, stepId: step.id },
    ...taskTarget(step),
    dedupeKey: `order-step:${step.id}`,
    createdAt: now,
  });
}

const taskTarget = (step: StepRow) => ({
  assigneeId: step.ownerId,
  assigneeRole: step.ownerId ? null : step.ownerRole,
  dueOn: step.deadlineAt ? businessDate(step.deadlineAt) : null,
});

/** The step's open task follows the step: a new owner gets it, a new deadline or name shows on it. */
async function syncStepTask(tx: Db, ctx: Ctx, step: StepRow) {
  const [task] = await tx
    .select()
    .from(tasks)
    .where(and(eq(tasks.sourceType, 'service_order_step'), eq(tasks.sourceId, step.id), eq(tasks.status, 'open')))
    .for('update');
  if (!task) return;
  const target = { ...taskTarget(step), params: { ...task.params, stepName: step.name } };
  const before = { assigneeId: task.assigneeId, assigneeRole: task.assigneeRole, dueOn: task.dueOn, params: task.params };
  if (JSON.stringify(before) === JSON.stringify(target)) return; // same keys in the same order
  await tx.update(tasks).set(target).where(eq(tasks.id, task.id));
  await appendAudit(tx, ctx, { entity: 'tasks', entityId: task.id, action: 'updated', before, after: target });
}

/**
 * A manager who gives a step's task to someone else in the task inbox gives them the step: to a person
 * (the step's role stays, for when the person is taken off again) or to a role (no person). The task
 * already has its new assignee, so nothing is synced back. The order's history gets the change when
 * the hook is handed the clock's time (`now`); the audit records it either way.
 */
onTaskAssigned('order_step', async (tx: Db, ctx: Ctx, task, to, now?: Date) => {
  if (task.sourceType !== 'service_order_step' || !task.sourceId) return;
  const [before] = await tx.select().from(serviceOrderSteps).where(eq(serviceOrderSteps.id, task.sourceId)).limit(1);
  if (!before || !isOpenStep(before.status as StepStatus)) return;
  const values = to.userId ? { ownerId: to.userId } : { ownerId: null, ownerRole: to.role };
  if (before.ownerId === values.ownerId && (!('ownerRole' in values) || before.ownerRole === values.ownerRole)) return;
  const [after] = await tx.update(serviceOrderSteps).set(values).where(eq(serviceOrderSteps.id, before.id)).returning();
  if (now) await appendOrderEvent(tx, ctx, now, before.orderId, 'step_assigned', { stepId: before.id, name: before.name, fields: ['ownerId', 'ownerRole'], ownerId: after!.ownerId, ownerRole: after!.ownerRole, via: 'task' });
  await appendAudit(tx, ctx, { entity: 'service_orders', entityId: before.orderId, action: 'step_updated', sub: sub(after!), before: auditView(before), after: auditView(after!) });
});

// ── reading ────────────────────────────────────────────────────────────────────────────────────

const owner = aliasedTable(users, 'step_owner');
const closer = aliasedTable(users, 'step_closer');

async function stepViews(db: Db, where: SQL | undefined) {
  return db
    .select({ s: serviceOrderSteps, ownerName: owner.name, doneByName: closer.name })
    .from(serviceOrderSteps)
    .leftJoin(owner, eq(owner.id, serviceOrderSteps.ownerId))
    .leftJoin(closer, eq(closer.id, serviceOrderSteps.doneBy))
    .where(where)
    .orderBy(asc(serviceOrderSteps.position), asc(serviceOrderSteps.id))
    .limit(MAX_WORK_ROWS);
}

const toStepDto = ({ s, ownerName, doneByName }: Awaited<ReturnType<typeof stepViews>>[number]): OrderStepDto => ({
  id: s.id,
  orderId: s.orderId,
  position: s.position,
  name: s.name,
  description: s.description,
  ownerId: s.ownerId,
  ownerName,
  ownerRole: s.ownerRole as OrderStepDto['ownerRole'],
  plannedMinutes: s.plannedMinutes,
  deadlineAt: iso(s.deadlineAt),
  status: s.status as StepStatus,
  skipReason: s.skipReason,
  startedAt: iso(s.startedAt),
  doneAt: iso(s.doneAt),
  doneById: s.doneBy,
  doneByName,
  allowedActions: [...allowedStepActions(s.status as StepStatus)],
  createdAt: s.createdAt.toISOString(),
});

export const orderStepDtos = async (db: Db, orderId: string) => (await stepViews(db, eq(serviceOrderSteps.orderId, orderId))).map(toStepDto);
const stepDto = async (db: Db, id: string) => toStepDto((await stepViews(db, eq(serviceOrderSteps.id, id)))[0]!);

export async function stepsOf(db: Db, orderId: string) {
  return db.select().from(serviceOrderSteps).where(eq(serviceOrderSteps.orderId, orderId)).orderBy(asc(serviceOrderSteps.position), asc(serviceOrderSteps.id)).limit(MAX_WORK_ROWS);
}

export async function listSteps(deps: Deps, ctx: Ctx, orderId: string) {
  authorize(ctx.actor, 'orders:read');
  await requireOrder(deps.database.db, orderId);
  return { items: await orderStepDtos(deps.database.db, orderId) };
}

// ── changing ───────────────────────────────────────────────────────────────────────────────────

/** Business fields of a step: what the audit compares. */
const auditView = (s: StepRow) => ({
  name: s.name,
  description: s.description,
  ownerId: s.ownerId,
  ownerRole: s.ownerRole,
  plannedMinutes: s.plannedMinutes,
  deadlineAt: s.deadlineAt,
  status: s.status,
  skipReason: s.skipReason,
});

const sub = (s: StepRow) => ({ entity: 'service_order_steps', id: s.id, label: s.name });

async function checkOwner(tx: Db, ownerId: string | null | undefined) {
  if (!ownerId) return;
  const [u] = await tx.select({ active: users.active }).from(users).where(eq(users.id, ownerId)).limit(1);
  if (!u || !u.active) throw invalidFields([fieldError('ownerId', 'orders.owner_unknown', 'No such active user')]);
}

/** Loads a step for a change: the step's order locked and open, then the step itself. */
async function stepForChange(tx: Db, stepId: string) {
  const [ref] = await tx.select({ orderId: serviceOrderSteps.orderId }).from(serviceOrderSteps).where(eq(serviceOrderSteps.id, stepId)).limit(1);
  if (!ref) throw notFound('service_order_steps');
  const order = await openOrderForWork(tx, ref.orderId);
  const [step] = await tx.select().from(serviceOrderSteps).where(eq(serviceOrderSteps.id, stepId)).limit(1);
  if (!step) throw notFound('service_order_steps');
  return { order, step };
}

/** Gives steps the positions of their place in `ordered` (0, 1, 2…, or as `positionAt` says), writing only those that move. */
async function renumber(tx: Db, ordered: readonly { id: string; position: number }[], positionAt = (i: number) => i) {
  for (const [i, s] of ordered.entries()) if (s.position !== positionAt(i)) await tx.update(serviceOrderSteps).set({ position: positionAt(i) }).where(eq(serviceOrderSteps.id, s.id));
}

export async function addStep(deps: Deps, ctx: Ctx, orderId: string, input: OrderStepAddInput) {
  authorize(ctx.actor, 'orders:write');
  return deps.database.db.transaction(async (tx) => {
    await openOrderForWork(tx, orderId);
    await checkOwner(tx, input.ownerId);
    const existing = await stepsOf(tx, orderId);
    const at = insertIndex(input.position, existing.length);
    await renumber(tx, existing, (i) => (i < at ? i : i + 1));
    const now = deps.clock.now();
    const [step] = await tx
      .insert(serviceOrderSteps)
      .values({
        orderId,
        position: at,
        name: input.name,
        description: input.description,
        ownerId: input.ownerId,
        ownerRole: input.ownerRole,
        plannedMinutes: input.plannedMinutes,
        deadlineAt: input.deadlineAt ? new Date(input.deadlineAt) : null,
        createdAt: now,
      })
      .returning();
    await appendOrderEvent(tx, ctx, now, orderId, 'step_added', { stepId: step!.id, name: step!.name, position: at });
    await appendAudit(tx, ctx, { entity: 'service_orders', entityId: orderId, action: 'step_added', sub: sub(step!), after: { ...auditView(step!), position: at } });
    if (upNextWhenAdded([...existing.map((s) => ({ ...s, status: s.status as StepStatus })), { ...step!, status: 'todo' }], [step!.id])) await taskForStep(tx, ctx, now, step!);
    return stepDto(tx, step!.id);
  });
}

export async function reorderSteps(deps: Deps, ctx: Ctx, orderId: string, stepIds: string[]) {
  authorize(ctx.actor, 'orders:write');
  return deps.database.db.transaction(async (tx) => {
    await openOrderForWork(tx, orderId);
    const existing = await stepsOf(tx, orderId);
    if (!isSameStepSet(existing.map((s) => s.id), stepIds)) throw invalidFields([fieldError('stepIds', 'orders.steps_reorder_invalid', "Send every step of the order exactly once")]);
    const byId = new Map(existing.map((s) => [s.id, s]));
    const ordered = stepIds.map((id) => byId.get(id)!);
    await renumber(tx, ordered);
    if (ordered.some((s, i) => s.id !== existing[i]!.id)) {
      const now = deps.clock.now();
      await appendOrderEvent(tx, ctx, now, orderId, 'steps_reordered', { stepIds });
      await appendAudit(tx, ctx, { entity: 'service_orders', entityId: orderId, action: 'steps_reordered', changes: { steps: { before: existing.map((s) => s.name), after: ordered.map((s) => s.name) } } });
    }
    return { items: await orderStepDtos(tx, orderId) };
  });
}

export async function updateStep(deps: Deps, ctx: Ctx, stepId: string, patch: OrderStepPatch) {
  authorize(ctx.actor, 'orders:write');
  return deps.database.db.transaction(async (tx) => {
    const { step: before } = await stepForChange(tx, stepId);
    if (!canStep(before.status as StepStatus, 'edit')) throw conflict('orders.step_closed', 'A done or skipped step cannot change', { status: before.status });
    await checkOwner(tx, patch.ownerId);
    const values: Partial<typeof serviceOrderSteps.$inferInsert> = {};
    if (patch.name !== undefined) values.name = patch.name;
    if (patch.description !== undefined) values.description = patch.description;
    if (patch.ownerId !== undefined) values.ownerId = patch.ownerId;
    if (patch.ownerRole !== undefined) values.ownerRole = patch.ownerRole;
    if (patch.plannedMinutes !== undefined) values.plannedMinutes = patch.plannedMinutes;
    if (patch.deadlineAt !== undefined) values.deadlineAt = patch.deadlineAt ? new Date(patch.deadlineAt) : null;
    const [after] = Object.keys(values).length ? await tx.update(serviceOrderSteps).set(values).where(eq(serviceOrderSteps.id, stepId)).returning() : [before];
    const [b, a] = [auditView(before), auditView(after!)];
    const changed = (Object.keys(a) as (keyof typeof a)[]).filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]));
    if (changed.length) {
      const now = deps.clock.now();
      const assigned = changed.includes('ownerId') || changed.includes('ownerRole');
      await appendOrderEvent(tx, ctx, now, before.orderId, assigned ? 'step_assigned' : 'step_updated', { stepId, name: after!.name, fields: changed, ...(assigned ? { ownerId: after!.ownerId, ownerRole: after!.ownerRole } : {}) });
      await appendAudit(tx, ctx, { entity: 'service_orders', entityId: before.orderId, action: 'step_updated', sub: sub(after!), before: auditView(before), after: auditView(after!) });
      await syncStepTask(tx, ctx, after!);
    }
    return stepDto(tx, stepId);
  });
}

const EVENT_OF = { start: 'step_started', done: 'step_done', skip: 'step_skipped' } as const;

/**
 * Start, done or skip. Done and skip close the step's task and hand the next todo step to its owner.
 */
export async function moveStep(deps: Deps, ctx: Ctx, stepId: string, action: 'start' | 'done' | 'skip', reason = '') {
  authorize(ctx.actor, 'orders:write');
  return deps.database.db.transaction(async (tx) => {
    const { step } = await stepForChange(tx, stepId);
    const from = step.status as StepStatus;
    const to = statusAfter(from, action);
    if (!to) throw conflict('orders.step_transition_not_allowed', `A ${from} step cannot be ${action === 'start' ? 'started' : action === 'done' ? 'done' : 'skipped'}`, { from, action });
    if (action === 'skip') {
      const problems = skipProblems(reason);
      if (problems.length) throw invalidFields(problems);
    }
    const now = deps.clock.now();
    const values: Partial<typeof serviceOrderSteps.$inferInsert> =
      action === 'start' ? { status: to, startedAt: now } : { status: to, doneAt: now, doneBy: actorId(ctx.actor), ...(action === 'skip' ? { skipReason: reason.trim() } : {}) };
    const [after] = await tx.update(serviceOrderSteps).set(values).where(eq(serviceOrderSteps.id, stepId)).returning();
    await appendOrderEvent(tx, ctx, now, step.orderId, EVENT_OF[action], { stepId, name: step.name, ...(action === 'skip' ? { reason: reason.trim() } : {}) });
    await appendAudit(tx, ctx, { entity: 'service_orders', entityId: step.orderId, action: EVENT_OF[action], sub: sub(step), before: { status: from }, after: { status: to, ...(action === 'skip' ? { skipReason: reason.trim() } : {}) } });
    if (action !== 'start') {
      await completeTasksFor(tx, ctx, now, 'service_order_step', stepId, action === 'done' ? 'done' : 'dismissed');
      const steps = await stepsOf(tx, step.orderId);
      const next = nextStepAfter(steps.map((s) => ({ ...s, status: s.status as StepStatus })), stepId);
      if (next) await taskForStep(tx, ctx, now, next);
    }
    return stepDto(tx, after!.id);
  });
}

// ── service paths ──────────────────────────────────────────────────────────────────────────────

/** Copies a service path's activities onto the order as steps; the first one becomes a task when no other step is open. */
export async function applyServicePathIn(tx: Db, deps: Deps, ctx: Ctx, orderId: string, pathId: string) {
  const [path] = await tx.select().from(servicePaths).where(eq(servicePaths.id, pathId));
  if (!path || path.archivedAt) throw invalidFields([fieldError('servicePathId', 'orders.path_unknown', 'No such service path')]);
  const activities = await tx.select().from(servicePathSteps).where(eq(servicePathSteps.pathId, pathId)).orderBy(asc(servicePathSteps.position));
  const existing = await tx.select({ id: serviceOrderSteps.id, position: serviceOrderSteps.position, status: serviceOrderSteps.status }).from(serviceOrderSteps).where(eq(serviceOrderSteps.orderId, orderId));
  const start = existing.reduce((m, s) => Math.max(m, s.position + 1), 0);
  const now = deps.clock.now();
  const rows = activities.length
    ? await tx
        .insert(serviceOrderSteps)
        .values(
          activities.map((a, i) => ({
            orderId,
            position: start + i,
            name: a.name,
            description: a.description,
            ownerRole: a.role,
            plannedMinutes: a.plannedMinutes,
            deadlineAt: a.deadlineOffsetHours === null ? null : new Date(now.getTime() + a.deadlineOffsetHours * 3_600_000),
            createdAt: now,
          })),
        )
        .returning()
    : [];
  await tx.update(serviceOrders).set({ servicePathId: pathId, updatedAt: now }).where(eq(serviceOrders.id, orderId));
  await appendOrderEvent(tx, ctx, now, orderId, 'path_applied', { pathId, pathName: path.name, steps: rows.length });
  await appendAudit(tx, ctx, { entity: 'service_orders', entityId: orderId, action: 'path_applied', changes: { servicePath: { before: null, after: path.name }, steps: { before: null, after: rows.length } } });
  const first = rows[0];
  if (first && upNextWhenAdded([...existing, ...rows].map((s) => ({ ...s, status: s.status as StepStatus })), rows.map((r) => r.id))) await taskForStep(tx, ctx, now, first);
  return rows;
}

export async function applyPath(deps: Deps, ctx: Ctx, orderId: string, servicePathId: string) {
  authorize(ctx.actor, 'orders:write');
  return deps.database.db.transaction(async (tx) => {
    await openOrderForWork(tx, orderId);
    await applyServicePathIn(tx, deps, ctx, orderId, servicePathId);
    return { items: await orderStepDtos(tx, orderId) };
  });
}
