import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, id, textC, updatedAt } from '../../db/columns.ts';

/** Vehicles and special equipment; booked in the scheduler later. */
export const resources = pgTable(
  'resources',
  {
    id: id(),
    name: text().notNull(),
    kind: text().notNull(), // 'vehicle' | 'equipment'
    identifier: text().notNull().default(''), // registration number or serial number
    notes: text().notNull().default(''),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    searchText: text().notNull(),
    sortKey: textC().notNull(),
  },
  (t) => [
    index('resources_sort_idx').on(t.sortKey, t.id),
    index('resources_active_sort_idx').on(t.active, t.sortKey, t.id),
    index('resources_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);
