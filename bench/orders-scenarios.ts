// The service-orders API scenarios of the bench and the same requests as EXPLAIN ANALYZE inputs.
// Every request value comes from the generator (same seed, same rows), never from a random sample of
// the table.
import { encodeCursor } from '../server/kernel/http/pagination.ts';
import { mediumIndex } from './assets-dataset.ts';
import { rng } from './dataset.ts';
import { ok, page, type Scenario } from './measure.ts';
import { createTargets, generateOrder, type GeneratedOrder, type OrderPlan } from './orders-dataset.ts';

export const ORDERS_API = '/api/v1/service-orders';

/** One list request: its query string, for autocannon (as a path) and for EXPLAIN (as the use case's input). */
export type OrderRequest = { label: string; query: Record<string, string> };
const pathOf = (q: Record<string, string>) => `${ORDERS_API}?${new URLSearchParams({ limit: '25', ...q }).toString()}`;

/** Received-date ranges (Warsaw dates): a month, a day, a quarter across a new year, open-ended both ways. */
export const DATE_RANGES: Record<string, string>[] = [
  { from: '2025-03-01', to: '2025-03-31' },
  { from: '2024-06-10', to: '2024-06-10' },
  { from: '2024-11-01', to: '2025-01-31' },
  { from: '2026-01-01' },
  { to: '2024-01-31' },
];

/** Words of a name that say little about who it is (legal forms, trades): not used as a search word. */
const GENERIC = new Set(['sp.', 'z', 'o.o.', 's.a.', 'sp.k.', 'sp.j.', 's.c.', 'serwis', 'zakład', 'usług', 'spółdzielnia', 'mieszkaniowa', 'wspólnota', 'szkoła', 'podstawowa', 'przedsiębiorstwo', 'handlowo-usługowe', 'syn', 'synowie', 'wspólnicy', 'nr', 'im.', 'i']);
/** The word of a customer's name a person would type: a person's surname, else the longest word that is not generic. */
export function nameWord(name: string, individual: boolean): string {
  const words = name.split(/[\s„”"]+/).filter((w) => /^\p{L}{4,}$/u.test(w) && !GENERIC.has(w.toLowerCase()));
  if (individual && words.length) return words[words.length - 1]!;
  return words.sort((a, b) => b.length - a.length)[0] ?? name.split(' ')[0]!;
}

export type OrderScenarioSet = {
  scenarios: Scenario[];
  /** Per scenario key, the requests to EXPLAIN (a few of the rotated ones). */
  explain: Record<string, OrderRequest[]>;
  /** The searched texts (for counting matches). */
  searches: string[];
};

export function orderScenarios(plan: OrderPlan, loaded: number): OrderScenarioSet {
  const { seed, dir, setup } = plan;
  const gen = (i: number) => generateOrder(plan, i);
  const r = rng(seed, 0x05ce, loaded);
  const sample = (n: number): GeneratedOrder[] => Array.from({ length: n }, () => gen(r.int(0, loaded - 1)));

  // Deep page: cursors of 20 rows between 85% and 95% of the list newest first. Orders are received
  // in index order, so the row at that position is order loaded − 1 − position (no query needed).
  const deep = Array.from({ length: 20 }, (_, k) => {
    const o = gen(Math.max(0, loaded - 1 - Math.floor(loaded * (0.85 + (0.1 * k) / 19))));
    return { label: 'deep page (~90%)', query: { cursor: encodeCursor([o.createdAt.toISOString(), o.id]) } };
  });

  const some = sample(300);
  const numbers = some.slice(0, 200).map((o) => o.number);
  const short = numbers.map((n) => n.replace(/\/0+(\d)/, '/$1'));
  const serials = some.slice(200, 300).map((o) => o.serialNumber);
  const assets = [...new Set(some.slice(0, 20).map((o) => o.assetId))];

  // Customers: the three largest (service contracts), three medium ones, three that own a few assets.
  const small: number[] = [];
  for (const o of some) if (small.length < 3 && !dir.large.includes(o.customerIndex) && o.customerIndex !== mediumIndex(seed, Math.floor(o.customerIndex / 100)) && !small.includes(o.customerIndex)) small.push(o.customerIndex);
  const medium = dir.mediumCount ? [0, 1, 2].map((j) => mediumIndex(seed, j)) : [];
  const customers = [...dir.large.slice(0, 3), ...medium, ...small];
  const words = [...new Set(customers.map((ci) => nameWord(dir.names[ci]!, dir.individual[ci] === 1)))];

  const req = {
    list: [{ label: 'list page 1', query: {} }],
    deep,
    open: [{ label: 'phase=open', query: { phase: 'open' } }],
    status: setup.statuses.map((s) => ({ label: `statusId=${s.name} (${s.phase})`, query: { statusId: s.id } })),
    technician: setup.technicians.map((t) => ({ label: `technicianId=${t.name}`, query: { technicianId: t.id } })),
    customer: customers.map((ci) => ({ label: `customerId=${dir.names[ci]}`, query: { customerId: dir.ids[ci]! } })),
    asset: assets.map((assetId) => ({ label: `assetId=${assetId.slice(0, 8)}…`, query: { assetId } })),
    dates: DATE_RANGES.map((q) => ({ label: Object.entries(q).map(([k, v]) => `${k}=${v}`).join('&'), query: q })),
    number: numbers.map((q) => ({ label: `q=${q}`, query: { q } })),
    short: short.map((q) => ({ label: `q=${q}`, query: { q } })),
    serial: serials.map((q) => ({ label: `q=${q}`, query: { q } })),
    customerSearch: words.map((q) => ({ label: `q=${q}`, query: { q } })),
  } satisfies Record<string, OrderRequest[]>;

  const s = (key: string, label: string, list: OrderRequest[], min: number): Scenario => ({ key, label, method: 'GET', paths: list.map((x) => pathOf(x.query)), check: page(min) });
  const targets = createTargets(plan, 2000);
  const scenarios: Scenario[] = [
    { key: 'floor', label: 'floor: 1 indexed SELECT, no app code', method: 'GET', paths: ['/bench/floor'], check: ok(200) },
    s('order-list', 'orders: list page 1 (newest first)', req.list, 25),
    s('order-deep', 'orders: deep page (~90%, keyset)', req.deep, 25),
    s('order-open', 'orders: open (phase=open)', req.open, 25),
    s('order-status', 'orders: by status', req.status, 1),
    s('order-technician', 'orders: by technician', req.technician, 1),
    s('order-customer', 'orders: by customer', req.customer, 1),
    s('order-asset', 'orders: by asset', req.asset, 1),
    s('order-dates', 'orders: received date range', req.dates, 1),
    s('order-number', 'orders: search full number', req.number, 1),
    s('order-number-short', 'orders: search number without zeros', req.short, 1),
    s('order-serial', 'orders: search serial number', req.serial, 1),
    s('order-customer-search', 'orders: search customer name word', req.customerSearch, 1),
    { key: 'order-create', label: 'orders: create order', method: 'POST', paths: [ORDERS_API], create: true, body: { kind: 'create-order', seed, targets }, check: ok(201) },
  ];
  const explain: Record<string, OrderRequest[]> = {
    'order-list': req.list,
    'order-deep': req.deep.slice(10, 11),
    'order-open': req.open,
    'order-status': req.status,
    'order-technician': req.technician.slice(0, 2),
    'order-customer': req.customer,
    'order-asset': req.asset.slice(0, 2),
    'order-dates': req.dates,
    'order-number': req.number.slice(0, 3),
    'order-number-short': req.short.slice(0, 3),
    'order-serial': req.serial.slice(0, 3),
    'order-customer-search': req.customerSearch,
  };
  return { scenarios, explain, searches: [...req.number.slice(0, 3), ...req.short.slice(0, 3), ...req.serial.slice(0, 3), ...req.customerSearch].map((x) => x.query.q!) };
}
