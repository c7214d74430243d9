// All SQL of the stock ledger.
import { and, asc, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { stockLevels, stockLocations, stockMovements } from './stock.table.ts';

export type LocationRow = typeof stockLocations.$inferSelect;
export type MovementRow = typeof stockMovements.$inferSelect;

export const stockRepository = {
  listLocations: (db: Db) => db.select().from(stockLocations).orderBy(asc(stockLocations.name), asc(stockLocations.id)).limit(500),
  findLocation: async (db: Db, id: string) => (await db.select().from(stockLocations).where(eq(stockLocations.id, id)).limit(1))[0],
  async insertLocation(db: Db, values: typeof stockLocations.$inferInsert) {
    const [row] = await db.insert(stockLocations).values(values).returning();
    return row!;
  },
  async updateLocation(db: Db, id: string, values: Partial<typeof stockLocations.$inferInsert>) {
    const [row] = await db.update(stockLocations).set(values).where(eq(stockLocations.id, id)).returning();
    return row!;
  },

  /**
   * Adds a delta to on-hand. A decrease only happens while the result stays ≥ 0: the row lock makes
   * concurrent decreases wait, and PostgreSQL re-checks the condition on the updated row. Returns
   * the new on-hand, or null when there is not enough stock.
   */
  async addToLevel(db: Db, partId: string, locationId: string, delta: string, now: Date): Promise<string | null> {
    if (delta.startsWith('-')) {
      const rows = await db
        .update(stockLevels)
        .set({ onHand: sql`${stockLevels.onHand} + ${delta}::numeric`, updatedAt: now })
        .where(and(eq(stockLevels.partId, partId), eq(stockLevels.locationId, locationId), sql`${stockLevels.onHand} + ${delta}::numeric >= 0`))
        .returning({ onHand: stockLevels.onHand });
      return rows[0]?.onHand ?? null;
    }
    const rows = await db
      .insert(stockLevels)
      .values({ partId, locationId, onHand: delta, updatedAt: now })
      .onConflictDoUpdate({
        target: [stockLevels.partId, stockLevels.locationId],
        set: { onHand: sql`${stockLevels.onHand} + excluded.on_hand`, updatedAt: now },
      })
      .returning({ onHand: stockLevels.onHand });
    return rows[0]!.onHand;
  },
  async levelOf(db: Db, partId: string, locationId: string): Promise<string> {
    const rows = await db.select({ onHand: stockLevels.onHand }).from(stockLevels).where(and(eq(stockLevels.partId, partId), eq(stockLevels.locationId, locationId))).limit(1);
    return rows[0]?.onHand ?? '0';
  },
  levelsOfPart: (db: Db, partId: string) =>
    db
      .select({ locationId: stockLevels.locationId, locationName: stockLocations.name, onHand: stockLevels.onHand })
      .from(stockLevels)
      .innerJoin(stockLocations, eq(stockLocations.id, stockLevels.locationId))
      .where(eq(stockLevels.partId, partId))
      .orderBy(asc(stockLocations.name))
      .limit(500),
  async insertMovements(db: Db, values: (typeof stockMovements.$inferInsert)[]) {
    return db.insert(stockMovements).values(values).returning();
  },
  async listMovements(db: Db, f: { partId?: string | undefined; locationId?: string | undefined }, beforeSeq: number | null, limit: number) {
    const conds: SQL[] = [];
    if (f.partId) conds.push(eq(stockMovements.partId, f.partId));
    if (f.locationId) conds.push(eq(stockMovements.locationId, f.locationId));
    if (beforeSeq !== null) conds.push(lt(stockMovements.seq, beforeSeq));
    return db
      .select({ m: stockMovements, locationName: stockLocations.name })
      .from(stockMovements)
      .innerJoin(stockLocations, eq(stockLocations.id, stockMovements.locationId))
      .where(conds.length ? and(...conds) : undefined)
      .orderBy(desc(stockMovements.seq))
      .limit(limit + 1);
  },
  /** Ledger sum per location of a part: what the levels must equal (used by tests and repair tools). */
  ledgerSums: (db: Db, partId: string) =>
    db
      .select({ locationId: stockMovements.locationId, total: sql<string>`sum(${stockMovements.quantity})::text` })
      .from(stockMovements)
      .where(eq(stockMovements.partId, partId))
      .groupBy(stockMovements.locationId),
};
