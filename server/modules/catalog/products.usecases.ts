// Product use cases: authorize → load → rules → write + audit, one transaction each.
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { notFound } from '../../kernel/errors/app-error.ts';
import { decodeCursor, toPage } from '../../kernel/http/pagination.ts';
import { polishSortKey } from '../../kernel/text/normalize.ts';
import { codeTaken, isUniqueViolation } from './catalog.errors.ts';
import { cleanCode, codeKey, searchPattern } from './catalog.rules.ts';
import { productsRepository as repo, type ProductListFilter, type ProductRow } from './products.repository.ts';
import { productDerived } from './products.rules.ts';
import type { ProductDto, ProductInput, ProductListFilters, ProductListQuery, ProductPatch } from './products.schemas.ts';

const CATEGORY_LIMIT = 500;

export function toProductDto(r: ProductRow): ProductDto {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    manufacturer: r.manufacturer,
    model: r.model,
    category: r.category,
    warrantyMonths: r.warrantyMonths,
    description: r.description,
    archived: r.archivedAt !== null,
    archivedAt: r.archivedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Business fields only: what the audit compares. */
function auditView(r: ProductRow) {
  const { searchText: _s, sortKey: _k, codeKey: _c, createdAt: _ca, updatedAt: _u, ...rest } = r;
  return rest;
}

export const productFilter = (q: ProductListFilters): ProductListFilter => ({
  pattern: searchPattern(q.q),
  category: q.category,
  status: q.status,
  sort: q.sort,
});

export async function listProducts(deps: Deps, ctx: Ctx, q: ProductListQuery) {
  authorize(ctx.actor, 'catalog:read');
  const after = decodeCursor(q.cursor, 2);
  const { rows, cursorOf } = await repo.list(deps.database.db, productFilter(q), after, q.limit);
  return toPage(rows, q.limit, cursorOf, toProductDto);
}

export async function listProductCategories(deps: Deps, ctx: Ctx) {
  authorize(ctx.actor, 'catalog:read');
  const items = await repo.categories(deps.database.db, CATEGORY_LIMIT);
  const key = new Map(items.map((c) => [c, polishSortKey(c)]));
  return { items: items.sort((a, b) => (key.get(a)! < key.get(b)! ? -1 : key.get(a)! > key.get(b)! ? 1 : 0)) };
}

export async function getProduct(deps: Deps, ctx: Ctx, id: string) {
  authorize(ctx.actor, 'catalog:read');
  const row = await repo.findById(deps.database.db, id);
  if (!row) throw notFound('products');
  return toProductDto(row);
}

/** A duplicate code is a field error; the unique index turns a race between two requests into the same error. */
async function guardCode<T>(code: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isUniqueViolation(e, 'products_code_uq')) throw codeTaken(code);
    throw e;
  }
}

async function ensureCodeFree(tx: Db, code: string, excludeId?: string) {
  if (await repo.codeTaken(tx, codeKey(code), excludeId)) throw codeTaken(code);
}

export async function createProduct(deps: Deps, ctx: Ctx, given: ProductInput) {
  authorize(ctx.actor, 'catalog:write');
  const input = { ...given, code: cleanCode(given.code) };
  return guardCode(input.code, () =>
    deps.database.db.transaction(async (tx) => {
      await ensureCodeFree(tx, input.code);
      const now = deps.clock.now();
      const row = await repo.insert(tx, { ...input, ...productDerived(input), createdAt: now, updatedAt: now });
      await appendAudit(tx, ctx, { entity: 'products', entityId: row.id, action: 'created', after: auditView(row) });
      return toProductDto(row);
    }),
  );
}

export async function updateProduct(deps: Deps, ctx: Ctx, id: string, patch: ProductPatch) {
  authorize(ctx.actor, 'catalog:write');
  return guardCode(patch.code ?? '', () =>
    deps.database.db.transaction(async (tx) => {
      const before = await repo.findForUpdate(tx, id);
      if (!before) throw notFound('products');
      const values = {
        code: patch.code === undefined ? before.code : cleanCode(patch.code),
        name: patch.name ?? before.name,
        manufacturer: patch.manufacturer ?? before.manufacturer,
        model: patch.model ?? before.model,
        category: patch.category ?? before.category,
        warrantyMonths: patch.warrantyMonths ?? before.warrantyMonths,
        description: patch.description ?? before.description,
      };
      if (Object.entries(values).every(([k, v]) => before[k as keyof ProductRow] === v)) return toProductDto(before);
      if (codeKey(values.code) !== before.codeKey) await ensureCodeFree(tx, values.code, id);
      const after = await repo.update(tx, id, { ...values, ...productDerived(values), updatedAt: deps.clock.now() });
      await appendAudit(tx, ctx, { entity: 'products', entityId: id, action: 'updated', before: auditView(before), after: auditView(after) });
      return toProductDto(after);
    }),
  );
}

/** Products are archived, never deleted: assets and orders will refer to them. */
export async function setProductArchived(deps: Deps, ctx: Ctx, id: string, archived: boolean) {
  authorize(ctx.actor, 'catalog:write');
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.findForUpdate(tx, id);
    if (!before) throw notFound('products');
    if ((before.archivedAt !== null) === archived) return toProductDto(before);
    const now = deps.clock.now();
    const after = await repo.update(tx, id, { archivedAt: archived ? now : null, updatedAt: now });
    await appendAudit(tx, ctx, {
      entity: 'products',
      entityId: id,
      action: archived ? 'archived' : 'restored',
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return toProductDto(after);
  });
}
