// All SQL of resources. No business decisions here.
import { and, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { containsFolded, keysetAfter, keysetOrder, keysetBatches } from '../../kernel/db/keyset.ts';
import { resources } from './resources.table.ts';

export type ResourceRow = typeof resources.$inferSelect;
export type ResourceInsert = typeof resources.$inferInsert;

export type ResourceListFilter = {
  pattern: string | null;
  kind?: string | undefined;
  status: 'active' | 'inactive' | 'all';
  sort: 'name' | '-name';
};

function conditions(f: ResourceListFilter): SQL[] {
  const conds: SQL[] = [];
  if (f.pattern) conds.push(containsFolded(resources.searchText, f.pattern));
  if (f.kind) conds.push(eq(resources.kind, f.kind));
  if (f.status !== 'all') conds.push(eq(resources.active, f.status === 'active'));
  return conds;
}

export const resourcesRepository = {
  /** A page by name; the cursor holds [sortKey, id]. */
  async list(db: Db, f: ResourceListFilter, after: unknown[] | null, limit: number) {
    const descending = f.sort === '-name';
    const conds = conditions(f);
    const ks = keysetAfter(resources.sortKey, resources.id, after, descending);
    if (ks) conds.push(ks);
    const rows = await db
      .select()
      .from(resources)
      .where(conds.length ? and(...conds) : undefined)
      .orderBy(...keysetOrder(resources.sortKey, resources.id, descending))
      .limit(limit + 1);
    return { rows, cursorOf: (r: ResourceRow) => [r.sortKey, r.id] };
  },
  stream(db: Db, f: ResourceListFilter, batch = 1000) {
    return keysetBatches((after, limit) => this.list(db, f, after, limit), batch);
  },
  findById: async (db: Db, id: string) => (await db.select().from(resources).where(eq(resources.id, id)).limit(1))[0],
  findForUpdate: async (db: Db, id: string) => (await db.select().from(resources).where(eq(resources.id, id)).for('update').limit(1))[0],
  async insert(db: Db, values: ResourceInsert) {
    const [row] = await db.insert(resources).values(values).returning();
    return row!;
  },
  async update(db: Db, id: string, values: Partial<ResourceInsert>) {
    const [row] = await db.update(resources).set(values).where(eq(resources.id, id)).returning();
    return row!;
  },
};
