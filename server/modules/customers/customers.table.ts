import { sql } from 'drizzle-orm';
import { boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, textC, updatedAt } from '../../db/columns.ts';
import { users } from '../identity/identity.table.ts';
import { priceLists } from '../pricing/pricing.table.ts';

export const customers = pgTable(
  'customers',
  {
    id: id(),
    kind: text().notNull(), // 'company' | 'individual'
    name: text().notNull(),
    nip: text(), // 10 digits, no separators
    regon: text(),
    pesel: text(),
    email: text().notNull().default(''),
    phone: text().notNull().default(''),
    street: text().notNull().default(''),
    postalCode: text().notNull().default(''),
    city: text().notNull().default(''),
    country: text().notNull().default('PL'),
    notes: text().notNull().default(''),
    // The price list that prices this customer's orders (null = the default list).
    priceListId: uuid().references(() => priceLists.id, { onDelete: 'set null' }),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Derived in code (see customers.rules.ts): lower-case, without diacritics, with digits of
    // phones and tax ids; trigram-indexed so "lodz" finds "Łódź" on large data.
    searchText: text().notNull(),
    // Polish alphabetical order encoded as a byte-comparable key (PGlite has no ICU collations).
    sortKey: textC().notNull(),
  },
  (t) => [
    index('customers_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('customers_sort_idx').on(t.sortKey, t.id),
    index('customers_created_idx').on(t.createdAt, t.id),
    index('customers_nip_idx').on(t.nip),
    index('customers_kind_sort_idx').on(t.kind, t.sortKey, t.id),
    index('customers_city_sort_idx').on(sql`lower(${t.city})`, t.sortKey, t.id),
  ],
);

export const customerContacts = pgTable(
  'customer_contacts',
  {
    id: id(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    role: text().notNull().default(''),
    email: text().notNull().default(''),
    phone: text().notNull().default(''),
    language: text().notNull().default('pl'),
    portalAccess: boolean().notNull().default(false),
    notes: text().notNull().default(''),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('customer_contacts_customer_idx').on(t.customerId, t.name)],
);

export const customerSites = pgTable(
  'customer_sites',
  {
    id: id(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    street: text().notNull().default(''),
    postalCode: text().notNull().default(''),
    city: text().notNull().default(''),
    country: text().notNull().default('PL'),
    notes: text().notNull().default(''),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('customer_sites_customer_idx').on(t.customerId, t.name)],
);

export const customerNotes = pgTable(
  'customer_notes',
  {
    id: id(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    authorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    authorName: text().notNull(),
    body: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('customer_notes_customer_idx').on(t.customerId, t.createdAt)],
);
