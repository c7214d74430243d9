// Deterministic customer assets for the benchmark and the bulk path that loads them.
// Asset i depends only on (seed, i, number of customers): a database grown 100k → 1M assets holds the
// same rows as one filled with 1M at once. The asset types are created through the real use case
// (createAssetType); custom values go through normalizeCustomValues for every row, search_text,
// sort_key and serial_key come from the module's own rule functions, so a generated row is what
// createAsset would have stored (minus its history event and audit row).
import type { Ctx, Deps } from '../server/deps.ts';
import type { Database } from '../server/db/client.ts';
import { createAssetType } from '../server/modules/assets/asset-types.usecases.ts';
import { assetSearchText, assetSortKey, normalizeCustomValues, serialKey, type CustomValues } from '../server/modules/assets/assets.rules.ts';
import { assetInput, type AssetTypeDto } from '../server/modules/assets/assets.schemas.ts';
import { copyText, line, rng, uuidFor } from './dataset.ts';
import { ASSET_TYPES, MAKERS, PROFILES, TYPE_KEYS, pickWeighted, type MadeAsset, type TypeKey } from './assets-models.ts';

export type BenchType = { key: TypeKey; dto: AssetTypeDto; keyOfLabel: Map<string, string> };
export type BenchTypes = Record<TypeKey, BenchType>;

/** The six asset types, created through the use case (validation, field keys from labels, audit). */
export async function createBenchAssetTypes(deps: Deps, ctx: Ctx): Promise<BenchTypes> {
  const out = {} as BenchTypes;
  for (const key of TYPE_KEYS) {
    const dto = await createAssetType(deps, ctx, ASSET_TYPES[key]);
    out[key] = { key, dto, keyOfLabel: new Map(dto.fields.map((f) => [f.label, f.key])) };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Who owns the assets: the customers the bench already loaded, with a realistic skew.

/** Share of assets owned by the large customers, then by the medium ones; the rest is spread evenly. */
const LARGE_SHARE = 0.15;
const MEDIUM_SHARE = 0.25;
const LARGE_WEIGHTS = [30, 25, 20, 15, 15, 10, 10, 10, 8, 7].map((w, k) => ({ k, w }));
const LARGE_PROFILES = ['it', 'fleet', 'housing', 'hvac'] as const;
const MEDIUM_PROFILES = ['general', 'it', 'housing', 'hvac', 'fleet', 'general'] as const;
type Profile = keyof typeof PROFILES;
/** What a larger customer's name says it owns (a housing co-operative: boilers), else `fallback`. */
function profileOf(name: string, fallback: Profile): Profile {
  if (/Mieszkaniow/.test(name)) return 'housing';
  if (/Hotel|Pensjonat|Restauracja|Przychodnia|Termo|Klima|Gaz|Kotłów|Pomp|Hydraul|Instalac/.test(name)) return 'hvac';
  if (/Trans|Auto|Samochodow|Mechanika|Wulkaniz|Ogumienia|Wózków/.test(name)) return 'fleet';
  if (/Szkoła|Komputer|Informatycz|Tech|Kas Fiskalnych|Apteka/.test(name)) return 'it';
  return fallback;
}

export type CustomerDirectory = {
  count: number;
  ids: string[];
  names: string[];
  individual: Uint8Array;
  /** Customer indexes of the large customers (companies, not archived), largest first. */
  large: number[];
  mediumCount: number;
};

/** Customer index of the j-th medium customer: one in every 100, at a seeded place in its hundred. */
export const mediumIndex = (seed: number, j: number) => j * 100 + rng(seed, 0x3ed, j).int(0, 99);

/** Reads customers 0 … count − 1 of the data set back from the table (ids map back to indexes). */
export async function loadCustomerDirectory(database: Database, seed: number, count: number): Promise<CustomerDirectory> {
  const mask = parseInt(uuidFor(seed, 0, 0).slice(-8), 16);
  const ids = new Array<string>(count);
  const names = new Array<string>(count);
  const individual = new Uint8Array(count);
  const archived = new Uint8Array(count);
  const rows = await database.query<{ id: string; name: string; kind: string; archived: boolean }>('select id, name, kind, archived_at is not null as archived from customers');
  let found = 0;
  for (const r of rows) {
    const index = (parseInt(r.id.slice(-8), 16) ^ mask) >>> 0;
    if (index >= count || uuidFor(seed, index, 0) !== r.id) continue; // created through the API by the create scenario
    ids[index] = r.id;
    names[index] = r.name;
    individual[index] = r.kind === 'individual' ? 1 : 0;
    archived[index] = r.archived ? 1 : 0;
    found++;
  }
  if (found !== count) throw new Error(`expected customers 0…${count - 1} of the data set in the table, found ${found}`);
  const large: number[] = [];
  const L = count >= 1000 ? LARGE_WEIGHTS.length : 0;
  for (let k = 0; k < L; k++) {
    let i = Math.floor((count * (k + 0.5)) / L);
    while (individual[i] || archived[i] || i === mediumIndex(seed, Math.floor(i / 100))) i = (i + 1) % count; // an active company, not a medium one
    large.push(i);
  }
  return { count, ids, names, individual, large, mediumCount: Math.floor(count / 100) };
}

// ---------------------------------------------------------------------------------------------
// One asset

export type GeneratedAsset = {
  id: string;
  index: number;
  customerIndex: number;
  customerId: string;
  type: TypeKey;
  assetTypeId: string;
  made: MadeAsset;
  /** The custom values as typed, by field key (what the API would receive). */
  given: Record<string, string | number | boolean | null>;
  custom: CustomValues;
  purchaseDate: string | null;
  installationDate: string | null;
  specification: string;
  contactId: string | null;
  custody: 'with_customer' | 'in_shop' | 'on_site_service' | 'external_service';
  archivedAt: Date | null;
  createdAt: Date;
  searchText: string;
  sortKey: string;
  serialKey: string;
};

const SPECS = ['', '', '', '', '', '', '', 'Na gwarancji producenta do końca okresu.', 'Umowa serwisowa – przegląd co 12 miesięcy.', 'Po naprawie gwarancyjnej, wymieniona płyta główna.', 'Sprzęt leasingowany.'];
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const assetId = (seed: number, i: number) => uuidFor(seed ^ 0xa55e7, i, 0);

/** Asset number `index` of data set `seed` over the customers of `dir`. Pure, given the same inputs. */
export function generateAsset(seed: number, index: number, dir: CustomerDirectory, types: BenchTypes): GeneratedAsset {
  const r = rng(seed, 0xa55e7, index);
  const u = r.next();
  let customerIndex: number;
  let profile: Profile;
  if (u < LARGE_SHARE && dir.large.length) {
    const { k } = pickWeighted(r, LARGE_WEIGHTS);
    customerIndex = dir.large[k]!;
    profile = profileOf(dir.names[customerIndex]!, LARGE_PROFILES[k % LARGE_PROFILES.length]!);
  } else if (u < LARGE_SHARE + MEDIUM_SHARE && dir.mediumCount) {
    const j = r.int(0, dir.mediumCount - 1);
    customerIndex = mediumIndex(seed, j);
    profile = profileOf(dir.names[customerIndex]!, MEDIUM_PROFILES[j % MEDIUM_PROFILES.length]!);
  } else {
    customerIndex = r.int(0, dir.count - 1);
    profile = dir.individual[customerIndex] ? 'individual' : 'general';
  }
  const type = types[pickWeighted(r, PROFILES[profile]).v];
  const made = MAKERS[type.key](r);
  const given: GeneratedAsset['given'] = {};
  for (const [label, value] of Object.entries(made.custom)) {
    const key = type.keyOfLabel.get(label);
    if (!key) throw new Error(`asset type ${type.dto.name} has no field "${label}"`);
    given[key] = value;
  }
  const { values, errors } = normalizeCustomValues(type.dto.fields, given);
  if (errors.length) throw new Error(`asset ${index}: custom values rejected: ${JSON.stringify(errors)}`);

  const purchase = Date.UTC(2015, 0, 1) + Math.floor(r.next() * 11.8 * 365 * 86_400_000);
  const installed = type.key === 'boiler' || type.key === 'aircon' ? day(purchase + r.int(0, 30) * 86_400_000) : null;
  const createdAt = new Date(Math.max(Date.UTC(2019, 0, 1), purchase) + Math.floor(r.next() * 200 * 86_400_000));
  const c = r.next();
  const custody = c < 0.965 ? 'with_customer' : c < 0.99 ? 'in_shop' : c < 0.996 ? 'on_site_service' : 'external_service';
  const archivedAt = r.chance(0.03) ? new Date(createdAt.getTime() + 86_400_000 * r.int(30, 900)) : null;
  const customerName = dir.names[customerIndex]!;
  // The module's own keys. The type name goes along: assetSearchText takes what it needs from it.
  const searchInput = { name: made.name, serialNumber: made.serialNumber, manufacturer: made.manufacturer, model: made.model, position: made.position, customerName, typeName: type.dto.name, custom: values };
  return {
    id: assetId(seed, index),
    index,
    customerIndex,
    customerId: dir.ids[customerIndex]!,
    type: type.key,
    assetTypeId: type.dto.id,
    made,
    given,
    custom: values,
    purchaseDate: r.chance(0.8) ? day(purchase) : null,
    installationDate: installed,
    specification: r.pick(SPECS),
    contactId: r.chance(0.25) ? uuidFor(seed, customerIndex, 1) : null, // every customer has a first contact
    custody,
    archivedAt,
    createdAt,
    searchText: assetSearchText(searchInput),
    sortKey: assetSortKey(made.name),
    serialKey: serialKey(made.serialNumber),
  };
}

/** The asset as a POST /api/v1/assets body: what the 97th-row check validates against the API schema. */
export function toAssetInput(a: GeneratedAsset) {
  return {
    customerId: a.customerId,
    assetTypeId: a.assetTypeId,
    name: a.made.name,
    serialNumber: a.made.serialNumber,
    manufacturer: a.made.manufacturer,
    model: a.made.model,
    purchaseDate: a.purchaseDate,
    installationDate: a.installationDate,
    specification: a.specification,
    position: a.made.position,
    contactId: a.contactId,
    custom: a.given,
  };
}

// ---------------------------------------------------------------------------------------------
// Bulk load: the same two COPY paths as the customers (bench/dataset.ts copyText).

const ASSET_COLUMNS = [
  'id', 'customer_id', 'asset_type_id', 'name', 'serial_number', 'serial_key', 'manufacturer', 'model', 'purchase_date', 'installation_date', 'specification',
  'position', 'contact_id', 'custody', 'custom', 'meter_value', 'meter_read_on', 'archived_at', 'created_at', 'updated_at', 'search_text', 'sort_key',
];

function assetLine(a: GeneratedAsset): string {
  const created = a.createdAt.toISOString();
  const meter = a.made.meterValue === null ? null : String(a.made.meterValue);
  return line([
    a.id, a.customerId, a.assetTypeId, a.made.name, a.made.serialNumber, a.serialKey, a.made.manufacturer, a.made.model, a.purchaseDate, a.installationDate, a.specification,
    a.made.position, a.contactId, a.custody, JSON.stringify(a.custom), meter, meter === null ? null : created.slice(0, 10), a.archivedAt?.toISOString() ?? null, created, created, a.searchText, a.sortKey,
  ]);
}

export type AssetGrowStats = { assets: number; generateMs: number; loadMs: number; totalMs: number };

/**
 * Adds assets number [from, to) in batches, one COPY each. Every row's custom values go through
 * normalizeCustomValues; every 97th row is also checked against the API's input schema.
 */
export async function growAssets(
  database: Database,
  seed: number,
  from: number,
  to: number,
  dir: CustomerDirectory,
  types: BenchTypes,
  opts: { batch?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<AssetGrowStats> {
  const batch = opts.batch ?? 20_000;
  const stats: AssetGrowStats = { assets: 0, generateMs: 0, loadMs: 0, totalMs: 0 };
  const t0 = performance.now();
  for (let start = from; start < to; start += batch) {
    const end = Math.min(to, start + batch);
    const g0 = performance.now();
    let text = '';
    for (let i = start; i < end; i++) {
      const a = generateAsset(seed, i, dir, types);
      if (i % 97 === 0) {
        const parsed = assetInput.safeParse(toAssetInput(a));
        if (!parsed.success) throw new Error(`Generated asset ${i} is invalid: ${JSON.stringify(parsed.error.issues)}`);
      }
      text += assetLine(a);
    }
    const l0 = performance.now();
    stats.generateMs += l0 - g0;
    await copyText(database, 'assets', ASSET_COLUMNS, text);
    stats.loadMs += performance.now() - l0;
    stats.assets += end - start;
    opts.onProgress?.(end - from, to - from);
  }
  stats.totalMs = performance.now() - t0;
  return stats;
}
