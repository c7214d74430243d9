// All SQL of services. No business decisions here.
import { and, eq, isNotNull, isNull, ne, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { containsFolded, keysetAfter, keysetOrder, keysetBatches } from '../../kernel/db/keyset.ts';
import { services } from './catalog.table.ts';

export type ServiceRow = typeof services.$inferSelect;
export type ServiceInsert = typeof services.$inferInsert;

export type ServiceListFilter = {
  pattern: string | null;
  status: 'active' | 'archived' | 'all';
  sort: 'name' | '-name' | 'code' | '-code';
};

function conditions(f: ServiceListFilter): SQL[] {
  const conds: SQL[] = [];
  if (f.pattern) conds.push(containsFolded(services.searchText, f.pattern));
  if (f.status === 'active') conds.push(isNull(services.archivedAt));
  if (f.status === 'archived') conds.push(isNotNull(services.archivedAt));
  return conds;
}

export const servicesRepository = {
  /** A page in the chosen order; the cursor holds [sortKey or codeKey, id]. */
  async list(db: Db, f: ServiceListFilter, after: unknown[] | null, limit: number) {
    const byCode = f.sort === 'code' || f.sort === '-code';
    const descending = f.sort.startsWith('-');
    const col = byCode ? services.codeKey : services.sortKey;
    const conds = conditions(f);
    const ks = keysetAfter(col, services.id, after, descending);
    if (ks) conds.push(ks);
    const rows = await db
      .select()
      .from(services)
      .where(conds.length ? and(...conds) : undefined)
      .orderBy(...keysetOrder(col, services.id, descending))
      .limit(limit + 1);
    return { rows, cursorOf: (r: ServiceRow) => [byCode ? r.codeKey : r.sortKey, r.id] };
  },
  stream(db: Db, f: ServiceListFilter, batch = 1000) {
    return keysetBatches((after, limit) => this.list(db, f, after, limit), batch);
  },
  findById: async (db: Db, id: string) => (await db.select().from(services).where(eq(services.id, id)).limit(1))[0],
  findForUpdate: async (db: Db, id: string) => (await db.select().from(services).where(eq(services.id, id)).for('update').limit(1))[0],
  async codeTaken(db: Db, key: string, excludeId?: string): Promise<boolean> {
    const conds = [eq(services.codeKey, key)];
    if (excludeId) conds.push(ne(services.id, excludeId));
    return (await db.select({ id: services.id }).from(services).where(and(...conds)).limit(1)).length > 0;
  },
  async insert(db: Db, values: ServiceInsert) {
    const [row] = await db.insert(services).values(values).returning();
    return row!;
  },
  async update(db: Db, id: string, values: Partial<ServiceInsert>) {
    const [row] = await db.update(services).set(values).where(eq(services.id, id)).returning();
    return row!;
  },
};
