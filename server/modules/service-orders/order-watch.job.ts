// The daily watch over open orders: items not back from an external service by their expected day,
// and estimates the customer has left unanswered too long, become tasks for the front desk.
// Idempotent by construction: every task has a dedupe key naming its event (the RMA and its expected
// day; the estimate), so a second run, a retry or a second app instance creates nothing new.
import { z } from 'zod';
import { and, asc, eq, isNull, lt, notInArray, sql } from 'drizzle-orm';
import type { Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { keysetAfter } from '../../kernel/db/keyset.ts';
import { businessDate, startOfBusinessDay } from '../../kernel/time/business-date.ts';
import type { JobDefinition } from '../../jobs/runtime.ts';
import { createTaskOnce } from '../tasks/tasks.usecases.ts';
import { tasks } from '../tasks/tasks.table.ts';
import { serviceOrderEstimates, serviceOrderRmas, serviceOrders } from './service-orders.table.ts';
import { estimateWaitingCutoff, estimateWaitingTaskKey, rmaLateTaskKey } from './rma.rules.ts';
import { RMA_TASK_SOURCE } from './rma.usecases.ts';

const BATCH = 500;

/** The task source of waiting-estimate tasks: deciding or withdrawing the estimate should close them. */
export const ESTIMATE_TASK_SOURCE = 'service_order_estimate';

const closedPhases = ['released', 'cancelled'];

/** Open RMAs whose expected return day is over and that have no task for that day yet (index: service_order_rmas_late_idx). */
function lateRmaBatch(db: Db, today: string, after: unknown[] | null) {
  const r = serviceOrderRmas;
  return db
    .select({ id: r.id, orderId: r.orderId, vendor: r.vendor, caseNumber: r.caseNumber, expectedReturnOn: r.expectedReturnOn, orderNumber: serviceOrders.number })
    .from(r)
    .innerJoin(serviceOrders, eq(serviceOrders.id, r.orderId))
    .where(
      and(
        isNull(r.returnedOn),
        lt(r.expectedReturnOn, today),
        sql`not exists (select 1 from ${tasks} where ${tasks.dedupeKey} = 'rma-late:' || ${r.id} || ':' || to_char(${r.expectedReturnOn}, 'YYYY-MM-DD'))`,
        keysetAfter(r.expectedReturnOn, r.id, after),
      ),
    )
    .orderBy(asc(r.expectedReturnOn), asc(r.id))
    .limit(BATCH);
}

/** Estimates still "sent" since before the cutoff instant, on orders that are still open (index: service_order_estimates_waiting_idx). */
function waitingEstimateBatch(db: Db, sentBefore: Date, after: unknown[] | null) {
  const e = serviceOrderEstimates;
  return db
    .select({ id: e.id, orderId: e.orderId, version: e.version, sentAt: e.sentAt, orderNumber: serviceOrders.number })
    .from(e)
    .innerJoin(serviceOrders, eq(serviceOrders.id, e.orderId))
    .where(
      and(
        eq(e.status, 'sent'),
        lt(e.sentAt, sentBefore),
        notInArray(serviceOrders.phase, closedPhases),
        sql`not exists (select 1 from ${tasks} where ${tasks.dedupeKey} = 'estimate-waiting:' || ${e.id})`,
        keysetAfter(e.sentAt, e.id, after),
      ),
    )
    .orderBy(asc(e.sentAt), asc(e.id))
    .limit(BATCH);
}

export async function runOrderWatch(deps: Deps): Promise<{ lateRmas: number; waitingEstimates: number }> {
  const ctx = { actor: systemActor('order watch') };
  const db = deps.database.db;
  const now = deps.clock.now();
  const today = businessDate(now);

  let lateRmas = 0;
  for (let after: unknown[] | null = null; ; ) {
    const batch = await lateRmaBatch(db, today, after);
    if (batch.length === 0) break;
    await db.transaction(async (tx) => {
      for (const r of batch) {
        const task = await createTaskOnce(tx, ctx, {
          kind: 'rma_late',
          subjectType: 'service_order',
          subjectId: r.orderId,
          sourceType: RMA_TASK_SOURCE,
          sourceId: r.id,
          params: { orderNumber: r.orderNumber, vendor: r.vendor, caseNumber: r.caseNumber, expectedReturnOn: r.expectedReturnOn },
          assigneeRole: 'front_desk',
          dueOn: today,
          dedupeKey: rmaLateTaskKey(r.id, r.expectedReturnOn!),
          createdAt: now,
        });
        if (task) lateRmas++;
      }
    });
    const last = batch[batch.length - 1]!;
    after = [last.expectedReturnOn, last.id];
  }

  let waitingEstimates = 0;
  const sentBefore = startOfBusinessDay(estimateWaitingCutoff(today));
  for (let after: unknown[] | null = null; ; ) {
    const batch = await waitingEstimateBatch(db, sentBefore, after);
    if (batch.length === 0) break;
    await db.transaction(async (tx) => {
      for (const e of batch) {
        const task = await createTaskOnce(tx, ctx, {
          kind: 'estimate_waiting',
          subjectType: 'service_order',
          subjectId: e.orderId,
          sourceType: ESTIMATE_TASK_SOURCE,
          sourceId: e.id,
          params: { orderNumber: e.orderNumber, version: e.version, sentOn: businessDate(e.sentAt!) },
          assigneeRole: 'front_desk',
          dueOn: today,
          dedupeKey: estimateWaitingTaskKey(e.id),
          createdAt: now,
        });
        if (task) waitingEstimates++;
      }
    });
    const last = batch[batch.length - 1]!;
    after = [last.sentAt!.toISOString(), last.id];
  }
  return { lateRmas, waitingEstimates };
}

export const orderWatchJob: JobDefinition<Record<string, never>> = {
  name: 'order-watch',
  data: z.object({}).strip() as unknown as z.ZodType<Record<string, never>>,
  cron: '0 7 * * *', // 07:00 Warsaw time: the front desk finds the calls to make when the shop opens
  retryLimit: 3,
  retryDelaySeconds: 60,
  async run(deps) {
    await runOrderWatch(deps);
  },
};
