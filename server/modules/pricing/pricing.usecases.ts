// Price lists and the price lookup every module uses (`lookupPrice`).
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { conflict, fieldError, invalidFields, notFound } from '../../kernel/errors/app-error.ts';
import { decodeCursor, toPage } from '../../kernel/http/pagination.ts';
import { polishSortKey } from '../../kernel/text/normalize.ts';
import { businessDate } from '../../kernel/time/business-date.ts';
import { pricingRepository as repo, type PriceListRow } from './pricing.repository.ts';
import { entryKey, priceFor, type Price, type PriceEntry, type PriceListForPricing } from './pricing.rules.ts';
import type { PriceListInput } from './pricing.schemas.ts';

export const toPriceListDto = (r: PriceListRow) => ({
  id: r.id,
  name: r.name,
  currency: r.currency,
  validFrom: r.validFrom,
  validTo: r.validTo,
  entryMode: r.entryMode === 'gross' ? ('gross' as const) : ('net' as const),
  defaultPercentBp: r.defaultPercentBp,
  isDefault: r.isDefault,
  notes: r.notes,
  archived: r.archivedAt !== null,
  createdAt: r.createdAt.toISOString(),
});

function validateList(l: PriceListInput) {
  if (l.validFrom && l.validTo && l.validFrom > l.validTo)
    throw invalidFields([fieldError('validTo', 'pricing.validity_reversed', 'The end date is before the start date')]);
}

export async function listPriceLists(deps: Deps, ctx: Ctx, q: { q?: string | undefined; status: 'active' | 'archived' | 'all'; limit: number; cursor?: string | undefined }) {
  authorize(ctx.actor, 'catalog:read');
  const rows = await repo.list(deps.database.db, { pattern: q.q ?? null, status: q.status }, decodeCursor(q.cursor, 2), q.limit);
  return toPage(rows, q.limit, (r) => [r.sortKey, r.id], toPriceListDto);
}

export async function getPriceList(deps: Deps, ctx: Ctx, id: string) {
  authorize(ctx.actor, 'catalog:read');
  const row = await repo.findById(deps.database.db, id);
  if (!row) throw notFound('price_lists');
  return toPriceListDto(row);
}

export async function createPriceList(deps: Deps, ctx: Ctx, input: PriceListInput) {
  authorize(ctx.actor, 'catalog:write');
  validateList(input);
  return deps.database.db.transaction(async (tx) => {
    const now = deps.clock.now();
    // The first list a company makes becomes its default list.
    const isDefault = !(await repo.findDefault(tx));
    const row = await repo.insert(tx, { ...input, isDefault, sortKey: polishSortKey(input.name) || '~', createdAt: now, updatedAt: now });
    await appendAudit(tx, ctx, { entity: 'price_lists', entityId: row.id, action: 'created', after: toPriceListDto(row) });
    return toPriceListDto(row);
  });
}

export async function updatePriceList(deps: Deps, ctx: Ctx, id: string, patch: Partial<PriceListInput>) {
  authorize(ctx.actor, 'catalog:write');
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.findForUpdate(tx, id);
    if (!before) throw notFound('price_lists');
    const merged = { ...toPriceListDto(before), ...patch } as PriceListInput;
    validateList(merged);
    const after = await repo.update(tx, id, { ...patch, ...(patch.name ? { sortKey: polishSortKey(patch.name) || '~' } : {}), updatedAt: deps.clock.now() });
    await appendAudit(tx, ctx, { entity: 'price_lists', entityId: id, action: 'updated', before: toPriceListDto(before), after: toPriceListDto(after) });
    return toPriceListDto(after);
  });
}

export async function makeDefaultPriceList(deps: Deps, ctx: Ctx, id: string) {
  authorize(ctx.actor, 'catalog:write');
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.findForUpdate(tx, id);
    if (!before) throw notFound('price_lists');
    if (before.archivedAt) throw conflict('pricing.archived_cannot_be_default', 'An archived price list cannot be the default');
    if (before.isDefault) return toPriceListDto(before);
    const previous = await repo.findDefault(tx);
    await repo.clearDefault(tx);
    const after = await repo.update(tx, id, { isDefault: true, updatedAt: deps.clock.now() });
    await appendAudit(tx, ctx, { entity: 'price_lists', entityId: id, action: 'made_default', changes: { isDefault: { before: false, after: true }, previousDefault: { before: previous?.name ?? null, after: null } } });
    return toPriceListDto(after);
  });
}

export async function setPriceListArchived(deps: Deps, ctx: Ctx, id: string, archived: boolean) {
  authorize(ctx.actor, 'catalog:write');
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.findForUpdate(tx, id);
    if (!before) throw notFound('price_lists');
    if (archived && before.isDefault) throw conflict('pricing.default_cannot_be_archived', 'Make another list the default before archiving this one');
    if ((before.archivedAt !== null) === archived) return toPriceListDto(before);
    const now = deps.clock.now();
    const after = await repo.update(tx, id, { archivedAt: archived ? now : null, updatedAt: now });
    await appendAudit(tx, ctx, { entity: 'price_lists', entityId: id, action: archived ? 'archived' : 'restored', before: { archived: !archived }, after: { archived } });
    return toPriceListDto(after);
  });
}

export async function listPriceItems(deps: Deps, ctx: Ctx, listId: string, q: { limit: number; cursor?: string | undefined }) {
  authorize(ctx.actor, 'catalog:read');
  if (!(await repo.findById(deps.database.db, listId))) throw notFound('price_lists');
  const rows = await repo.items(deps.database.db, listId, decodeCursor(q.cursor, 2), q.limit);
  return toPage(rows, q.limit, (r) => [r.item.itemType, r.item.itemId], (r) => ({
    id: r.item.id,
    priceListId: r.item.priceListId,
    itemType: r.item.itemType as 'part' | 'service',
    itemId: r.item.itemId,
    itemCode: r.code ?? '',
    itemName: r.name ?? '',
    defaultNetMinor: r.defaultNetMinor ?? 0,
    priceMinor: r.item.priceMinor,
    percentBp: r.item.percentBp,
  }));
}

export async function setPriceItem(deps: Deps, ctx: Ctx, listId: string, input: { itemType: 'part' | 'service'; itemId: string; priceMinor: number | null; percentBp: number | null }) {
  authorize(ctx.actor, 'catalog:write');
  return deps.database.db.transaction(async (tx) => {
    const list = await repo.findForUpdate(tx, listId);
    if (!list) throw notFound('price_lists');
    const item = await repo.catalogueItem(tx, input.itemType, input.itemId);
    if (!item) throw invalidFields([fieldError('itemId', 'pricing.item_unknown', 'No such part or service')]);
    const before = await repo.findItem(tx, listId, input.itemType, input.itemId);
    const now = deps.clock.now();
    const row = await repo.upsertItem(tx, { priceListId: listId, itemType: input.itemType, itemId: input.itemId, priceMinor: input.priceMinor, percentBp: input.percentBp, createdAt: now, updatedAt: now });
    await appendAudit(tx, ctx, {
      entity: 'price_lists',
      entityId: listId,
      action: before ? 'item_updated' : 'item_added',
      sub: { entity: input.itemType, id: input.itemId, label: `${item.code} ${item.name}` },
      before: before ? { priceMinor: before.priceMinor, percentBp: before.percentBp } : null,
      after: { priceMinor: row.priceMinor, percentBp: row.percentBp },
    });
    return { id: row.id, priceListId: listId, itemType: input.itemType, itemId: input.itemId, itemCode: item.code, itemName: item.name, defaultNetMinor: item.defaultNetMinor, priceMinor: row.priceMinor, percentBp: row.percentBp };
  });
}

export async function removePriceItem(deps: Deps, ctx: Ctx, listId: string, itemType: 'part' | 'service', itemId: string) {
  authorize(ctx.actor, 'catalog:write');
  await deps.database.db.transaction(async (tx) => {
    const before = await repo.findItem(tx, listId, itemType, itemId);
    if (!before) throw notFound('price_list_items');
    const item = await repo.catalogueItem(tx, itemType, itemId);
    await repo.deleteItem(tx, before.id);
    await appendAudit(tx, ctx, {
      entity: 'price_lists',
      entityId: listId,
      action: 'item_removed',
      sub: { entity: itemType, id: itemId, label: item ? `${item.code} ${item.name}` : itemId },
      before: { priceMinor: before.priceMinor, percentBp: before.percentBp },
      after: null,
    });
  });
}

async function forPricing(db: Db, row: PriceListRow | undefined, type: 'part' | 'service', itemId: string): Promise<PriceListForPricing | null> {
  if (!row) return null;
  const entries = await repo.entriesFor(db, [row.id], type, itemId);
  return {
    id: row.id,
    validFrom: row.validFrom,
    validTo: row.validTo,
    entryMode: row.entryMode === 'gross' ? 'gross' : 'net',
    defaultPercentBp: row.defaultPercentBp,
    archived: row.archivedAt !== null,
    entries: new Map<string, PriceEntry>(entries.map((e) => [entryKey(type, itemId), { priceMinor: e.priceMinor, percentBp: e.percentBp }])),
  };
}

/**
 * The price of a part or service on a price list (null: the default list) on a business date.
 * Other modules call this inside their own transactions.
 */
export async function lookupPrice(db: Db, item: { type: 'part' | 'service'; id: string }, priceListId: string | null, date: string): Promise<Price & { vatRateCode: string }> {
  const catalogueItem = await repo.catalogueItem(db, item.type, item.id);
  if (!catalogueItem) throw invalidFields([fieldError('itemId', 'pricing.item_unknown', 'No such part or service')]);
  const list = priceListId ? await repo.findById(db, priceListId) : undefined;
  if (priceListId && !list) throw invalidFields([fieldError('priceListId', 'price_lists.not_found', 'No such price list')]);
  const def = await repo.findDefault(db);
  const price = priceFor(
    { type: item.type, id: item.id, defaultNetMinor: catalogueItem.defaultNetMinor, vatRateBp: catalogueItem.vatRateBp },
    await forPricing(db, list, item.type, item.id),
    date,
    def && def.id !== list?.id ? await forPricing(db, def, item.type, item.id) : null,
  );
  return { ...price, vatRateCode: catalogueItem.vatRateCode };
}

export async function priceOn(deps: Deps, ctx: Ctx, listId: string, q: { itemType: 'part' | 'service'; itemId: string; date?: string | undefined }) {
  authorize(ctx.actor, 'catalog:read');
  if (!(await repo.findById(deps.database.db, listId))) throw notFound('price_lists');
  return lookupPrice(deps.database.db, { type: q.itemType, id: q.itemId }, listId, q.date ?? businessDate(deps.clock.now()));
}

/** Every item price of a list, in keyset batches (for the export). */
export async function* priceItemBatches(db: Db, listId: string, batch = 1000) {
  let after: unknown[] | null = null;
  for (;;) {
    const rows = await repo.items(db, listId, after, batch);
    const page = rows.slice(0, batch);
    if (page.length) yield page;
    if (rows.length <= batch) return;
    const last = page[page.length - 1]!;
    after = [last.item.itemType, last.item.itemId];
  }
}
