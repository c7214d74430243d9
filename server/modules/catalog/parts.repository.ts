// All SQL of spare parts (the catalogue side; stock movements live in modules/stock).
import { and, eq, inArray, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { containsFolded, keysetAfter, keysetOrder, keysetBatches } from '../../kernel/db/keyset.ts';
import { stockLevels } from '../stock/stock.table.ts';
import { parts, vatRates } from './catalog.table.ts';

export type PartRow = typeof parts.$inferSelect;
export type PartInsert = typeof parts.$inferInsert;
export type PartWithStock = PartRow & { onHand: string };

export type PartFilter = {
  pattern: string | null;
  status: 'active' | 'archived' | 'all';
  lowStock?: boolean | undefined;
  sort: 'name' | '-name' | 'code' | '-code';
};

const onHandSql = sql<string>`coalesce((select sum(${stockLevels.onHand}) from ${stockLevels} where ${stockLevels.partId} = ${parts.id}), 0)::text`;

export const partsRepository = {
  async activeVatCodes(db: Db): Promise<Set<string>> {
    const rows = await db.select({ code: vatRates.code }).from(vatRates).where(eq(vatRates.active, true));
    return new Set(rows.map((r) => r.code));
  },
  async list(db: Db, f: PartFilter, after: unknown[] | null, limit: number) {
    const byCode = f.sort === 'code' || f.sort === '-code';
    const descending = f.sort.startsWith('-');
    const col = byCode ? parts.codeKey : parts.sortKey;
    const conds: (SQL | undefined)[] = [keysetAfter(col, parts.id, after, descending)];
    if (f.pattern) conds.push(containsFolded(parts.searchText, f.pattern));
    if (f.status === 'active') conds.push(isNull(parts.archivedAt));
    if (f.status === 'archived') conds.push(isNotNull(parts.archivedAt));
    if (f.lowStock) conds.push(sql`${parts.minStock} > 0 and ${onHandSql}::numeric <= ${parts.minStock}`);
    const rows = await db
      .select({ part: parts, onHand: onHandSql })
      .from(parts)
      .where(and(...conds))
      .orderBy(...keysetOrder(col, parts.id, descending))
      .limit(limit + 1);
    return {
      rows: rows.map((r) => ({ ...r.part, onHand: r.onHand })),
      cursorOf: (r: PartRow) => [byCode ? r.codeKey : r.sortKey, r.id],
    };
  },
  stream(db: Db, f: PartFilter, batch = 1000) {
    return keysetBatches((after, limit) => this.list(db, f, after, limit), batch);
  },
  async findById(db: Db, id: string): Promise<PartWithStock | undefined> {
    const rows = await db.select({ part: parts, onHand: onHandSql }).from(parts).where(eq(parts.id, id)).limit(1);
    return rows[0] ? { ...rows[0].part, onHand: rows[0].onHand } : undefined;
  },
  findForUpdate: async (db: Db, id: string) => (await db.select().from(parts).where(eq(parts.id, id)).for('update').limit(1))[0],
  async codeTaken(db: Db, key: string, exceptId?: string): Promise<boolean> {
    const conds = [eq(parts.codeKey, key)];
    if (exceptId) conds.push(ne(parts.id, exceptId));
    return (await db.select({ id: parts.id }).from(parts).where(and(...conds)).limit(1)).length > 0;
  },
  async existingCodes(db: Db, keys: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < keys.length; i += 5000) {
      const rows = await db.select({ key: parts.codeKey }).from(parts).where(inArray(parts.codeKey, keys.slice(i, i + 5000)));
      for (const r of rows) out.add(r.key);
    }
    return out;
  },
  async insert(db: Db, values: PartInsert) {
    const [row] = await db.insert(parts).values(values).returning();
    return row!;
  },
  async insertMany(db: Db, values: PartInsert[]): Promise<{ id: string; code: string; name: string }[]> {
    const out: { id: string; code: string; name: string }[] = [];
    for (let i = 0; i < values.length; i += 1000)
      out.push(...(await db.insert(parts).values(values.slice(i, i + 1000)).returning({ id: parts.id, code: parts.code, name: parts.name })));
    return out;
  },
  async update(db: Db, id: string, values: Partial<PartInsert>) {
    const [row] = await db.update(parts).set(values).where(eq(parts.id, id)).returning();
    return row!;
  },
  async any(db: Db): Promise<boolean> {
    return (await db.select({ id: parts.id }).from(parts).limit(1)).length > 0;
  },
};
