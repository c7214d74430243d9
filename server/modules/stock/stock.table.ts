import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, numeric, pgTable, primaryKey, text, timestamp, uuid, bigint } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from '../../db/columns.ts';
import { parts } from '../catalog/catalog.table.ts';
import { users } from '../identity/identity.table.ts';

export const stockLocations = pgTable(
  'stock_locations',
  {
    id: id(),
    name: text().notNull(),
    kind: text().notNull(), // 'warehouse' | 'van' | 'other'
    notes: text().notNull().default(''),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('stock_locations_name_idx').on(t.name, t.id)],
);

/** The ledger: every change of stock is one row (a transfer is two, sharing transfer_id). Append-only. */
export const stockMovements = pgTable(
  'stock_movements',
  {
    seq: bigserial({ mode: 'number' }).primaryKey(),
    partId: uuid()
      .notNull()
      .references(() => parts.id),
    locationId: uuid()
      .notNull()
      .references(() => stockLocations.id),
    kind: text().notNull(), // receipt | issue | return | adjustment | transfer_out | transfer_in
    quantity: numeric({ precision: 12, scale: 3 }).notNull(), // signed: + into the location, − out of it
    unitCostMinor: bigint({ mode: 'number' }),
    reason: text().notNull().default(''),
    transferId: uuid(),
    referenceType: text(), // e.g. 'service_order' (later)
    referenceId: text(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    actorLabel: text().notNull(),
  },
  (t) => [
    index('stock_movements_part_idx').on(t.partId, t.seq),
    index('stock_movements_location_idx').on(t.locationId, t.seq),
    index('stock_movements_reference_idx').on(t.referenceType, t.referenceId),
    check('stock_movements_quantity_nonzero', sql`${t.quantity} <> 0`),
  ],
);

/**
 * On-hand per part and location: the ledger's running sum, kept in the same transaction as each
 * movement. The check constraint is the last line of defence against negative stock under concurrency.
 */
export const stockLevels = pgTable(
  'stock_levels',
  {
    partId: uuid()
      .notNull()
      .references(() => parts.id),
    locationId: uuid()
      .notNull()
      .references(() => stockLocations.id),
    onHand: numeric({ precision: 12, scale: 3 }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.partId, t.locationId] }),
    index('stock_levels_location_idx').on(t.locationId, t.partId),
    check('stock_levels_on_hand_nonnegative', sql`${t.onHand} >= 0`),
  ],
);
