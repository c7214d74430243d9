// Estimates: built from the order's planned work (or given line by line), edited while a draft, sent
// with an expiring link (only its hash is stored), decided by the customer through the link or
// recorded from a signed paper. A decision moves the order by the phase rules, in one transaction
// with its history and audit.
import { emailEstimateIn } from './estimate-email.ts';
import { and, asc, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { authorize, actorId } from '../../kernel/auth/actor.ts';
import { AppError, conflict, fieldError, invalidFields, notFound, type FieldError } from '../../kernel/errors/app-error.ts';
import { randomToken, sha256 } from '../../kernel/ids/tokens.ts';
import { formatQuantity, parseQuantity } from '../../kernel/money/quantity.ts';
import { businessDate } from '../../kernel/time/business-date.ts';
import { parts, services, vatRates } from '../catalog/catalog.table.ts';
import { lookupPrice } from '../pricing/pricing.usecases.ts';
import { completeTasksFor } from '../tasks/tasks.usecases.ts';
import { ESTIMATE_TASK_SOURCE } from './order-watch.job.ts';
import { appendOrderEvent } from './order-events.ts';
import { decisionRefusal, effectiveStatus, estimateLineNet, estimateTotals, isClosedPhase, labourHours, phaseAfterDecision, validity, validUntilOf } from './estimates.rules.ts';
import type { DecisionInput, EstimateDto, EstimateInput, EstimateLineInput, EstimatePatch, SendInput } from './estimates.schemas.ts';
import { ordersRepository as repo, type OrderRow } from './service-orders.repository.ts';
import { canMove, type Phase } from './service-orders.rules.ts';
import { serviceOrderEstimates, serviceOrderLines, serviceOrderParts, serviceOrderSteps, type EstimateLine } from './service-orders.table.ts';
import { moveToStatusIn, orderOrigin } from './service-orders.usecases.ts';

export type EstimateRow = typeof serviceOrderEstimates.$inferSelect;
export type VatRateInfo = { rateBp: number | null; labelPl: string; labelEn: string };

/** The customer's page for one estimate. */
export const estimatePath = (token: string) => `/e/${token}`;

export async function vatRatesOf(db: Db): Promise<Map<string, VatRateInfo>> {
  const rows = await db.select({ code: vatRates.code, rateBp: vatRates.rateBp, labelPl: vatRates.labelPl, labelEn: vatRates.labelEn }).from(vatRates).limit(100);
  return new Map(rows.map((r) => [r.code, { rateBp: r.rateBp, labelPl: r.labelPl, labelEn: r.labelEn }]));
}

export function pricedEstimate(e: EstimateRow, rates: Map<string, VatRateInfo>) {
  const lines = e.lines.map((l) => ({ ...l, netMinor: estimateLineNet(l) }));
  return { lines, totals: estimateTotals(e.lines, (code) => rates.get(code)?.rateBp ?? null) };
}

export function toEstimateDto(e: EstimateRow, rates: Map<string, VatRateInfo>, now: Date): EstimateDto {
  const { lines, totals } = pricedEstimate(e, rates);
  return {
    id: e.id,
    orderId: e.orderId,
    version: e.version,
    status: effectiveStatus(e, now),
    lines,
    totals,
    note: e.note,
    sentAt: e.sentAt?.toISOString() ?? null,
    expiresAt: e.expiresAt?.toISOString() ?? null,
    validUntil: validUntilOf(e.expiresAt),
    decidedAt: e.decidedAt?.toISOString() ?? null,
    decidedVia: (e.decidedVia as EstimateDto['decidedVia']) ?? null,
    decisionComment: e.decisionComment,
    createdAt: e.createdAt.toISOString(),
  };
}

/** What the audit compares: business fields, never the token's hash. */
const auditView = (e: EstimateRow) => ({
  version: e.version,
  status: e.status,
  lines: e.lines,
  netMinor: e.netMinor,
  vatMinor: e.vatMinor,
  grossMinor: e.grossMinor,
  note: e.note,
  expiresAt: e.expiresAt,
  decidedVia: e.decidedVia,
  decisionComment: e.decisionComment,
});
const auditSub = (e: EstimateRow) => ({ entity: 'service_order_estimates', id: e.id, label: `v${e.version}` });

async function orderForUpdate(tx: Db, orderId: string): Promise<OrderRow> {
  const order = await repo.findForUpdate(tx, orderId);
  if (!order) throw notFound('service_orders');
  return order;
}

const closedOrder = () => conflict('orders.closed', 'A released or cancelled order cannot change');

async function estimateForUpdate(tx: Db, orderId: string, estimateId: string): Promise<EstimateRow> {
  const [e] = await tx.select().from(serviceOrderEstimates).where(and(eq(serviceOrderEstimates.id, estimateId), eq(serviceOrderEstimates.orderId, orderId))).for('update').limit(1);
  if (!e) throw notFound('estimates');
  return e;
}

// ── lines ──────────────────────────────────────────────────────────────────────────────────────

/** Explicit lines: defaults from the catalogue item and the order's price list; errors at lines.N.field. */
async function resolveLines(tx: Db, order: OrderRow, inputs: EstimateLineInput[], today: string, rates: Map<string, VatRateInfo>): Promise<EstimateLine[]> {
  const errors: FieldError[] = [];
  const partIds = inputs.filter((l) => l.itemId && l.kind === 'part').map((l) => l.itemId!);
  const serviceIds = inputs.filter((l) => l.itemId && l.kind !== 'part').map((l) => l.itemId!);
  const partRows = partIds.length ? await tx.select({ id: parts.id, name: parts.name, unit: parts.unit, vatRateCode: parts.vatRateCode }).from(parts).where(inArray(parts.id, partIds)) : [];
  const serviceRows = serviceIds.length ? await tx.select({ id: services.id, name: services.name, unit: services.unit, vatRateCode: services.vatRateCode }).from(services).where(inArray(services.id, serviceIds)) : [];
  const items = new Map([...partRows.map((p) => [`part:${p.id}`, p] as const), ...serviceRows.map((s) => [`service:${s.id}`, s] as const)]);
  const out: EstimateLine[] = [];
  for (const [i, l] of inputs.entries()) {
    const at = (field: string) => `lines.${i}.${field}`;
    let { name, unit, unitPriceMinor, vatRateCode } = l;
    if (l.itemId) {
      const type = l.kind === 'part' ? 'part' : 'service';
      const item = items.get(`${type}:${l.itemId}`);
      if (!item) {
        errors.push(fieldError(at('itemId'), 'estimates.item_unknown', `No such ${type}`));
        continue;
      }
      name ??= item.name;
      unit ??= item.unit;
      vatRateCode ??= item.vatRateCode;
      unitPriceMinor ??= (await lookupPrice(tx, { type, id: item.id }, order.priceListId, today)).netMinor;
    }
    const missing = (['name', 'unit', 'unitPriceMinor', 'vatRateCode'] as const).filter((f) => ({ name, unit, unitPriceMinor, vatRateCode })[f] === undefined);
    for (const f of missing) errors.push(fieldError(at(f), 'estimates.line_incomplete', 'Required for a line without a catalogue item'));
    if (vatRateCode !== undefined && !rates.has(vatRateCode)) errors.push(fieldError(at('vatRateCode'), 'estimates.vat_unknown', 'No such VAT rate'));
    const q = parseQuantity(l.quantity);
    if (q === null || q <= 0n) errors.push(fieldError(at('quantity'), 'estimates.quantity_invalid', 'A quantity above zero'));
    if (missing.length || q === null || q <= 0n) continue;
    out.push({ kind: l.kind, itemId: l.itemId, name: name!, quantity: formatQuantity(q), unit: unit!, unitPriceMinor: unitPriceMinor!, vatRateCode: vatRateCode! });
  }
  if (errors.length) throw invalidFields(errors);
  return out;
}

/**
 * The order's current planned work: each step not skipped with planned minutes as a labour line
 * (hours × the chosen hourly service, priced on the order's price list), then the parts still on
 * the order and its other lines at their recorded prices.
 */
async function linesFromWork(tx: Db, order: OrderRow, labourServiceId: string | null, today: string): Promise<EstimateLine[]> {
  const steps = (await tx.select().from(serviceOrderSteps).where(eq(serviceOrderSteps.orderId, order.id)).orderBy(asc(serviceOrderSteps.position)).limit(500)).filter(
    (s) => s.status !== 'skipped' && s.plannedMinutes > 0,
  );
  const out: EstimateLine[] = [];
  if (labourServiceId) {
    const [svc] = await tx.select().from(services).where(eq(services.id, labourServiceId)).limit(1);
    if (!svc) throw invalidFields([fieldError('labourServiceId', 'estimates.labour_service_unknown', 'No such service')]);
    if (svc.unit !== 'hour') throw invalidFields([fieldError('labourServiceId', 'estimates.labour_not_hourly', 'Choose a service priced per hour')]);
    const price = await lookupPrice(tx, { type: 'service', id: svc.id }, order.priceListId, today);
    for (const s of steps)
      out.push({ kind: 'labour', itemId: svc.id, name: s.name, quantity: labourHours(s.plannedMinutes, svc.billingIncrementMinutes), unit: 'hour', unitPriceMinor: price.netMinor, vatRateCode: price.vatRateCode });
  } else if (steps.length) {
    throw invalidFields([fieldError('labourServiceId', 'estimates.labour_service_required', "Choose the hourly service that prices the steps' planned time")]);
  }
  const orderParts = await tx
    .select({ p: serviceOrderParts, name: parts.name, unit: parts.unit })
    .from(serviceOrderParts)
    .innerJoin(parts, eq(parts.id, serviceOrderParts.partId))
    .where(and(eq(serviceOrderParts.orderId, order.id), isNull(serviceOrderParts.removedAt)))
    .orderBy(asc(serviceOrderParts.createdAt))
    .limit(500);
  for (const { p, name, unit } of orderParts)
    out.push({ kind: 'part', itemId: p.partId, name, quantity: formatQuantity(parseQuantity(p.quantity)!), unit, unitPriceMinor: p.unitPriceMinor, vatRateCode: p.vatRateCode });
  const lines = await tx.select().from(serviceOrderLines).where(eq(serviceOrderLines.orderId, order.id)).orderBy(asc(serviceOrderLines.createdAt)).limit(500);
  for (const l of lines)
    out.push({ kind: 'service', itemId: l.serviceId, name: l.name, quantity: formatQuantity(parseQuantity(l.quantity)!), unit: l.unit, unitPriceMinor: l.unitPriceMinor, vatRateCode: l.vatRateCode });
  return out;
}

function amounts(lines: EstimateLine[], rates: Map<string, VatRateInfo>) {
  const t = estimateTotals(lines, (code) => rates.get(code)?.rateBp ?? null);
  return { netMinor: t.netMinor, vatMinor: t.vatMinor, grossMinor: t.grossMinor };
}

// ── staff ──────────────────────────────────────────────────────────────────────────────────────

export async function listEstimates(deps: Deps, ctx: Ctx, orderId: string) {
  authorize(ctx.actor, 'orders:read');
  const db = deps.database.db;
  if (!(await repo.view(db, orderId))) throw notFound('service_orders');
  const rows = await db.select().from(serviceOrderEstimates).where(eq(serviceOrderEstimates.orderId, orderId)).orderBy(desc(serviceOrderEstimates.version)).limit(100);
  const rates = await vatRatesOf(db);
  const now = deps.clock.now();
  return { items: rows.map((e) => toEstimateDto(e, rates, now)) };
}

export async function getEstimate(deps: Deps, ctx: Ctx, orderId: string, estimateId: string) {
  authorize(ctx.actor, 'orders:read');
  const db = deps.database.db;
  const [e] = await db.select().from(serviceOrderEstimates).where(and(eq(serviceOrderEstimates.id, estimateId), eq(serviceOrderEstimates.orderId, orderId))).limit(1);
  if (!e) throw notFound('estimates');
  return toEstimateDto(e, await vatRatesOf(db), deps.clock.now());
}

/** A new draft, the next version of the order's estimates. */
export async function createEstimate(deps: Deps, ctx: Ctx, orderId: string, input: EstimateInput) {
  authorize(ctx.actor, 'orders:write');
  return deps.database.db.transaction(async (tx) => {
    const order = await orderForUpdate(tx, orderId); // also serializes version numbers per order
    if (isClosedPhase(order.phase)) throw closedOrder();
    const now = deps.clock.now();
    const today = businessDate(now);
    const rates = await vatRatesOf(tx);
    const lines = input.lines ? await resolveLines(tx, order, input.lines, today, rates) : await linesFromWork(tx, order, input.labourServiceId, today);
    const [{ max }] = (await tx.select({ max: sql<number>`coalesce(max(${serviceOrderEstimates.version}), 0)::int` }).from(serviceOrderEstimates).where(eq(serviceOrderEstimates.orderId, orderId))) as [{ max: number }];
    const [row] = await tx
      .insert(serviceOrderEstimates)
      .values({ orderId, version: max + 1, status: 'draft', lines, ...amounts(lines, rates), note: input.note, createdBy: actorId(ctx.actor), createdAt: now })
      .returning();
    await appendOrderEvent(tx, ctx, now, orderId, 'estimate_created', { estimateId: row!.id, version: row!.version, grossMinor: row!.grossMinor });
    await appendAudit(tx, ctx, { entity: 'service_orders', entityId: orderId, action: 'estimate_created', sub: auditSub(row!), after: auditView(row!) });
    return toEstimateDto(row!, rates, now);
  });
}

/** Lines and note of a draft; a sent estimate is frozen (make a new version instead). */
export async function updateEstimate(deps: Deps, ctx: Ctx, orderId: string, estimateId: string, patch: EstimatePatch) {
  authorize(ctx.actor, 'orders:write');
  return deps.database.db.transaction(async (tx) => {
    const order = await orderForUpdate(tx, orderId);
    const before = await estimateForUpdate(tx, orderId, estimateId);
    if (before.status !== 'draft') throw conflict('estimates.not_draft', 'Only a draft can change; make a new version');
    const now = deps.clock.now();
    const rates = await vatRatesOf(tx);
    const lines = patch.lines ? await resolveLines(tx, order, patch.lines, businessDate(now), rates) : before.lines;
    const [after] = await tx
      .update(serviceOrderEstimates)
      .set({ lines, ...amounts(lines, rates), ...(patch.note !== undefined ? { note: patch.note } : {}) })
      .where(eq(serviceOrderEstimates.id, estimateId))
      .returning();
    await appendAudit(tx, ctx, { entity: 'service_orders', entityId: orderId, action: 'estimate_updated', sub: auditSub(after!), before: auditView(before), after: auditView(after!) });
    return toEstimateDto(after!, rates, now);
  });
}

/** Other estimates of the order still waiting for the customer are withdrawn: one open question at a time. */
async function withdrawOthers(tx: Db, ctx: Ctx, now: Date, orderId: string, keepId: string) {
  const others = await tx
    .update(serviceOrderEstimates)
    .set({ status: 'withdrawn' })
    .where(and(eq(serviceOrderEstimates.orderId, orderId), eq(serviceOrderEstimates.status, 'sent'), ne(serviceOrderEstimates.id, keepId)))
    .returning();
  for (const o of others) {
    await appendAudit(tx, ctx, { entity: 'service_orders', entityId: orderId, action: 'estimate_withdrawn', sub: auditSub(o), before: { status: 'sent' }, after: { status: 'withdrawn' } });
    await completeTasksFor(tx, ctx, now, ESTIMATE_TASK_SOURCE, o.id, 'dismissed');
  }
}

async function moveForEstimate(tx: Db, deps: Deps, ctx: Ctx, order: OrderRow, to: Phase, note: string, extra: Record<string, unknown>) {
  if (order.phase === to || !canMove(order.phase as Phase, to)) return;
  const status = await repo.defaultStatus(tx, to);
  if (status) await moveToStatusIn(tx, deps, ctx, order.id, status, note, extra);
}

/**
 * Sends (or sends again) an estimate: a new link valid for `validDays` (an earlier link of it stops
 * working), the lines are frozen, the order waits for the approval when the phase rules allow it.
 * The answer carries the link once; the lead's messaging wiring emails it.
 */
export async function sendEstimate(deps: Deps, ctx: Ctx, orderId: string, estimateId: string, input: SendInput, origin: string) {
  authorize(ctx.actor, 'orders:write');
  return deps.database.db.transaction(async (tx) => {
    const order = await orderForUpdate(tx, orderId);
    if (isClosedPhase(order.phase)) throw closedOrder();
    const before = await estimateForUpdate(tx, orderId, estimateId);
    const now = deps.clock.now();
    const current = effectiveStatus(before, now);
    if (current !== 'draft' && current !== 'sent' && current !== 'expired') throw conflict('estimates.not_sendable', `An estimate that is ${current} cannot be sent`, { status: current });
    if (before.lines.length === 0) throw invalidFields([fieldError('lines', 'estimates.empty', 'An estimate needs at least one line')]);
    const token = randomToken(32);
    const { validUntil, expiresAt } = validity(now, input.validDays);
    await withdrawOthers(tx, ctx, now, orderId, estimateId);
    await completeTasksFor(tx, ctx, now, ESTIMATE_TASK_SOURCE, estimateId); // sent again: the reminder to chase it is answered
    const [after] = await tx.update(serviceOrderEstimates).set({ status: 'sent', tokenHash: sha256(token), expiresAt, sentAt: now }).where(eq(serviceOrderEstimates.id, estimateId)).returning();
    await appendOrderEvent(tx, ctx, now, orderId, 'estimate_sent', { estimateId, version: after!.version, grossMinor: after!.grossMinor, validUntil, again: current !== 'draft' }, true);
    await appendAudit(tx, ctx, { entity: 'service_orders', entityId: orderId, action: 'estimate_sent', sub: auditSub(after!), before: auditView(before), after: { ...auditView(after!), link: 'new' } });
    await moveForEstimate(tx, deps, ctx, order, 'awaiting_approval', '', { reason: 'estimate_sent', estimateId, version: after!.version });
    const acceptUrl = orderOrigin(deps, origin) + estimatePath(token);
    await emailEstimateIn(tx, deps, ctx, order, { id: after!.id, version: after!.version, grossMinor: after!.grossMinor, sentAt: now }, acceptUrl, validUntil);
    return { estimate: toEstimateDto(after!, await vatRatesOf(tx), now), acceptUrl };
  });
}

/**
 * The decision on an estimate inside the caller's transaction (link or paper): the estimate is
 * decided and frozen, other pending estimates withdrawn, the order moves — to repair on acceptance,
 * to the return flow (ready for release, with the front desk's task) on rejection — with the
 * customer's comment in its history.
 */
export async function decideEstimateIn(tx: Db, deps: Deps, ctx: Ctx, orderId: string, estimateId: string, input: DecisionInput, via: 'link' | 'paper', channel: string) {
  const order = await orderForUpdate(tx, orderId); // the order first, then the estimate: the same lock order as sending
  const before = await estimateForUpdate(tx, orderId, estimateId);
  const now = deps.clock.now();
  const refusal = decisionRefusal(effectiveStatus(before, now), via);
  if (refusal) throw new AppError(refusal.code, refusal.status, refusal.message);
  if (isClosedPhase(order.phase)) throw closedOrder();
  const [after] = await tx
    .update(serviceOrderEstimates)
    .set({ status: input.decision, decidedAt: now, decidedVia: via, decisionComment: input.comment })
    .where(eq(serviceOrderEstimates.id, estimateId))
    .returning();
  await withdrawOthers(tx, ctx, now, orderId, estimateId);
  await completeTasksFor(tx, ctx, now, ESTIMATE_TASK_SOURCE, estimateId); // the front desk's "waiting too long" task
  const data = { estimateId, version: after!.version, via, channel, comment: input.comment, grossMinor: after!.grossMinor };
  await appendOrderEvent(tx, ctx, now, orderId, `estimate_${input.decision}`, data, true);
  await appendAudit(tx, ctx, { entity: 'service_orders', entityId: orderId, action: `estimate_${input.decision}`, sub: auditSub(after!), before: auditView(before), after: auditView(after!) });
  await moveForEstimate(tx, deps, ctx, order, phaseAfterDecision(input.decision), input.comment, { reason: `estimate_${input.decision}`, estimateId, version: after!.version, via });
  return after!;
}

/** Staff record the customer's signed paper (accept or reject). */
export async function recordPaperDecision(deps: Deps, ctx: Ctx, orderId: string, estimateId: string, input: DecisionInput) {
  authorize(ctx.actor, 'orders:write');
  return deps.database.db.transaction(async (tx) => {
    const after = await decideEstimateIn(tx, deps, ctx, orderId, estimateId, input, 'paper', 'paper');
    return toEstimateDto(after, await vatRatesOf(tx), deps.clock.now());
  });
}

/** A draft or a sent estimate taken back; its link then says so. */
export async function withdrawEstimate(deps: Deps, ctx: Ctx, orderId: string, estimateId: string) {
  authorize(ctx.actor, 'orders:write');
  return deps.database.db.transaction(async (tx) => {
    await orderForUpdate(tx, orderId);
    const before = await estimateForUpdate(tx, orderId, estimateId);
    if (before.status !== 'draft' && before.status !== 'sent') throw conflict('estimates.already_decided', `The estimate is already ${before.status}`, { status: before.status });
    const now = deps.clock.now();
    const [after] = await tx.update(serviceOrderEstimates).set({ status: 'withdrawn' }).where(eq(serviceOrderEstimates.id, estimateId)).returning();
    await appendOrderEvent(tx, ctx, now, orderId, 'estimate_withdrawn', { estimateId, version: after!.version });
    await completeTasksFor(tx, ctx, now, ESTIMATE_TASK_SOURCE, estimateId, 'dismissed');
    await appendAudit(tx, ctx, { entity: 'service_orders', entityId: orderId, action: 'estimate_withdrawn', sub: auditSub(after!), before: { status: before.status }, after: { status: 'withdrawn' } });
    return toEstimateDto(after!, await vatRatesOf(tx), now);
  });
}

/** The estimate a customer's link opens (by the hash of its token), or undefined. */
export async function estimateByToken(db: Db, token: string): Promise<EstimateRow | undefined> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  return (await db.select().from(serviceOrderEstimates).where(eq(serviceOrderEstimates.tokenHash, sha256(token))).limit(1))[0];
}
