// Parts used on an order: issued from a stock location in the order's transaction (stock goes down
// or the whole request is refused), priced from the order's price list; removing one returns it to
// the same location and keeps the row, marked removed, for the history.
import { asc, eq, type SQL } from 'drizzle-orm';
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { actorId, authorize } from '../../kernel/auth/actor.ts';
import { conflict, fieldError, invalidFields, notFound } from '../../kernel/errors/app-error.ts';
import { formatQuantity, parseQuantity, quantityFromDb } from '../../kernel/money/quantity.ts';
import { businessDate } from '../../kernel/time/business-date.ts';
import { parts } from '../catalog/catalog.table.ts';
import { lookupPrice } from '../pricing/pricing.usecases.ts';
import { stockLocations } from '../stock/stock.table.ts';
import { applyMovement } from '../stock/stock.usecases.ts';
import { appendOrderEvent } from './order-events.ts';
import { lineNet } from './service-orders.rules.ts';
import { serviceOrderParts } from './service-orders.table.ts';
import { iso, openOrderForWork, requireOrder } from './steps.usecases.ts';
import { MAX_WORK_ROWS, type PartUseDto, type PartUseInput } from './work.schemas.ts';

type PartUseRow = typeof serviceOrderParts.$inferSelect;

async function partViews(db: Db, where: SQL | undefined) {
  return db
    .select({ p: serviceOrderParts, partCode: parts.code, partName: parts.name, unit: parts.unit, locationName: stockLocations.name })
    .from(serviceOrderParts)
    .innerJoin(parts, eq(parts.id, serviceOrderParts.partId))
    .innerJoin(stockLocations, eq(stockLocations.id, serviceOrderParts.locationId))
    .where(where)
    .orderBy(asc(serviceOrderParts.createdAt), asc(serviceOrderParts.id))
    .limit(MAX_WORK_ROWS);
}

const toPartDto = ({ p, partCode, partName, unit, locationName }: Awaited<ReturnType<typeof partViews>>[number]): PartUseDto => {
  const q = quantityFromDb(p.quantity);
  return {
    id: p.id,
    orderId: p.orderId,
    partId: p.partId,
    partCode,
    partName,
    unit,
    locationId: p.locationId,
    locationName,
    quantity: formatQuantity(q),
    unitPriceMinor: p.unitPriceMinor,
    vatRateCode: p.vatRateCode,
    netMinor: lineNet({ quantityThousandths: q, unitPriceMinor: p.unitPriceMinor }),
    issueMovementSeq: p.issueMovementSeq,
    removedAt: iso(p.removedAt),
    createdAt: p.createdAt.toISOString(),
  };
};

export const orderPartDtos = async (db: Db, orderId: string) => (await partViews(db, eq(serviceOrderParts.orderId, orderId))).map(toPartDto);
const partDto = async (db: Db, id: string) => toPartDto((await partViews(db, eq(serviceOrderParts.id, id)))[0]!);

export async function listParts(deps: Deps, ctx: Ctx, orderId: string) {
  authorize(ctx.actor, 'orders:read');
  await requireOrder(deps.database.db, orderId);
  return { items: await orderPartDtos(deps.database.db, orderId) };
}

const auditView = (p: PartUseRow) => ({ partId: p.partId, locationId: p.locationId, quantity: p.quantity, unitPriceMinor: p.unitPriceMinor, vatRateCode: p.vatRateCode, removedAt: p.removedAt });

export async function addPart(deps: Deps, ctx: Ctx, orderId: string, input: PartUseInput) {
  authorize(ctx.actor, 'orders:write');
  return deps.database.db.transaction(async (tx) => {
    const order = await openOrderForWork(tx, orderId);
    const [part] = await tx.select({ id: parts.id, name: parts.name, archivedAt: parts.archivedAt }).from(parts).where(eq(parts.id, input.partId)).limit(1);
    if (!part) throw invalidFields([fieldError('partId', 'orders.part_unknown', 'No such part')]);
    if (part.archivedAt) throw invalidFields([fieldError('partId', 'orders.part_archived', 'This part is archived')]);
    const now = deps.clock.now();
    const price = await lookupPrice(tx, { type: 'part', id: part.id }, order.priceListId, businessDate(now));
    // Validates the quantity and the location and refuses what is not on hand (409 stock.insufficient, field quantity).
    const [issue] = await applyMovement(tx, deps, ctx, { partId: part.id, kind: 'issue', quantity: input.quantity, locationId: input.locationId, reason: order.number, reference: { type: 'service_order', id: orderId } });
    const [row] = await tx
      .insert(serviceOrderParts)
      .values({
        orderId,
        partId: part.id,
        locationId: input.locationId,
        quantity: formatQuantity(parseQuantity(input.quantity)!),
        unitPriceMinor: price.netMinor,
        vatRateCode: price.vatRateCode,
        issueMovementSeq: issue!.seq,
        createdBy: actorId(ctx.actor),
        createdAt: now,
      })
      .returning();
    await appendOrderEvent(tx, ctx, now, orderId, 'part_issued', { orderPartId: row!.id, partId: part.id, name: part.name, quantity: row!.quantity, locationId: row!.locationId });
    await appendAudit(tx, ctx, { entity: 'service_orders', entityId: orderId, action: 'part_issued', sub: { entity: 'service_order_parts', id: row!.id, label: part.name }, after: auditView(row!) });
    return partDto(tx, row!.id);
  });
}

export async function removePart(deps: Deps, ctx: Ctx, id: string) {
  authorize(ctx.actor, 'orders:write');
  return deps.database.db.transaction(async (tx) => {
    const [ref] = await tx.select({ orderId: serviceOrderParts.orderId }).from(serviceOrderParts).where(eq(serviceOrderParts.id, id)).limit(1);
    if (!ref) throw notFound('service_order_parts');
    const order = await openOrderForWork(tx, ref.orderId);
    const [before] = await tx.select().from(serviceOrderParts).where(eq(serviceOrderParts.id, id)).limit(1);
    if (!before) throw notFound('service_order_parts');
    if (before.removedAt) throw conflict('orders.part_already_removed', 'This part was already returned to stock');
    await applyMovement(tx, deps, ctx, { partId: before.partId, kind: 'return', quantity: before.quantity, locationId: before.locationId, reason: order.number, reference: { type: 'service_order', id: order.id } });
    const now = deps.clock.now();
    const [after] = await tx.update(serviceOrderParts).set({ removedAt: now }).where(eq(serviceOrderParts.id, id)).returning();
    const [{ name }] = (await tx.select({ name: parts.name }).from(parts).where(eq(parts.id, before.partId))) as [{ name: string }];
    await appendOrderEvent(tx, ctx, now, order.id, 'part_removed', { orderPartId: id, partId: before.partId, name, quantity: before.quantity, locationId: before.locationId });
    await appendAudit(tx, ctx, { entity: 'service_orders', entityId: order.id, action: 'part_removed', sub: { entity: 'service_order_parts', id, label: name }, before: auditView(before), after: auditView(after!) });
    return partDto(tx, id);
  });
}
