// All SQL of the customers module. No business decisions here.
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { escapeLike } from '../../kernel/text/like.ts';
import { keysetAfter, keysetBatches } from '../../kernel/db/keyset.ts';
import { customerContacts, customerNotes, customerSites, customers } from './customers.table.ts';

export type CustomerRow = typeof customers.$inferSelect;
export type CustomerInsert = typeof customers.$inferInsert;
export type ContactRow = typeof customerContacts.$inferSelect;
export type SiteRow = typeof customerSites.$inferSelect;
export type NoteRow = typeof customerNotes.$inferSelect;

export type ListFilter = {
  pattern: string | null;
  kind?: string | undefined;
  status: 'active' | 'archived' | 'all';
  city?: string | undefined;
  sort: 'name' | '-name' | 'createdAt' | '-createdAt';
};

const likePattern = (pattern: string) => '%' + escapeLike(pattern) + '%';

function filterConditions(f: ListFilter, withSearch = true): SQL[] {
  const conds: SQL[] = [];
  if (f.pattern && withSearch) conds.push(sql`${customers.searchText} like ${likePattern(f.pattern)}`);
  if (f.kind) conds.push(eq(customers.kind, f.kind));
  if (f.status === 'active') conds.push(isNull(customers.archivedAt));
  if (f.status === 'archived') conds.push(isNotNull(customers.archivedAt));
  if (f.city) conds.push(sql`lower(${customers.city}) = lower(${f.city})`);
  return conds;
}

/** Keyset condition and ordering for the chosen sort; the cursor holds [sortValue, id]. */
function keyset(f: ListFilter, after: unknown[] | null) {
  const byName = f.sort === 'name' || f.sort === '-name';
  const descending = f.sort.startsWith('-');
  const col = byName ? customers.sortKey : customers.createdAt;
  const order = descending ? [desc(col), desc(customers.id)] : [asc(col), asc(customers.id)];
  const cond = (from: unknown[] | null) => keysetAfter(col, customers.id, from ? [String(from[0]), String(from[1])] : null, descending);
  const keyOf = (r: { sortKey: string; createdAt: Date; id: string }) => [byName ? r.sortKey : r.createdAt.toISOString(), r.id];
  return { col, order, cond, keyOf, descending };
}

// How many rows, in list order, a search looks at before it switches to the trigram index.
const SEARCH_WALK = 2000;
// Up to this many matches the trigram index answers; a word matching more is common enough to walk for.
const SEARCH_MATCH_CAP = 5000;

export const customersRepository = {
  /**
   * One page in list order. A search runs in two bounded steps, because matches of a common word
   * ("Zakład…", "Ślusarstwo…") cluster somewhere in name order and neither plan alone stays flat:
   * 1. walk the next SEARCH_WALK rows in list order (index) and keep the matches;
   * 2. only when that found too few, take the remaining matches after the walked rows from the
   *    trigram index (materialized, then sorted).
   */
  async list(db: Db, f: ListFilter, after: unknown[] | null, limit: number, tuning: { walk?: number; matchCap?: number } = {}) {
    const walk = tuning.walk ?? SEARCH_WALK;
    const matchCap = tuning.matchCap ?? SEARCH_MATCH_CAP;
    const ks = keyset(f, after);
    const page = (conds: SQL[], n: number) =>
      db.select().from(customers).where(and(...conds)).orderBy(...ks.order).limit(n);
    if (!f.pattern) {
      const rows = await page([...filterConditions(f), ...[ks.cond(after)].filter((c): c is SQL => !!c)], limit + 1);
      return { rows, cursorOf: ks.keyOf };
    }
    const needle = likePattern(f.pattern);
    const base = and(...filterConditions(f, false));
    const dir = ks.descending ? sql.raw('desc') : sql.raw('asc');
    const cmp = ks.descending ? sql.raw('<') : sql.raw('>');
    const idsOf = (r: unknown) => ((r as { rows?: { id: string }[] }).rows ?? []).map((x) => x.id);
    // 1. The next `walk` rows in list order (an index range), filtered by the pattern in the database.
    const walkedHits = idsOf(
      await db.execute(sql`
        select id from (
          select ${customers.id} as id, ${ks.col} as k, ${customers.searchText} as t from ${customers}
          where ${and(sql`true`, base, ks.cond(after))} order by ${ks.col} ${dir}, ${customers.id} ${dir} limit ${walk}
        ) w where t like ${needle} order by k ${dir}, id ${dir} limit ${limit + 1}`),
    );
    let ids = walkedHits;
    if (ids.length < limit + 1) {
      // Where the walk ended (nothing when it reached the end of the list).
      const [end] = await db
        .select({ id: customers.id, sortKey: customers.sortKey, createdAt: customers.createdAt })
        .from(customers)
        .where(and(base, ks.cond(after)))
        .orderBy(...ks.order)
        .offset(walk - 1)
        .limit(1);
      if (end) {
        const [endKey, endId] = ks.keyOf(end);
        const want = limit + 1 - ids.length;
        // 2. The remaining matches from the trigram index, when there are not too many of them
        //    (MATERIALIZED keeps the planner from walking the list order again) …
        const found = (
          (await db.execute(sql`
            with m as materialized (
              select ${customers.id} as id, ${ks.col} as k from ${customers}
              where ${and(sql`${customers.searchText} like ${needle}`, base)} limit ${matchCap + 1}
            )
            select c.n, x.id from (select count(*)::int as n from m) c
            left join lateral (select id from m where (k, id) ${cmp} (${endKey}, ${endId}) order by k ${dir}, id ${dir} limit ${want}) x on true`)) as unknown as { rows: { n: number; id: string | null }[] }
        ).rows;
        if ((found[0]?.n ?? 0) <= matchCap) ids = [...ids, ...found.flatMap((r) => (r.id ? [r.id] : []))];
        else {
          // … otherwise the word is common: keep walking the list order, where matches come often.
          const more = await db
            .select({ id: customers.id })
            .from(customers)
            .where(and(base, ks.cond([endKey, endId]), sql`${customers.searchText} like ${needle}`))
            .orderBy(...ks.order)
            .limit(want);
          ids = [...ids, ...more.map((r) => r.id)];
        }
      }
    }
    const rows = ids.length ? await page([inArray(customers.id, ids)], ids.length) : [];
    return { rows, cursorOf: ks.keyOf };
  },
  stream(db: Db, f: ListFilter, batch = 1000) {
    return keysetBatches((after, limit) => this.list(db, f, after, limit), batch);
  },
  findById: async (db: Db, id: string) => (await db.select().from(customers).where(eq(customers.id, id)).limit(1))[0],
  findForUpdate: async (db: Db, id: string) =>
    (await db.select().from(customers).where(eq(customers.id, id)).for('update').limit(1))[0],
  async findByNip(db: Db, nip: string, excludeId?: string) {
    const conds = [eq(customers.nip, nip)];
    if (excludeId) conds.push(ne(customers.id, excludeId));
    return db.select({ id: customers.id, name: customers.name }).from(customers).where(and(...conds)).limit(5);
  },
  async insert(db: Db, values: CustomerInsert) {
    const [row] = await db.insert(customers).values(values).returning();
    return row!;
  },
  async insertMany(db: Db, values: CustomerInsert[]) {
    const out: CustomerRow[] = [];
    for (let i = 0; i < values.length; i += 500) out.push(...(await db.insert(customers).values(values.slice(i, i + 500)).returning()));
    return out;
  },
  async update(db: Db, id: string, values: Partial<CustomerInsert>) {
    const [row] = await db.update(customers).set(values).where(eq(customers.id, id)).returning();
    return row!;
  },
  delete: (db: Db, id: string) => db.delete(customers).where(eq(customers.id, id)),

  contacts: (db: Db, customerId: string) =>
    db.select().from(customerContacts).where(eq(customerContacts.customerId, customerId)).orderBy(asc(customerContacts.name)).limit(500),
  sites: (db: Db, customerId: string) =>
    db.select().from(customerSites).where(eq(customerSites.customerId, customerId)).orderBy(asc(customerSites.name)).limit(500),
  notes: (db: Db, customerId: string) =>
    db.select().from(customerNotes).where(eq(customerNotes.customerId, customerId)).orderBy(desc(customerNotes.createdAt)).limit(100),

  findContact: async (db: Db, customerId: string, id: string) =>
    (await db.select().from(customerContacts).where(and(eq(customerContacts.id, id), eq(customerContacts.customerId, customerId))).limit(1))[0],
  async insertContact(db: Db, values: typeof customerContacts.$inferInsert) {
    const [row] = await db.insert(customerContacts).values(values).returning();
    return row!;
  },
  async insertContacts(db: Db, values: (typeof customerContacts.$inferInsert)[]) {
    for (let i = 0; i < values.length; i += 500) await db.insert(customerContacts).values(values.slice(i, i + 500));
  },
  async updateContact(db: Db, id: string, values: Partial<typeof customerContacts.$inferInsert>) {
    const [row] = await db.update(customerContacts).set(values).where(eq(customerContacts.id, id)).returning();
    return row!;
  },
  findSite: async (db: Db, customerId: string, id: string) =>
    (await db.select().from(customerSites).where(and(eq(customerSites.id, id), eq(customerSites.customerId, customerId))).limit(1))[0],
  async insertSite(db: Db, values: typeof customerSites.$inferInsert) {
    const [row] = await db.insert(customerSites).values(values).returning();
    return row!;
  },
  async updateSite(db: Db, id: string, values: Partial<typeof customerSites.$inferInsert>) {
    const [row] = await db.update(customerSites).set(values).where(eq(customerSites.id, id)).returning();
    return row!;
  },
  async insertNote(db: Db, values: typeof customerNotes.$inferInsert) {
    const [row] = await db.insert(customerNotes).values(values).returning();
    return row!;
  },
  /** Any customer at all (bounded: the setup guide needs a yes/no). */
  async any(db: Db): Promise<boolean> {
    return (await db.select({ id: customers.id }).from(customers).limit(1)).length > 0;
  },
};
