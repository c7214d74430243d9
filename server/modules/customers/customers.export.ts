// Export of the current (filtered, sorted) customer list to CSV or XLSX, streamed in keyset batches.
import { PassThrough, type Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { Ctx, Deps } from '../../deps.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { customersRepository as repo, type CustomerRow, type ListFilter } from './customers.repository.ts';
import { searchPattern } from './customers.rules.ts';

const COLUMNS: { key: keyof CustomerRow | 'archived'; pl: string; en: string; width: number }[] = [
  { key: 'kind', pl: 'Rodzaj', en: 'Kind', width: 12 },
  { key: 'name', pl: 'Nazwa', en: 'Name', width: 40 },
  { key: 'nip', pl: 'NIP', en: 'NIP', width: 14 },
  { key: 'regon', pl: 'REGON', en: 'REGON', width: 16 },
  { key: 'pesel', pl: 'PESEL', en: 'PESEL', width: 14 },
  { key: 'email', pl: 'E-mail', en: 'Email', width: 30 },
  { key: 'phone', pl: 'Telefon', en: 'Phone', width: 16 },
  { key: 'street', pl: 'Ulica', en: 'Street', width: 30 },
  { key: 'postalCode', pl: 'Kod pocztowy', en: 'Postal code', width: 12 },
  { key: 'city', pl: 'Miasto', en: 'City', width: 20 },
  { key: 'country', pl: 'Kraj', en: 'Country', width: 8 },
  { key: 'notes', pl: 'Uwagi', en: 'Notes', width: 30 },
  { key: 'archived', pl: 'Zarchiwizowany', en: 'Archived', width: 12 },
  { key: 'id', pl: 'ID', en: 'ID', width: 38 },
];

function cells(r: CustomerRow, lang: 'pl' | 'en'): (string | null)[] {
  return COLUMNS.map((c) => {
    if (c.key === 'archived') return r.archivedAt ? (lang === 'pl' ? 'tak' : 'yes') : '';
    if (c.key === 'kind') return lang === 'pl' ? (r.kind === 'company' ? 'firma' : 'osoba') : r.kind;
    const v = r[c.key];
    return v instanceof Date ? v.toISOString() : (v as string | null);
  });
}

export function exportCustomers(
  deps: Deps,
  ctx: Ctx,
  q: { q?: string | undefined; kind?: string | undefined; status: ListFilter['status']; city?: string | undefined; sort: ListFilter['sort']; format: 'csv' | 'xlsx' },
  lang: 'pl' | 'en',
): Readable {
  authorize(ctx.actor, 'customers:export');
  const filter: ListFilter = { pattern: q.q ? searchPattern(q.q) : null, kind: q.kind, status: q.status, city: q.city, sort: q.sort };
  const batches = repo.stream(deps.database.db, filter);
  const header = COLUMNS.map((c) => c[lang]);

  if (q.format === 'csv') {
    // Semicolons and a BOM: what Polish Excel opens correctly with a double click.
    const out = stringify({ delimiter: ';', bom: true });
    void (async () => {
      try {
        out.write(header);
        for await (const batch of batches) for (const r of batch) if (!out.write(cells(r, lang))) await new Promise((res) => out.once('drain', res));
        out.end();
      } catch (e) {
        out.destroy(e as Error);
      }
    })();
    return out;
  }

  const pass = new PassThrough();
  void (async () => {
    try {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: pass, useStyles: true });
      const ws = wb.addWorksheet(lang === 'pl' ? 'Klienci' : 'Customers');
      ws.columns = COLUMNS.map((c) => ({ header: c[lang], key: c.key, width: c.width }));
      ws.getRow(1).font = { bold: true };
      ws.getRow(1).commit();
      for await (const batch of batches) for (const r of batch) ws.addRow(cells(r, lang)).commit();
      ws.commit();
      await wb.commit();
    } catch (e) {
      pass.destroy(e as Error);
    }
  })();
  return pass;
}
