// The company's status list: names, colours, order and notification rules; the phase is fixed once set.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx, Deps } from '../../deps.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { conflict, fieldError, invalidFields, notFound } from '../../kernel/errors/app-error.ts';
import { ordersRepository as repo, type StatusRow } from './service-orders.repository.ts';
import type { StatusDto, StatusInput } from './service-orders.schemas.ts';
import { serviceOrderStatuses } from './service-orders.table.ts';
import type { Phase } from './service-orders.rules.ts';

export const toStatusDto = (s: StatusRow): StatusDto => ({
  id: s.id,
  phase: s.phase as Phase,
  namePl: s.namePl,
  nameEn: s.nameEn,
  position: s.position,
  color: s.color,
  notifyEmail: s.notifyEmail,
  notifySms: s.notifySms,
  isDefault: s.isDefault,
  archived: s.archivedAt !== null,
});

export async function listStatuses(deps: Deps, ctx: Ctx, includeArchived: boolean) {
  authorize(ctx.actor, 'orders:read');
  return { items: (await repo.statuses(deps.database.db, includeArchived)).map(toStatusDto) };
}

export async function createStatus(deps: Deps, ctx: Ctx, input: StatusInput) {
  authorize(ctx.actor, 'orders:configure');
  return deps.database.db.transaction(async (tx) => {
    const [{ max }] = (await tx.select({ max: sql<number>`coalesce(max(${serviceOrderStatuses.position}), 0)::int` }).from(serviceOrderStatuses)) as [{ max: number }];
    const [row] = await tx.insert(serviceOrderStatuses).values({ ...input, position: max + 10, createdAt: deps.clock.now() }).returning();
    await appendAudit(tx, ctx, { entity: 'service_order_statuses', entityId: row!.id, action: 'created', after: toStatusDto(row!) });
    return toStatusDto(row!);
  });
}

export async function updateStatus(deps: Deps, ctx: Ctx, id: string, patch: Partial<Omit<StatusInput, 'phase'>>) {
  authorize(ctx.actor, 'orders:configure');
  return deps.database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(serviceOrderStatuses).where(eq(serviceOrderStatuses.id, id)).for('update');
    if (!before) throw notFound('service_order_statuses');
    const values = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const [after] = await tx.update(serviceOrderStatuses).set(values).where(eq(serviceOrderStatuses.id, id)).returning();
    await appendAudit(tx, ctx, { entity: 'service_order_statuses', entityId: id, action: 'updated', before: toStatusDto(before), after: toStatusDto(after!) });
    return toStatusDto(after!);
  });
}

export async function reorderStatuses(deps: Deps, ctx: Ctx, ids: string[]) {
  authorize(ctx.actor, 'orders:configure');
  return deps.database.db.transaction(async (tx) => {
    const all = await repo.statuses(tx, true);
    const known = new Set(all.map((s) => s.id));
    if (ids.length !== new Set(ids).size || ids.some((i) => !known.has(i)) || ids.length !== all.filter((s) => !s.archivedAt).length)
      throw invalidFields([fieldError('ids', 'orders.statuses_reorder_invalid', 'Send every active status exactly once')]);
    for (const [i, id] of ids.entries()) await tx.update(serviceOrderStatuses).set({ position: (i + 1) * 10 }).where(eq(serviceOrderStatuses.id, id));
    await appendAudit(tx, ctx, { entity: 'service_order_statuses', entityId: ids[0]!, action: 'reordered', changes: { order: { before: all.filter((s) => !s.archivedAt).map((s) => s.namePl), after: ids.map((i) => all.find((s) => s.id === i)!.namePl) } } });
    return { items: (await repo.statuses(tx)).map(toStatusDto) };
  });
}

export async function setStatusArchived(deps: Deps, ctx: Ctx, id: string, archived: boolean) {
  authorize(ctx.actor, 'orders:configure');
  return deps.database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(serviceOrderStatuses).where(eq(serviceOrderStatuses.id, id)).for('update');
    if (!before) throw notFound('service_order_statuses');
    if (archived) {
      const others = await tx.select({ id: serviceOrderStatuses.id }).from(serviceOrderStatuses).where(and(eq(serviceOrderStatuses.phase, before.phase), isNull(serviceOrderStatuses.archivedAt), sql`${serviceOrderStatuses.id} <> ${id}`));
      if (others.length === 0) throw conflict('orders.status_last_of_phase', 'Every phase needs at least one active status');
    }
    const [after] = await tx.update(serviceOrderStatuses).set({ archivedAt: archived ? deps.clock.now() : null, isDefault: archived ? false : before.isDefault }).where(eq(serviceOrderStatuses.id, id)).returning();
    await appendAudit(tx, ctx, { entity: 'service_order_statuses', entityId: id, action: archived ? 'archived' : 'restored', before: { archivedAt: before.archivedAt }, after: { archivedAt: after!.archivedAt } });
    return toStatusDto(after!);
  });
}
