import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid, bigint } from 'drizzle-orm/pg-core';
import { createdAt, id, textC, updatedAt } from '../../db/columns.ts';
import { customerContacts, customers, customerSites } from '../customers/customers.table.ts';
import { products } from '../catalog/catalog.table.ts';
import { users } from '../identity/identity.table.ts';

/** Kinds of things a company services ("Laptop", "Kocioł gazowy"); each carries its own custom fields. */
export const assetTypes = pgTable(
  'asset_types',
  {
    id: id(),
    name: text().notNull(),
    nameKey: textC().notNull(), // folded name: unique, and the list order
    // Unit of the meter readings of assets of this type ('km', 'mth', 'pages'…); null = no meter.
    meterUnit: text(),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('asset_types_name_uq').on(t.nameKey)],
);

/** A custom field of an asset type. `key` is stable (values are stored under it), `label` may change. */
export const assetTypeFields = pgTable(
  'asset_type_fields',
  {
    id: id(),
    assetTypeId: uuid()
      .notNull()
      .references(() => assetTypes.id, { onDelete: 'cascade' }),
    key: text().notNull(),
    label: text().notNull(),
    kind: text().notNull(), // 'text' | 'number' | 'date' | 'boolean' | 'choice'
    unit: text().notNull().default(''), // for numbers
    required: boolean().notNull().default(false),
    options: jsonb().$type<string[]>().notNull().default([]), // for choice
    position: integer().notNull(),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('asset_type_fields_key_uq').on(t.assetTypeId, t.key), index('asset_type_fields_order_idx').on(t.assetTypeId, t.position)],
);

export const assets = pgTable(
  'assets',
  {
    id: id(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    assetTypeId: uuid()
      .notNull()
      .references(() => assetTypes.id),
    productId: uuid().references(() => products.id),
    name: text().notNull(),
    serialNumber: text().notNull().default(''),
    serialKey: textC().notNull().default(''), // upper-case, no spaces or dashes: exact and prefix lookups
    manufacturer: text().notNull().default(''),
    model: text().notNull().default(''),
    purchaseDate: date(),
    installationDate: date(),
    specification: text().notNull().default(''),
    siteId: uuid().references(() => customerSites.id),
    position: text().notNull().default(''), // free text at the site: room, floor, rack
    contactId: uuid().references(() => customerContacts.id), // who hears about due dates
    custody: text().notNull().default('with_customer'), // see assets.rules.ts CUSTODY
    custom: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    meterValue: numeric({ precision: 15, scale: 3 }), // latest reading, kept beside the history
    meterReadOn: date(),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    searchText: text().notNull(),
    sortKey: textC().notNull(),
  },
  (t) => [
    index('assets_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('assets_custom_gin').using('gin', sql`${t.custom} jsonb_path_ops`),
    index('assets_sort_idx').on(t.sortKey, t.id),
    index('assets_serial_idx').on(t.serialKey, t.id),
    index('assets_customer_idx').on(t.customerId, t.sortKey, t.id),
    index('assets_type_idx').on(t.assetTypeId, t.sortKey, t.id),
    index('assets_type_created_idx').on(t.assetTypeId, t.createdAt, t.id), // a type's search and field filters, newest first
    index('assets_custody_idx').on(t.custody, t.sortKey, t.id),
    index('assets_created_idx').on(t.createdAt, t.id),
    index('assets_product_idx').on(t.productId),
    index('assets_site_idx').on(t.siteId),
    check('assets_custody_ck', sql`${t.custody} in ('with_customer','in_shop','on_site_service','external_service')`),
  ],
);

/**
 * Everything that happened to an asset, newest first on its page: custody changes (who/when/why),
 * readings, documents, service dates; later orders and tickets append here too.
 */
export const assetEvents = pgTable(
  'asset_events',
  {
    id: id(),
    // Insertion order: events of one transaction share `at` and must still list in the order they happened.
    seq: bigserial({ mode: 'number' }).notNull(),
    assetId: uuid()
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    at: timestamp({ withTimezone: true }).notNull(),
    kind: text().notNull(), // 'created' | 'custody' | 'reading' | 'document_added' | 'document_removed' | 'service_date_added' | 'service_date_done' | 'moved' …
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    actorName: text().notNull(),
  },
  (t) => [index('asset_events_asset_idx').on(t.assetId, t.at, t.seq)],
);

export const meterReadings = pgTable(
  'meter_readings',
  {
    id: id(),
    assetId: uuid()
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    readOn: date().notNull(),
    value: numeric({ precision: 15, scale: 3 }).notNull(),
    source: text().notNull(), // 'manual' | 'import' | 'order' | 'customer'
    // A new meter starts lower than the old one ended; only such a reading may go down.
    replacement: boolean().notNull().default(false),
    note: text().notNull().default(''),
    recordedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [index('meter_readings_asset_idx').on(t.assetId, t.readOn, t.createdAt)],
);

/** Kinds of service dates: the built-in ones (code set, translated in the UI) and company-defined. */
export const serviceDateKinds = pgTable(
  'service_date_kinds',
  {
    id: id(),
    code: text(), // 'inspection' | 'warranty' | 'insurance' | 'maintenance' for built-in kinds
    name: text().notNull(),
    nameKey: textC().notNull(),
    taskRole: text().notNull().default('front_desk'), // whose inbox gets the due task
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('service_date_kinds_name_uq').on(t.nameKey), uniqueIndex('service_date_kinds_code_uq').on(t.code)],
);

/**
 * A date by which something must happen to an asset, optionally every N months and/or every N meter
 * units ("every 10,000 km or 12 months, whichever first"). The reminder is due from `remindOn`.
 */
export const assetServiceDates = pgTable(
  'asset_service_dates',
  {
    id: id(),
    assetId: uuid()
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    kindId: uuid()
      .notNull()
      .references(() => serviceDateKinds.id),
    dueOn: date().notNull(),
    reminderDays: integer().notNull().default(14),
    remindOn: date().notNull(), // dueOn − reminderDays, kept so the daily check is one index range
    recurrenceMonths: integer(),
    meterInterval: numeric({ precision: 15, scale: 3 }),
    meterDueAt: numeric({ precision: 15, scale: 3 }), // the reading at which it is due
    note: text().notNull().default(''),
    status: text().notNull().default('open'), // 'open' | 'done' | 'cancelled'
    completedOn: date(),
    completedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    previousId: uuid(), // the date this one follows (recurrence)
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('asset_service_dates_asset_idx').on(t.assetId, t.dueOn),
    index('asset_service_dates_remind_idx').on(t.remindOn, t.id).where(sql`${t.status} = 'open'`),
    index('asset_service_dates_meter_idx').on(t.assetId).where(sql`${t.status} = 'open' and ${t.meterDueAt} is not null`),
    check('asset_service_dates_status_ck', sql`${t.status} in ('open','done','cancelled')`),
  ],
);

export const assetDocuments = pgTable(
  'asset_documents',
  {
    id: id(),
    assetId: uuid()
      .notNull()
      .references(() => assets.id, { onDelete: 'cascade' }),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: bigint({ mode: 'number' }).notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    description: text().notNull().default(''),
    uploadedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp({ withTimezone: true }).notNull(),
    deletedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('asset_documents_asset_idx').on(t.assetId, t.uploadedAt)],
);
