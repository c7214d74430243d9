// The setup guide's checklist. Each step is computed from real data and shown to the company
// profiles that need it (no `profiles` = every company). Later modules add their steps here.
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { companyDetailsComplete } from '../company/company.rules.ts';
import type { CompanyProfile } from '../company/company.schemas.ts';
import { findCompany } from '../company/company.usecases.ts';
import { customersRepository } from '../customers/customers.repository.ts';
import { identityRepository } from '../identity/identity.repository.ts';
import { parts, products, services } from '../catalog/catalog.table.ts';
import { stockMovements } from '../stock/stock.table.ts';
import { priceLists } from '../pricing/pricing.table.ts';
import { servicePaths } from '../service-paths/service-paths.table.ts';
import { resources } from '../resources/resources.table.ts';

export type SetupStep = {
  key: string;
  /** Web route that does the step. */
  link: string;
  profiles?: CompanyProfile[];
  done: (db: Db) => Promise<boolean>;
};

/** One indexed probe: does the table have any row? */
const hasRows = (table: PgTable) => async (db: Db) => (await db.select({ one: sql`1` }).from(table).limit(1)).length > 0;

export const setupSteps: SetupStep[] = [
  {
    key: 'company',
    link: '/settings/company',
    done: async (db) => {
      const c = await findCompany(db);
      return companyDetailsComplete(c ? { ...c, defaultLanguage: c.defaultLanguage === 'en' ? 'en' : 'pl' } : undefined);
    },
  },
  { key: 'profile', link: '/settings/company', done: async (db) => ((await findCompany(db))?.profiles.length ?? 0) > 0 },
  { key: 'users', link: '/settings/users', done: async (db) => (await identityRepository.activeUserCount(db, 2)) >= 2 },
  { key: 'products', link: '/catalogue/products', profiles: ['field_service', 'contracts_helpdesk', 'telecom'], done: hasRows(products) },
  { key: 'parts', link: '/catalogue/parts', profiles: ['repair_shop', 'field_service'], done: hasRows(parts) },
  { key: 'stock', link: '/catalogue/parts', profiles: ['repair_shop', 'field_service'], done: hasRows(stockMovements) },
  { key: 'services', link: '/catalogue/services', done: hasRows(services) },
  { key: 'price_lists', link: '/catalogue/price-lists', done: hasRows(priceLists) },
  { key: 'service_paths', link: '/catalogue/service-paths', done: hasRows(servicePaths) },
  { key: 'resources', link: '/catalogue/resources', profiles: ['field_service'], done: hasRows(resources) },
  { key: 'customers', link: '/customers', done: (db) => customersRepository.any(db) },
];

/** Steps for a company: all general steps, plus those of any chosen profile. */
export function stepsFor(profiles: readonly string[]): SetupStep[] {
  return setupSteps.filter((s) => !s.profiles || s.profiles.some((p) => profiles.includes(p)));
}
