// Service order use cases: intake (with the customer and asset created on the fly), reading, listing,
// changing the status by the phase rules, and release. One transaction each, with history and audit.
import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { actorId, authorize } from '../../kernel/auth/actor.ts';
import { conflict, fieldError, invalidFields, notFound, type FieldError } from '../../kernel/errors/app-error.ts';
import { decodeCursor, toPage } from '../../kernel/http/pagination.ts';
import { nextInSeries } from '../../kernel/numbering/numbering.ts';
import { formatNumber } from '../../kernel/numbering/numbering.rules.ts';
import { foldText } from '../../kernel/text/normalize.ts';
import { businessDate, nextBusinessDate, startOfBusinessDay } from '../../kernel/time/business-date.ts';
import { appendAssetEvent } from '../assets/asset-events.ts';
import { assetsRepository } from '../assets/assets.repository.ts';
import { changeCustodyIn, createAssetIn } from '../assets/assets.usecases.ts';
import { customerContacts, customers, customerSites } from '../customers/customers.table.ts';
import { createCustomerIn } from '../customers/customers.usecases.ts';
import { users } from '../identity/identity.table.ts';
import { createTaskOnce, completeTasksFor, dismissTasksAbout } from '../tasks/tasks.usecases.ts';
import { appendOrderEvent } from './order-events.ts';
import { orderTotals } from './order-totals.ts';
import { ordersRepository as repo, type OrderListFilter, type OrderRow, type OrderView, type StatusRow } from './service-orders.repository.ts';
import { ORDER_PATTERN, allowedNext, canMove, custodyFor, numberKey, orderSearchText, type Phase } from './service-orders.rules.ts';
import type { ChangeStatusInput, OrderDto, OrderInput, OrderListQuery, OrderPatch, OrderSummaryDto, ReleaseInput } from './service-orders.schemas.ts';
import { newTrackingLink, trackingPath } from './tracking-links.ts';
import { serviceOrderParts } from './service-orders.table.ts';
import { applyServicePathIn } from './steps.usecases.ts';
import { notifyStatusIn } from './order-notifications.ts';

export const toSummaryDto = (v: OrderView): OrderSummaryDto => ({
  id: v.id,
  number: v.number,
  customerId: v.customerId,
  customerName: v.customerName,
  assetId: v.assetId,
  assetName: v.assetName,
  serialNumber: v.serialNumber,
  kind: v.kind as OrderSummaryDto['kind'],
  statusId: v.statusId,
  phase: v.phase as Phase,
  priority: v.priority as OrderSummaryDto['priority'],
  promisedOn: v.promisedOn,
  technicianId: v.technicianId,
  technicianName: v.technicianName,
  receivedAt: v.receivedAt.toISOString(),
  createdAt: v.createdAt.toISOString(),
});

async function toOrderDto(db: Db, v: OrderView, trackingUrl: string | null = null): Promise<OrderDto> {
  return {
    ...toSummaryDto(v),
    siteId: v.siteId,
    siteName: v.siteName,
    reportedProblem: v.reportedProblem,
    accessories: v.accessories,
    condition: v.condition,
    contactId: v.contactId,
    contactName: v.contactName,
    notifyChannel: v.notifyChannel as OrderDto['notifyChannel'],
    notifyTo: v.notifyTo,
    lang: v.lang as OrderDto['lang'],
    priceListId: v.priceListId,
    servicePathId: v.servicePathId,
    readyAt: v.readyAt?.toISOString() ?? null,
    releasedAt: v.releasedAt?.toISOString() ?? null,
    releasedTo: v.releasedTo,
    allowedPhases: [...allowedNext(v.phase as Phase)],
    trackingUrl,
    totals: await orderTotals(db, v.id),
    updatedAt: v.updatedAt.toISOString(),
  };
}

/** Business fields only: what the audit compares. */
function auditView(o: OrderRow) {
  const { searchText: _s, numberKey: _n, createdAt: _c, updatedAt: _u, ...rest } = o;
  return rest;
}

export const orderOrigin = (deps: Deps, requestOrigin: string) => (deps.config.publicUrl ?? requestOrigin).replace(/\/+$/, '');

export async function listOrders(deps: Deps, ctx: Ctx, q: OrderListQuery) {
  authorize(ctx.actor, 'orders:read');
  const f: OrderListFilter = {
    pattern: foldText(q.q ?? '') || null,
    customerId: q.customerId,
    assetId: q.assetId,
    statusId: q.statusId,
    phase: q.phase,
    technicianId: q.technicianId,
    fromAt: q.from ? startOfBusinessDay(q.from) : undefined,
    toAt: q.to ? startOfBusinessDay(nextBusinessDate(q.to)) : undefined,
    sort: q.sort,
  };
  const { rows, cursorOf } = await repo.list(deps.database.db, f, decodeCursor(q.cursor, 2), q.limit);
  return toPage(rows, q.limit, cursorOf, toSummaryDto);
}

export async function getOrder(deps: Deps, ctx: Ctx, id: string) {
  authorize(ctx.actor, 'orders:read');
  const v = await repo.view(deps.database.db, id);
  if (!v) throw notFound('service_orders');
  return toOrderDto(deps.database.db, v);
}

async function contactOf(tx: Db, id: string) {
  return (await tx.select().from(customerContacts).where(eq(customerContacts.id, id)).limit(1))[0];
}

/** Intake: the order, its number, its steps, the asset's custody, the tracking link, the first message. */
export async function createOrder(deps: Deps, ctx: Ctx, input: OrderInput, origin: string) {
  authorize(ctx.actor, 'orders:write');
  const shape: FieldError[] = [];
  if (!!input.customerId === !!input.newCustomer) shape.push(fieldError('customerId', 'orders.customer_required', 'Choose a customer or enter a new one'));
  if (!!input.assetId === !!input.newAsset) shape.push(fieldError('assetId', 'orders.asset_required', 'Choose an asset or enter a new one'));
  if (input.kind === 'on_site' && !input.siteId && !input.newCustomer) shape.push(fieldError('siteId', 'orders.site_required', 'Choose where the work is done'));
  if (shape.length) throw invalidFields(shape);
  return deps.database.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const today = businessDate(now);
    const customerId = input.customerId ?? (await createCustomerIn(tx, deps, ctx, input.newCustomer!, 'newCustomer.')).customer.id;
    const [customer] = await tx.select().from(customers).where(eq(customers.id, customerId)).limit(1);
    if (!customer) throw invalidFields([fieldError('customerId', 'orders.customer_unknown', 'No such customer')]);
    const assetId = input.assetId ?? (await createAssetIn(tx, deps, ctx, { ...input.newAsset!, customerId }, 'newAsset.')).id;
    const asset = await assetsRepository.findById(tx, assetId);
    const errors: FieldError[] = [];
    if (!asset || asset.customerId !== customerId) errors.push(fieldError('assetId', 'orders.asset_not_of_customer', "Not one of the customer's assets"));
    if (input.siteId) {
      const [site] = await tx.select({ customerId: customerSites.customerId }).from(customerSites).where(eq(customerSites.id, input.siteId));
      if (!site || site.customerId !== customerId) errors.push(fieldError('siteId', 'orders.site_not_of_customer', "Not one of the customer's sites"));
    }
    const contact = input.contactId ? await contactOf(tx, input.contactId) : undefined;
    if (input.contactId && (!contact || contact.customerId !== customerId)) errors.push(fieldError('contactId', 'orders.contact_not_of_customer', "Not one of the customer's contacts"));
    const notifyTo = input.notifyTo || (input.notifyChannel === 'email' ? (contact?.email || customer.email) : input.notifyChannel === 'sms' ? (contact?.phone || customer.phone) : '');
    if (input.notifyChannel !== 'none' && !notifyTo) errors.push(fieldError('notifyTo', input.notifyChannel === 'email' ? 'orders.email_missing' : 'orders.phone_missing', 'Nowhere to send notifications'));
    if (input.technicianId && !(await tx.select({ id: users.id }).from(users).where(eq(users.id, input.technicianId))).length) errors.push(fieldError('technicianId', 'orders.technician_unknown', 'No such user'));
    if (errors.length) throw invalidFields(errors);
    const status = await repo.defaultStatus(tx, 'new');
    if (!status) throw conflict('orders.no_status', 'No status of phase "new" is configured');
    const number = formatNumber(ORDER_PATTERN, today, await nextInSeries(tx, 'service_order', today.slice(0, 4)));
    const row = await repo.insert(tx, {
      number,
      numberKey: numberKey(number),
      customerId,
      assetId,
      kind: input.kind,
      siteId: input.siteId,
      statusId: status.id,
      phase: 'new',
      priority: input.priority,
      reportedProblem: input.reportedProblem,
      accessories: input.accessories,
      condition: input.condition,
      promisedOn: input.promisedOn,
      contactId: input.contactId,
      notifyChannel: input.notifyChannel,
      notifyTo,
      lang: input.lang ?? (contact?.language === 'en' ? 'en' : 'pl'),
      technicianId: input.technicianId,
      priceListId: customer.priceListId,
      servicePathId: input.servicePathId,
      receivedAt: now,
      createdBy: actorId(ctx.actor),
      createdAt: now,
      updatedAt: now,
      searchText: orderSearchText({ number, customerName: customer.name, assetName: asset!.name, serialNumber: asset!.serialNumber, reportedProblem: input.reportedProblem }),
    });
    const createdEvent = await appendOrderEvent(tx, ctx, now, row.id, 'created', { number, statusId: status.id, phase: 'new', promisedOn: input.promisedOn }, true);
    await appendAudit(tx, ctx, { entity: 'service_orders', entityId: row.id, action: 'created', after: auditView(row) });
    const custody = custodyFor('new', input.kind);
    if (custody && asset!.custody !== custody) await changeCustodyIn(tx, deps, ctx, assetId, { custody, reason: number }, { orderId: row.id, orderNumber: number });
    else await appendAssetEvent(tx, ctx, now, assetId, 'order_created', { orderId: row.id, orderNumber: number });
    if (input.servicePathId) await applyServicePathIn(tx, deps, ctx, row.id, input.servicePathId);
    const token = await newTrackingLink(tx, row.id, now, orderOrigin(deps, origin));
    const trackingUrl = orderOrigin(deps, origin) + trackingPath(token);
    await notifyStatusIn(tx, deps, ctx, row, status, { trackingUrl, eventId: createdEvent });
    return toOrderDto(tx, (await repo.view(tx, row.id))!, trackingUrl);
  });
}

export async function updateOrder(deps: Deps, ctx: Ctx, id: string, patch: OrderPatch) {
  authorize(ctx.actor, 'orders:write');
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.findForUpdate(tx, id);
    if (!before) throw notFound('service_orders');
    if (before.phase === 'released' || before.phase === 'cancelled') throw conflict('orders.closed', 'A released or cancelled order cannot change');
    const errors: FieldError[] = [];
    if (patch.contactId) {
      const c = await contactOf(tx, patch.contactId);
      if (!c || c.customerId !== before.customerId) errors.push(fieldError('contactId', 'orders.contact_not_of_customer', "Not one of the customer's contacts"));
    }
    if (errors.length) throw invalidFields(errors);
    const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const now = deps.clock.now();
    const after = await repo.update(tx, id, { ...values, updatedAt: now });
    if (patch.technicianId !== undefined && patch.technicianId !== before.technicianId) await appendOrderEvent(tx, ctx, now, id, 'assigned', { technicianId: patch.technicianId });
    if (patch.promisedOn !== undefined && patch.promisedOn !== before.promisedOn) await appendOrderEvent(tx, ctx, now, id, 'promised', { promisedOn: patch.promisedOn }, true);
    await appendAudit(tx, ctx, { entity: 'service_orders', entityId: id, action: 'updated', before: auditView(before), after: auditView(after) });
    return toOrderDto(tx, (await repo.view(tx, id))!);
  });
}

/**
 * Moves the order to a status inside the caller's transaction, by the phase rules: custody follows,
 * "ready for release" gives the front desk a task, the customer is notified when the status says so.
 */
export async function moveToStatusIn(tx: Db, deps: Deps, ctx: Ctx, orderId: string, status: StatusRow, note: string, extra: Record<string, unknown> = {}) {
  const before = await repo.findForUpdate(tx, orderId);
  if (!before) throw notFound('service_orders');
  const from = before.phase as Phase;
  const to = status.phase as Phase;
  if (status.archivedAt) throw invalidFields([fieldError('statusId', 'orders.status_archived', 'This status is archived')]);
  if (to === 'released') throw invalidFields([fieldError('statusId', 'orders.release_required', 'Release the order (who picked it up, the receipt)')]);
  if (!canMove(from, to)) throw invalidFields([fieldError('statusId', 'orders.transition_not_allowed', `An order in phase ${from} cannot move to ${to}`, { from, to })]);
  if (before.statusId === status.id) return before;
  if (to === 'cancelled') {
    // Issued parts go back to stock by removing them from the order; a cancelled order is closed to work.
    const issued = await tx.select({ id: serviceOrderParts.id }).from(serviceOrderParts).where(and(eq(serviceOrderParts.orderId, orderId), isNull(serviceOrderParts.removedAt))).limit(1);
    if (issued.length) throw invalidFields([fieldError('statusId', 'orders.parts_still_issued', 'Return the parts issued to this order to stock before cancelling it')]);
  }
  const now = deps.clock.now();
  const after = await repo.update(tx, orderId, { statusId: status.id, phase: to, updatedAt: now, ...(to === 'ready_for_release' ? { readyAt: now } : {}) });
  const statusEvent = await appendOrderEvent(tx, ctx, now, orderId, 'status', { fromStatusId: before.statusId, toStatusId: status.id, from, to, note, ...extra }, true);
  await appendAudit(tx, ctx, { entity: 'service_orders', entityId: orderId, action: 'status_changed', before: { statusId: before.statusId, phase: from }, after: { statusId: status.id, phase: to, note } });
  const custody = from !== to ? custodyFor(to, before.kind as 'shop' | 'on_site') : null;
  if (custody) {
    const asset = await assetsRepository.findById(tx, before.assetId);
    if (asset && asset.custody !== custody) await changeCustodyIn(tx, deps, ctx, before.assetId, { custody, reason: before.number }, { orderId, orderNumber: before.number });
  }
  if (to === 'ready_for_release' && from !== to)
    await createTaskOnce(tx, ctx, {
      kind: 'order_release',
      subjectType: 'service_order',
      subjectId: orderId,
      sourceType: 'service_order_release',
      sourceId: orderId,
      params: { orderNumber: before.number, assetId: before.assetId },
      assigneeRole: 'front_desk',
      dueOn: businessDate(now),
      dedupeKey: `order-release:${orderId}:${now.toISOString()}`,
      createdAt: now,
    });
  if (from === 'ready_for_release' && to !== from) await completeTasksFor(tx, ctx, now, 'service_order_release', orderId, 'dismissed');
  if (to === 'cancelled') await dismissTasksAbout(tx, ctx, now, 'service_order', orderId);
  await notifyStatusIn(tx, deps, ctx, after, status, { eventId: statusEvent });
  return after;
}

export async function changeStatus(deps: Deps, ctx: Ctx, id: string, input: ChangeStatusInput) {
  authorize(ctx.actor, 'orders:write');
  return deps.database.db.transaction(async (tx) => {
    const status = await repo.status(tx, input.statusId);
    if (!status) throw invalidFields([fieldError('statusId', 'orders.status_unknown', 'No such status')]);
    await moveToStatusIn(tx, deps, ctx, id, status, input.note);
    return toOrderDto(tx, (await repo.view(tx, id))!);
  });
}

/** Release: who picked it up; custody back with the customer; the order closes; the front desk's task is done. */
export async function releaseOrder(deps: Deps, ctx: Ctx, id: string, input: ReleaseInput) {
  authorize(ctx.actor, 'orders:release');
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.findForUpdate(tx, id);
    if (!before) throw notFound('service_orders');
    if (before.phase !== 'ready_for_release') throw conflict('orders.not_ready', 'Only an order that is ready for release can be released');
    const status = await repo.defaultStatus(tx, 'released');
    if (!status) throw conflict('orders.no_status', 'No status of phase "released" is configured');
    const now = deps.clock.now();
    const after = await repo.update(tx, id, { statusId: status.id, phase: 'released', releasedAt: now, releasedTo: input.releasedTo, releasedBy: actorId(ctx.actor), updatedAt: now });
    const releasedEvent = await appendOrderEvent(tx, ctx, now, id, 'released', { releasedTo: input.releasedTo, note: input.note, toStatusId: status.id, from: 'ready_for_release', to: 'released' }, true);
    await appendAudit(tx, ctx, { entity: 'service_orders', entityId: id, action: 'released', before: { phase: before.phase, statusId: before.statusId }, after: { phase: 'released', statusId: status.id, releasedTo: input.releasedTo } });
    const asset = await assetsRepository.findById(tx, before.assetId);
    if (asset && asset.custody !== 'with_customer') await changeCustodyIn(tx, deps, ctx, before.assetId, { custody: 'with_customer', reason: `${before.number}: ${input.releasedTo}` }, { orderId: id, orderNumber: before.number });
    await appendAssetEvent(tx, ctx, now, before.assetId, 'order_released', { orderId: id, orderNumber: before.number, releasedTo: input.releasedTo });
    await completeTasksFor(tx, ctx, now, 'service_order_release', id);
    await dismissTasksAbout(tx, ctx, now, 'service_order', id); // steps nobody finished: the order is closed
    await notifyStatusIn(tx, deps, ctx, after, status, { eventId: releasedEvent });
    return toOrderDto(tx, (await repo.view(tx, id))!);
  });
}

export async function listOrderEvents(deps: Deps, ctx: Ctx, id: string, q: { limit: number; cursor?: string | undefined }) {
  authorize(ctx.actor, 'orders:read');
  const rows = await repo.events(deps.database.db, id, decodeCursor(q.cursor, 2), q.limit);
  return toPage(
    rows,
    q.limit,
    (r) => [r.at.toISOString(), r.seq],
    (r) => ({ id: r.id, at: r.at.toISOString(), kind: r.kind, data: r.data, public: r.public, actorName: r.actorName }),
  );
}

export async function newOrderTrackingLink(deps: Deps, ctx: Ctx, id: string, origin: string) {
  authorize(ctx.actor, 'orders:write');
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.findForUpdate(tx, id);
    if (!before) throw notFound('service_orders');
    const now = deps.clock.now();
    const token = await newTrackingLink(tx, id, now, orderOrigin(deps, origin));
    await appendOrderEvent(tx, ctx, now, id, 'tracking_link_renewed');
    await appendAudit(tx, ctx, { entity: 'service_orders', entityId: id, action: 'tracking_link_renewed', changes: { trackingLink: { before: 'revoked', after: 'new' } } });
    return { trackingUrl: orderOrigin(deps, origin) + trackingPath(token) };
  });
}
