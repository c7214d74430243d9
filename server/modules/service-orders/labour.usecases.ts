// Labour: time entries per order (and step) — who, when, how long, as which hourly service. The
// service's rounding decides the billed minutes; the price comes from the order's price list on the
// day the work was done.
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { actorId, authorize } from '../../kernel/auth/actor.ts';
import { fieldError, invalidFields, notFound, type FieldError } from '../../kernel/errors/app-error.ts';
import { businessDate } from '../../kernel/time/business-date.ts';
import { services } from '../catalog/catalog.table.ts';
import { billableMinutes } from '../catalog/services.rules.ts';
import { users } from '../identity/identity.table.ts';
import { lookupPrice } from '../pricing/pricing.usecases.ts';
import { appendOrderEvent } from './order-events.ts';
import { labourNet } from './service-orders.rules.ts';
import { serviceOrderSteps, serviceOrderTime } from './service-orders.table.ts';
import { entryMinutes } from './steps.rules.ts';
import { iso, openOrderForWork, requireOrder } from './steps.usecases.ts';
import { MAX_WORK_ROWS, type TimeEntryDto, type TimeEntryInput } from './work.schemas.ts';

type TimeRow = typeof serviceOrderTime.$inferSelect;

async function timeViews(db: Db, where: SQL | undefined) {
  return db
    .select({ t: serviceOrderTime, userName: users.name, serviceName: services.name, stepName: serviceOrderSteps.name })
    .from(serviceOrderTime)
    .innerJoin(users, eq(users.id, serviceOrderTime.userId))
    .leftJoin(services, eq(services.id, serviceOrderTime.serviceId))
    .leftJoin(serviceOrderSteps, eq(serviceOrderSteps.id, serviceOrderTime.stepId))
    .where(where)
    .orderBy(asc(serviceOrderTime.workedOn), asc(serviceOrderTime.createdAt), asc(serviceOrderTime.id))
    .limit(MAX_WORK_ROWS);
}

const toTimeDto = ({ t, userName, serviceName, stepName }: Awaited<ReturnType<typeof timeViews>>[number]): TimeEntryDto => ({
  id: t.id,
  orderId: t.orderId,
  stepId: t.stepId,
  stepName,
  userId: t.userId,
  userName,
  workedOn: t.workedOn,
  startedAt: iso(t.startedAt),
  endedAt: iso(t.endedAt),
  minutes: t.minutes,
  serviceId: t.serviceId,
  serviceName,
  billable: t.billable,
  billedMinutes: t.billedMinutes,
  unitPriceMinor: t.unitPriceMinor,
  vatRateCode: t.vatRateCode,
  netMinor: t.billable ? labourNet(t.billedMinutes, t.unitPriceMinor) : 0,
  note: t.note,
  createdAt: t.createdAt.toISOString(),
});

export const orderTimeDtos = async (db: Db, orderId: string) => (await timeViews(db, eq(serviceOrderTime.orderId, orderId))).map(toTimeDto);

export async function listTime(deps: Deps, ctx: Ctx, orderId: string) {
  authorize(ctx.actor, 'orders:read');
  await requireOrder(deps.database.db, orderId);
  return { items: await orderTimeDtos(deps.database.db, orderId) };
}

const auditView = (t: TimeRow) => ({
  stepId: t.stepId,
  userId: t.userId,
  workedOn: t.workedOn,
  startedAt: t.startedAt,
  endedAt: t.endedAt,
  minutes: t.minutes,
  serviceId: t.serviceId,
  billable: t.billable,
  billedMinutes: t.billedMinutes,
  unitPriceMinor: t.unitPriceMinor,
  vatRateCode: t.vatRateCode,
  note: t.note,
});

const sub = (t: TimeRow, userName: string) => ({ entity: 'service_order_time', id: t.id, label: `${userName}, ${t.workedOn}, ${t.minutes} min` });

export async function addTime(deps: Deps, ctx: Ctx, orderId: string, input: TimeEntryInput) {
  authorize(ctx.actor, 'orders:write');
  return deps.database.db.transaction(async (tx) => {
    const order = await openOrderForWork(tx, orderId);
    const now = deps.clock.now();
    const startedAt = input.startedAt ? new Date(input.startedAt) : null;
    const endedAt = input.endedAt ? new Date(input.endedAt) : null;
    const duration = entryMinutes({ startedAt, endedAt, minutes: input.minutes });
    const errors: FieldError[] = [...duration.errors];

    const userId = input.userId ?? actorId(ctx.actor);
    const [user] = userId ? await tx.select({ name: users.name }).from(users).where(eq(users.id, userId)).limit(1) : [];
    if (!userId) errors.push(fieldError('userId', 'orders.user_required', 'Who did the work?'));
    else if (!user) errors.push(fieldError('userId', 'orders.user_unknown', 'No such user'));

    if (input.stepId) {
      const [step] = await tx.select({ id: serviceOrderSteps.id }).from(serviceOrderSteps).where(and(eq(serviceOrderSteps.id, input.stepId), eq(serviceOrderSteps.orderId, orderId))).limit(1);
      if (!step) errors.push(fieldError('stepId', 'orders.step_not_of_order', 'Not one of the order\'s steps'));
    }

    const [service] = input.serviceId ? await tx.select().from(services).where(eq(services.id, input.serviceId)).limit(1) : [];
    if (input.serviceId && !service) errors.push(fieldError('serviceId', 'orders.service_unknown', 'No such service'));
    else if (service?.archivedAt) errors.push(fieldError('serviceId', 'orders.service_archived', 'This service is archived'));
    else if (service && service.unit !== 'hour') errors.push(fieldError('serviceId', 'orders.service_not_hourly', 'Labour is billed by a service priced per hour', { unit: service.unit }));
    else if (!service && input.billable) errors.push(fieldError('serviceId', 'orders.service_required', 'Billable time needs the service it is billed as'));
    if (errors.length) throw invalidFields(errors);

    const minutes = duration.minutes!;
    const workedOn = input.workedOn ?? businessDate(startedAt ?? now);
    const price = service ? await lookupPrice(tx, { type: 'service', id: service.id }, order.priceListId, workedOn) : null;
    const [row] = await tx
      .insert(serviceOrderTime)
      .values({
        orderId,
        stepId: input.stepId,
        userId: userId!,
        workedOn,
        startedAt,
        endedAt,
        minutes,
        serviceId: service?.id ?? null,
        billable: input.billable,
        billedMinutes: input.billable ? billableMinutes(minutes, service!.billingIncrementMinutes) : 0,
        unitPriceMinor: price?.netMinor ?? 0,
        vatRateCode: price?.vatRateCode ?? null,
        note: input.note,
        createdAt: now,
      })
      .returning();
    await appendOrderEvent(tx, ctx, now, orderId, 'time_added', { timeId: row!.id, userId: row!.userId, workedOn, minutes, billedMinutes: row!.billedMinutes, stepId: row!.stepId });
    await appendAudit(tx, ctx, { entity: 'service_orders', entityId: orderId, action: 'time_added', sub: sub(row!, user!.name), after: auditView(row!) });
    return toTimeDto((await timeViews(tx, eq(serviceOrderTime.id, row!.id)))[0]!);
  });
}

export async function removeTime(deps: Deps, ctx: Ctx, id: string) {
  authorize(ctx.actor, 'orders:write');
  await deps.database.db.transaction(async (tx) => {
    const [ref] = await tx.select({ orderId: serviceOrderTime.orderId }).from(serviceOrderTime).where(eq(serviceOrderTime.id, id)).limit(1);
    if (!ref) throw notFound('service_order_time');
    await openOrderForWork(tx, ref.orderId);
    const [view] = await timeViews(tx, eq(serviceOrderTime.id, id));
    if (!view) throw notFound('service_order_time');
    await tx.delete(serviceOrderTime).where(eq(serviceOrderTime.id, id));
    const now = deps.clock.now();
    await appendOrderEvent(tx, ctx, now, ref.orderId, 'time_removed', { timeId: id, userId: view.t.userId, workedOn: view.t.workedOn, minutes: view.t.minutes });
    await appendAudit(tx, ctx, { entity: 'service_orders', entityId: ref.orderId, action: 'time_removed', sub: sub(view.t, view.userName), before: auditView(view.t) });
  });
}
