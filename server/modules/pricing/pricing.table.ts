import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, textC, updatedAt } from '../../db/columns.ts';

export const priceLists = pgTable(
  'price_lists',
  {
    id: id(),
    name: text().notNull(),
    currency: text().notNull().default('PLN'),
    validFrom: date({ mode: 'string' }), // business dates, inclusive
    validTo: date({ mode: 'string' }),
    entryMode: text().notNull().default('net'), // 'net' | 'gross': how fixed prices on this list are entered
    // A change applied to every item without its own entry: −1000 = 10% discount, +500 = 5% markup.
    defaultPercentBp: integer(),
    isDefault: boolean().notNull().default(false),
    notes: text().notNull().default(''),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    sortKey: textC().notNull(),
  },
  (t) => [
    // at most one default list
    uniqueIndex('price_lists_one_default').on(t.isDefault).where(sql`${t.isDefault}`),
    index('price_lists_sort_idx').on(t.sortKey, t.id),
    check('price_lists_validity', sql`${t.validFrom} is null or ${t.validTo} is null or ${t.validFrom} <= ${t.validTo}`),
    check('price_lists_percent', sql`${t.defaultPercentBp} is null or ${t.defaultPercentBp} > -10000`),
  ],
);

export const priceListItems = pgTable(
  'price_list_items',
  {
    id: id(),
    priceListId: uuid()
      .notNull()
      .references(() => priceLists.id, { onDelete: 'cascade' }),
    itemType: text().notNull(), // 'part' | 'service'
    itemId: uuid().notNull(),
    priceMinor: bigint({ mode: 'number' }), // fixed price, net or gross per the list's entry mode
    percentBp: integer(), // or a change against the item's default price
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('price_list_items_uq').on(t.priceListId, t.itemType, t.itemId),
    index('price_list_items_item_idx').on(t.itemType, t.itemId),
    check('price_list_items_one_kind', sql`(${t.priceMinor} is null) <> (${t.percentBp} is null)`),
    check('price_list_items_price_nonneg', sql`${t.priceMinor} is null or ${t.priceMinor} >= 0`),
    check('price_list_items_percent', sql`${t.percentBp} is null or ${t.percentBp} > -10000`),
  ],
);
