// Steps: the work on an order across people, copied from a service path or added by hand. The step
// that is up next sits in its owner's (or owner role's) task list.
import { and, asc, eq } from 'drizzle-orm';
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { fieldError, invalidFields } from '../../kernel/errors/app-error.ts';
import { businessDate } from '../../kernel/time/business-date.ts';
import { servicePaths, servicePathSteps } from '../service-paths/service-paths.table.ts';
import { createTaskOnce } from '../tasks/tasks.usecases.ts';
import { appendOrderEvent } from './order-events.ts';
import { serviceOrders, serviceOrderSteps } from './service-orders.table.ts';

type StepRow = typeof serviceOrderSteps.$inferSelect;

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
    assigneeId: step.ownerId,
    assigneeRole: step.ownerId ? null : step.ownerRole,
    dueOn: step.deadlineAt ? businessDate(step.deadlineAt) : null,
    dedupeKey: `order-step:${step.id}`,
    createdAt: now,
  });
}

/** Copies a service path's activities onto the order as steps; the first one becomes a task. */
export async function applyServicePathIn(tx: Db, deps: Deps, ctx: Ctx, orderId: string, pathId: string) {
  const [path] = await tx.select().from(servicePaths).where(eq(servicePaths.id, pathId));
  if (!path || path.archivedAt) throw invalidFields([fieldError('servicePathId', 'orders.path_unknown', 'No such service path')]);
  const activities = await tx.select().from(servicePathSteps).where(eq(servicePathSteps.pathId, pathId)).orderBy(asc(servicePathSteps.position));
  const existing = await tx.select({ position: serviceOrderSteps.position }).from(serviceOrderSteps).where(eq(serviceOrderSteps.orderId, orderId));
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
  const first = start === 0 ? rows[0] : undefined;
  if (first) await taskForStep(tx, ctx, now, first);
  return rows;
}

export async function stepsOf(db: Db, orderId: string) {
  return db.select().from(serviceOrderSteps).where(and(eq(serviceOrderSteps.orderId, orderId))).orderBy(asc(serviceOrderSteps.position));
}
