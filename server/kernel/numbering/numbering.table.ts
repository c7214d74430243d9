import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Gap-free document numbering: one row per series and period holding the last number given out.
 * Taking a number updates the row inside the document's own transaction, so a rollback gives the
 * number back and concurrent transactions queue on the row lock (see numbering.ts).
 */
export const numberSeries = pgTable(
  'number_series',
  {
    series: text().notNull(), // 'service_order', 'invoice:FV' …
    period: text().notNull(), // '2026', '2026-11' or '' (never reset)
    lastValue: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.series, t.period] })],
);
