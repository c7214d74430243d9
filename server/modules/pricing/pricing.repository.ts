// All SQL of price lists. It reads the priced items (parts, services) and VAT rates directly: a
// price list is by nature a view across the catalogue.
import { and, asc, eq, gt, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { keysetAfter, keysetOrder } from '../../kernel/db/keyset.ts';
import { escapeLike } from '../../kernel/text/like.ts';
import { parts, services, vatRates } from '../catalog/catalog.table.ts';
import { priceListItems, priceLists } from './pricing.table.ts';

export type PriceListRow = typeof priceLists.$inferSelect;
export type PriceItemRow = typeof priceListItems.$inferSelect;

export type CatalogueItem = { type: 'part' | 'service'; id: string; code: string; name: string; defaultNetMinor: number; vatRateCode: string; vatRateBp: number | null };

export const pricingRepository = {
  async list(db: Db, f: { pattern: string | null; status: 'active' | 'archived' | 'all' }, after: unknown[] | null, limit: number) {
    const conds: (SQL | undefined)[] = [keysetAfter(priceLists.sortKey, priceLists.id, after)];
    if (f.pattern) conds.push(ilike(priceLists.name, `%${escapeLike(f.pattern)}%`)); // few lists: no search column needed
    if (f.status === 'active') conds.push(isNull(priceLists.archivedAt));
    if (f.status === 'archived') conds.push(isNotNull(priceLists.archivedAt));
    return db.select().from(priceLists).where(and(...conds)).orderBy(...keysetOrder(priceLists.sortKey, priceLists.id)).limit(limit + 1);
  },
  findById: async (db: Db, id: string) => (await db.select().from(priceLists).where(eq(priceLists.id, id)).limit(1))[0],
  findForUpdate: async (db: Db, id: string) => (await db.select().from(priceLists).where(eq(priceLists.id, id)).for('update').limit(1))[0],
  findDefault: async (db: Db) => (await db.select().from(priceLists).where(eq(priceLists.isDefault, true)).limit(1))[0],
  async insert(db: Db, values: typeof priceLists.$inferInsert) {
    const [row] = await db.insert(priceLists).values(values).returning();
    return row!;
  },
  async update(db: Db, id: string, values: Partial<typeof priceLists.$inferInsert>) {
    const [row] = await db.update(priceLists).set(values).where(eq(priceLists.id, id)).returning();
    return row!;
  },
  clearDefault: (db: Db) => db.update(priceLists).set({ isDefault: false }).where(eq(priceLists.isDefault, true)),

  async items(db: Db, listId: string, after: unknown[] | null, limit: number) {
    return db
      .select({
        item: priceListItems,
        code: sql<string>`coalesce(${parts.code}, ${services.code})`,
        name: sql<string>`coalesce(${parts.name}, ${services.name})`,
        defaultNetMinor: sql<number>`coalesce(${parts.salePriceMinor}, ${services.defaultPriceMinor})::int8`.mapWith(Number),
      })
      .from(priceListItems)
      .leftJoin(parts, and(eq(priceListItems.itemType, 'part'), eq(parts.id, priceListItems.itemId)))
      .leftJoin(services, and(eq(priceListItems.itemType, 'service'), eq(services.id, priceListItems.itemId)))
      .where(and(eq(priceListItems.priceListId, listId), keysetAfter(priceListItems.itemType, priceListItems.itemId, after)))
      .orderBy(asc(priceListItems.itemType), asc(priceListItems.itemId))
      .limit(limit + 1);
  },
  async entriesFor(db: Db, listIds: string[], type: 'part' | 'service', itemId: string) {
    if (!listIds.length) return [];
    return db
      .select()
      .from(priceListItems)
      .where(and(inArray(priceListItems.priceListId, listIds), eq(priceListItems.itemType, type), eq(priceListItems.itemId, itemId)));
  },
  findItem: async (db: Db, listId: string, type: string, itemId: string) =>
    (await db.select().from(priceListItems).where(and(eq(priceListItems.priceListId, listId), eq(priceListItems.itemType, type), eq(priceListItems.itemId, itemId))).limit(1))[0],
  async upsertItem(db: Db, values: typeof priceListItems.$inferInsert) {
    const [row] = await db
      .insert(priceListItems)
      .values(values)
      .onConflictDoUpdate({
        target: [priceListItems.priceListId, priceListItems.itemType, priceListItems.itemId],
        set: { priceMinor: values.priceMinor ?? null, percentBp: values.percentBp ?? null, updatedAt: values.updatedAt },
      })
      .returning();
    return row!;
  },
  async upsertItems(db: Db, values: (typeof priceListItems.$inferInsert)[]) {
    for (let i = 0; i < values.length; i += 1000)
      await db
        .insert(priceListItems)
        .values(values.slice(i, i + 1000))
        .onConflictDoUpdate({
          target: [priceListItems.priceListId, priceListItems.itemType, priceListItems.itemId],
          set: { priceMinor: sql`excluded.price_minor`, percentBp: sql`excluded.percent_bp`, updatedAt: sql`excluded.updated_at` },
        });
  },
  deleteItem: (db: Db, id: string) => db.delete(priceListItems).where(eq(priceListItems.id, id)),

  async catalogueItem(db: Db, type: 'part' | 'service', id: string): Promise<CatalogueItem | undefined> {
    const t = type === 'part' ? parts : services;
    const price = type === 'part' ? parts.salePriceMinor : services.defaultPriceMinor;
    const rows = await db
      .select({ id: t.id, code: t.code, name: t.name, defaultNetMinor: price, vatRateCode: t.vatRateCode, vatRateBp: vatRates.rateBp })
      .from(t)
      .innerJoin(vatRates, eq(vatRates.code, t.vatRateCode))
      .where(eq(t.id, id))
      .limit(1);
    return rows[0] ? { type, ...rows[0] } : undefined;
  },
  /** code_key → id of every part or service, for imports that name items by code. */
  async idsByCode(db: Db, type: 'part' | 'service', keys: string[]): Promise<Map<string, string>> {
    const t = type === 'part' ? parts : services;
    const out = new Map<string, string>();
    for (let i = 0; i < keys.length; i += 5000) {
      const rows = await db.select({ key: t.codeKey, id: t.id }).from(t).where(inArray(t.codeKey, keys.slice(i, i + 5000)));
      for (const r of rows) out.set(r.key, r.id);
    }
    return out;
  },
  async any(db: Db): Promise<boolean> {
    return (await db.select({ id: priceLists.id }).from(priceLists).limit(1)).length > 0;
  },
};
