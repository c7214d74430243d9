// The setup guide's checklist. Each step is computed from real data; later modules register their
// own steps (catalogue, service paths, …) here.
import type { Db } from '../../db/client.ts';
import { companyDetailsComplete } from '../company/company.rules.ts';
import { findCompany } from '../company/company.usecases.ts';
import { customersRepository } from '../customers/customers.repository.ts';
import { identityRepository } from '../identity/identity.repository.ts';

export type SetupStep = {
  key: string;
  /** Web route that does the step. */
  link: string;
  done: (db: Db) => Promise<boolean>;
};

export const setupSteps: SetupStep[] = [
  {
    key: 'company',
    link: '/settings/company',
    done: async (db) => {
      const c = await findCompany(db);
      return companyDetailsComplete(c ? { ...c, defaultLanguage: c.defaultLanguage === 'en' ? 'en' : 'pl' } : undefined);
    },
  },
  { key: 'users', link: '/settings/users', done: async (db) => (await identityRepository.activeUserCount(db, 2)) >= 2 },
  { key: 'customers', link: '/customers', done: (db) => customersRepository.any(db) },
];
