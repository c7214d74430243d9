// Service dates (inspection, warranty, insurance, maintenance, company-defined kinds) and their kinds.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { actorId, authorize } from '../../kernel/auth/actor.ts';
import { conflict, fieldError, invalidFields, notFound } from '../../kernel/errors/app-error.ts';
import { formatQuantity, quantityFromDb } from '../../kernel/money/quantity.ts';
import { foldText } from '../../kernel/text/normalize.ts';
import { businessDate } from '../../kernel/time/business-date.ts';
import { appendAssetEvent } from './asset-events.ts';
import { assetsRepository } from './assets.repository.ts';
import { formatMeter, nextServiceDate, parseMeter, remindOnFor } from './assets.rules.ts';
import type {
  CompleteServiceDateInput,
  ServiceDateDto,
  ServiceDateInput,
  ServiceDateKindDto,
  ServiceDateKindInput,
  ServiceDatePatch,
} from './assets.schemas.ts';
import { assetServiceDates, serviceDateKinds } from './assets.table.ts';
import { completeTasksFor } from '../tasks/tasks.usecases.ts';

type SdRow = typeof assetServiceDates.$inferSelect;
type KindRow = typeof serviceDateKinds.$inferSelect;

const meter = (v: string | null) => (v === null ? null : formatMeter(quantityFromDb(v)));

const toDto = (r: SdRow, k: KindRow): ServiceDateDto => ({
  id: r.id,
  assetId: r.assetId,
  kindId: r.kindId,
  kindCode: k.code,
  kindName: k.name,
  dueOn: r.dueOn,
  reminderDays: r.reminderDays,
  remindOn: r.remindOn,
  recurrenceMonths: r.recurrenceMonths,
  meterInterval: meter(r.meterInterval),
  meterDueAt: meter(r.meterDueAt),
  note: r.note,
  status: r.status as ServiceDateDto['status'],
  completedOn: r.completedOn,
  createdAt: r.createdAt.toISOString(),
});

const toKindDto = (k: KindRow): ServiceDateKindDto => ({ id: k.id, code: k.code, name: k.name, taskRole: k.taskRole as ServiceDateKindDto['taskRole'], archived: k.archivedAt !== null });

async function withKind(db: Db, id: string) {
  const [r] = await db.select({ sd: assetServiceDates, k: serviceDateKinds }).from(assetServiceDates).innerJoin(serviceDateKinds, eq(serviceDateKinds.id, assetServiceDates.kindId)).where(eq(assetServiceDates.id, id)).limit(1);
  return r;
}

// ── kinds ──────────────────────────────────────────────────────────────────────────────────────

export async function listServiceDateKinds(deps: Deps, ctx: Ctx, status: 'active' | 'all') {
  authorize(ctx.actor, 'assets:read');
  const rows = await deps.database.db
    .select()
    .from(serviceDateKinds)
    .where(status === 'active' ? isNull(serviceDateKinds.archivedAt) : undefined)
    .orderBy(sql`${serviceDateKinds.code} is null`, asc(serviceDateKinds.nameKey))
    .limit(500);
  return { items: rows.map(toKindDto) };
}

const kindNameTaken = (name: string) => invalidFields([fieldError('name', 'assets.kind_name_taken', 'A kind with this name exists', { value: name })]);

export async function createServiceDateKind(deps: Deps, ctx: Ctx, input: ServiceDateKindInput) {
  authorize(ctx.actor, 'assets:configure');
  return deps.database.db.transaction(async (tx) => {
    const nameKey = foldText(input.name);
    if ((await tx.select({ id: serviceDateKinds.id }).from(serviceDateKinds).where(eq(serviceDateKinds.nameKey, nameKey))).length) throw kindNameTaken(input.name);
    const [k] = await tx.insert(serviceDateKinds).values({ name: input.name, nameKey, taskRole: input.taskRole, createdAt: deps.clock.now() }).returning();
    await appendAudit(tx, ctx, { entity: 'service_date_kinds', entityId: k!.id, action: 'created', after: toKindDto(k!) });
    return toKindDto(k!);
  });
}

export async function updateServiceDateKind(deps: Deps, ctx: Ctx, id: string, patch: Partial<ServiceDateKindInput> & { archived?: boolean }) {
  authorize(ctx.actor, 'assets:configure');
  return deps.database.db.transaction(async (tx) => {
    const [before] = await tx.select().from(serviceDateKinds).where(eq(serviceDateKinds.id, id)).for('update');
    if (!before) throw notFound('service_date_kinds');
    const name = patch.name ?? before.name;
    const nameKey = foldText(name);
    if (nameKey !== before.nameKey && (await tx.select({ id: serviceDateKinds.id }).from(serviceDateKinds).where(eq(serviceDateKinds.nameKey, nameKey))).length) throw kindNameTaken(name);
    const archivedAt = patch.archived === undefined ? before.archivedAt : patch.archived ? (before.archivedAt ?? deps.clock.now()) : null;
    const [after] = await tx.update(serviceDateKinds).set({ name, nameKey, taskRole: patch.taskRole ?? before.taskRole, archivedAt }).where(eq(serviceDateKinds.id, id)).returning();
    await appendAudit(tx, ctx, { entity: 'service_date_kinds', entityId: id, action: 'updated', before: toKindDto(before), after: toKindDto(after!) });
    return toKindDto(after!);
  });
}

// ── service dates ──────────────────────────────────────────────────────────────────────────────

export async function listServiceDates(deps: Deps, ctx: Ctx, assetId: string, status: 'open' | 'all') {
  authorize(ctx.actor, 'assets:read');
  const db = deps.database.db;
  if (!(await assetsRepository.findById(db, assetId))) throw notFound('assets');
  const rows = await db
    .select({ sd: assetServiceDates, k: serviceDateKinds })
    .from(assetServiceDates)
    .innerJoin(serviceDateKinds, eq(serviceDateKinds.id, assetServiceDates.kindId))
    .where(and(eq(assetServiceDates.assetId, assetId), status === 'open' ? eq(assetServiceDates.status, 'open') : undefined))
    .orderBy(sql`${assetServiceDates.status} <> 'open'`, asc(assetServiceDates.dueOn), asc(assetServiceDates.id))
    .limit(500);
  return { items: rows.map((r) => toDto(r.sd, r.k)) };
}

function meterValues(input: { meterInterval?: string | null | undefined }, current: bigint | null) {
  if (input.meterInterval === undefined) return {};
  if (input.meterInterval === null) return { meterInterval: null, meterDueAt: null };
  const interval = parseMeter(input.meterInterval);
  if (interval === null || interval === 0n) throw invalidFields([fieldError('meterInterval', 'assets.meter_interval_invalid', 'A positive number of meter units', { value: input.meterInterval })]);
  return { meterInterval: formatQuantity(interval), meterDueAt: formatQuantity((current ?? 0n) + interval) };
}

export async function addServiceDate(deps: Deps, ctx: Ctx, assetId: string, input: ServiceDateInput) {
  authorize(ctx.actor, 'assets:write');
  return deps.database.db.transaction(async (tx) => {
    const asset = await assetsRepository.findForUpdate(tx, assetId);
    if (!asset) throw notFound('assets');
    const [kind] = await tx.select().from(serviceDateKinds).where(eq(serviceDateKinds.id, input.kindId));
    if (!kind || kind.archivedAt) throw invalidFields([fieldError('kindId', 'assets.kind_unknown', 'No such kind of service date')]);
    if (input.meterInterval !== null && asset.meterValue === null && !(await hasMeter(tx, asset.assetTypeId)))
      throw invalidFields([fieldError('meterInterval', 'assets.no_meter', 'Assets of this type have no meter')]);
    const now = deps.clock.now();
    const [row] = await tx
      .insert(assetServiceDates)
      .values({
        assetId,
        kindId: kind.id,
        dueOn: input.dueOn,
        reminderDays: input.reminderDays,
        remindOn: remindOnFor(input.dueOn, input.reminderDays),
        recurrenceMonths: input.recurrenceMonths,
        ...meterValues(input, asset.meterValue === null ? null : quantityFromDb(asset.meterValue)),
        note: input.note,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await appendAssetEvent(tx, ctx, now, assetId, 'service_date_added', { kindName: kind.name, kindCode: kind.code, dueOn: input.dueOn });
    await appendAudit(tx, ctx, { entity: 'assets', entityId: assetId, action: 'service_date_added', sub: { entity: 'asset_service_dates', id: row!.id, label: `${kind.name} ${input.dueOn}` }, after: toDto(row!, kind) });
    return toDto(row!, kind);
  });
}

async function hasMeter(tx: Db, typeId: string) {
  const r = await tx.execute(sql`select meter_unit from asset_types where id = ${typeId}`);
  return !!((r as unknown as { rows: { meter_unit: string | null }[] }).rows[0]?.meter_unit);
}

async function loadOpen(tx: Db, id: string) {
  const r = await withKind(tx, id);
  if (!r) throw notFound('asset_service_dates');
  if (r.sd.status !== 'open') throw conflict('assets.service_date_closed', 'This service date is already done or cancelled');
  await assetsRepository.findForUpdate(tx, r.sd.assetId);
  return r;
}

export async function updateServiceDate(deps: Deps, ctx: Ctx, id: string, patch: ServiceDatePatch) {
  authorize(ctx.actor, 'assets:write');
  return deps.database.db.transaction(async (tx) => {
    const { sd, k } = await loadOpen(tx, id);
    const asset = (await assetsRepository.findById(tx, sd.assetId))!;
    const dueOn = patch.dueOn ?? sd.dueOn;
    const reminderDays = patch.reminderDays ?? sd.reminderDays;
    const base = sd.meterDueAt !== null && sd.meterInterval !== null ? quantityFromDb(sd.meterDueAt) - quantityFromDb(sd.meterInterval) : asset.meterValue === null ? null : quantityFromDb(asset.meterValue);
    const [after] = await tx
      .update(assetServiceDates)
      .set({
        dueOn,
        reminderDays,
        remindOn: remindOnFor(dueOn, reminderDays),
        recurrenceMonths: patch.recurrenceMonths === undefined ? sd.recurrenceMonths : patch.recurrenceMonths,
        ...meterValues(patch, base),
        note: patch.note ?? sd.note,
        updatedAt: deps.clock.now(),
      })
      .where(eq(assetServiceDates.id, id))
      .returning();
    await appendAudit(tx, ctx, { entity: 'assets', entityId: sd.assetId, action: 'service_date_updated', sub: { entity: 'asset_service_dates', id, label: `${k.name} ${dueOn}` }, before: toDto(sd, k), after: toDto(after!, k) });
    return toDto(after!, k);
  });
}

/** Done: closes the date and its open tasks; a recurring date schedules the next one. */
export async function completeServiceDate(deps: Deps, ctx: Ctx, id: string, input: CompleteServiceDateInput) {
  authorize(ctx.actor, 'assets:write');
  return deps.database.db.transaction(async (tx) => {
    const { sd, k } = await loadOpen(tx, id);
    const asset = (await assetsRepository.findById(tx, sd.assetId))!;
    const now = deps.clock.now();
    const completedOn = input.completedOn ?? businessDate(now);
    const [done] = await tx
      .update(assetServiceDates)
      .set({ status: 'done', completedOn, completedBy: actorId(ctx.actor), note: input.note || sd.note, updatedAt: now })
      .where(eq(assetServiceDates.id, id))
      .returning();
    const follow = nextServiceDate(
      { recurrenceMonths: sd.recurrenceMonths, meterInterval: sd.meterInterval === null ? null : quantityFromDb(sd.meterInterval) },
      completedOn,
      asset.meterValue === null ? null : quantityFromDb(asset.meterValue),
    );
    let next: ServiceDateDto | null = null;
    if (follow) {
      const [row] = await tx
        .insert(assetServiceDates)
        .values({
          assetId: sd.assetId,
          kindId: sd.kindId,
          dueOn: follow.dueOn,
          reminderDays: sd.reminderDays,
          remindOn: remindOnFor(follow.dueOn, sd.reminderDays),
          recurrenceMonths: sd.recurrenceMonths,
          meterInterval: sd.meterInterval,
          meterDueAt: follow.meterDueAt === null ? null : formatQuantity(follow.meterDueAt),
          previousId: sd.id,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      next = toDto(row!, k);
    }
    await completeTasksFor(tx, ctx, now, 'asset_service_date', sd.id);
    await appendAssetEvent(tx, ctx, now, sd.assetId, 'service_date_done', { kindName: k.name, kindCode: k.code, dueOn: sd.dueOn, completedOn, nextDueOn: next?.dueOn ?? null });
    await appendAudit(tx, ctx, { entity: 'assets', entityId: sd.assetId, action: 'service_date_done', sub: { entity: 'asset_service_dates', id, label: `${k.name} ${sd.dueOn}` }, before: { status: 'open' }, after: { status: 'done', completedOn, nextDueOn: next?.dueOn ?? null } });
    return { completed: toDto(done!, k), next };
  });
}

export async function cancelServiceDate(deps: Deps, ctx: Ctx, id: string) {
  authorize(ctx.actor, 'assets:write');
  return deps.database.db.transaction(async (tx) => {
    const { sd, k } = await loadOpen(tx, id);
    const now = deps.clock.now();
    const [after] = await tx.update(assetServiceDates).set({ status: 'cancelled', updatedAt: now }).where(eq(assetServiceDates.id, id)).returning();
    await completeTasksFor(tx, ctx, now, 'asset_service_date', sd.id, 'dismissed');
    await appendAssetEvent(tx, ctx, now, sd.assetId, 'service_date_cancelled', { kindName: k.name, kindCode: k.code, dueOn: sd.dueOn });
    await appendAudit(tx, ctx, { entity: 'assets', entityId: sd.assetId, action: 'service_date_cancelled', sub: { entity: 'asset_service_dates', id, label: `${k.name} ${sd.dueOn}` }, before: { status: 'open' }, after: { status: 'cancelled' } });
    return toDto(after!, k);
  });
}
