// Takes the next number of a series inside the caller's transaction. The upsert locks the series row
// until the transaction ends: concurrent documents wait for each other, and a rollback returns the
// number, so numbers have neither gaps nor duplicates (the law requires it for invoices).
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { numberSeries } from './numbering.table.ts';

export async function nextInSeries(tx: Db, series: string, period: string): Promise<number> {
  const [row] = await tx
    .insert(numberSeries)
    .values({ series, period, lastValue: 1 })
    .onConflictDoUpdate({ target: [numberSeries.series, numberSeries.period], set: { lastValue: sql`${numberSeries.lastValue} + 1` } })
    .returning({ value: numberSeries.lastValue });
  return row!.value;
}
