// Stock: locations and the ledger of movements. `applyMovement` is the one way stock changes; other
// modules (service orders) call it inside their own transaction.
import { randomUUID } from 'node:crypto';
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { actorId, actorLabel, authorize } from '../../kernel/auth/actor.ts';
import { AppError, fieldError, invalidFields, notFound } from '../../kernel/errors/app-error.ts';
import { decodeCursor, toPage } from '../../kernel/http/pagination.ts';
import { formatQuantity, parseQuantity, quantityFromDb } from '../../kernel/money/quantity.ts';
import { partsRepository } from '../catalog/parts.repository.ts';
import { stockRepository as repo, type LocationRow } from './stock.repository.ts';
import { ledgerEffects, validateMovement, type MovementKind } from './stock.rules.ts';
import { LOCATION_KINDS } from './stock.schemas.ts';

const toLocationDto = (l: LocationRow) => ({
  id: l.id,
  name: l.name,
  kind: (LOCATION_KINDS as readonly string[]).includes(l.kind) ? (l.kind as (typeof LOCATION_KINDS)[number]) : 'other',
  notes: l.notes,
  active: l.active,
  createdAt: l.createdAt.toISOString(),
});

export async function listLocations(deps: Deps, ctx: Ctx) {
  authorize(ctx.actor, 'stock:read');
  return (await repo.listLocations(deps.database.db)).map(toLocationDto);
}

export async function createLocation(deps: Deps, ctx: Ctx, input: { name: string; kind: (typeof LOCATION_KINDS)[number]; notes: string }) {
  authorize(ctx.actor, 'catalog:write');
  return deps.database.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const row = await repo.insertLocation(tx, { ...input, createdAt: now, updatedAt: now });
    await appendAudit(tx, ctx, { entity: 'stock_locations', entityId: row.id, action: 'created', after: toLocationDto(row) });
    return toLocationDto(row);
  });
}

export async function updateLocation(deps: Deps, ctx: Ctx, id: string, patch: Partial<{ name: string; kind: (typeof LOCATION_KINDS)[number]; notes: string; active: boolean }>) {
  authorize(ctx.actor, 'catalog:write');
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.findLocation(tx, id);
    if (!before) throw notFound('stock_locations');
    const after = await repo.updateLocation(tx, id, { ...patch, updatedAt: deps.clock.now() });
    await appendAudit(tx, ctx, { entity: 'stock_locations', entityId: id, action: 'updated', before: toLocationDto(before), after: toLocationDto(after) });
    return toLocationDto(after);
  });
}

export type MovementCommand = {
  partId: string;
  kind: MovementKind;
  quantity: string;
  locationId: string;
  toLocationId?: string | undefined;
  reason?: string | undefined;
  unitCostMinor?: number | undefined;
  reference?: { type: string; id: string } | undefined;
};

/** Writes the ledger rows and levels of one movement inside the caller's transaction. */
export async function applyMovement(tx: Db, deps: Deps, ctx: Ctx, cmd: MovementCommand) {
  const quantity = parseQuantity(cmd.quantity);
  if (quantity === null) throw invalidFields([fieldError('quantity', 'stock.quantity_invalid', 'A number with at most three decimals')]);
  const request = { kind: cmd.kind, quantity, locationId: cmd.locationId, toLocationId: cmd.toLocationId, reason: cmd.reason };
  const problems = validateMovement(request);
  if (problems.length) throw invalidFields(problems);

  const part = await partsRepository.findById(tx, cmd.partId);
  if (!part) throw invalidFields([fieldError('partId', 'parts.not_found', 'No such part')]);
  const locationNames = new Map<string, string>();
  for (const [field, locId] of [['locationId', cmd.locationId], ['toLocationId', cmd.toLocationId]] as const) {
    if (!locId) continue;
    const loc = await repo.findLocation(tx, locId);
    if (loc) locationNames.set(loc.id, loc.name);
    if (!loc) throw invalidFields([fieldError(field, 'stock_locations.not_found', 'No such stock location')]);
    if (!loc.active) throw invalidFields([fieldError(field, 'stock.location_inactive', 'This stock location is not active')]);
  }

  const now = deps.clock.now();
  const transferId = cmd.kind === 'transfer' ? randomUUID() : null;
  const effects = ledgerEffects(request);
  for (const e of effects) {
    const next = await repo.addToLevel(tx, cmd.partId, e.locationId, formatQuantity(e.delta), now);
    if (next === null) {
      const available = await repo.levelOf(tx, cmd.partId, e.locationId);
      throw new AppError('stock.insufficient', 409, `Not enough stock: ${formatQuantity(quantityFromDb(available))} on hand`, {
        fields: [fieldError('quantity', 'stock.insufficient', `Only ${formatQuantity(quantityFromDb(available))} on hand`)],
        extra: { available: formatQuantity(quantityFromDb(available)) },
      });
    }
  }
  const rows = await repo.insertMovements(
    tx,
    effects.map((e) => ({
      partId: cmd.partId,
      locationId: e.locationId,
      kind: e.kind,
      quantity: formatQuantity(e.delta),
      unitCostMinor: cmd.kind === 'receipt' ? (cmd.unitCostMinor ?? null) : null,
      reason: cmd.reason ?? '',
      transferId,
      referenceType: cmd.reference?.type ?? null,
      referenceId: cmd.reference?.id ?? null,
      occurredAt: now,
      actorId: actorId(ctx.actor),
      actorLabel: actorLabel(ctx.actor),
    })),
  );
  await appendAudit(tx, ctx, {
    entity: 'parts',
    entityId: cmd.partId,
    action: `stock_${cmd.kind}`,
    sub: { entity: 'stock', id: rows[0]!.seq.toString(), label: part.name },
    changes: Object.fromEntries(
      effects.map((e) => [`stock: ${locationNames.get(e.locationId)}`, { before: null, after: (e.delta > 0n ? '+' : '') + formatQuantity(e.delta) }]),
    ),
  });
  return rows;
}

async function movementDtos(db: Db, rows: Awaited<ReturnType<typeof applyMovement>>) {
  const names = new Map((await repo.listLocations(db)).map((l) => [l.id, l.name]));
  return rows.map((m) => toMovementDto(m, names.get(m.locationId) ?? ''));
}

function toMovementDto(m: Awaited<ReturnType<typeof applyMovement>>[number], locationName: string) {
  return {
    seq: m.seq,
    partId: m.partId,
    locationId: m.locationId,
    locationName,
    kind: m.kind as 'receipt' | 'issue' | 'return' | 'adjustment' | 'transfer_out' | 'transfer_in',
    quantity: formatQuantity(quantityFromDb(m.quantity)),
    unitCostMinor: m.unitCostMinor,
    reason: m.reason,
    transferId: m.transferId,
    referenceType: m.referenceType,
    referenceId: m.referenceId,
    occurredAt: m.occurredAt.toISOString(),
    actorLabel: m.actorLabel,
  };
}

export async function partLevels(db: Db, partId: string) {
  return (await repo.levelsOfPart(db, partId)).map((l) => ({ ...l, onHand: formatQuantity(quantityFromDb(l.onHand)) }));
}

export async function recordMovement(deps: Deps, ctx: Ctx, cmd: MovementCommand) {
  authorize(ctx.actor, cmd.kind === 'adjustment' ? 'stock:adjust' : 'stock:move');
  return deps.database.db.transaction(async (tx) => {
    const rows = await applyMovement(tx, deps, ctx, cmd);
    return { movements: await movementDtos(tx, rows), levels: await partLevels(tx, cmd.partId) };
  });
}

export async function getPartStock(deps: Deps, ctx: Ctx, partId: string) {
  authorize(ctx.actor, 'stock:read');
  if (!(await partsRepository.findById(deps.database.db, partId))) throw notFound('parts');
  return { levels: await partLevels(deps.database.db, partId) };
}

export async function listMovements(deps: Deps, ctx: Ctx, q: { partId?: string | undefined; locationId?: string | undefined; limit: number; cursor?: string | undefined }) {
  authorize(ctx.actor, 'stock:read');
  const after = decodeCursor(q.cursor, 1);
  const rows = await repo.listMovements(deps.database.db, q, after ? Number(after[0]) : null, q.limit);
  return toPage(rows, q.limit, (r) => [r.m.seq], (r) => toMovementDto(r.m, r.locationName));
}
