// File imports for the catalogue and customer assets: upload (read once) → preview with per-row errors
// (writes nothing) → commit, all rows or none, in one transaction with bulk inserts and one audit
// record per row.
// Permissions are per target (catalog:import, assets:import) and checked here: the routes are shared,
// their config names catalog:import, which today every role with assets:import also has.
import { and, eq, lt } from 'drizzle-orm';
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit, appendAuditMany } from '../../kernel/audit/audit.ts';
import { actorId, authorize } from '../../kernel/auth/actor.ts';
import type { Permission } from '../../kernel/auth/permissions.ts';
import { AppError, fieldError, invalidFields, notFound } from '../../kernel/errors/app-error.ts';
import { priceLists } from '../pricing/pricing.table.ts';
import { readTable } from './imports.read.ts';
import { importMappings, importUploads } from './imports.table.ts';
import { activeAssetType } from './imports.assets-target.ts';
import { importFields, importTargets, suggestMapping, type FieldDef, type ImportOpts, type ImportTargetKey, type RowIn } from './imports.targets.ts';

const UPLOAD_TTL_MS = 24 * 3600_000;
const ENTITY: Record<ImportTargetKey, string> = { parts: 'parts', products: 'products', services: 'services', price_list_items: 'price_lists', assets: 'assets' };
const PERMISSION: Record<ImportTargetKey, Permission> = {
  parts: 'catalog:import',
  products: 'catalog:import',
  services: 'catalog:import',
  price_list_items: 'catalog:import',
  assets: 'assets:import',
};

/** Where the last mapping is remembered: per asset type for assets (each type has its own columns). */
const mappingKey = (target: ImportTargetKey, opts: ImportOpts) => (target === 'assets' ? `assets:${opts.assetTypeId}` : target);

export async function uploadImport(
  deps: Deps,
  ctx: Ctx,
  target: ImportTargetKey,
  body: { fileName: string; contentBase64: string; priceListId?: string | undefined; assetTypeId?: string | undefined },
) {
  authorize(ctx.actor, PERMISSION[target]);
  const { db } = deps.database;
  if (target === 'price_list_items') {
    if (!body.priceListId) throw invalidFields([fieldError('priceListId', 'import.price_list_required', 'Choose the price list to import into')]);
    const list = (await db.select({ id: priceLists.id }).from(priceLists).where(eq(priceLists.id, body.priceListId)).limit(1))[0];
    if (!list) throw invalidFields([fieldError('priceListId', 'price_lists.not_found', 'No such price list')]);
  }
  if (target === 'assets') await activeAssetType(db, body.assetTypeId);
  const opts: ImportOpts = { priceListId: target === 'price_list_items' ? (body.priceListId ?? null) : null, assetTypeId: target === 'assets' ? (body.assetTypeId ?? null) : null };
  const { headers, rows } = await readTable(body.fileName, Buffer.from(body.contentBase64, 'base64'));
  const fields = await importFields(db, target, opts);
  const saved = (await db.select().from(importMappings).where(eq(importMappings.target, mappingKey(target, opts))).limit(1))[0];
  const suggestion = suggestMapping(fields, headers, saved?.mapping);
  const now = deps.clock.now();
  const [upload] = await db.transaction(async (tx) => {
    await tx.delete(importUploads).where(lt(importUploads.createdAt, new Date(now.getTime() - UPLOAD_TTL_MS)));
    return tx
      .insert(importUploads)
      .values({ target, ...opts, fileName: body.fileName, headers, rows, createdAt: now, createdBy: actorId(ctx.actor) })
      .returning({ id: importUploads.id });
  });
  return {
    uploadId: upload!.id,
    fileName: body.fileName,
    headers,
    sampleRows: rows.slice(0, 5),
    totalRows: rows.length,
    fields: fields.map((f) => ({ key: f.key, required: f.required, ...(f.label !== undefined ? { label: f.label } : {}) })),
    suggestedMapping: suggestion.mapping,
    mappingSource: suggestion.source,
  };
}

/** The caller's own upload, and the permission its target needs. */
async function loadUpload(db: Db, ctx: Ctx, id: string) {
  const upload = (await db.select().from(importUploads).where(and(eq(importUploads.id, id))).limit(1))[0];
  // Uploads are private to whoever made them.
  if (!upload || upload.createdBy !== actorId(ctx.actor)) throw new AppError('import.upload_expired', 404, 'The uploaded file is gone (older than a day, or not yours); upload it again');
  const target = upload.target as ImportTargetKey;
  authorize(ctx.actor, PERMISSION[target] ?? 'catalog:import');
  return { ...upload, target, opts: { priceListId: upload.priceListId, assetTypeId: upload.assetTypeId } satisfies ImportOpts };
}

function mappedRows(fields: FieldDef[], headers: string[], rows: string[][], mapping: Record<string, string | null>): RowIn[] {
  const known = new Set(fields.map((f) => f.key));
  const errors = [];
  const seen = new Set<string>();
  for (const [header, field] of Object.entries(mapping)) {
    if (!headers.includes(header)) errors.push(fieldError(`mapping.${header}`, 'import.unknown_column', `The file has no column "${header}"`));
    if (field && !known.has(field)) errors.push(fieldError(`mapping.${header}`, 'import.unknown_field', `Unknown field "${field}"`));
    if (field && seen.has(field)) errors.push(fieldError(`mapping.${header}`, 'import.field_mapped_twice', `"${field}" is mapped from two columns`));
    if (field) seen.add(field);
  }
  for (const f of fields) if (f.required && !seen.has(f.key)) errors.push(fieldError(`mapping`, 'import.missing_required_column', `Map a column to "${f.key}"`));
  if (errors.length) throw invalidFields(errors, 'The column mapping is not usable');
  const index = headers.map((h) => mapping[h] ?? null);
  return rows.map((cells, i) => {
    const values: Record<string, string> = {};
    index.forEach((field, j) => {
      if (field) values[field] = cells[j] ?? '';
    });
    return { row: i + 2, values };
  });
}

export async function previewImport(deps: Deps, ctx: Ctx, uploadId: string, mapping: Record<string, string | null>) {
  const { db } = deps.database;
  const upload = await loadUpload(db, ctx, uploadId);
  const { target, opts } = upload;
  const fields = await importFields(db, target, opts);
  const results = await importTargets[target].validate(db, mappedRows(fields, upload.headers, upload.rows, mapping), opts);
  const invalid = results.filter((r) => r.errors.length);
  const shown = [...invalid, ...results.filter((r) => !r.errors.length)].slice(0, 200);
  return {
    totalRows: results.length,
    validRows: results.length - invalid.length,
    invalidRows: invalid.length,
    rows: shown.map(({ row, values, errors }) => ({ row, values, errors })),
  };
}

export async function commitImport(deps: Deps, ctx: Ctx, uploadId: string, mapping: Record<string, string | null>) {
  const { db } = deps.database;
  const upload = await loadUpload(db, ctx, uploadId);
  const { target, opts } = upload;
  const def = importTargets[target];
  const rows = mappedRows(await importFields(db, target, opts), upload.headers, upload.rows, mapping);
  return db.transaction(async (tx) => {
    // Validated again inside the transaction: the catalogue (or the customers) may have changed since the preview.
    const results = await def.validate(tx, rows, opts);
    const invalid = results.filter((r) => r.errors.length);
    if (invalid.length)
      throw new AppError('import.has_errors', 422, `${invalid.length} row(s) have errors; nothing was imported`, {
        fields: invalid.slice(0, 100).flatMap((r) => r.errors.map((e) => ({ ...e, path: `rows.${r.row}.${e.path}` }))),
        extra: { invalidRows: invalid.length },
      });
    const now = deps.clock.now();
    const inserted = await def.insert(tx, results.map((r) => r.record), now, { ...opts, ctx, fileName: upload.fileName });
    if (target === 'price_list_items')
      await appendAudit(tx, ctx, { entity: 'price_lists', entityId: upload.priceListId!, action: 'items_imported', changes: { items: { before: null, after: inserted.length }, file: { before: null, after: upload.fileName } } });
    else if (!def.auditsItself)
      await appendAuditMany(
        tx,
        ctx,
        inserted.map((r, i) => ({ entity: ENTITY[target], entityId: r.id, action: 'imported', after: results[i]!.record as Record<string, unknown> })),
      );
    await tx
      .insert(importMappings)
      .values({ target: mappingKey(target, opts), mapping, updatedAt: now, updatedBy: actorId(ctx.actor) })
      .onConflictDoUpdate({ target: importMappings.target, set: { mapping, updatedAt: now, updatedBy: actorId(ctx.actor) } });
    await tx.delete(importUploads).where(eq(importUploads.id, upload.id));
    return { created: inserted.length };
  });
}

export async function forgetUpload(deps: Deps, ctx: Ctx, uploadId: string) {
  const upload = await loadUpload(deps.database.db, ctx, uploadId).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'import.upload_expired') return null;
    throw e;
  });
  if (!upload) throw notFound('imports');
  await deps.database.db.delete(importUploads).where(eq(importUploads.id, uploadId));
}
