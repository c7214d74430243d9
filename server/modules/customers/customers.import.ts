// CSV import of customers: preview (per-row errors, nothing written) and an all-or-nothing commit.
import { parse } from 'csv-parse/sync';
import { inArray } from 'drizzle-orm';
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAuditMany } from '../../kernel/audit/audit.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { AppError, type FieldError } from '../../kernel/errors/app-error.ts';
import { foldText } from '../../kernel/text/normalize.ts';
import { customersRepository as repo } from './customers.repository.ts';
import { customerSearchText, customerSortKey, normalizeCustomer, validateCustomer } from './customers.rules.ts';
import { contactInput, customerInput, type CustomerInput } from './customers.schemas.ts';
import { customers } from './customers.table.ts';

export const MAX_IMPORT_ROWS = 50_000;

const FIELD_ALIASES: Record<string, string[]> = {
  kind: ['kind', 'type', 'typ', 'rodzaj', 'rodzaj klienta'],
  name: ['name', 'nazwa', 'nazwa klienta', 'klient', 'firma', 'customer', 'imie i nazwisko'],
  nip: ['nip', 'tax id', 'vat id', 'vat number'],
  regon: ['regon'],
  pesel: ['pesel'],
  email: ['email', 'e-mail', 'mail', 'adres e-mail'],
  phone: ['phone', 'telefon', 'tel', 'tel.', 'nr telefonu'],
  street: ['street', 'ulica', 'adres', 'address', 'ulica i numer'],
  postalCode: ['postal code', 'postalcode', 'postcode', 'zip', 'kod pocztowy', 'kod'],
  city: ['city', 'miasto', 'miejscowosc'],
  country: ['country', 'kraj'],
  notes: ['notes', 'note', 'uwagi', 'notatki'],
  contactName: ['contact name', 'contact', 'osoba kontaktowa', 'kontakt'],
  contactEmail: ['contact email', 'contact e-mail', 'email kontaktu', 'e-mail kontaktu'],
  contactPhone: ['contact phone', 'telefon kontaktu', 'tel. kontaktu'],
};
const ALIAS_TO_FIELD = new Map<string, string>();
for (const [field, aliases] of Object.entries(FIELD_ALIASES)) for (const a of aliases) ALIAS_TO_FIELD.set(a, field);

export function mapHeader(header: string): string | null {
  return ALIAS_TO_FIELD.get(foldText(header).replace(/[_*]/g, ' ').replace(/\s+/g, ' ').trim()) ?? null;
}

export function detectDelimiter(firstLine: string): string {
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

const KIND_VALUES: Record<string, 'company' | 'individual'> = {
  company: 'company', firma: 'company', f: 'company', b2b: 'company', 'osoba prawna': 'company',
  individual: 'individual', person: 'individual', osoba: 'individual', 'osoba prywatna': 'individual',
  'osoba fizyczna': 'individual', prywatny: 'individual', o: 'individual', b2c: 'individual',
};

export type ParsedRow = {
  row: number;
  values: Record<string, string>;
  customer: CustomerInput | null;
  contact: { name: string; email: string; phone: string } | null;
  errors: FieldError[];
  warnings: FieldError[];
};

export function parseCustomerCsv(csv: string) {
  const text = csv.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  let records: string[][];
  try {
    records = parse(text, { delimiter: detectDelimiter(firstLine), relax_column_count: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (e) {
    throw new AppError('import.unreadable', 422, `The file is not valid CSV: ${(e as Error).message}`, {
      fields: [{ path: 'csv', code: 'import.unreadable', message: (e as Error).message }],
    });
  }
  const [header, ...data] = records;
  if (!header || data.length === 0)
    throw new AppError('import.empty', 422, 'The file has no data rows under a header row', {
      fields: [{ path: 'csv', code: 'import.empty', message: 'No data rows' }],
    });
  if (data.length > MAX_IMPORT_ROWS)
    throw new AppError('import.too_many_rows', 422, `At most ${MAX_IMPORT_ROWS} rows per import`, {
      fields: [{ path: 'csv', code: 'import.too_many_rows', message: `At most ${MAX_IMPORT_ROWS} rows` }],
    });
  const columns = header.map((h) => ({ header: h, field: mapHeader(h) }));
  if (!columns.some((c) => c.field === 'name'))
    throw new AppError('import.missing_name_column', 422, 'The header needs a name column (name / nazwa)', {
      fields: [{ path: 'csv', code: 'import.missing_name_column', message: 'No name column' }],
    });

  const rows: ParsedRow[] = data.map((cells, i) => {
    const values: Record<string, string> = {};
    columns.forEach((c, j) => {
      if (c.field) values[c.field] = cells[j] ?? '';
    });
    return validateRow(i + 2, values);
  });
  return { columns, rows };
}

function validateRow(rowNumber: number, values: Record<string, string>): ParsedRow {
  const errors: FieldError[] = [];
  const kindRaw = foldText(values.kind ?? '');
  const kind = kindRaw ? KIND_VALUES[kindRaw] : values.pesel ? 'individual' : 'company';
  if (!kind) errors.push({ path: 'kind', code: 'import.kind_unknown', message: `Unknown kind "${values.kind}" (company/firma, individual/osoba)`, params: { value: values.kind ?? '' } });
  const parsed = customerInput.safeParse({
    kind: kind ?? 'company',
    name: values.name ?? '',
    nip: values.nip || null,
    regon: values.regon || null,
    pesel: values.pesel || null,
    email: values.email ?? '',
    phone: values.phone ?? '',
    street: values.street ?? '',
    postalCode: values.postalCode ?? '',
    city: values.city ?? '',
    country: values.country || 'PL',
    notes: values.notes ?? '',
  });
  let customer: CustomerInput | null = null;
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      errors.push({ path: issue.path.join('.'), code: `validation.${issue.code}`, message: issue.message });
  } else {
    customer = normalizeCustomer(parsed.data);
    errors.push(...validateCustomer(customer));
  }
  let contact: ParsedRow['contact'] = null;
  if (values.contactName || values.contactEmail || values.contactPhone) {
    const c = contactInput.safeParse({ name: values.contactName ?? '', email: values.contactEmail ?? '', phone: values.contactPhone ?? '' });
    if (c.success) contact = { name: c.data.name, email: c.data.email, phone: c.data.phone };
    else
      for (const issue of c.error.issues)
        errors.push({ path: `contact${cap(String(issue.path[0] ?? ''))}`, code: `validation.${issue.code}`, message: issue.message });
  }
  return { row: rowNumber, values, customer: errors.length ? null : customer, contact, errors, warnings: [] };
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Warns about NIPs that repeat inside the file or already belong to a customer. */
async function addDuplicateWarnings(db: Db, rows: ParsedRow[]) {
  const seen = new Map<string, number>();
  for (const r of rows) {
    const nip = r.customer?.nip;
    if (!nip) continue;
    const first = seen.get(nip);
    if (first !== undefined) r.warnings.push({ path: 'nip', code: 'import.duplicate_nip_in_file', message: `Same NIP as row ${first}`, params: { row: first } });
    else seen.set(nip, r.row);
  }
  const nips = [...seen.keys()];
  const existing = new Map<string, string>();
  for (let i = 0; i < nips.length; i += 1000) {
    const found = await db.select({ nip: customers.nip, name: customers.name }).from(customers).where(inArray(customers.nip, nips.slice(i, i + 1000)));
    for (const f of found) if (f.nip) existing.set(f.nip, f.name);
  }
  for (const r of rows) {
    const name = r.customer?.nip ? existing.get(r.customer.nip) : undefined;
    if (name) r.warnings.push({ path: 'nip', code: 'customers.duplicate_nip', message: `A customer with this NIP exists: ${name}`, params: { name } });
  }
}

export async function previewImport(deps: Deps, ctx: Ctx, csv: string) {
  authorize(ctx.actor, 'customers:import');
  const { columns, rows } = parseCustomerCsv(csv);
  await addDuplicateWarnings(deps.database.db, rows);
  const invalid = rows.filter((r) => r.errors.length);
  const shown = [...invalid, ...rows.filter((r) => !r.errors.length)].slice(0, 200);
  return {
    columns,
    totalRows: rows.length,
    validRows: rows.length - invalid.length,
    invalidRows: invalid.length,
    rows: shown.map(({ row, values, errors, warnings }) => ({ row, values, errors, warnings })),
  };
}

/** All rows or none: any row with an error refuses the whole file and writes nothing. */
export async function commitImport(deps: Deps, ctx: Ctx, csv: string) {
  authorize(ctx.actor, 'customers:import');
  const { rows } = parseCustomerCsv(csv);
  const invalid = rows.filter((r) => r.errors.length);
  if (invalid.length)
    throw new AppError('import.has_errors', 422, `${invalid.length} row(s) have errors; nothing was imported`, {
      fields: invalid.slice(0, 100).flatMap((r) => r.errors.map((e) => ({ ...e, path: `rows.${r.row}.${e.path}` }))),
      extra: { invalidRows: invalid.length },
    });
  const now = deps.clock.now();
  return deps.database.db.transaction(async (tx) => {
    const inserted = await repo.insertMany(
      tx,
      rows.map((r) => {
        const c = r.customer!;
        return {
          ...c,
          createdAt: now,
          updatedAt: now,
          searchText: customerSearchText({ ...c, contacts: r.contact ? [r.contact] : [] }),
          sortKey: customerSortKey(c.name),
        };
      }),
    );
    const contacts = rows.flatMap((r, i) =>
      r.contact ? [{ ...r.contact, customerId: inserted[i]!.id, createdAt: now, updatedAt: now }] : [],
    );
    await repo.insertContacts(tx, contacts);
    await appendAuditMany(
      tx,
      ctx,
      inserted.map((row) => {
        const { searchText: _s, sortKey: _k, ...after } = row;
        return { entity: 'customers', entityId: row.id, action: 'imported', after };
      }),
    );
    return { created: inserted.length };
  });
}
