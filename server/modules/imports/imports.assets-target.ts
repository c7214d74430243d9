// Customer assets from a file. The asset type is chosen at upload, so its custom fields are columns
// too (headed by their labels, as the asset export writes them: an export imports back). Customers
// are found by NIP or by exact name, sites by name within the customer, products by code.
import { and, eq, inArray, isNull, like, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { appendAuditMany } from '../../kernel/audit/audit.ts';
import { actorId } from '../../kernel/auth/actor.ts';
import { fieldError, invalidFields, type FieldError } from '../../kernel/errors/app-error.ts';
import { escapeLike } from '../../kernel/text/like.ts';
import { digitsOnly, foldText } from '../../kernel/text/normalize.ts';
import { loadAssetType } from '../assets/asset-types.usecases.ts';
import { assetsRepository } from '../assets/assets.repository.ts';
import { isRealDate, normalizeCustomValues, serialKey, type CustomValue } from '../assets/assets.rules.ts';
import { assetInput, type AssetTypeDto, type FieldDto } from '../assets/assets.schemas.ts';
import { assetEvents } from '../assets/assets.table.ts';
import { assetAuditView, derivedAssetColumns } from '../assets/assets.usecases.ts';
import { products } from '../catalog/catalog.table.ts';
import { codeKey } from '../catalog/parts.rules.ts';
import { customers, customerSites } from '../customers/customers.table.ts';
// Types only: imports.targets.ts imports this file, a value import back would be a cycle.
import type { FieldDef, ImportOpts, ImportTarget, RowOut } from './imports.targets.ts';

export const CUSTOM_PREFIX = 'custom.';

const BASE_FIELDS: FieldDef[] = [
  { key: 'customer', required: true, aliases: ['customer', 'klient', 'nip', 'nip klienta', 'customer nip', 'nazwa klienta', 'customer name', 'kontrahent', 'wlasciciel', 'owner'] },
  { key: 'name', required: true, aliases: ['name', 'nazwa', 'nazwa urzadzenia', 'urzadzenie', 'asset', 'asset name'] },
  { key: 'serialNumber', required: false, aliases: ['serial number', 'serial', 'sn', 's/n', 'numer seryjny', 'nr seryjny', 'numer fabryczny', 'nr fabryczny'] },
  { key: 'manufacturer', required: false, aliases: ['manufacturer', 'producent', 'marka', 'brand'] },
  { key: 'model', required: false, aliases: ['model'] },
  { key: 'productCode', required: false, aliases: ['product code', 'kod produktu', 'kod katalogowy', 'indeks produktu'] },
  { key: 'purchaseDate', required: false, aliases: ['purchase date', 'data zakupu', 'zakup'] },
  { key: 'installationDate', required: false, aliases: ['installation date', 'data instalacji', 'data montazu', 'data uruchomienia'] },
  { key: 'site', required: false, aliases: ['site', 'lokalizacja', 'obiekt', 'adres instalacji', 'miejsce instalacji'] },
  { key: 'position', required: false, aliases: ['position', 'miejsce', 'pomieszczenie', 'polozenie'] },
  { key: 'specification', required: false, aliases: ['specification', 'specyfikacja', 'parametry', 'dane techniczne'] },
];

/** A custom field as a column: found by its label (what the export heads it with) or its key. */
const customFieldDef = (f: FieldDto): FieldDef => ({ key: `${CUSTOM_PREFIX}${f.key}`, required: f.required, aliases: [f.label, f.key], label: f.label });

/** The chosen type, which must exist and be active; the error sits at the upload's assetTypeId. */
export async function activeAssetType(db: Db, id: string | null | undefined): Promise<AssetTypeDto> {
  if (!id) throw invalidFields([fieldError('assetTypeId', 'import.asset_type_required', 'Choose the asset type to import')]);
  const type = await loadAssetType(db, id);
  if (!type) throw invalidFields([fieldError('assetTypeId', 'assets.type_unknown', 'No such asset type')]);
  if (type.archived) throw invalidFields([fieldError('assetTypeId', 'assets.type_archived', 'This asset type is archived', { value: type.name })]);
  return type;
}

/** "2026-03-01", "1.03.2026" and "01.03.2026" → "2026-03-01"; null when it is no real date. */
export function importDate(raw: string): string | null {
  const s = raw.trim();
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  const iso = m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : s;
  return isRealDate(iso) ? iso : null;
}

/** The NIP a customer cell names ("526-104-08-28", "PL 5261040828"), or null when it names a customer by name. */
export function nipOf(raw: string): string | null {
  const s = raw.trim().replace(/^pl\s*/i, '');
  return /^[\d\s-]+$/.test(s) && digitsOnly(s).length === 10 ? digitsOnly(s) : null;
}

const basics = assetInput.pick({ name: true, serialNumber: true, manufacturer: true, model: true, purchaseDate: true, installationDate: true, specification: true, position: true });

export type AssetRecord = z.infer<typeof basics> & {
  customerId: string;
  assetTypeId: string;
  productId: string | null;
  siteId: string | null;
  custom: Record<string, CustomValue>;
  customerName: string;
};

type Candidate = { id: string; name: string };
const customerKey = (raw: string) => {
  const nip = nipOf(raw);
  return nip ? `nip:${nip}` : `name:${foldText(raw)}`;
};

/** Customers named by the cells, by lookup key; more than one candidate means the cell is ambiguous. */
async function findCustomers(db: Db, raws: string[]): Promise<Map<string, Candidate[]>> {
  const found = new Map<string, Candidate[]>();
  const add = (key: string, c: Candidate) => found.set(key, [...(found.get(key) ?? []), c]);
  const nips = [...new Set(raws.map(nipOf).filter((n): n is string => n !== null))];
  for (let i = 0; i < nips.length; i += 1000) {
    const rows = await db
      .select({ id: customers.id, name: customers.name, nip: customers.nip })
      .from(customers)
      .where(and(inArray(customers.nip, nips.slice(i, i + 1000)), isNull(customers.archivedAt)));
    for (const r of rows) add(`nip:${r.nip}`, r);
  }
  // The folded search text starts with the folded name: a prefix match on the trigram-indexed column,
  // then the exact comparison here.
  const names = [...new Set(raws.filter((r) => !nipOf(r)).map(foldText))].filter(Boolean);
  for (let i = 0; i < names.length; i += 100) {
    const chunk = names.slice(i, i + 100);
    const wanted = new Set(chunk);
    const rows = await db
      .select({ id: customers.id, name: customers.name })
      .from(customers)
      .where(and(isNull(customers.archivedAt), or(...chunk.flatMap((n) => [eq(customers.searchText, n), like(customers.searchText, `${escapeLike(n)} | %`)])) as SQL))
      .limit(chunk.length * 50);
    for (const r of rows) if (wanted.has(foldText(r.name))) add(`name:${foldText(r.name)}`, r);
  }
  return found;
}

async function findSites(db: Db, customerIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < customerIds.length; i += 1000) {
    const rows = await db
      .select({ id: customerSites.id, customerId: customerSites.customerId, name: customerSites.name })
      .from(customerSites)
      .where(and(inArray(customerSites.customerId, customerIds.slice(i, i + 1000)), isNull(customerSites.archivedAt)));
    for (const r of rows) {
      const k = `${r.customerId}|${foldText(r.name)}`;
      out.set(k, [...(out.get(k) ?? []), r.id]);
    }
  }
  return out;
}

async function findProducts(db: Db, keys: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < keys.length; i += 1000) {
    const rows = await db.select({ id: products.id, key: products.codeKey }).from(products).where(inArray(products.codeKey, keys.slice(i, i + 1000)));
    for (const r of rows) out.set(r.key, r.id);
  }
  return out;
}

export const assetsTarget: ImportTarget<AssetRecord> = {
  fields: BASE_FIELDS,
  async fieldsFor(db, opts: ImportOpts) {
    const type = await activeAssetType(db, opts.assetTypeId);
    return [...BASE_FIELDS, ...type.fields.map(customFieldDef)];
  },
  async validate(db, rows, opts) {
    const type = await activeAssetType(db, opts.assetTypeId);
    const out: RowOut<AssetRecord>[] = rows.map((r) => {
      const errors: FieldError[] = [];
      const v = r.values;
      const date = (key: 'purchaseDate' | 'installationDate') => {
        const raw = v[key]?.trim();
        if (!raw) return null;
        const d = importDate(raw);
        if (!d) errors.push(fieldError(key, 'import.bad_date', `"${raw}" is not a date (YYYY-MM-DD or DD.MM.YYYY)`, { value: raw }));
        return d;
      };
      const parsed = basics.safeParse({
        name: v.name ?? '',
        serialNumber: v.serialNumber ?? '',
        manufacturer: v.manufacturer ?? '',
        model: v.model ?? '',
        purchaseDate: date('purchaseDate'),
        installationDate: date('installationDate'),
        specification: v.specification ?? '',
        position: v.position ?? '',
      });
      if (!parsed.success) errors.push(...parsed.error.issues.map((i) => fieldError(String(i.path[0] ?? ''), `validation.${i.code}`, i.message)));
      const given: Record<string, CustomValue> = {};
      for (const f of type.fields) {
        const raw = v[`${CUSTOM_PREFIX}${f.key}`];
        if (raw !== undefined) given[f.key] = f.kind === 'date' ? (importDate(raw) ?? raw) : raw;
      }
      const custom = normalizeCustomValues(type.fields, given);
      errors.push(...custom.errors);
      if (!v.customer?.trim()) errors.push(fieldError('customer', 'validation.too_small', 'A customer is required'));
      const record: AssetRecord | null = parsed.success
        ? { ...parsed.data, customerId: '', assetTypeId: type.id, productId: null, siteId: null, custom: custom.values, customerName: '' }
        : null;
      return { ...r, errors, record };
    });

    const customersFound = await findCustomers(db, out.map((r) => r.values.customer?.trim() ?? '').filter(Boolean));
    const customerOf = new Map<number, Candidate>();
    for (const r of out) {
      const raw = r.values.customer?.trim();
      if (!raw) continue;
      const candidates = customersFound.get(customerKey(raw)) ?? [];
      if (candidates.length === 1) customerOf.set(r.row, candidates[0]!);
      else if (candidates.length === 0) r.errors.push(fieldError('customer', 'import.customer_unknown', `No customer with NIP or name "${raw}"`, { value: raw }));
      else r.errors.push(fieldError('customer', 'import.customer_ambiguous', `${candidates.length} customers match "${raw}"; use the NIP`, { value: raw, count: candidates.length }));
    }

    const sites = await findSites(db, [...new Set([...customerOf.values()].map((c) => c.id))]);
    const productKeys = [...new Set(out.map((r) => codeKey(r.values.productCode ?? '')).filter(Boolean))];
    const productIds = await findProducts(db, productKeys);
    const serials = new Map<string, number>();
    for (const r of out) {
      const customer = customerOf.get(r.row);
      const siteRaw = r.values.site?.trim();
      let siteId: string | null = null;
      if (siteRaw && customer) {
        const ids = sites.get(`${customer.id}|${foldText(siteRaw)}`) ?? [];
        if (ids.length === 1) siteId = ids[0]!;
        else if (ids.length === 0) r.errors.push(fieldError('site', 'import.site_unknown', `The customer has no site "${siteRaw}"`, { value: siteRaw }));
        else r.errors.push(fieldError('site', 'import.site_ambiguous', `The customer has ${ids.length} sites named "${siteRaw}"`, { value: siteRaw }));
      }
      const code = r.values.productCode?.trim();
      const productId = code ? (productIds.get(codeKey(code)) ?? null) : null;
      if (code && !productId) r.errors.push(fieldError('productCode', 'import.product_unknown', `No product with code "${code}"`, { value: code }));
      const serial = serialKey(r.values.serialNumber ?? '');
      if (serial && customer) {
        const k = `${customer.id}|${serial}`;
        const prev = serials.get(k);
        if (prev !== undefined)
          r.errors.push(fieldError('serialNumber', 'import.duplicate_serial_in_file', `The same serial number for the same customer as row ${prev}`, { row: prev, value: r.values.serialNumber ?? '' }));
        else serials.set(k, r.row);
      }
      if (r.record && customer) Object.assign(r.record, { customerId: customer.id, customerName: customer.name, siteId, productId });
    }
    for (const r of out) if (r.errors.length) r.record = null;
    return out;
  },
  async insert(tx, records, now, opts) {
    const rows = await assetsRepository.insertMany(
      tx,
      records.map(({ customerName, ...values }) => ({ ...values, contactId: null, ...derivedAssetColumns(values, customerName), createdAt: now, updatedAt: now })),
    );
    // The history's "created" entry, as appendAssetEvent writes it, but in bulk.
    const actor = { actorId: actorId(opts.ctx.actor), actorName: opts.ctx.actor.name };
    for (let i = 0; i < rows.length; i += 1000)
      await tx.insert(assetEvents).values(rows.slice(i, i + 1000).map((r) => ({ assetId: r.id, at: now, kind: 'created', data: { custody: r.custody, source: 'import', file: opts.fileName }, ...actor })));
    await appendAuditMany(tx, opts.ctx, rows.map((r) => ({ entity: 'assets', entityId: r.id, action: 'imported', after: assetAuditView(r) })));
    return rows.map((r) => ({ id: r.id, label: r.name }));
  },
  auditsItself: true,
};
