// Other billable lines of an order (a visit, a diagnosis fee, free text), and the order's whole work —
// steps, labour, parts, lines and totals — in one read for the order page.
import { asc, eq, type SQL } from 'drizzle-orm';
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { fieldError, invalidFields, notFound, type FieldError } from '../../kernel/errors/app-error.ts';
import { formatQuantity, parseQuantity, quantityFromDb } from '../../kernel/money/quantity.ts';
import { businessDate } from '../../kernel/time/business-date.ts';
import { services, vatRates } from '../catalog/catalog.table.ts';
import { lookupPrice } from '../pricing/pricing.usecases.ts';
import { orderTimeDtos } from './labour.usecases.ts';
import { appendOrderEvent } from './order-events.ts';
import { orderTotals } from './order-totals.ts';
import { orderPartDtos } from './parts.usecases.ts';
import { lineNet } from './service-orders.rules.ts';
import { serviceOrderLines } from './service-orders.table.ts';
import { openOrderForWork, orderStepDtos, requireOrder } from './steps.usecases.ts';
import { MAX_WORK_ROWS, type LineDto, type LineInput, type OrderWorkDto } from './work.schemas.ts';

type LineRow = typeof serviceOrderLines.$inferSelect;

const toLineDto = (l: LineRow): LineDto => ({
  id: l.id,
  orderId: l.orderId,
  serviceId: l.serviceId,
  name: l.name,
  quantity: formatQuantity(quantityFromDb(l.quantity)),
  unit: l.unit,
  unitPriceMinor: l.unitPriceMinor,
  vatRateCode: l.vatRateCode,
  netMinor: lineNet({ quantityThousandths: quantityFromDb(l.quantity), unitPriceMinor: l.unitPriceMinor }),
  createdAt: l.createdAt.toISOString(),
});

const lineRows = (db: Db, where: SQL) => db.select().from(serviceOrderLines).where(where).orderBy(asc(serviceOrderLines.createdAt), asc(serviceOrderLines.id)).limit(MAX_WORK_ROWS);
export const orderLineDtos = async (db: Db, orderId: string) => (await lineRows(db, eq(serviceOrderLines.orderId, orderId))).map(toLineDto);

export async function listLines(deps: Deps, ctx: Ctx, orderId: string) {
  authorize(ctx.actor, 'orders:read');
  await requireOrder(deps.database.db, orderId);
  return { items: await orderLineDtos(deps.database.db, orderId) };
}

const auditView = (l: LineRow) => ({ serviceId: l.serviceId, name: l.name, quantity: l.quantity, unit: l.unit, unitPriceMinor: l.unitPriceMinor, vatRateCode: l.vatRateCode });

export async function addLine(deps: Deps, ctx: Ctx, orderId: string, input: LineInput) {
  authorize(ctx.actor, 'orders:write');
  return deps.database.db.transaction(async (tx) => {
    const order = await openOrderForWork(tx, orderId);
    const errors: FieldError[] = [];
    const quantity = parseQuantity(input.quantity);
    if (quantity === null) errors.push(fieldError('quantity', 'orders.quantity_invalid', 'A number with at most three decimals'));
    else if (quantity <= 0n) errors.push(fieldError('quantity', 'orders.quantity_not_positive', 'The quantity must be greater than zero'));
    const [service] = input.serviceId ? await tx.select().from(services).where(eq(services.id, input.serviceId)).limit(1) : [];
    if (input.serviceId && !service) errors.push(fieldError('serviceId', 'orders.service_unknown', 'No such service'));
    else if (service?.archivedAt) errors.push(fieldError('serviceId', 'orders.service_archived', 'This service is archived'));
    if (!input.serviceId) {
      if (!input.name) errors.push(fieldError('name', 'orders.line_name_required', 'Name the line (or choose a service)'));
      if (input.unitPriceMinor === undefined) errors.push(fieldError('unitPriceMinor', 'orders.line_price_required', 'Enter the net price (or choose a service)'));
      if (!input.vatRateCode) errors.push(fieldError('vatRateCode', 'orders.line_vat_required', 'Choose the VAT rate (or a service)'));
    }
    if (input.vatRateCode) {
      const [rate] = await tx.select({ active: vatRates.active }).from(vatRates).where(eq(vatRates.code, input.vatRateCode)).limit(1);
      if (!rate || !rate.active) errors.push(fieldError('vatRateCode', 'orders.vat_rate_unknown', 'No such active VAT rate'));
    }
    if (errors.length) throw invalidFields(errors);

    const now = deps.clock.now();
    const price = service && input.unitPriceMinor === undefined ? await lookupPrice(tx, { type: 'service', id: service.id }, order.priceListId, businessDate(now)) : null;
    const [row] = await tx
      .insert(serviceOrderLines)
      .values({
        orderId,
        serviceId: service?.id ?? null,
        name: input.name || service!.name,
        quantity: formatQuantity(quantity!),
        unit: input.unit ?? service?.unit ?? 'piece',
        unitPriceMinor: input.unitPriceMinor ?? price!.netMinor,
        vatRateCode: input.vatRateCode ?? service!.vatRateCode,
        createdAt: now,
      })
      .returning();
    await appendOrderEvent(tx, ctx, now, orderId, 'line_added', { lineId: row!.id, name: row!.name, quantity: row!.quantity, unitPriceMinor: row!.unitPriceMinor });
    await appendAudit(tx, ctx, { entity: 'service_orders', entityId: orderId, action: 'line_added', sub: { entity: 'service_order_lines', id: row!.id, label: row!.name }, after: auditView(row!) });
    return toLineDto(row!);
  });
}

export async function removeLine(deps: Deps, ctx: Ctx, id: string) {
  authorize(ctx.actor, 'orders:write');
  await deps.database.db.transaction(async (tx) => {
    const [ref] = await tx.select({ orderId: serviceOrderLines.orderId }).from(serviceOrderLines).where(eq(serviceOrderLines.id, id)).limit(1);
    if (!ref) throw notFound('service_order_lines');
    await openOrderForWork(tx, ref.orderId);
    const [before] = await lineRows(tx, eq(serviceOrderLines.id, id));
    if (!before) throw notFound('service_order_lines');
    await tx.delete(serviceOrderLines).where(eq(serviceOrderLines.id, id));
    const now = deps.clock.now();
    await appendOrderEvent(tx, ctx, now, ref.orderId, 'line_removed', { lineId: id, name: before.name });
    await appendAudit(tx, ctx, { entity: 'service_orders', entityId: ref.orderId, action: 'line_removed', sub: { entity: 'service_order_lines', id, label: before.name }, before: auditView(before) });
  });
}

/** Everything the order page shows about the work, read from one snapshot so the totals match the rows. */
export async function getOrderWork(deps: Deps, ctx: Ctx, orderId: string): Promise<OrderWorkDto> {
  authorize(ctx.actor, 'orders:read');
  return deps.database.db.transaction(async (tx) => {
    await requireOrder(tx, orderId);
    return {
      steps: await orderStepDtos(tx, orderId),
      time: await orderTimeDtos(tx, orderId),
      parts: await orderPartDtos(tx, orderId),
      lines: await orderLineDtos(tx, orderId),
      totals: await orderTotals(tx, orderId),
    };
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}
