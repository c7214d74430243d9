// Spare parts in the catalogue: create, change, archive, list with on-hand stock.
import type { Ctx, Deps } from '../../deps.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { fieldError, invalidFields, notFound } from '../../kernel/errors/app-error.ts';
import { decodeCursor, toPage } from '../../kernel/http/pagination.ts';
import { formatQuantity, parseQuantity, quantityFromDb } from '../../kernel/money/quantity.ts';
import { foldText } from '../../kernel/text/normalize.ts';
import { isLowStock } from '../stock/stock.rules.ts';
import { partsRepository as repo, type PartRow, type PartWithStock } from './parts.repository.ts';
import { codeKey, partSearchText, partSortKey, validatePart } from './parts.rules.ts';
import { PART_UNITS, type PartDto, type PartInput, type PartListQuery } from './parts.schemas.ts';

export function toPartDto(r: PartWithStock): PartDto {
  const onHand = quantityFromDb(r.onHand);
  const min = quantityFromDb(r.minStock);
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    unit: (PART_UNITS as readonly string[]).includes(r.unit) ? (r.unit as PartDto['unit']) : 'pcs',
    manufacturerPartNumber: r.manufacturerPartNumber,
    ean: r.ean,
    purchasePriceMinor: r.purchasePriceMinor,
    salePriceMinor: r.salePriceMinor,
    vatRateCode: r.vatRateCode,
    minStock: formatQuantity(min),
    description: r.description,
    onHand: formatQuantity(onHand),
    lowStock: isLowStock(onHand, min),
    archived: r.archivedAt !== null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

function auditView(r: PartRow) {
  const { searchText: _s, sortKey: _k, codeKey: _c, createdAt: _a, updatedAt: _u, ...rest } = r;
  return rest;
}

/** The stored form of an input: keys derived, min stock normalized. */
export function partValues(p: PartInput) {
  return {
    ...p,
    codeKey: codeKey(p.code),
    minStock: formatQuantity(parseQuantity(p.minStock) ?? 0n),
    searchText: partSearchText(p),
    sortKey: partSortKey(p.name),
  };
}

export async function listParts(deps: Deps, ctx: Ctx, q: PartListQuery) {
  authorize(ctx.actor, 'catalog:read');
  const after = decodeCursor(q.cursor, 2);
  const { rows, cursorOf } = await repo.list(
    deps.database.db,
    { pattern: q.q ? foldText(q.q) : null, status: q.status, lowStock: q.lowStock === 'true', sort: q.sort },
    after,
    q.limit,
  );
  return toPage(rows, q.limit, cursorOf, toPartDto);
}

export async function getPart(deps: Deps, ctx: Ctx, id: string) {
  authorize(ctx.actor, 'catalog:read');
  const row = await repo.findById(deps.database.db, id);
  if (!row) throw notFound('parts');
  return toPartDto(row);
}

export async function createPart(deps: Deps, ctx: Ctx, input: PartInput) {
  authorize(ctx.actor, 'catalog:write');
  return deps.database.db.transaction(async (tx) => {
    const problems = validatePart(input, await repo.activeVatCodes(tx));
    if (await repo.codeTaken(tx, codeKey(input.code))) problems.push(fieldError('code', 'catalog.code_taken', 'Another part has this code'));
    if (problems.length) throw invalidFields(problems);
    const now = deps.clock.now();
    const row = await repo.insert(tx, { ...partValues(input), createdAt: now, updatedAt: now });
    await appendAudit(tx, ctx, { entity: 'parts', entityId: row.id, action: 'created', after: auditView(row) });
    return toPartDto({ ...row, onHand: '0.000' });
  });
}

export async function updatePart(deps: Deps, ctx: Ctx, id: string, patch: Partial<PartInput>) {
  authorize(ctx.actor, 'catalog:write');
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.findForUpdate(tx, id);
    if (!before) throw notFound('parts');
    const merged: PartInput = {
      code: before.code,
      name: before.name,
      unit: before.unit as PartInput['unit'],
      manufacturerPartNumber: before.manufacturerPartNumber,
      ean: before.ean,
      purchasePriceMinor: before.purchasePriceMinor,
      salePriceMinor: before.salePriceMinor,
      vatRateCode: before.vatRateCode,
      minStock: before.minStock,
      description: before.description,
      ...patch,
    };
    const problems = validatePart(merged, await repo.activeVatCodes(tx));
    if (await repo.codeTaken(tx, codeKey(merged.code), id)) problems.push(fieldError('code', 'catalog.code_taken', 'Another part has this code'));
    if (problems.length) throw invalidFields(problems);
    const after = await repo.update(tx, id, { ...partValues(merged), updatedAt: deps.clock.now() });
    await appendAudit(tx, ctx, { entity: 'parts', entityId: id, action: 'updated', before: auditView(before), after: auditView(after) });
    const fresh = await repo.findById(tx, id);
    return toPartDto(fresh!);
  });
}

export async function setPartArchived(deps: Deps, ctx: Ctx, id: string, archived: boolean) {
  authorize(ctx.actor, 'catalog:write');
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.findForUpdate(tx, id);
    if (!before) throw notFound('parts');
    if ((before.archivedAt !== null) !== archived) {
      const now = deps.clock.now();
      await repo.update(tx, id, { archivedAt: archived ? now : null, updatedAt: now });
      await appendAudit(tx, ctx, {
        entity: 'parts',
        entityId: id,
        action: archived ? 'archived' : 'restored',
        changes: { archivedAt: { before: before.archivedAt?.toISOString() ?? null, after: archived ? now.toISOString() : null } },
      });
    }
    return toPartDto((await repo.findById(tx, id))!);
  });
}
