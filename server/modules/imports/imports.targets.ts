// What each kind of file imports into: its fields (with the header names people use for them), how a
// row becomes a valid record, and the bulk insert. Validation needs the database (codes taken, VAT
// rates, item codes); insertion runs in the commit's single transaction.
import type { Db } from '../../db/client.ts';
import type { Ctx } from '../../deps.ts';
import { fieldError, type FieldError } from '../../kernel/errors/app-error.ts';
import { parseMoney } from '../../kernel/money/money.ts';
import { parseQuantity } from '../../kernel/money/quantity.ts';
import { foldText } from '../../kernel/text/normalize.ts';
import { parts, products, services } from '../catalog/catalog.table.ts';
import { codeKey } from '../catalog/parts.rules.ts';
import { partValues } from '../catalog/parts.usecases.ts';
import { partInput } from '../catalog/parts.schemas.ts';
import { validatePart } from '../catalog/parts.rules.ts';
import { partsRepository } from '../catalog/parts.repository.ts';
import { productDerived } from '../catalog/products.rules.ts';
import { productInput } from '../catalog/products.schemas.ts';
import { serviceDerived } from '../catalog/services.rules.ts';
import { serviceInput } from '../catalog/services.schemas.ts';
import { pricingRepository } from '../pricing/pricing.repository.ts';
import { assetsTarget } from './imports.assets-target.ts';
import { inArray, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';

export const IMPORT_TARGETS = ['parts', 'products', 'services', 'price_list_items', 'assets'] as const;
export type ImportTargetKey = (typeof IMPORT_TARGETS)[number];

/** `label`: a field the company named itself (an asset type's custom field); the UI shows it as is. */
export type FieldDef = { key: string; required: boolean; aliases: string[]; label?: string };
export type RowIn = { row: number; values: Record<string, string> };
export type RowOut<R> = RowIn & { errors: FieldError[]; record: R | null };
export type Inserted = { id: string; label: string };
/** What the upload chose: the price list to import prices into, the type of the assets. */
export type ImportOpts = { priceListId: string | null; assetTypeId: string | null };

export type ImportTarget<R> = {
  fields: FieldDef[];
  /** The fields of this upload when they depend on its choices (an asset type's custom fields). */
  fieldsFor?(db: Db, opts: ImportOpts): Promise<FieldDef[]>;
  validate(db: Db, rows: RowIn[], opts: ImportOpts): Promise<RowOut<R>[]>;
  insert(tx: Db, records: R[], now: Date, opts: ImportOpts & { ctx: Ctx; fileName: string }): Promise<Inserted[]>;
  /** The insert writes the audit rows itself (and whatever else the entity records, e.g. asset history). */
  auditsItself?: boolean;
};

// ── value parsing shared by the targets ──────────────────────────────────────────────────────────

const badNumber = (path: string, v: string) => fieldError(path, 'import.bad_number', `"${v}" is not a number`, { value: v });

function money(values: Record<string, string>, key: string, errors: FieldError[]): number | undefined {
  const v = values[key];
  if (!v) return undefined;
  const m = parseMoney(v);
  if (m === null || m < 0) errors.push(badNumber(key, v));
  return m ?? undefined;
}

function integer(values: Record<string, string>, key: string, errors: FieldError[]): number | undefined {
  const v = values[key];
  if (!v) return undefined;
  if (!/^\d{1,9}$/.test(v)) {
    errors.push(badNumber(key, v));
    return undefined;
  }
  return Number(v);
}

/** "23", "23%", "23 %", "ZW" → the VAT rate code. */
export const vatCode = (v: string) => v.trim().toLowerCase().replace(/\s*%$/, '').replace(',', '.').replace(/\.0+$/, '');

const UNIT_ALIASES: Record<string, string> = {
  pcs: 'pcs', szt: 'pcs', 'szt.': 'pcs', sztuka: 'pcs', pc: 'pcs', set: 'set', kpl: 'set', 'kpl.': 'set', komplet: 'set',
  m: 'm', mb: 'm', kg: 'kg', l: 'l', litr: 'l', pack: 'pack', op: 'pack', 'op.': 'pack', opakowanie: 'pack',
};
const SERVICE_UNIT_ALIASES: Record<string, string> = {
  hour: 'hour', h: 'hour', godz: 'hour', 'godz.': 'hour', godzina: 'hour', rbh: 'hour',
  piece: 'piece', szt: 'piece', 'szt.': 'piece', sztuka: 'piece', usluga: 'piece',
  visit: 'visit', wizyta: 'visit', dojazd: 'visit', km: 'km', kilometr: 'km',
};

function zodErrors(error: z.ZodError, fieldOf: (path: string) => string = (p) => p): FieldError[] {
  return error.issues.map((i) => fieldError(fieldOf(String(i.path[0] ?? '')), `validation.${i.code}`, i.message));
}

/** Marks codes repeated inside the file and codes that already exist. */
async function checkCodes<R>(db: Db, rows: RowOut<R>[], column: PgColumn): Promise<void> {
  const first = new Map<string, number>();
  for (const r of rows) {
    const key = codeKey(r.values.code ?? '');
    if (!key) continue;
    const prev = first.get(key);
    if (prev !== undefined) r.errors.push(fieldError('code', 'import.duplicate_code_in_file', `The same code as row ${prev}`, { row: prev }));
    else first.set(key, r.row);
  }
  const keys = [...first.keys()];
  const taken = new Set<string>();
  for (let i = 0; i < keys.length; i += 5000) {
    const found = await db.select({ key: column }).from(column.table).where(inArray(column, keys.slice(i, i + 5000)) as SQL);
    for (const f of found) taken.add(String(f.key));
  }
  for (const r of rows) if (taken.has(codeKey(r.values.code ?? ''))) r.errors.push(fieldError('code', 'catalog.code_taken', 'An item with this code already exists'));
}

function finish<R>(rows: RowOut<R>[]): RowOut<R>[] {
  for (const r of rows) if (r.errors.length) r.record = null;
  return rows;
}

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<Inserted[]>): Promise<Inserted[]> {
  const out: Inserted[] = [];
  for (let i = 0; i < rows.length; i += 1000) out.push(...(await insert(rows.slice(i, i + 1000))));
  return out;
}

// ── targets ──────────────────────────────────────────────────────────────────────────────────────

type PartRecord = z.infer<typeof partInput>;
const partsTarget: ImportTarget<PartRecord> = {
  fields: [
    { key: 'code', required: true, aliases: ['code', 'kod', 'sku', 'indeks', 'symbol', 'kod czesci'] },
    { key: 'name', required: true, aliases: ['name', 'nazwa', 'nazwa czesci'] },
    { key: 'unit', required: false, aliases: ['unit', 'jednostka', 'jm', 'j.m.', 'jedn.'] },
    { key: 'manufacturerPartNumber', required: false, aliases: ['manufacturer part number', 'mpn', 'nr katalogowy producenta', 'nr katalogowy', 'numer producenta'] },
    { key: 'ean', required: false, aliases: ['ean', 'kod kreskowy', 'gtin', 'barcode'] },
    { key: 'purchasePrice', required: false, aliases: ['purchase price', 'purchase price net', 'cena zakupu', 'cena zakupu netto'] },
    { key: 'salePrice', required: false, aliases: ['sale price', 'sale price net', 'price', 'cena', 'cena sprzedazy', 'cena sprzedazy netto', 'cena netto'] },
    { key: 'vatRate', required: false, aliases: ['vat', 'vat rate', 'stawka vat', 'vat %'] },
    { key: 'minStock', required: false, aliases: ['minimum stock', 'min stock', 'stan minimalny', 'minimum'] },
    { key: 'description', required: false, aliases: ['description', 'opis', 'uwagi'] },
  ],
  async validate(db, rows) {
    const vatCodes = await partsRepository.activeVatCodes(db);
    const out: RowOut<PartRecord>[] = rows.map((r) => {
      const errors: FieldError[] = [];
      const v = r.values;
      const unitRaw = foldText(v.unit ?? '');
      const unit = unitRaw ? UNIT_ALIASES[unitRaw] : 'pcs';
      if (!unit) errors.push(fieldError('unit', 'import.unit_unknown', `Unknown unit "${v.unit}"`, { value: v.unit ?? '' }));
      const minStock = v.minStock ? v.minStock.replace(',', '.') : '0';
      if (v.minStock && parseQuantity(v.minStock) === null) errors.push(badNumber('minStock', v.minStock));
      const parsed = partInput.safeParse({
        code: v.code ?? '',
        name: v.name ?? '',
        unit: unit ?? 'pcs',
        manufacturerPartNumber: v.manufacturerPartNumber ?? '',
        ean: v.ean || null,
        purchasePriceMinor: money(v, 'purchasePrice', errors) ?? 0,
        salePriceMinor: money(v, 'salePrice', errors) ?? 0,
        vatRateCode: v.vatRate ? vatCode(v.vatRate) : '23',
        minStock: errors.some((e) => e.path === 'minStock') ? '0' : minStock,
        description: v.description ?? '',
      });
      if (!parsed.success) errors.push(...zodErrors(parsed.error, (p) => ({ purchasePriceMinor: 'purchasePrice', salePriceMinor: 'salePrice', vatRateCode: 'vatRate' })[p] ?? p));
      else errors.push(...validatePart(parsed.data, vatCodes).map((e) => (e.path === 'vatRateCode' ? { ...e, path: 'vatRate' } : e)));
      return { ...r, errors, record: parsed.success ? parsed.data : null };
    });
    await checkCodes(db, out, parts.codeKey);
    return finish(out);
  },
  insert: (tx, records, now) =>
    insertChunks(records, async (chunk) =>
      (await tx.insert(parts).values(chunk.map((p) => ({ ...partValues(p), createdAt: now, updatedAt: now }))).returning({ id: parts.id, code: parts.code })).map((r) => ({ id: r.id, label: r.code })),
    ),
};

type ProductRecord = z.infer<typeof productInput>;
const productsTarget: ImportTarget<ProductRecord> = {
  fields: [
    { key: 'code', required: true, aliases: ['code', 'kod', 'symbol', 'indeks', 'kod produktu'] },
    { key: 'name', required: true, aliases: ['name', 'nazwa', 'nazwa produktu', 'produkt'] },
    { key: 'manufacturer', required: false, aliases: ['manufacturer', 'producent', 'marka', 'brand'] },
    { key: 'model', required: false, aliases: ['model'] },
    { key: 'category', required: false, aliases: ['category', 'kategoria', 'grupa'] },
    { key: 'warrantyMonths', required: false, aliases: ['warranty', 'warranty months', 'gwarancja', 'gwarancja (mies.)', 'gwarancja miesiace'] },
    { key: 'description', required: false, aliases: ['description', 'opis'] },
  ],
  async validate(db, rows) {
    const out: RowOut<ProductRecord>[] = rows.map((r) => {
      const errors: FieldError[] = [];
      const v = r.values;
      const parsed = productInput.safeParse({
        code: v.code ?? '',
        name: v.name ?? '',
        manufacturer: v.manufacturer ?? '',
        model: v.model ?? '',
        category: v.category ?? '',
        warrantyMonths: integer(v, 'warrantyMonths', errors) ?? 0,
        description: v.description ?? '',
      });
      if (!parsed.success) errors.push(...zodErrors(parsed.error));
      return { ...r, errors, record: parsed.success ? parsed.data : null };
    });
    await checkCodes(db, out, products.codeKey);
    return finish(out);
  },
  insert: (tx, records, now) =>
    insertChunks(records, async (chunk) =>
      (await tx.insert(products).values(chunk.map((p) => ({ ...p, ...productDerived(p), createdAt: now, updatedAt: now }))).returning({ id: products.id, code: products.code })).map((r) => ({ id: r.id, label: r.code })),
    ),
};

type ServiceRecord = z.infer<typeof serviceInput>;
const servicesTarget: ImportTarget<ServiceRecord> = {
  fields: [
    { key: 'code', required: true, aliases: ['code', 'kod', 'symbol'] },
    { key: 'name', required: true, aliases: ['name', 'nazwa', 'usluga', 'nazwa uslugi'] },
    { key: 'unit', required: true, aliases: ['unit', 'jednostka', 'jm', 'j.m.'] },
    { key: 'price', required: true, aliases: ['price', 'price net', 'cena', 'cena netto', 'stawka'] },
    { key: 'vatRate', required: false, aliases: ['vat', 'vat rate', 'stawka vat', 'vat %'] },
    { key: 'billingIncrementMinutes', required: false, aliases: ['billing increment', 'rounding', 'zaokraglenie', 'zaokraglenie (min)', 'rozliczenie co (min)'] },
    { key: 'description', required: false, aliases: ['description', 'opis'] },
  ],
  async validate(db, rows) {
    const vatCodes = await partsRepository.activeVatCodes(db);
    const out: RowOut<ServiceRecord>[] = rows.map((r) => {
      const errors: FieldError[] = [];
      const v = r.values;
      const unit = SERVICE_UNIT_ALIASES[foldText(v.unit ?? '')];
      if (!unit) errors.push(fieldError('unit', 'import.unit_unknown', `Unknown unit "${v.unit ?? ''}"`, { value: v.unit ?? '' }));
      const price = money(v, 'price', errors);
      if (price === undefined && !errors.some((e) => e.path === 'price')) errors.push(fieldError('price', 'validation.too_small', 'A price is required'));
      const vat = v.vatRate ? vatCode(v.vatRate) : '23';
      if (!vatCodes.has(vat)) errors.push(fieldError('vatRate', 'catalog.vat_rate_unknown', `Unknown VAT rate "${v.vatRate}"`, { value: v.vatRate ?? '' }));
      const parsed = serviceInput.safeParse({
        code: v.code ?? '',
        name: v.name ?? '',
        unit: unit ?? 'hour',
        defaultPriceMinor: price ?? 0,
        vatRateCode: vat,
        billingIncrementMinutes: integer(v, 'billingIncrementMinutes', errors) ?? null,
        description: v.description ?? '',
      });
      if (!parsed.success) errors.push(...zodErrors(parsed.error, (p) => ({ defaultPriceMinor: 'price', vatRateCode: 'vatRate' })[p] ?? p));
      return { ...r, errors, record: parsed.success ? parsed.data : null };
    });
    await checkCodes(db, out, services.codeKey);
    return finish(out);
  },
  insert: (tx, records, now) =>
    insertChunks(records, async (chunk) =>
      (await tx.insert(services).values(chunk.map((s) => ({ ...s, ...serviceDerived(s), createdAt: now, updatedAt: now }))).returning({ id: services.id, code: services.code })).map((r) => ({ id: r.id, label: r.code })),
    ),
};

type PriceItemRecord = { itemType: 'part' | 'service'; itemId: string; code: string; priceMinor: number | null; percentBp: number | null };
const ITEM_TYPES: Record<string, 'part' | 'service'> = { part: 'part', czesc: 'part', 'czesc zamienna': 'part', service: 'service', usluga: 'service' };
const priceItemsTarget: ImportTarget<PriceItemRecord> = {
  fields: [
    { key: 'itemType', required: true, aliases: ['type', 'item type', 'typ', 'rodzaj'] },
    { key: 'code', required: true, aliases: ['code', 'kod', 'sku', 'symbol'] },
    { key: 'price', required: false, aliases: ['price', 'cena', 'cena netto', 'cena brutto'] },
    { key: 'percent', required: false, aliases: ['percent', 'procent', 'rabat / narzut %', 'zmiana %', '%'] },
  ],
  async validate(db, rows) {
    const out: RowOut<PriceItemRecord>[] = rows.map((r) => {
      const errors: FieldError[] = [];
      const v = r.values;
      const itemType = ITEM_TYPES[foldText(v.itemType ?? '')];
      if (!itemType) errors.push(fieldError('itemType', 'import.item_type_unknown', `Unknown item type "${v.itemType ?? ''}" (part/część, service/usługa)`));
      if (!v.code) errors.push(fieldError('code', 'validation.too_small', 'A code is required'));
      const priceMinor = money(v, 'price', errors) ?? null;
      let percentBp: number | null = null;
      if (v.percent) {
        const m = /^([+-]?)(\d{1,3})(?:[.,](\d{1,2}))?\s*%?$/.exec(v.percent.trim());
        if (!m) errors.push(badNumber('percent', v.percent));
        else percentBp = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0')));
        if (percentBp !== null && percentBp <= -10000) errors.push(fieldError('percent', 'import.percent_out_of_range', 'A discount must be less than 100%'));
      }
      if ((priceMinor === null) === (percentBp === null) && !errors.some((e) => e.path === 'price' || e.path === 'percent'))
        errors.push(fieldError('price', 'import.price_or_percent', 'Give either a price or a percentage'));
      return { ...r, errors, record: itemType ? { itemType, itemId: '', code: v.code ?? '', priceMinor, percentBp } : null };
    });
    for (const type of ['part', 'service'] as const) {
      const keys = out.filter((r) => r.record?.itemType === type).map((r) => codeKey(r.record!.code));
      const ids = await pricingRepository.idsByCode(db, type, [...new Set(keys)]);
      for (const r of out) {
        if (r.record?.itemType !== type) continue;
        const id = ids.get(codeKey(r.record.code));
        if (id) r.record.itemId = id;
        else if (r.record.code) r.errors.push(fieldError('code', 'import.unknown_item', `No ${type} with code "${r.record.code}"`, { value: r.record.code }));
      }
    }
    const seen = new Map<string, number>();
    for (const r of out) {
      if (!r.record?.itemId) continue;
      const k = `${r.record.itemType}:${r.record.itemId}`;
      const prev = seen.get(k);
      if (prev !== undefined) r.errors.push(fieldError('code', 'import.duplicate_code_in_file', `The same item as row ${prev}`, { row: prev }));
      else seen.set(k, r.row);
    }
    return finish(out);
  },
  async insert(tx, records, now, opts) {
    await pricingRepository.upsertItems(
      tx,
      records.map((r) => ({ priceListId: opts.priceListId!, itemType: r.itemType, itemId: r.itemId, priceMinor: r.priceMinor, percentBp: r.percentBp, createdAt: now, updatedAt: now })),
    );
    return records.map((r) => ({ id: r.itemId, label: r.code }));
  },
};

export const importTargets: Record<ImportTargetKey, ImportTarget<unknown>> = {
  parts: partsTarget as ImportTarget<unknown>,
  products: productsTarget as ImportTarget<unknown>,
  services: servicesTarget as ImportTarget<unknown>,
  price_list_items: priceItemsTarget as ImportTarget<unknown>,
  assets: assetsTarget as ImportTarget<unknown>,
};

/** The fields an upload's columns can fill. */
export const importFields = (db: Db, target: ImportTargetKey, opts: ImportOpts): Promise<FieldDef[]> =>
  importTargets[target].fieldsFor?.(db, opts) ?? Promise.resolve(importTargets[target].fields);

/** How headers and aliases are compared: folded, "_" and "*" (required markers) as spaces. */
const foldHeader = (h: string) => foldText(h).replace(/[_*]/g, ' ').replace(/\s+/g, ' ').trim();

/** The remembered mapping when its headers still fit, otherwise a guess from the field aliases. */
export function suggestMapping(fields: FieldDef[], headers: string[], saved: Record<string, string | null> | undefined) {
  const known = new Set(fields.map((f) => f.key));
  if (saved && headers.every((h) => h in saved) && Object.values(saved).some((v) => v) && Object.values(saved).every((v) => v === null || known.has(v)))
    return { mapping: Object.fromEntries(headers.map((h) => [h, saved[h] ?? null])), source: 'saved' as const };
  const used = new Set<string>();
  const mapping: Record<string, string | null> = {};
  for (const h of headers) {
    const folded = foldHeader(h);
    const free = fields.filter((f) => !used.has(f.key));
    // A field the company named itself wins over a generic alias ("Uwagi" as a custom field).
    const field =
      free.find((f) => f.label !== undefined && foldHeader(f.label) === folded) ??
      free.find((f) => f.aliases.some((a) => foldHeader(a) === folded) || foldHeader(f.key) === folded);
    mapping[h] = field?.key ?? null;
    if (field) used.add(field.key);
  }
  return { mapping, source: 'guessed' as const };
}
