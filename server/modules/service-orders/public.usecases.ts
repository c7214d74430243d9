// What a link holder sees and does without an account: the order's tracking page (status
// timeline, expected date, the estimate waiting for a decision) and the estimate's own page. Only
// what the holder already knows or needs: no customer name, address, phone or email, no internal
// notes, no staff names. Unknown and revoked links get the same 404.
import { and, desc, eq, gt } from 'drizzle-orm';
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { authorize, systemActor } from '../../kernel/auth/actor.ts';
import { AppError, notFound } from '../../kernel/errors/app-error.ts';
import { businessDate } from '../../kernel/time/business-date.ts';
import { assets } from '../assets/assets.table.ts';
import { findCompany } from '../company/company.usecases.ts';
import { appendOrderEvent } from './order-events.ts';
import { effectiveStatus, validUntilOf } from './estimates.rules.ts';
import type { DecisionInput, PublicEstimateDto, TrackingDecisionInput, TrackingDto } from './estimates.schemas.ts';
import { decideEstimateIn, estimateByToken, pricedEstimate, vatRatesOf, type EstimateRow } from './estimates.usecases.ts';
import { ordersRepository as repo } from './service-orders.repository.ts';
import type { Phase } from './service-orders.rules.ts';
import { serviceOrderEstimates, serviceOrders } from './service-orders.table.ts';
import { orderIdForToken, revokeTrackingLinks } from './tracking-links.ts';

/** Who acts when a customer decides through a link: recorded in the history and the audit. */
export const CUSTOMER_LINK_ACTOR = 'Klient (link)';
const customerCtx = (requestId?: string): Ctx => ({ actor: systemActor(CUSTOMER_LINK_ACTOR), requestId });

const trackingNotFound = () => notFound('tracking', 'No such tracking link');
const expired = () => new AppError('estimates.expired', 410, 'The estimate is no longer valid; ask the shop for a new one');

async function publicCompany(db: Db) {
  const c = await findCompany(db);
  return { name: c?.name ?? '', phone: c?.phone ?? '', email: c?.email ?? '' };
}

async function toPublicEstimate(db: Db, e: EstimateRow, now: Date, order: { number: string; assetName: string; lang: string }): Promise<PublicEstimateDto> {
  const rates = await vatRatesOf(db);
  const { lines, totals } = pricedEstimate(e, rates);
  const vatLabels = Object.fromEntries([...new Set(e.lines.map((l) => l.vatRateCode))].map((code) => [code, { pl: rates.get(code)?.labelPl ?? code, en: rates.get(code)?.labelEn ?? code }]));
  return {
    id: e.id,
    version: e.version,
    status: effectiveStatus(e, now),
    orderNumber: order.number,
    assetName: order.assetName,
    lines: lines.map(({ kind: _k, itemId: _i, ...l }) => l),
    totals,
    vatLabels,
    note: e.note,
    sentAt: e.sentAt?.toISOString() ?? null,
    validUntil: validUntilOf(e.expiresAt),
    decidedAt: e.decidedAt?.toISOString() ?? null,
    company: await publicCompany(db),
    lang: order.lang === 'en' ? 'en' : 'pl',
  };
}

async function orderFacts(db: Db, orderId: string) {
  const [o] = await db
    .select({ number: serviceOrders.number, assetName: assets.name, lang: serviceOrders.lang })
    .from(serviceOrders)
    .innerJoin(assets, eq(assets.id, serviceOrders.assetId))
    .where(eq(serviceOrders.id, orderId))
    .limit(1);
  if (!o) throw notFound('estimates');
  return o;
}

// ── the estimate's own link (/e/<token>) ───────────────────────────────────────────────────────

/** An estimate by its link. A link that ran out answers 410; decided ones stay readable. */
export async function publicEstimate(deps: Deps, token: string): Promise<PublicEstimateDto> {
  const db = deps.database.db;
  const e = await estimateByToken(db, token);
  if (!e) throw notFound('estimates');
  const now = deps.clock.now();
  if (effectiveStatus(e, now) === 'expired') throw expired();
  return toPublicEstimate(db, e, now, await orderFacts(db, e.orderId));
}

export async function decideByEstimateLink(deps: Deps, token: string, input: DecisionInput, requestId?: string) {
  return deps.database.db.transaction(async (tx) => {
    const e = await estimateByToken(tx, token);
    if (!e) throw notFound('estimates');
    const after = await decideEstimateIn(tx, deps, customerCtx(requestId), e.orderId, e.id, input, 'link', 'estimate_link');
    return { status: after.status as 'accepted' | 'rejected', decidedAt: after.decidedAt!.toISOString() };
  });
}

// ── the order's tracking link (/t/<token>) ─────────────────────────────────────────────────────

const TIMELINE_KINDS = new Set(['created', 'status', 'promised', 'released', 'estimate_sent', 'estimate_accepted', 'estimate_rejected']);

export async function publicTracking(deps: Deps, token: string): Promise<TrackingDto> {
  const db = deps.database.db;
  const orderId = await orderIdForToken(db, token);
  if (!orderId) throw trackingNotFound();
  const [o] = await db
    .select({ order: serviceOrders, assetName: assets.name })
    .from(serviceOrders)
    .innerJoin(assets, eq(assets.id, serviceOrders.assetId))
    .where(eq(serviceOrders.id, orderId))
    .limit(1);
  if (!o) throw trackingNotFound();
  const order = o.order;
  const now = deps.clock.now();
  const statuses = new Map((await repo.statuses(db, true)).map((s) => [s.id, s]));
  const current = statuses.get(order.statusId)!;
  const events = (await repo.events(db, orderId, null, 100, true)).slice(0, 100).filter((e) => TIMELINE_KINDS.has(e.kind));
  const timeline = events.map((e) => {
    const statusId = typeof e.data.toStatusId === 'string' ? e.data.toStatusId : typeof e.data.statusId === 'string' ? e.data.statusId : null;
    const s = statusId ? statuses.get(statusId) : undefined;
    return {
      at: e.at.toISOString(),
      kind: e.kind as TrackingDto['timeline'][number]['kind'],
      statusNamePl: s?.namePl ?? null,
      statusNameEn: s?.nameEn ?? null,
      phase: (s?.phase as Phase | undefined) ?? null,
      promisedOn: e.kind === 'promised' && typeof e.data.promisedOn === 'string' ? e.data.promisedOn : null,
    };
  });
  const [pending] = await db
    .select()
    .from(serviceOrderEstimates)
    .where(and(eq(serviceOrderEstimates.orderId, orderId), eq(serviceOrderEstimates.status, 'sent'), gt(serviceOrderEstimates.expiresAt, now)))
    .orderBy(desc(serviceOrderEstimates.version))
    .limit(1);
  return {
    orderNumber: order.number,
    assetName: o.assetName,
    status: { namePl: current.namePl, nameEn: current.nameEn, phase: current.phase as Phase, color: current.color },
    receivedOn: businessDate(order.receivedAt),
    promisedOn: order.promisedOn,
    readyOn: order.readyAt ? businessDate(order.readyAt) : null,
    releasedOn: order.releasedAt ? businessDate(order.releasedAt) : null,
    timeline,
    pendingEstimate: pending ? await toPublicEstimate(db, pending, now, { number: order.number, assetName: o.assetName, lang: order.lang }) : null,
    company: await publicCompany(db),
    lang: order.lang === 'en' ? 'en' : 'pl',
  };
}

/** The tracking link's holder decides on the order's pending estimate (the one the page showed). */
export async function decideByTrackingLink(deps: Deps, token: string, input: TrackingDecisionInput, requestId?: string) {
  return deps.database.db.transaction(async (tx) => {
    const orderId = await orderIdForToken(tx, token);
    if (!orderId) throw trackingNotFound();
    const after = await decideEstimateIn(tx, deps, customerCtx(requestId), orderId, input.estimateId, input, 'link', 'tracking_link');
    return { status: after.status as 'accepted' | 'rejected', decidedAt: after.decidedAt!.toISOString() };
  });
}

/** Staff: the order's tracking link stops working (no new one is made). */
export async function revokeOrderTrackingLink(deps: Deps, ctx: Ctx, orderId: string) {
  authorize(ctx.actor, 'orders:write');
  return deps.database.db.transaction(async (tx) => {
    if (!(await repo.findForUpdate(tx, orderId))) throw notFound('service_orders');
    const now = deps.clock.now();
    const revoked = await revokeTrackingLinks(tx, orderId, now);
    if (revoked > 0) {
      await appendOrderEvent(tx, ctx, now, orderId, 'tracking_link_revoked', { links: revoked });
      await appendAudit(tx, ctx, { entity: 'service_orders', entityId: orderId, action: 'tracking_link_revoked', changes: { trackingLink: { before: 'active', after: 'revoked' } } });
    }
    return { revoked };
  });
}
