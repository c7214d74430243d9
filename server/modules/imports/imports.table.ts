import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.table.ts';

/** The last column mapping used to import each kind of file, offered again next time. */
export const importMappings = pgTable('import_mappings', {
  // 'parts' | 'products' | 'services' | 'price_list_items' | 'assets:<asset type id>' (each type has its own columns)
  target: text().primaryKey(),
  mapping: jsonb().$type<Record<string, string | null>>().notNull(), // file header → field (null = ignored)
  updatedAt: timestamp({ withTimezone: true }).notNull(),
  updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
});

/** A file read once on upload; preview and commit work on these rows. Kept a day. */
export const importUploads = pgTable(
  'import_uploads',
  {
    id: uuid().primaryKey().defaultRandom(),
    target: text().notNull(),
    priceListId: uuid(),
    assetTypeId: uuid(), // assets: the type chosen at upload; its custom fields are columns of the file
    fileName: text().notNull(),
    headers: jsonb().$type<string[]>().notNull(),
    rows: jsonb().$type<string[][]>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    createdBy: uuid().references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [index('import_uploads_created_idx').on(t.createdAt)],
);
