// VAT rates are data (seeded by migrations): read-only here.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { vatRates } from './catalog.table.ts';

export type VatRateRow = typeof vatRates.$inferSelect;

export const vatRatesRepository = {
  all: (db: Db) => db.select().from(vatRates).orderBy(asc(vatRates.position), asc(vatRates.code)).limit(100),
  find: async (db: Db, code: string) => (await db.select().from(vatRates).where(eq(vatRates.code, code)).limit(1))[0],
};
