import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, textC, updatedAt } from '../../db/columns.ts';

/** VAT rates as data: the code used on items and invoices, its rate, and its KSeF FA(3) P_12 value. */
export const vatRates = pgTable('vat_rates', {
  code: text().primaryKey(), // '23', '8', '5', '0', 'zw', 'np', 'oo'
  rateBp: integer(), // basis points (2300 = 23%); null where no VAT is charged (zw, np, oo)
  ksefCode: text().notNull(),
  labelPl: text().notNull(),
  labelEn: text().notNull(),
  position: integer().notNull(),
  active: boolean().notNull().default(true),
});

// Shared shape of catalogue items: code unique case-insensitively, folded search text, Polish sort key.
const itemColumns = () => ({
  id: id(),
  code: text().notNull(),
  codeKey: textC().notNull(), // lower-cased code: uniqueness and code order
  name: text().notNull(),
  archivedAt: timestamp({ withTimezone: true }),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  searchText: text().notNull(),
  sortKey: textC().notNull(),
});

export const products = pgTable(
  'products',
  {
    ...itemColumns(),
    manufacturer: text().notNull().default(''),
    model: text().notNull().default(''),
    category: text().notNull().default(''),
    warrantyMonths: integer().notNull().default(0),
    description: text().notNull().default(''),
  },
  (t) => [
    uniqueIndex('products_code_uq').on(t.codeKey),
    index('products_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('products_sort_idx').on(t.sortKey, t.id),
    index('products_category_idx').on(t.category, t.sortKey, t.id),
  ],
);

export const services = pgTable(
  'services',
  {
    ...itemColumns(),
    unit: text().notNull(), // 'hour' | 'piece' | 'visit' | 'km'
    defaultPriceMinor: bigint({ mode: 'number' }).notNull(), // net, grosze
    vatRateCode: text()
      .notNull()
      .references(() => vatRates.code),
    // Billable time rounds up to started blocks of this many minutes (15 = "started quarter hour"); null = exact.
    billingIncrementMinutes: integer(),
    description: text().notNull().default(''),
  },
  (t) => [
    uniqueIndex('services_code_uq').on(t.codeKey),
    index('services_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('services_sort_idx').on(t.sortKey, t.id),
    check('services_price_nonneg', sql`${t.defaultPriceMinor} >= 0`),
  ],
);

export const parts = pgTable(
  'parts',
  {
    ...itemColumns(),
    unit: text().notNull().default('pcs'),
    manufacturerPartNumber: text().notNull().default(''),
    ean: text(),
    purchasePriceMinor: bigint({ mode: 'number' }).notNull().default(0),
    salePriceMinor: bigint({ mode: 'number' }).notNull().default(0), // default net sale price
    vatRateCode: text()
      .notNull()
      .references(() => vatRates.code),
    minStock: numeric({ precision: 12, scale: 3 }).notNull().default('0'),
    description: text().notNull().default(''),
  },
  (t) => [
    uniqueIndex('parts_code_uq').on(t.codeKey),
    index('parts_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('parts_sort_idx').on(t.sortKey, t.id),
    index('parts_ean_idx').on(t.ean),
    // the low-stock list only looks at parts with a minimum level
    index('parts_min_stock_sort_idx').on(t.sortKey, t.id).where(sql`${t.minStock} > 0`),
    check('parts_prices_nonneg', sql`${t.purchasePriceMinor} >= 0 and ${t.salePriceMinor} >= 0`),
  ],
);
