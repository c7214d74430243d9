// Asset types with their custom fields: the company decides what it records about each kind of thing.
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { fieldError, invalidFields, notFound } from '../../kernel/errors/app-error.ts';
import { decodeCursor, toPage } from '../../kernel/http/pagination.ts';
import { foldText } from '../../kernel/text/normalize.ts';
import { assetTypesRepository as repo, type AssetTypeRow, type FieldRow } from './assets.repository.ts';
import { fieldKeyFromLabel, validateFieldDefinitions } from './assets.rules.ts';
import type { AssetTypeDto, AssetTypeInput, AssetTypeListQuery, AssetTypePatch, FieldDto, FieldInput } from './assets.schemas.ts';

export const toFieldDto = (f: FieldRow): FieldDto => ({
  key: f.key,
  label: f.label,
  kind: f.kind as FieldDto['kind'],
  unit: f.unit,
  required: f.required,
  options: f.options,
  position: f.position,
});

export const toAssetTypeDto = (t: AssetTypeRow, fields: FieldRow[]): AssetTypeDto => ({
  id: t.id,
  name: t.name,
  meterUnit: t.meterUnit,
  fields: fields.filter((f) => f.assetTypeId === t.id && !f.archivedAt).map(toFieldDto),
  archived: t.archivedAt !== null,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

/** The type with its active fields, for use cases that validate custom values. */
export async function loadAssetType(db: Db, id: string): Promise<AssetTypeDto | null> {
  const t = await repo.findById(db, id);
  if (!t) return null;
  return toAssetTypeDto(t, await repo.fieldsOf(db, [id]));
}

export async function listAssetTypes(deps: Deps, ctx: Ctx, q: AssetTypeListQuery) {
  authorize(ctx.actor, 'assets:read');
  const { rows, cursorOf } = await repo.list(deps.database.db, { pattern: foldText(q.q ?? '') || null, status: q.status }, decodeCursor(q.cursor, 2), q.limit);
  const fields = await repo.fieldsOf(deps.database.db, rows.map((r) => r.id));
  return toPage(rows, q.limit, cursorOf, (r) => toAssetTypeDto(r, fields));
}

export async function getAssetType(deps: Deps, ctx: Ctx, id: string) {
  authorize(ctx.actor, 'assets:read');
  const t = await loadAssetType(deps.database.db, id);
  if (!t) throw notFound('asset_types');
  return t;
}

const nameTaken = (name: string) => invalidFields([fieldError('name', 'assets.type_name_taken', 'An asset type with this name exists', { value: name })]);

/** Writes the field list: kept keys updated, new fields keyed from their labels, missing ones retired. */
async function writeFields(tx: Db, typeId: string, fields: FieldInput[], existing: FieldRow[], now: Date) {
  const taken = new Set(existing.map((f) => f.key));
  const keys: string[] = [];
  for (const [position, f] of fields.entries()) {
    const key = f.key ?? fieldKeyFromLabel(f.label, taken);
    taken.add(key);
    keys.push(key);
    await repo.upsertField(tx, { assetTypeId: typeId, key, label: f.label, kind: f.kind, unit: f.kind === 'number' ? f.unit : '', required: f.required, options: f.kind === 'choice' ? f.options : [], position, createdAt: now });
  }
  await repo.retireFields(tx, typeId, keys, now);
}

function checkFields(fields: FieldInput[], existing: FieldRow[]) {
  const errors = validateFieldDefinitions(fields, new Map(existing.map((f) => [f.key, toFieldDto(f)])));
  if (errors.length) throw invalidFields(errors);
}

export async function createAssetType(deps: Deps, ctx: Ctx, input: AssetTypeInput) {
  authorize(ctx.actor, 'assets:configure');
  checkFields(input.fields.map(({ key: _k, ...f }) => f), []);
  return deps.database.db.transaction(async (tx) => {
    const nameKey = foldText(input.name);
    if (await repo.nameTaken(tx, nameKey)) throw nameTaken(input.name);
    const now = deps.clock.now();
    const t = await repo.insert(tx, { name: input.name, nameKey, meterUnit: input.meterUnit || null, createdAt: now, updatedAt: now });
    await writeFields(tx, t.id, input.fields.map(({ key: _k, ...f }) => f), [], now);
    const dto = toAssetTypeDto(t, await repo.fieldsOf(tx, [t.id]));
    await appendAudit(tx, ctx, { entity: 'asset_types', entityId: t.id, action: 'created', after: { ...dto } });
    return dto;
  });
}

export async function updateAssetType(deps: Deps, ctx: Ctx, id: string, patch: AssetTypePatch) {
  authorize(ctx.actor, 'assets:configure');
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.findForUpdate(tx, id);
    if (!before) throw notFound('asset_types');
    const allFields = await repo.allFieldsOf(tx, id);
    const beforeDto = toAssetTypeDto(before, allFields);
    if (patch.fields) checkFields(patch.fields, allFields);
    const name = patch.name ?? before.name;
    const nameKey = foldText(name);
    if (nameKey !== before.nameKey && (await repo.nameTaken(tx, nameKey, id))) throw nameTaken(name);
    const now = deps.clock.now();
    const t = await repo.update(tx, id, { name, nameKey, meterUnit: patch.meterUnit === undefined ? before.meterUnit : patch.meterUnit || null, updatedAt: now });
    if (patch.fields) await writeFields(tx, id, patch.fields, allFields, now);
    const after = toAssetTypeDto(t, await repo.fieldsOf(tx, [id]));
    await appendAudit(tx, ctx, { entity: 'asset_types', entityId: id, action: 'updated', before: { ...beforeDto, updatedAt: null }, after: { ...after, updatedAt: null } });
    return after;
  });
}

export async function setAssetTypeArchived(deps: Deps, ctx: Ctx, id: string, archived: boolean) {
  authorize(ctx.actor, 'assets:configure');
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.findForUpdate(tx, id);
    if (!before) throw notFound('asset_types');
    const fields = await repo.fieldsOf(tx, [id]);
    if ((before.archivedAt !== null) === archived) return toAssetTypeDto(before, fields);
    const t = await repo.update(tx, id, { archivedAt: archived ? deps.clock.now() : null, updatedAt: deps.clock.now() });
    await appendAudit(tx, ctx, { entity: 'asset_types', entityId: id, action: archived ? 'archived' : 'restored', before: { archivedAt: before.archivedAt }, after: { archivedAt: t.archivedAt } });
    return toAssetTypeDto(t, fields);
  });
}
