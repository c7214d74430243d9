// Photos of a service order (the device's visible condition at intake, damage found later). The bytes
// live in the file store; the row keeps what it is and who took it. Deleted photos stay as rows.
import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id } from '../../db/columns.ts';
import { users } from '../identity/identity.table.ts';
import { serviceOrders } from './service-orders.table.ts';

export const serviceOrderPhotos = pgTable(
  'service_order_photos',
  {
    id: id(),
    orderId: uuid()
      .notNull()
      .references(() => serviceOrders.id, { onDelete: 'cascade' }),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: bigint({ mode: 'number' }).notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    caption: text().notNull().default(''),
    uploadedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp({ withTimezone: true }).notNull(),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('service_order_photos_order_idx').on(t.orderId, t.uploadedAt)],
);
