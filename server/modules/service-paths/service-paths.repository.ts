// All SQL of service paths and their steps. No business decisions here.
import { and, asc, eq, getTableColumns, gte, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { keysetAfter, keysetOrder } from '../../kernel/db/keyset.ts';
import { escapeLike } from '../../kernel/text/like.ts';
import { servicePaths, servicePathSteps as steps } from './service-paths.table.ts';

export type PathRow = typeof servicePaths.$inferSelect;
export type PathInsert = typeof servicePaths.$inferInsert;
export type StepRow = typeof steps.$inferSelect;
export type StepInsert = typeof steps.$inferInsert;
export type PathListRow = PathRow & { stepCount: number; plannedMinutes: number; stepNames?: string | null };

export type PathListFilter = { pattern: string | null; status: 'active' | 'archived' | 'all'; sort: 'name' | '-name' };

/**
 * Positions are moved out of the way before they are set: the unique (path_id, position) index is checked
 * row by row, so "position + 1" in one statement could collide. Parked rows sit above any real position.
 */
const PARK = 1_000_000;

function conditions(f: PathListFilter): SQL[] {
  const conds: SQL[] = [];
  // Paths are few (a company has tens): a scan of the sort key with its diacritic markers removed.
  if (f.pattern) conds.push(sql`translate(${servicePaths.sortKey}, '{|', '') like ${'%' + escapeLike(f.pattern) + '%'}`);
  if (f.status === 'active') conds.push(isNull(servicePaths.archivedAt));
  if (f.status === 'archived') conds.push(isNotNull(servicePaths.archivedAt));
  return conds;
}

// Correlated per-path aggregates (a page has at most 100 paths, a path at most 200 steps; served by the
// (path_id, position) index). Written out with an alias: Drizzle leaves columns unqualified here.
const stepCount = sql<number>`(select count(*)::int from service_path_steps s where s.path_id = service_paths.id)`;
const plannedMinutes = sql<number>`(select coalesce(sum(s.planned_minutes), 0)::int from service_path_steps s where s.path_id = service_paths.id)`;
const stepNames = sql<string | null>`(select string_agg(s.name, ' → ' order by s.position) from service_path_steps s where s.path_id = service_paths.id)`;

export const servicePathsRepository = {
  /** A page by name with step counts; the cursor holds [sortKey, id]. */
  async list(db: Db, f: PathListFilter, after: unknown[] | null, limit: number, opts: { stepNames?: boolean } = {}) {
    const descending = f.sort === '-name';
    const conds = conditions(f);
    const ks = keysetAfter(servicePaths.sortKey, servicePaths.id, after, descending);
    if (ks) conds.push(ks);
    const rows: PathListRow[] = await db
      .select({ ...getTableColumns(servicePaths), stepCount, plannedMinutes, ...(opts.stepNames ? { stepNames } : {}) })
      .from(servicePaths)
      .where(conds.length ? and(...conds) : undefined)
      .orderBy(...keysetOrder(servicePaths.sortKey, servicePaths.id, descending))
      .limit(limit + 1);
    return { rows, cursorOf: (r: PathListRow) => [r.sortKey, r.id] };
  },
  async *stream(db: Db, f: PathListFilter, batch = 500) {
    let after: unknown[] | null = null;
    for (;;) {
      const { rows, cursorOf } = await this.list(db, f, after, batch, { stepNames: true });
      const page = rows.slice(0, batch);
      if (page.length) yield page;
      if (rows.length <= batch) return;
      after = cursorOf(page[page.length - 1]!);
    }
  },
  findById: async (db: Db, id: string) => (await db.select().from(servicePaths).where(eq(servicePaths.id, id)).limit(1))[0],
  findForUpdate: async (db: Db, id: string) => (await db.select().from(servicePaths).where(eq(servicePaths.id, id)).for('update').limit(1))[0],
  async insert(db: Db, values: PathInsert) {
    const [row] = await db.insert(servicePaths).values(values).returning();
    return row!;
  },
  async update(db: Db, id: string, values: Partial<PathInsert>) {
    const [row] = await db.update(servicePaths).set(values).where(eq(servicePaths.id, id)).returning();
    return row!;
  },

  steps: (db: Db, pathId: string) => db.select().from(steps).where(eq(steps.pathId, pathId)).orderBy(asc(steps.position)).limit(1000),
  findStep: async (db: Db, pathId: string, stepId: string) =>
    (await db.select().from(steps).where(and(eq(steps.pathId, pathId), eq(steps.id, stepId))).limit(1))[0],
  async insertSteps(db: Db, values: StepInsert[]) {
    if (values.length === 0) return [];
    return db.insert(steps).values(values).returning();
  },
  async updateStep(db: Db, id: string, values: Partial<StepInsert>) {
    const [row] = await db.update(steps).set(values).where(eq(steps.id, id)).returning();
    return row!;
  },
  deleteStep: (db: Db, id: string) => db.delete(steps).where(eq(steps.id, id)),

  /** Moves the steps at `from` and after by `delta` (+1 to open a gap, -1 to close one). */
  async shiftFrom(db: Db, pathId: string, from: number, delta: number) {
    await db.update(steps).set({ position: sql`${steps.position} + ${PARK}` }).where(and(eq(steps.pathId, pathId), gte(steps.position, from)));
    await db.update(steps).set({ position: sql`${steps.position} - ${PARK - delta}` }).where(and(eq(steps.pathId, pathId), gte(steps.position, PARK)));
  },
  /** Gives the path's steps positions 0..n-1 in the order of `ids` (which must be exactly its steps). */
  async setOrder(db: Db, pathId: string, ids: string[]) {
    if (ids.length === 0) return;
    await db.update(steps).set({ position: sql`${steps.position} + ${PARK}` }).where(eq(steps.pathId, pathId));
    const pairs = sql.join(ids.map((id, i) => sql`(${id}::uuid, ${i}::int)`), sql`, `);
    await db.execute(sql`update ${steps} set "position" = v.pos from (values ${pairs}) as v(id, pos) where ${steps.id} = v.id and ${steps.pathId} = ${pathId}`);
  },
};
