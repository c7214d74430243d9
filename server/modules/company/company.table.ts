import { integer, pgTable, text, check } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, updatedAt } from '../../db/columns.ts';

/** The company that runs this installation: one row, id = 1. */
export const company = pgTable(
  'company',
  {
    id: integer().primaryKey(),
    name: text().notNull(),
    nip: text().notNull(),
    street: text().notNull().default(''),
    postalCode: text().notNull().default(''),
    city: text().notNull().default(''),
    country: text().notNull().default('PL'),
    bankAccount: text().notNull().default(''),
    email: text().notNull().default(''),
    phone: text().notNull().default(''),
    defaultLanguage: text().notNull().default('pl'),
    // What the company does (repair_shop, field_service, contracts_helpdesk, telecom): the setup guide adapts to it.
    profiles: text().array().notNull().default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check('company_singleton', sql`${t.id} = 1`)],
);
