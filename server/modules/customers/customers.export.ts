// Export of the current (filtered, sorted) customer list to CSV or XLSX, streamed in keyset batches.
// The Polish headers are ones the customers import recognizes, so a file can be edited and imported.
import type { Readable } from 'node:stream';
import type { Ctx, Deps } from '../../deps.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { exportRows, type ExportColumn } from '../../kernel/http/table-export.ts';
import { customersRepository as repo, type CustomerRow, type ListFilter } from './customers.repository.ts';
import { searchPattern } from './customers.rules.ts';

const field = (key: keyof CustomerRow, pl: string, en: string, width: number): ExportColumn<CustomerRow> => ({
  pl,
  en,
  width,
  value: (r) => {
    const v = r[key];
    return v instanceof Date ? v.toISOString() : (v as string | null);
  },
});

const COLUMNS: ExportColumn<CustomerRow>[] = [
  { pl: 'Rodzaj', en: 'Kind', width: 12, value: (r, lang) => (lang === 'pl' ? (r.kind === 'company' ? 'firma' : 'osoba') : r.kind) },
  field('name', 'Nazwa', 'Name', 40),
  field('nip', 'NIP', 'NIP', 14),
  field('regon', 'REGON', 'REGON', 16),
  field('pesel', 'PESEL', 'PESEL', 14),
  field('email', 'E-mail', 'Email', 30),
  field('phone', 'Telefon', 'Phone', 16),
  field('street', 'Ulica', 'Street', 30),
  field('postalCode', 'Kod pocztowy', 'Postal code', 12),
  field('city', 'Miasto', 'City', 20),
  field('country', 'Kraj', 'Country', 8),
  field('notes', 'Uwagi', 'Notes', 30),
  { pl: 'Zarchiwizowany', en: 'Archived', width: 12, value: (r, lang) => (r.archivedAt ? (lang === 'pl' ? 'tak' : 'yes') : '') },
  field('id', 'ID', 'ID', 38),
];

export function exportCustomers(
  deps: Deps,
  ctx: Ctx,
  q: { q?: string | undefined; kind?: string | undefined; status: ListFilter['status']; city?: string | undefined; sort: ListFilter['sort']; format: 'csv' | 'xlsx' },
  lang: 'pl' | 'en',
): Readable {
  authorize(ctx.actor, 'customers:export');
  const filter: ListFilter = { pattern: q.q ? searchPattern(q.q) : null, kind: q.kind, status: q.status, city: q.city, sort: q.sort };
  return exportRows({ columns: COLUMNS, batches: repo.stream(deps.database.db, filter), format: q.format, lang, sheet: { pl: 'Klienci', en: 'Customers' } });
}
