// All SQL of products. No business decisions here.
import { and, asc, eq, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { containsFolded, keysetAfter, keysetOrder, keysetBatches } from '../../kernel/db/keyset.ts';
import { products } from './catalog.table.ts';

export type ProductRow = typeof products.$inferSelect;
export type ProductInsert = typeof products.$inferInsert;

export type ProductListFilter = {
  pattern: string | null;
  category?: string | undefined;
  status: 'active' | 'archived' | 'all';
  sort: 'name' | '-name' | 'code' | '-code';
};

function conditions(f: ProductListFilter): SQL[] {
  const conds: SQL[] = [];
  if (f.pattern) conds.push(containsFolded(products.searchText, f.pattern));
  if (f.category !== undefined && f.category !== '') conds.push(eq(products.category, f.category));
  if (f.status === 'active') conds.push(isNull(products.archivedAt));
  if (f.status === 'archived') conds.push(isNotNull(products.archivedAt));
  return conds;
}

export const productsRepository = {
  /** A page in the chosen order; the cursor holds [sortKey or codeKey, id]. */
  async list(db: Db, f: ProductListFilter, after: unknown[] | null, limit: number) {
    const byCode = f.sort === 'code' || f.sort === '-code';
    const descending = f.sort.startsWith('-');
    const col = byCode ? products.codeKey : products.sortKey;
    const conds = conditions(f);
    const ks = keysetAfter(col, products.id, after, descending);
    if (ks) conds.push(ks);
    const rows = await db
      .select()
      .from(products)
      .where(conds.length ? and(...conds) : undefined)
      .orderBy(...keysetOrder(col, products.id, descending))
      .limit(limit + 1);
    return { rows, cursorOf: (r: ProductRow) => [byCode ? r.codeKey : r.sortKey, r.id] };
  },
  stream(db: Db, f: ProductListFilter, batch = 1000) {
    return keysetBatches((after, limit) => this.list(db, f, after, limit), batch);
  },
  /** Distinct non-empty categories (bounded; served by products_category_idx). */
  async categories(db: Db, limit: number): Promise<string[]> {
    const rows = await db
      .selectDistinct({ category: products.category })
      .from(products)
      .where(sql`${products.category} <> ''`)
      .orderBy(asc(products.category))
      .limit(limit);
    return rows.map((r) => r.category);
  },
  findById: async (db: Db, id: string) => (await db.select().from(products).where(eq(products.id, id)).limit(1))[0],
  findForUpdate: async (db: Db, id: string) => (await db.select().from(products).where(eq(products.id, id)).for('update').limit(1))[0],
  async codeTaken(db: Db, key: string, excludeId?: string): Promise<boolean> {
    const conds = [eq(products.codeKey, key)];
    if (excludeId) conds.push(ne(products.id, excludeId));
    return (await db.select({ id: products.id }).from(products).where(and(...conds)).limit(1)).length > 0;
  },
  async insert(db: Db, values: ProductInsert) {
    const [row] = await db.insert(products).values(values).returning();
    return row!;
  },
  async update(db: Db, id: string, values: Partial<ProductInsert>) {
    const [row] = await db.update(products).set(values).where(eq(products.id, id)).returning();
    return row!;
  },
};
