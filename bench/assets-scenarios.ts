// The assets API scenarios of the bench and the same requests as EXPLAIN ANALYZE inputs. Every
// request value comes from the generator (same seed, same rows), never from a random sample.
import type { Database } from '../server/db/client.ts';
import { encodeCursor } from '../server/kernel/http/pagination.ts';
import { generateAsset, mediumIndex, type BenchTypes, type CustomerDirectory } from './assets-dataset.ts';
import type { TypeKey } from './assets-models.ts';
import { rng } from './dataset.ts';
import { ok, page, type Scenario } from './measure.ts';

export const ASSETS_API = '/api/v1/assets';

/** Name words, common and rare, with and without Polish letters (the search folds them). */
export const ASSET_SEARCH_WORDS = ['latitude', 'kocioł', 'kociol', 'vitodens', 'ducato', 'księgowość', 'ksiegowosc', 'lifebook', 'łazienka', 'r290'];

/** One list request: its query string, for autocannon (as a path) and for EXPLAIN (as the use case's input). */
export type AssetRequest = { label: string; query: Record<string, string> };
const pathOf = (q: Record<string, string>) => `${ASSETS_API}?${new URLSearchParams({ limit: '25', ...q }).toString()}`;

export type AssetScenarioSet = {
  scenarios: Scenario[];
  /** Per scenario key, the requests to EXPLAIN (a few of the rotated ones). */
  explain: Record<string, AssetRequest[]>;
};

/**
 * The scenarios over the first `generated` assets. `generated` and `dir` decide which assets exist:
 * serials, customers and field values are taken from assets that were generated (and are active).
 */
export async function assetScenarios(database: Database, seed: number, generated: number, dir: CustomerDirectory, types: BenchTypes): Promise<AssetScenarioSet> {
  const gen = (i: number) => generateAsset(seed, i, dir, types);
  const r = rng(seed, 0x5e7, generated);
  const sample = (n: number) => Array.from({ length: n }, () => gen(r.int(0, generated - 1))).filter((a) => !a.archivedAt);

  // Exact serial, as printed on the plate (spaces, slashes, dashes) or typed in lower case.
  const serials = sample(300).map((a, i) => (i % 2 ? a.made.serialNumber : a.made.serialNumber.toLowerCase().replace(/[\s-]/g, '')));

  // Customer names: the three largest owners, three medium ones, three small ones that own an asset.
  const small: number[] = [];
  for (const a of sample(200)) if (small.length < 3 && !dir.large.includes(a.customerIndex) && a.customerIndex !== mediumIndex(seed, Math.floor(a.customerIndex / 100))) small.push(a.customerIndex);
  const medium = dir.mediumCount ? [0, 1, 2].map((j) => mediumIndex(seed, j)) : [];
  const customerNames = [...dir.large.slice(0, 3), ...medium, ...small].map((i) => dir.names[i]!);

  // Type + custom field + value: common and rare choices, numbers, a boolean and an exact text (one van).
  const field = (type: TypeKey, label: string, value: string): AssetRequest => ({
    label: `${types[type].dto.name}: ${label} = ${value}`,
    query: { assetTypeId: types[type].dto.id, field: types[type].keyOfLabel.get(label)!, value },
  });
  let van = '';
  for (let i = 0; !van && i < generated; i++) {
    const a = gen(Math.floor((generated * 0.6 + i * 7919) % generated));
    if (a.type === 'van' && !a.archivedAt) van = String(a.custom[types.van.keyOfLabel.get('Numer rejestracyjny')!]);
  }
  const fields: AssetRequest[] = [
    field('laptop', 'Procesor', 'Intel Core i7'),
    field('laptop', 'Pamięć RAM', '64'),
    field('boiler', 'Moc grzewcza', '35'),
    field('aircon', 'Czynnik chłodniczy', 'R290'),
    field('aircon', 'Typ jednostki', 'kasetonowy'),
    field('van', 'Rodzaj paliwa', 'elektryczny'),
    ...(van ? [field('van', 'Numer rejestracyjny', van)] : []),
    field('printer', 'Druk w kolorze', 'tak'),
    field('licence', 'Rodzaj licencji', 'wieczysta'),
  ];

  // Deep page: cursors of 20 rows between 85% and 95% of the active list in name order (the bench
  // may use row_number here, once, to find them; the API never does).
  const active = Number((await database.query<{ n: string | number }>('select count(*) as n from assets where archived_at is null'))[0]!.n);
  const positions = Array.from({ length: 20 }, (_, i) => Math.max(1, Math.floor(active * (0.85 + (0.1 * i) / 19))));
  const cursorRows = await database.query<{ sort_key: string; id: string }>(
    `select sort_key, id from (select sort_key, id, row_number() over (order by sort_key, id) as rn
       from assets where archived_at is null) t where rn = any($1::int[]) order by rn`,
    [positions],
  );
  const cursors = cursorRows.map((c) => encodeCursor([c.sort_key, c.id]));

  const largeIds = dir.large.map((i) => dir.ids[i]!);
  const req = {
    list: [{ label: 'list page 1', query: {} }],
    search: ASSET_SEARCH_WORDS.map((q) => ({ label: `q=${q}`, query: { q } })),
    serial: serials.map((serial) => ({ label: `serial=${serial}`, query: { serial } })),
    customerSearch: customerNames.map((q) => ({ label: `q=${q}`, query: { q } })),
    fields,
    customer: largeIds.map((customerId, k) => ({ label: `customerId of large customer ${k + 1} (${dir.names[dir.large[k]!]})`, query: { customerId } })),
    deep: cursors.map((cursor) => ({ label: 'deep page (~90%)', query: { cursor } })),
  } satisfies Record<string, AssetRequest[]>;

  const s = (key: string, label: string, list: AssetRequest[], min: number): Scenario => ({ key, label, method: 'GET', paths: list.map((x) => pathOf(x.query)), check: page(min) });
  const scenarios: Scenario[] = [
    { key: 'floor', label: 'floor: 1 indexed SELECT, no app code', method: 'GET', paths: ['/bench/floor'], check: ok(200) },
    s('asset-list', 'assets: list page 1 (limit 25)', req.list, 25),
    s('asset-search', 'assets: search by name word', req.search, 1),
    s('asset-serial', 'assets: exact serial (serial=)', req.serial, 1),
    s('asset-customer-search', 'assets: search by customer name', req.customerSearch, 1),
    s('asset-field', 'assets: type + custom field value', req.fields, 1),
    s('asset-customer', 'assets: one large customer', req.customer, 1),
    s('asset-deep', 'assets: deep page (~90%, keyset)', req.deep, 25),
  ];
  const explain: Record<string, AssetRequest[]> = {
    'asset-list': req.list,
    'asset-search': req.search,
    'asset-serial': req.serial.slice(0, 2),
    'asset-customer-search': req.customerSearch,
    'asset-field': req.fields,
    'asset-customer': req.customer.slice(0, 2),
    'asset-deep': req.deep.slice(10, 11),
  };
  return { scenarios, explain };
}
