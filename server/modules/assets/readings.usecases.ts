// Meter readings: an append-only history per asset; the latest value is kept on the asset for lists
// and for the meter-threshold check.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { actorId, authorize } from '../../kernel/auth/actor.ts';
import { fieldError, invalidFields, notFound } from '../../kernel/errors/app-error.ts';
import { decodeCursor, toPage } from '../../kernel/http/pagination.ts';
import { formatQuantity, quantityFromDb } from '../../kernel/money/quantity.ts';
import { users } from '../identity/identity.table.ts';
import { appendAssetEvent } from './asset-events.ts';
import { assetsRepository } from './assets.repository.ts';
import { formatMeter, parseMeter, readingRefusal } from './assets.rules.ts';
import type { ReadingDto, ReadingInput } from './assets.schemas.ts';
import { assetTypes, meterReadings } from './assets.table.ts';

type ReadingRow = typeof meterReadings.$inferSelect & { recordedByName: string | null };

const toReadingDto = (r: ReadingRow): ReadingDto => ({
  id: r.id,
  readOn: r.readOn,
  value: formatMeter(quantityFromDb(r.value)),
  source: r.source as ReadingDto['source'],
  replacement: r.replacement,
  note: r.note,
  recordedByName: r.recordedByName,
  createdAt: r.createdAt.toISOString(),
});

async function lastReading(tx: Db, assetId: string) {
  const [r] = await tx
    .select({ readOn: meterReadings.readOn, value: meterReadings.value })
    .from(meterReadings)
    .where(eq(meterReadings.assetId, assetId))
    .orderBy(desc(meterReadings.readOn), desc(meterReadings.createdAt))
    .limit(1);
  return r ? { readOn: r.readOn, value: quantityFromDb(r.value) } : null;
}

/** Records a reading inside the caller's transaction (orders and imports reuse this). */
export async function recordReadingIn(tx: Db, deps: Deps, ctx: Ctx, assetId: string, input: ReadingInput, source: ReadingDto['source']) {
  const asset = await assetsRepository.findForUpdate(tx, assetId);
  if (!asset) throw notFound('assets');
  const [type] = await tx.select({ meterUnit: assetTypes.meterUnit }).from(assetTypes).where(eq(assetTypes.id, asset.assetTypeId));
  if (!type?.meterUnit) throw invalidFields([fieldError('value', 'assets.no_meter', 'Assets of this type have no meter')]);
  const value = parseMeter(input.value);
  if (value === null) throw invalidFields([fieldError('value', 'assets.reading_invalid', 'Not a valid reading', { value: input.value })]);
  const refusal = readingRefusal(await lastReading(tx, assetId), input.readOn, value, input.replacement);
  if (refusal) throw invalidFields([refusal]);
  const now = deps.clock.now();
  const [row] = await tx
    .insert(meterReadings)
    .values({ assetId, readOn: input.readOn, value: formatQuantity(value), source, replacement: input.replacement, note: input.note, recordedBy: actorId(ctx.actor), createdAt: now })
    .returning();
  await assetsRepository.update(tx, assetId, { meterValue: formatQuantity(value), meterReadOn: input.readOn });
  const shown = formatMeter(value);
  await appendAssetEvent(tx, ctx, now, assetId, 'reading', { value: shown, unit: type.meterUnit, readOn: input.readOn, replacement: input.replacement, source });
  await appendAudit(tx, ctx, {
    entity: 'assets',
    entityId: assetId,
    action: 'reading_recorded',
    sub: { entity: 'meter_readings', id: row!.id, label: `${shown} ${type.meterUnit}` },
    after: { readOn: input.readOn, value: shown, replacement: input.replacement, note: input.note, source },
  });
  return toReadingDto({ ...row!, recordedByName: ctx.actor.name });
}

export async function recordReading(deps: Deps, ctx: Ctx, assetId: string, input: ReadingInput) {
  authorize(ctx.actor, 'assets:write');
  return deps.database.db.transaction((tx) => recordReadingIn(tx, deps, ctx, assetId, input, 'manual'));
}

export async function listReadings(deps: Deps, ctx: Ctx, assetId: string, q: { limit: number; cursor?: string | undefined }) {
  authorize(ctx.actor, 'assets:read');
  const db = deps.database.db;
  if (!(await assetsRepository.findById(db, assetId))) throw notFound('assets');
  const after = decodeCursor(q.cursor, 3);
  const rows = await db
    .select({ r: meterReadings, recordedByName: users.name })
    .from(meterReadings)
    .leftJoin(users, eq(users.id, meterReadings.recordedBy))
    .where(and(eq(meterReadings.assetId, assetId), after ? sql`(${meterReadings.readOn}, ${meterReadings.createdAt}, ${meterReadings.id}) < (${after[0]}, ${after[1]}, ${after[2]})` : undefined))
    .orderBy(desc(meterReadings.readOn), desc(meterReadings.createdAt), desc(meterReadings.id))
    .limit(q.limit + 1);
  return toPage(
    rows,
    q.limit,
    (x) => [x.r.readOn, x.r.createdAt.toISOString(), x.r.id],
    (x) => toReadingDto({ ...x.r, recordedByName: x.recordedByName }),
  );
}
