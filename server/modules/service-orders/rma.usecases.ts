// External service (RMA): the order's item goes to a manufacturer or an external workshop and comes
// back. Sending moves the order into the "external service" phase (the asset's custody follows by the
// phase rules); recording the return moves it back and closes the late-return task. One open RMA per
// order; each change appends to the order's history (internal, not on the tracking page) and audit.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { conflict, invalidFields, notFound } from '../../kernel/errors/app-error.ts';
import { businessDate } from '../../kernel/time/business-date.ts';
import { assetsRepository } from '../assets/assets.repository.ts';
import { changeCustodyIn } from '../assets/assets.usecases.ts';
import { completeTasksFor } from '../tasks/tasks.usecases.ts';
import { appendOrderEvent } from './order-events.ts';
import { ordersRepository as orders } from './service-orders.repository.ts';
import { serviceOrderRmas } from './service-orders.table.ts';
import { moveToStatusIn } from './service-orders.usecases.ts';
import { custodyAfterReturn, isRmaLate, rmaDateRefusals, rmaLabel, rmaReturnRefusals, type RmaOutcome } from './rma.rules.ts';
import type { RmaDto, RmaInput, RmaPatch, RmaReturnInput } from './rma.schemas.ts';

type RmaRow = typeof serviceOrderRmas.$inferSelect;

/** The task source of late-return tasks: recording the return closes them. */
export const RMA_TASK_SOURCE = 'service_order_rma';

/** An order never has many shipments; the history is answered whole, bounded all the same. */
const HISTORY_LIMIT = 100;

// SQL of RMAs (bounded, no decisions). Kept here: the module's repository belongs to the order core.
const rmas = {
  find: async (db: Db, id: string) => (await db.select().from(serviceOrderRmas).where(eq(serviceOrderRmas.id, id)).limit(1))[0],
  findForUpdate: async (db: Db, id: string) => (await db.select().from(serviceOrderRmas).where(eq(serviceOrderRmas.id, id)).for('update').limit(1))[0],
  openOf: async (db: Db, orderId: string) => (await db.select().from(serviceOrderRmas).where(and(eq(serviceOrderRmas.orderId, orderId), isNull(serviceOrderRmas.returnedOn))).limit(1))[0],
  async insert(db: Db, values: typeof serviceOrderRmas.$inferInsert) {
    const [row] = await db.insert(serviceOrderRmas).values(values).returning();
    return row!;
  },
  async update(db: Db, id: string, values: Partial<typeof serviceOrderRmas.$inferInsert>) {
    const [row] = await db.update(serviceOrderRmas).set(values).where(eq(serviceOrderRmas.id, id)).returning();
    return row!;
  },
  ofOrder: (db: Db, orderId: string) =>
    db.select().from(serviceOrderRmas).where(eq(serviceOrderRmas.orderId, orderId)).orderBy(desc(serviceOrderRmas.shippedOn), desc(serviceOrderRmas.createdAt), desc(serviceOrderRmas.id)).limit(HISTORY_LIMIT),
};

export const toRmaDto = (r: RmaRow, today: string): RmaDto => ({
  id: r.id,
  orderId: r.orderId,
  vendor: r.vendor,
  caseNumber: r.caseNumber,
  shippedOn: r.shippedOn,
  waybill: r.waybill,
  expectedReturnOn: r.expectedReturnOn,
  returnedOn: r.returnedOn,
  outcome: r.outcome ? (r.outcome as RmaOutcome) : null,
  note: r.note,
  open: r.returnedOn === null,
  late: isRmaLate(r, today),
  createdAt: r.createdAt.toISOString(),
});

/** Business fields only: what the audit compares. */
const auditView = ({ createdAt: _c, ...rest }: RmaRow) => rest;
const sub = (r: RmaRow) => ({ entity: 'service_order_rmas', id: r.id, label: rmaLabel(r) });

export async function sendToExternalService(deps: Deps, ctx: Ctx, orderId: string, input: RmaInput): Promise<RmaDto> {
  authorize(ctx.actor, 'orders:write');
  return deps.database.db.transaction(async (tx) => {
    // The order's row lock makes "one open RMA per order" hold under concurrent requests.
    const order = await orders.findForUpdate(tx, orderId);
    if (!order) throw notFound('service_orders');
    const now = deps.clock.now();
    const today = businessDate(now);
    const shippedOn = input.shippedOn ?? today;
    const errors = rmaDateRefusals({ shippedOn, expectedReturnOn: input.expectedReturnOn }, today);
    if (errors.length) throw invalidFields(errors);
    const open = await rmas.openOf(tx, orderId);
    if (open) throw conflict('orders.rma_open', 'The item is already at an external service; record its return first', { rmaId: open.id });
    const status = await orders.defaultStatus(tx, 'external_service');
    if (!status) throw conflict('orders.no_status', 'No status of phase "external_service" is configured');
    const rma = await rmas.insert(tx, { orderId, vendor: input.vendor, caseNumber: input.caseNumber, shippedOn, waybill: input.waybill, expectedReturnOn: input.expectedReturnOn, note: input.note, createdAt: now });
    // Checks the phase rules (422 orders.transition_not_allowed) and moves the asset's custody.
    await moveToStatusIn(tx, deps, ctx, orderId, status, '', { rmaId: rma.id });
    await appendOrderEvent(tx, ctx, now, orderId, 'rma_sent', { rmaId: rma.id, vendor: rma.vendor, caseNumber: rma.caseNumber, shippedOn, waybill: rma.waybill, expectedReturnOn: rma.expectedReturnOn });
    await appendAudit(tx, ctx, { entity: 'service_orders', entityId: orderId, action: 'rma_sent', sub: sub(rma), after: auditView(rma) });
    return toRmaDto(rma, today);
  });
}

export async function updateRma(deps: Deps, ctx: Ctx, id: string, patch: RmaPatch): Promise<RmaDto> {
  authorize(ctx.actor, 'orders:write');
  return deps.database.db.transaction(async (tx) => {
    const before = await rmas.findForUpdate(tx, id);
    if (!before) throw notFound('service_order_rmas');
    if (before.returnedOn !== null) throw conflict('orders.rma_closed', 'The item is back; a returned RMA cannot change');
    const now = deps.clock.now();
    const today = businessDate(now);
    const values = Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== undefined && v !== before[k as keyof RmaRow])) as RmaPatch;
    if (values.expectedReturnOn !== undefined) {
      const errors = rmaDateRefusals({ shippedOn: before.shippedOn, expectedReturnOn: values.expectedReturnOn }, today).filter((e) => e.path === 'expectedReturnOn');
      if (errors.length) throw invalidFields(errors);
    }
    if (Object.keys(values).length === 0) return toRmaDto(before, today);
    const after = await rmas.update(tx, id, values);
    // A late task is about the old date; a new one comes if the new date passes too.
    if (values.expectedReturnOn !== undefined) await completeTasksFor(tx, ctx, now, RMA_TASK_SOURCE, id, 'dismissed');
    await appendOrderEvent(tx, ctx, now, before.orderId, 'rma_updated', { rmaId: id, ...values });
    await appendAudit(tx, ctx, { entity: 'service_orders', entityId: before.orderId, action: 'rma_updated', sub: sub(after), before: auditView(before), after: auditView(after) });
    return toRmaDto(after, today);
  });
}

export async function recordRmaReturn(deps: Deps, ctx: Ctx, id: string, input: RmaReturnInput): Promise<RmaDto> {
  authorize(ctx.actor, 'orders:write');
  return deps.database.db.transaction(async (tx) => {
    const found = await rmas.find(tx, id);
    if (!found) throw notFound('service_order_rmas');
    // Locks in the order sending takes them (order, then RMA).
    const order = await orders.findForUpdate(tx, found.orderId);
    const before = await rmas.findForUpdate(tx, id);
    if (!order || !before) throw notFound('service_order_rmas');
    if (before.returnedOn !== null) throw conflict('orders.rma_closed', 'The return of this RMA is already recorded');
    const now = deps.clock.now();
    const today = businessDate(now);
    const returnedOn = input.returnedOn ?? today;
    const errors = rmaReturnRefusals(before.shippedOn, returnedOn, today);
    if (errors.length) throw invalidFields(errors);
    const note = [before.note, input.note].filter(Boolean).join('\n');
    const after = await rmas.update(tx, id, { returnedOn, outcome: input.outcome, note });
    // Someone may have moved the order by hand meanwhile; then its phase stays as it is.
    if (order.phase === 'external_service') {
      const status = await orders.defaultStatus(tx, input.nextPhase);
      if (!status) throw conflict('orders.no_status', `No status of phase "${input.nextPhase}" is configured`);
      await moveToStatusIn(tx, deps, ctx, order.id, status, '', { rmaId: id, outcome: input.outcome });
    }
    const asset = await assetsRepository.findById(tx, order.assetId);
    if (asset?.custody === 'external_service')
      await changeCustodyIn(tx, deps, ctx, order.assetId, { custody: custodyAfterReturn(input.nextPhase, order.kind as 'shop' | 'on_site'), reason: order.number }, { orderId: order.id, orderNumber: order.number });
    await completeTasksFor(tx, ctx, now, RMA_TASK_SOURCE, id);
    await appendOrderEvent(tx, ctx, now, order.id, 'rma_returned', { rmaId: id, vendor: after.vendor, caseNumber: after.caseNumber, returnedOn, outcome: input.outcome, note: input.note, nextPhase: input.nextPhase });
    await appendAudit(tx, ctx, { entity: 'service_orders', entityId: order.id, action: 'rma_returned', sub: sub(after), before: auditView(before), after: auditView(after) });
    return toRmaDto(after, today);
  });
}

/** The order's shipments, newest first. */
export async function listOrderRmas(deps: Deps, ctx: Ctx, orderId: string): Promise<{ items: RmaDto[] }> {
  authorize(ctx.actor, 'orders:read');
  const db = deps.database.db;
  if (!(await orders.view(db, orderId))) throw notFound('service_orders');
  const today = businessDate(deps.clock.now());
  return { items: (await rmas.ofOrder(db, orderId)).map((r) => toRmaDto(r, today)) };
}
