// Asset use cases: authorize → load → rules → write + history event + audit, one transaction each.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { fieldError, invalidFields, notFound, type FieldError } from '../../kernel/errors/app-error.ts';
import { decodeCursor, toPage } from '../../kernel/http/pagination.ts';
import { keysetAfter } from '../../kernel/db/keyset.ts';
import { foldText } from '../../kernel/text/normalize.ts';
import { appendAssetEvent } from './asset-events.ts';
import { loadAssetType } from './asset-types.usecases.ts';
import { assetsRepository as repo, type AssetListFilter, type AssetRow, type AssetView } from './assets.repository.ts';
import { assetSearchText, assetSortKey, filterValue, formatMeter, normalizeCustomValues, serialKey, type CustomValue } from './assets.rules.ts';
import type { AssetDto, AssetInput, AssetListFilters, AssetListQuery, AssetPatch, AssetTypeDto, CustodyInput } from './assets.schemas.ts';
import { assetEvents } from './assets.table.ts';
import { quantityFromDb } from '../../kernel/money/quantity.ts';

export function toAssetDto(v: AssetView): AssetDto {
  return {
    id: v.id,
    customerId: v.customerId,
    customerName: v.customerName,
    assetTypeId: v.assetTypeId,
    assetTypeName: v.assetTypeName,
    productId: v.productId,
    productName: v.productName,
    name: v.name,
    serialNumber: v.serialNumber,
    manufacturer: v.manufacturer,
    model: v.model,
    purchaseDate: v.purchaseDate,
    installationDate: v.installationDate,
    specification: v.specification,
    siteId: v.siteId,
    siteName: v.siteName,
    position: v.position,
    contactId: v.contactId,
    contactName: v.contactName,
    custody: v.custody as AssetDto['custody'],
    custom: v.custom as Record<string, CustomValue>,
    meterUnit: v.meterUnit,
    meterValue: v.meterValue === null ? null : formatMeter(quantityFromDb(v.meterValue)),
    meterReadOn: v.meterReadOn,
    nextServiceDate: v.next,
    archived: v.archivedAt !== null,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}

/** Business fields only: what the audit compares. */
export function assetAuditView(r: AssetRow) {
  const { searchText: _s, sortKey: _k, serialKey: _sk, createdAt: _c, updatedAt: _u, meterValue: _m, meterReadOn: _mr, ...rest } = r;
  return rest;
}

/** Turns the list query into repository filters; a custom-field filter needs the type to know its kind. */
export async function assetFilter(db: Db, q: AssetListFilters): Promise<AssetListFilter> {
  let custom: Record<string, unknown> | undefined;
  if (q.field !== undefined || q.value !== undefined) {
    const type = q.assetTypeId ? await loadAssetType(db, q.assetTypeId) : null;
    const field = type?.fields.find((f) => f.key === q.field);
    if (!type || !field || q.value === undefined)
      throw invalidFields([fieldError('field', 'assets.filter_field_unknown', 'Filter on a custom field needs assetTypeId, an existing field key and a value', { value: q.field ?? '' })]);
    const v = filterValue(field, q.value);
    if (v === undefined) throw invalidFields([fieldError('value', 'assets.filter_value_invalid', 'Not a valid value for this field', { value: q.value })]);
    custom = { [field.key]: v };
  }
  const pattern = foldText(q.q ?? '') || null;
  const serial = q.serial ? serialKey(q.serial) : null;
  return {
    pattern,
    serialPrefix: serial || null,
    customerId: q.customerId,
    assetTypeId: q.assetTypeId,
    productId: q.productId,
    siteId: q.siteId,
    custody: q.custody,
    custom,
    status: q.status,
    // Searching the whole base: newest first (matches of a word cluster in name order). Within one
    // customer, site or product the set is small and name order walks its own index.
    sort: q.sort ?? ((pattern || custom) && !q.customerId && !q.siteId && !q.productId ? '-created' : serial ? 'serial' : 'name'),
  };
}

export async function listAssets(deps: Deps, ctx: Ctx, q: AssetListQuery) {
  authorize(ctx.actor, 'assets:read');
  const f = await assetFilter(deps.database.db, q);
  const { rows, cursorOf } = await repo.list(deps.database.db, f, decodeCursor(q.cursor, 2), q.limit);
  return toPage(rows, q.limit, cursorOf, toAssetDto);
}

export async function getAsset(deps: Deps, ctx: Ctx, id: string) {
  authorize(ctx.actor, 'assets:read');
  const v = await repo.view(deps.database.db, id);
  if (!v) throw notFound('assets');
  return toAssetDto(v);
}

/** Checks the references an asset makes (site and contact belong to its customer, type is active). */
async function checkReferences(tx: Db, customerId: string, v: { siteId: string | null; contactId: string | null; productId: string | null }, type: AssetTypeDto | null, typeChanged: boolean): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  if (!type) errors.push(fieldError('assetTypeId', 'assets.type_unknown', 'No such asset type'));
  else if (type.archived && typeChanged) errors.push(fieldError('assetTypeId', 'assets.type_archived', 'This asset type is archived', { value: type.name }));
  if (v.siteId) {
    const site = await repo.siteOf(tx, v.siteId);
    if (!site || site.customerId !== customerId) errors.push(fieldError('siteId', 'assets.site_not_of_customer', "Not one of the customer's sites"));
  }
  if (v.contactId) {
    const c = await repo.contactOf(tx, v.contactId);
    if (!c || c.customerId !== customerId) errors.push(fieldError('contactId', 'assets.contact_not_of_customer', "Not one of the customer's contacts"));
  }
  if (v.productId && !(await repo.productExists(tx, v.productId))) errors.push(fieldError('productId', 'assets.product_unknown', 'No such product'));
  return errors;
}

export function derivedAssetColumns(a: { name: string; serialNumber: string; manufacturer: string; model: string; position: string; custom: Record<string, unknown> }, customerName: string) {
  return {
    serialKey: serialKey(a.serialNumber),
    searchText: assetSearchText({ ...a, customerName }),
    sortKey: assetSortKey(a.name),
  };
}

export async function createAsset(deps: Deps, ctx: Ctx, input: AssetInput) {
  authorize(ctx.actor, 'assets:write');
  return deps.database.db.transaction((tx) => createAssetIn(tx, deps, ctx, input));
}

/** Creates an asset inside the caller's transaction (a service order can add the asset on the fly). */
export async function createAssetIn(tx: Db, deps: Deps, ctx: Ctx, input: AssetInput, pathPrefix = '') {
  authorize(ctx.actor, 'assets:write');
  const customer = await repo.customer(tx, input.customerId);
  if (!customer) throw invalidFields([fieldError(pathPrefix + 'customerId', 'assets.customer_unknown', 'No such customer')]);
  const type = await loadAssetType(tx, input.assetTypeId);
  const errors = await checkReferences(tx, input.customerId, input, type, true);
  const custom = type ? normalizeCustomValues(type.fields, input.custom) : { values: {}, errors: [] };
  errors.push(...custom.errors);
  if (errors.length) throw invalidFields(errors.map((e) => ({ ...e, path: pathPrefix + e.path })));
  const now = deps.clock.now();
  const values = { ...input, custom: custom.values };
  const row = await repo.insert(tx, { ...values, ...derivedAssetColumns(values, customer.name), createdAt: now, updatedAt: now });
  await appendAssetEvent(tx, ctx, now, row.id, 'created', { custody: row.custody });
  await appendAudit(tx, ctx, { entity: 'assets', entityId: row.id, action: 'created', after: assetAuditView(row) });
  return toAssetDto((await repo.view(tx, row.id))!);
}

export async function updateAsset(deps: Deps, ctx: Ctx, id: string, patch: AssetPatch) {
  authorize(ctx.actor, 'assets:write');
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.findForUpdate(tx, id);
    if (!before) throw notFound('assets');
    const typeChanged = patch.assetTypeId !== undefined && patch.assetTypeId !== before.assetTypeId;
    const type = await loadAssetType(tx, patch.assetTypeId ?? before.assetTypeId);
    const next = {
      assetTypeId: patch.assetTypeId ?? before.assetTypeId,
      productId: patch.productId === undefined ? before.productId : patch.productId,
      name: patch.name ?? before.name,
      serialNumber: patch.serialNumber ?? before.serialNumber,
      manufacturer: patch.manufacturer ?? before.manufacturer,
      model: patch.model ?? before.model,
      purchaseDate: patch.purchaseDate === undefined ? before.purchaseDate : patch.purchaseDate,
      installationDate: patch.installationDate === undefined ? before.installationDate : patch.installationDate,
      specification: patch.specification ?? before.specification,
      siteId: patch.siteId === undefined ? before.siteId : patch.siteId,
      position: patch.position ?? before.position,
      contactId: patch.contactId === undefined ? before.contactId : patch.contactId,
    };
    const errors = await checkReferences(tx, before.customerId, next, type, typeChanged);
    // Custom values are checked against the (possibly new) type; values of fields the type retired
    // stay as they were, unless the type itself changed.
    const given = patch.custom ?? (before.custom as Record<string, CustomValue>);
    const custom = type ? normalizeCustomValues(type.fields, given, typeChanged ? {} : before.custom) : { values: {}, errors: [] };
    errors.push(...custom.errors);
    if (errors.length) throw invalidFields(errors);
    const values = { ...next, custom: custom.values };
    const unchanged = Object.entries(values).every(([k, v]) => JSON.stringify(before[k as keyof AssetRow]) === JSON.stringify(v));
    if (unchanged) return toAssetDto((await repo.view(tx, id))!);
    const customer = (await repo.customer(tx, before.customerId))!;
    const now = deps.clock.now();
    const after = await repo.update(tx, id, { ...values, ...derivedAssetColumns(values, customer.name), updatedAt: now });
    const moved = before.siteId !== after.siteId || before.position !== after.position;
    await appendAssetEvent(tx, ctx, now, id, 'updated', moved ? { siteId: after.siteId, siteName: after.siteId ? ((await repo.siteOf(tx, after.siteId))?.name ?? null) : null, position: after.position } : {});
    await appendAudit(tx, ctx, { entity: 'assets', entityId: id, action: 'updated', before: assetAuditView(before), after: assetAuditView(after) });
    return toAssetDto((await repo.view(tx, id))!);
  });
}

/**
 * Custody: where the thing physically is and who is responsible. Every change records who, when and
 * why; service orders will call this (through the transaction they run in) on intake, RMA and release.
 */
export async function changeCustodyIn(tx: Db, deps: Deps, ctx: Ctx, id: string, input: CustodyInput, source: Record<string, unknown> = {}) {
  const before = await repo.findForUpdate(tx, id);
  if (!before) throw notFound('assets');
  if (before.custody === input.custody) throw invalidFields([fieldError('custody', 'assets.custody_unchanged', 'The asset already has this status', { value: input.custody })]);
  const now = deps.clock.now();
  const after = await repo.update(tx, id, { custody: input.custody, updatedAt: now });
  await appendAssetEvent(tx, ctx, now, id, 'custody', { from: before.custody, to: input.custody, reason: input.reason, ...source });
  await appendAudit(tx, ctx, { entity: 'assets', entityId: id, action: 'custody_changed', before: { custody: before.custody }, after: { custody: after.custody, reason: input.reason } });
}

export async function changeCustody(deps: Deps, ctx: Ctx, id: string, input: CustodyInput) {
  authorize(ctx.actor, 'assets:write');
  return deps.database.db.transaction(async (tx) => {
    await changeCustodyIn(tx, deps, ctx, id, input);
    return toAssetDto((await repo.view(tx, id))!);
  });
}

export async function setAssetArchived(deps: Deps, ctx: Ctx, id: string, archived: boolean) {
  authorize(ctx.actor, 'assets:write');
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.findForUpdate(tx, id);
    if (!before) throw notFound('assets');
    if ((before.archivedAt !== null) !== archived) {
      const now = deps.clock.now();
      await repo.update(tx, id, { archivedAt: archived ? now : null, updatedAt: now });
      await appendAssetEvent(tx, ctx, now, id, archived ? 'archived' : 'restored');
      await appendAudit(tx, ctx, { entity: 'assets', entityId: id, action: archived ? 'archived' : 'restored', before: { archivedAt: before.archivedAt }, after: { archivedAt: archived ? now : null } });
    }
    return toAssetDto((await repo.view(tx, id))!);
  });
}

export async function listAssetEvents(deps: Deps, ctx: Ctx, id: string, q: { limit: number; cursor?: string | undefined }) {
  authorize(ctx.actor, 'assets:read');
  const db = deps.database.db;
  if (!(await repo.findById(db, id))) throw notFound('assets');
  const after = decodeCursor(q.cursor, 2);
  const rows = await db
    .select()
    .from(assetEvents)
    .where(and(eq(assetEvents.assetId, id), keysetAfter(assetEvents.at, assetEvents.seq, after ? [after[0], after[1]] : null, true)))
    .orderBy(desc(assetEvents.at), desc(assetEvents.seq))
    .limit(q.limit + 1);
  return toPage(
    rows,
    q.limit,
    (r) => [r.at.toISOString(), r.seq],
    (r) => ({ id: r.id, at: r.at.toISOString(), kind: r.kind, data: r.data, actorName: r.actorName }),
  );
}
