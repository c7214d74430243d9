// Deterministic service orders for the benchmark and the bulk path that loads them.
// Order i depends only on (seed, i, number of orders, the assets and customers of the data set): the
// same knobs give the same rows. Orders are spread over three years of business days in index order,
// so order i is received after order i − 1 and numbers run gap-free per year in created order
// (SO/2024/000001 …). number, number_key and search_text come from the module's own functions
// (formatNumber with ORDER_PATTERN, numberKey, orderSearchText), so a generated row is what createOrder
// would have stored, minus what createOrder writes beside it: the history event, the audit row, the
// asset's custody change and history event, the tracking link and the queued message.
import type { Ctx, Deps } from '../server/deps.ts';
import type { Database } from '../server/db/client.ts';
import { formatNumber } from '../server/kernel/numbering/numbering.rules.ts';
import { businessDate, startOfBusinessDay } from '../server/kernel/time/business-date.ts';
import { loadAssetType } from '../server/modules/assets/asset-types.usecases.ts';
import { createUser } from '../server/modules/identity/identity.usecases.ts';
import { ordersRepository } from '../server/modules/service-orders/service-orders.repository.ts';
import { ORDER_PATTERN, PHASES, canMove, numberKey, orderSearchText, type Phase } from '../server/modules/service-orders/service-orders.rules.ts';
import { orderInput } from '../server/modules/service-orders/service-orders.schemas.ts';
import { createStatus } from '../server/modules/service-orders/statuses.usecases.ts';
import { assetId, generateAsset, type BenchType, type BenchTypes, type CustomerDirectory } from './assets-dataset.ts';
import { ASSET_TYPES, TYPE_KEYS, pickWeighted, type TypeKey } from './assets-models.ts';
import { copyText, generateCustomer, line, rng, uuidFor } from './dataset.ts';
import { EXTRA_STATUSES, FRONT_DESK, TECHNICIANS, intakeText, lifecyclePath, openChance, openPhase, pickPriority, type OrderTarget } from './orders-models.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Orders are received on the business days of these three years (inclusive), Warsaw time. */
export const ORDERS_FIRST_DAY = '2023-11-27';
export const ORDERS_LAST_DAY = '2026-11-26';

// ---------------------------------------------------------------------------------------------
// Who and which statuses: created through the use cases (createUser, createStatus).

export type OrderStatus = { id: string; phase: Phase; name: string };
export type OrderSetup = {
  statuses: OrderStatus[];
  /** Per phase: its default status, and the company's extra status with its share of the phase. */
  byPhase: Record<Phase, { main: string; extra: { id: string; share: number } | null }>;
  technicians: { id: string; name: string; w: number }[];
  frontDesk: { id: string; name: string }[];
  adminId: string;
};

const email = (name: string) => `${name.normalize('NFD').replace(/\p{M}+/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L').toLowerCase().replace(/[^a-z]+/g, '.')}@bench.pl`;

/** 18 technicians and 2 front-desk users (createUser), two extra statuses (createStatus), and the status list. */
export async function createOrderSetup(deps: Deps, ctx: Ctx, adminId: string): Promise<OrderSetup> {
  const technicians: OrderSetup['technicians'] = [];
  for (const t of TECHNICIANS) {
    const { user } = await createUser(deps, ctx, { email: email(t.name), name: t.name, role: 'technician', language: 'pl' });
    technicians.push({ id: user.id, name: t.name, w: t.w });
  }
  const frontDesk: OrderSetup['frontDesk'] = [];
  for (const name of FRONT_DESK) {
    const { user } = await createUser(deps, ctx, { email: email(name), name, role: 'front_desk', language: 'pl' });
    frontDesk.push({ id: user.id, name });
  }
  const extras = new Map<Phase, { id: string; share: number }>();
  for (const s of EXTRA_STATUSES) {
    const dto = await createStatus(deps, ctx, { phase: s.phase, namePl: s.namePl, nameEn: s.nameEn, color: s.color, notifyEmail: false, notifySms: false });
    extras.set(s.phase, { id: dto.id, share: s.share });
  }
  const rows = await ordersRepository.statuses(deps.database.db);
  const statuses = rows.map((r) => ({ id: r.id, phase: r.phase as Phase, name: r.namePl }));
  const byPhase = {} as OrderSetup['byPhase'];
  for (const phase of PHASES) {
    const main = rows.filter((r) => r.phase === phase).sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.position - b.position)[0];
    if (!main) throw new Error(`no status of phase ${phase}`);
    byPhase[phase] = { main: main.id, extra: extras.get(phase) ?? null };
  }
  return { statuses, byPhase, technicians, frontDesk, adminId };
}

/** The six asset types as the assets part created them, read back from the database. */
export async function benchTypesFromDb(database: Database): Promise<BenchTypes> {
  const rows = await database.query<{ id: string; name: string }>('select id, name from asset_types');
  const out = {} as BenchTypes;
  for (const key of TYPE_KEYS) {
    const row = rows.find((r) => r.name === ASSET_TYPES[key].name);
    const dto = row ? await loadAssetType(database.db, row.id) : null;
    if (!dto) throw new Error(`asset type ${ASSET_TYPES[key].name} is not in the database`);
    out[key] = { key, dto, keyOfLabel: new Map(dto.fields.map((f) => [f.label, f.key])) } satisfies BenchType;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The assets orders are opened for: what an order needs of asset a, for all assets of the data set.

export type AssetFacts = {
  count: number;
  created: Float64Array;
  /** Archived at (ms), Infinity when active. */
  archived: Float64Array;
  customer: Int32Array;
  type: Uint8Array;
  names: string[];
  serials: string[];
  /** Per large customer (as in dir.large): its assets, for service-contract orders. */
  large: Int32Array[];
};

export function buildAssetFacts(seed: number, count: number, dir: CustomerDirectory, types: BenchTypes): AssetFacts {
  const f: AssetFacts = {
    count,
    created: new Float64Array(count),
    archived: new Float64Array(count),
    customer: new Int32Array(count),
    type: new Uint8Array(count),
    names: new Array<string>(count),
    serials: new Array<string>(count),
    large: [],
  };
  const largeOf = new Map(dir.large.map((ci, k) => [ci, k]));
  const large: number[][] = dir.large.map(() => []);
  for (let a = 0; a < count; a++) {
    const x = generateAsset(seed, a, dir, types);
    f.created[a] = x.createdAt.getTime();
    f.archived[a] = x.archivedAt ? x.archivedAt.getTime() : Infinity;
    f.customer[a] = x.customerIndex;
    f.type[a] = TYPE_KEYS.indexOf(x.type);
    f.names[a] = x.made.name;
    f.serials[a] = x.made.serialNumber;
    const k = largeOf.get(x.customerIndex);
    if (k !== undefined) large[k]!.push(a);
  }
  f.large = large.map((l) => Int32Array.from(l));
  return f;
}

// ---------------------------------------------------------------------------------------------
// When: business days (Mon–Fri 8–18, Sat 9–14, no Polish public holidays), busier as the company grows.

function easterSunday(year: number): string {
  const a = year % 19, b = Math.floor(year / 100), c = year % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T12:00:00Z`) + n * DAY).toISOString().slice(0, 10);
function holidays(year: number): Set<string> {
  const easter = easterSunday(year);
  const fixed = ['01-01', '01-06', '05-01', '05-03', '08-15', '11-01', '11-11', '12-25', '12-26', ...(year >= 2025 ? ['12-24'] : [])];
  return new Set([...fixed.map((d) => `${year}-${d}`), plusDays(easter, 1), plusDays(easter, 60)]);
}

export type Calendar = { dates: string[]; open: Float64Array; hours: Float64Array; weight: Float64Array; cum: Float64Array; total: number; endMs: number };

export function businessCalendar(first = ORDERS_FIRST_DAY, last = ORDERS_LAST_DAY): Calendar {
  const dates: string[] = [];
  const open: number[] = [];
  const hours: number[] = [];
  const weight: number[] = [];
  const spanDays = (Date.parse(last) - Date.parse(first)) / DAY;
  const hol = new Map<number, Set<string>>();
  for (let d = first, n = 0; d <= last; d = plusDays(d, 1), n++) {
    const year = Number(d.slice(0, 4));
    if (!hol.has(year)) hol.set(year, holidays(year));
    const dow = new Date(`${d}T12:00:00Z`).getUTCDay();
    if (dow === 0 || hol.get(year)!.has(d)) continue;
    const saturday = dow === 6;
    dates.push(d);
    open.push(startOfBusinessDay(d).getTime() + (saturday ? 9 : 8) * HOUR);
    hours.push(saturday ? 5 : 10);
    weight.push((saturday ? 0.35 : 1) * (1 + (0.35 * n) / spanDays)); // the company grows ~35% over the three years
  }
  const cum = new Float64Array(weight.length);
  let total = 0;
  weight.forEach((x, k) => (cum[k] = total += x));
  const endMs = open[open.length - 1]! + hours[hours.length - 1]! * HOUR;
  return { dates, open: Float64Array.from(open), hours: Float64Array.from(hours), weight: Float64Array.from(weight), cum, total, endMs };
}

/** The instant at share u ∈ [0, 1) of the calendar's weighted business time, and its day. Monotonic in u. */
function warp(cal: Calendar, u: number): { t: number; day: number } {
  const target = u * cal.total;
  let lo = 0;
  let hi = cal.cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cal.cum[mid]! > target) hi = mid;
    else lo = mid + 1;
  }
  const prev = lo ? cal.cum[lo - 1]! : 0;
  const frac = Math.min(0.999_999, (target - prev) / cal.weight[lo]!);
  return { t: Math.floor(cal.open[lo]! + frac * cal.hours[lo]! * HOUR), day: lo };
}

// ---------------------------------------------------------------------------------------------
// The plan: everything order i depends on.

export type OrderPlan = {
  seed: number;
  orders: number;
  dir: CustomerDirectory;
  facts: AssetFacts;
  setup: OrderSetup;
  cal: Calendar;
  /** Index of the first order of each year. */
  firstOfYear: Map<string, number>;
};

const TIME_TAG = 0x7137e;
const ORDER_TAG = 0x0d3e5;
export const orderId = (seed: number, i: number) => uuidFor(seed ^ ORDER_TAG, i, 0);

/** When order i was received (strictly increasing in i: each order has its own slot of the span). */
export function orderTime(plan: Pick<OrderPlan, 'seed' | 'orders' | 'cal'>, i: number) {
  return warp(plan.cal, (i + 0.1 + 0.8 * rng(plan.seed, TIME_TAG, i).next()) / plan.orders);
}

export function orderPlan(seed: number, orders: number, dir: CustomerDirectory, facts: AssetFacts, setup: OrderSetup): OrderPlan {
  const cal = businessCalendar();
  const plan = { seed, orders, dir, facts, setup, cal, firstOfYear: new Map<string, number>() };
  const years = [...new Set(cal.dates.map((d) => d.slice(0, 4)))];
  for (const y of years) {
    const start = startOfBusinessDay(`${y}-01-01`).getTime();
    let lo = 0;
    let hi = orders;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (orderTime(plan, mid).t >= start) hi = mid;
      else lo = mid + 1;
    }
    plan.firstOfYear.set(y, lo);
  }
  return plan;
}

type Contact = { id: string; name: string; email: string; phone: string; language: 'pl' | 'en'; customerEmail: string; customerPhone: string; individual: boolean };
const contacts = new Map<string, Contact>();
/** The customer's first contact (every generated customer has one) and the customer's own e-mail and phone. */
function contactOf(seed: number, customerIndex: number): Contact {
  const key = `${seed}:${customerIndex}`;
  let c = contacts.get(key);
  if (!c) {
    const g = generateCustomer(seed, customerIndex);
    const first = g.contacts[0]!;
    c = { id: first.id, name: first.name, email: first.email, phone: first.phone, language: first.language, customerEmail: g.email, customerPhone: g.phone, individual: g.kind === 'individual' };
    contacts.set(key, c);
  }
  return c;
}

const LARGE_WEIGHTS = [30, 25, 20, 15, 15, 10, 10, 10, 8, 7].map((w, k) => ({ k, w }));
/** Share of orders from service contracts of the large customers, and from the assets serviced again and again. */
const CONTRACT_SHARE = 0.1;
const REPEAT_SHARE = 0.3;
/** One asset in REPEAT_EVERY is a "repeat" asset (serviced every year, breaks often). */
const REPEAT_EVERY = 16;
const repeatAsset = (seed: number, j: number) => j * REPEAT_EVERY + (Math.imul(j ^ seed, 0x9e3779b1) >>> 28);

function pickAsset(plan: OrderPlan, r: ReturnType<typeof rng>, t: number): number {
  const f = plan.facts;
  const usable = (a: number) => f.created[a]! <= t && f.archived[a]! > t;
  let a = 0;
  for (let tries = 0; tries < 20; tries++) {
    const u = r.next();
    if (u < CONTRACT_SHARE && f.large.length) {
      const list = f.large[pickWeighted(r, LARGE_WEIGHTS).k]!;
      a = list.length ? list[r.int(0, list.length - 1)]! : r.int(0, f.count - 1);
    } else if (u < CONTRACT_SHARE + REPEAT_SHARE && f.count >= REPEAT_EVERY) {
      a = repeatAsset(plan.seed, r.int(0, Math.floor(f.count / REPEAT_EVERY) - 1));
    } else a = r.int(0, f.count - 1);
    if (usable(a)) return a;
  }
  for (let k = 1; k < f.count; k++) if (usable((a + k) % f.count)) return (a + k) % f.count;
  return a; // no asset existed yet: cannot happen with the bench's assets (created from 2019)
}

export type GeneratedOrder = {
  index: number;
  id: string;
  number: string;
  numberKey: string;
  customerIndex: number;
  customerId: string;
  customerName: string;
  assetIndex: number;
  assetId: string;
  assetName: string;
  serialNumber: string;
  type: TypeKey;
  statusId: string;
  phase: Phase;
  path: Phase[];
  priority: 'low' | 'normal' | 'high' | 'urgent';
  reportedProblem: string;
  accessories: string;
  condition: string;
  promisedOn: string | null;
  contactId: string | null;
  notifyChannel: 'email' | 'sms' | 'none';
  notifyTo: string;
  lang: 'pl' | 'en';
  technicianId: string | null;
  createdAt: Date;
  /** The business date the order was received (Warsaw). */
  date: string;
  readyAt: Date | null;
  releasedAt: Date | null;
  releasedTo: string | null;
  releasedBy: string | null;
  createdBy: string;
  updatedAt: Date;
  searchText: string;
};

/** Order `i` of the plan. Pure, given the same plan. */
export function generateOrder(plan: OrderPlan, i: number): GeneratedOrder {
  const { seed, setup, cal, facts, dir } = plan;
  const { t, day } = orderTime(plan, i);
  const date = cal.dates[day]!;
  const year = date.slice(0, 4);
  const number = formatNumber(ORDER_PATTERN, date, i - plan.firstOfYear.get(year)! + 1);
  const r = rng(seed, ORDER_TAG, i);
  const a = pickAsset(plan, r, t);
  const ci = facts.customer[a]!;
  const type = TYPE_KEYS[facts.type[a]!]!;
  const ageDays = (cal.endMs - t) / DAY;

  const phase: Phase = r.chance(openChance(ageDays)) ? openPhase(r, ageDays) : r.chance(0.955) ? 'released' : 'cancelled';
  const path = lifecyclePath(r, phase);
  const st = setup.byPhase[phase];
  const statusId = st.extra && r.chance(st.extra.share) ? st.extra.id : st.main;
  const techShare = phase === 'new' ? 0.3 : phase === 'released' || phase === 'cancelled' ? 0.75 : 0.92;
  const technicianId = r.chance(techShare) ? pickWeighted(r, setup.technicians).id : null;
  const desk = r.int(0, 9);
  const createdBy = desk < 8 ? setup.frontDesk[desk % setup.frontDesk.length]!.id : setup.adminId;
  const intake = intakeText(r, type);
  const priority = pickPriority(r);

  // Whom to tell: the customer's first contact (60%) by its e-mail or phone, or the customer's own.
  const c = contactOf(seed, ci);
  const withContact = r.chance(0.6);
  const wantsNews = withContact ? r.chance(0.8) : r.chance(0.3);
  const mail = withContact ? c.email || c.customerEmail : c.customerEmail;
  const notifyChannel = !wantsNews ? 'none' : mail && r.chance(0.7) ? 'email' : 'sms';
  const notifyTo = notifyChannel === 'email' ? mail : notifyChannel === 'sms' ? (withContact ? c.phone || c.customerPhone : c.customerPhone) : '';
  const lang = withContact && c.language === 'en' ? 'en' : 'pl';

  const open = phase !== 'released' && phase !== 'cancelled';
  const promisedOn = r.chance(open ? 0.85 : 0.4) ? plusDays(date, r.int(2, 14)) : null;
  const clamp = (ms: number) => Math.max(t + HOUR, Math.min(cal.endMs - HOUR, ms));
  const readyAt = phase === 'ready_for_release' || phase === 'released' ? clamp(t + r.int(1, 12) * DAY + r.int(0, 8) * HOUR) : null;
  const releasedAt = phase === 'released' ? clamp(readyAt! + r.int(0, 10) * DAY + r.int(1, 6) * HOUR) : null;
  const releasedTo = phase === 'released' ? (c.individual || r.chance(0.7) ? c.name : r.pick(['kurier DPD', 'kurier InPost', 'kierowca klienta'])) : null;
  const releasedBy = phase === 'released' ? setup.frontDesk[r.int(0, setup.frontDesk.length - 1)]!.id : null;
  const updatedAt = releasedAt ?? readyAt ?? (phase === 'new' ? t : clamp(t + r.next() * Math.min(ageDays, 30) * DAY));

  const customerName = dir.names[ci]!;
  const assetName = facts.names[a]!;
  const serialNumber = facts.serials[a]!;
  return {
    index: i,
    id: orderId(seed, i),
    number,
    numberKey: numberKey(number),
    customerIndex: ci,
    customerId: dir.ids[ci]!,
    customerName,
    assetIndex: a,
    assetId: assetId(seed, a),
    assetName,
    serialNumber,
    type,
    statusId,
    phase,
    path,
    priority,
    ...intake,
    promisedOn,
    contactId: withContact ? c.id : null,
    notifyChannel,
    notifyTo,
    lang,
    technicianId,
    createdAt: new Date(t),
    date,
    readyAt: readyAt === null ? null : new Date(readyAt),
    releasedAt: releasedAt === null ? null : new Date(releasedAt),
    releasedTo,
    releasedBy,
    createdBy,
    updatedAt: new Date(updatedAt),
    searchText: orderSearchText({ number, customerName, assetName, serialNumber, reportedProblem: intake.reportedProblem }),
  };
}

/** The order as a POST /api/v1/service-orders body: what the 97th-row check validates against the API schema. */
export function toOrderInput(o: GeneratedOrder) {
  return {
    customerId: o.customerId,
    assetId: o.assetId,
    kind: 'shop',
    siteId: null,
    reportedProblem: o.reportedProblem,
    accessories: o.accessories,
    condition: o.condition,
    priority: o.priority,
    promisedOn: o.promisedOn,
    contactId: o.contactId,
    notifyChannel: o.notifyChannel,
    notifyTo: o.notifyTo,
    lang: o.lang,
    technicianId: o.technicianId,
    servicePathId: null,
  };
}

/** What the rules say about a generated order; a list of problems (empty: fine). */
export function orderProblems(plan: OrderPlan, o: GeneratedOrder): string[] {
  const p: string[] = [];
  const parsed = orderInput.safeParse(toOrderInput(o));
  if (!parsed.success) p.push(`API schema: ${JSON.stringify(parsed.error.issues)}`);
  if (o.path[0] !== 'new' || o.path[o.path.length - 1] !== o.phase) p.push(`lifecycle ${o.path.join(' → ')} does not end in ${o.phase}`);
  for (let k = 1; k < o.path.length; k++) if (!canMove(o.path[k - 1]!, o.path[k]!)) p.push(`transition ${o.path[k - 1]} → ${o.path[k]} is not allowed`);
  if (plan.setup.statuses.find((s) => s.id === o.statusId)?.phase !== o.phase) p.push(`status ${o.statusId} is not of phase ${o.phase}`);
  if (businessDate(o.createdAt) !== o.date) p.push(`received ${o.createdAt.toISOString()} is not on ${o.date} in Warsaw`);
  if (o.number.slice(3, 7) !== o.date.slice(0, 4)) p.push(`number ${o.number} is not of year ${o.date.slice(0, 4)}`);
  const a = o.assetIndex;
  if (plan.facts.created[a]! > o.createdAt.getTime() || plan.facts.archived[a]! <= o.createdAt.getTime()) p.push(`asset ${a} did not exist (or was archived) when the order was received`);
  if (o.notifyChannel !== 'none' && !o.notifyTo) p.push('nowhere to send notifications');
  return p;
}

// ---------------------------------------------------------------------------------------------
// Bulk load: the customers' COPY paths (bench/dataset.ts copyText).

const ORDER_COLUMNS = [
  'id', 'number', 'customer_id', 'asset_id', 'kind', 'site_id', 'status_id', 'phase', 'priority', 'reported_problem', 'accessories', 'condition', 'promised_on',
  'contact_id', 'notify_channel', 'notify_to', 'lang', 'technician_id', 'price_list_id', 'service_path_id', 'received_at', 'ready_at', 'released_at', 'released_to',
  'released_by', 'created_by', 'created_at', 'updated_at', 'search_text', 'number_key',
];

function orderLine(o: GeneratedOrder): string {
  const created = o.createdAt.toISOString();
  return line([
    o.id, o.number, o.customerId, o.assetId, 'shop', null, o.statusId, o.phase, o.priority, o.reportedProblem, o.accessories, o.condition, o.promisedOn,
    o.contactId, o.notifyChannel, o.notifyTo, o.lang, o.technicianId, null, null, created, o.readyAt?.toISOString() ?? null, o.releasedAt?.toISOString() ?? null, o.releasedTo,
    o.releasedBy, o.createdBy, created, o.updatedAt.toISOString(), o.searchText, o.numberKey,
  ]);
}

export type OrderGrowStats = { orders: number; factsMs: number; generateMs: number; loadMs: number; totalMs: number };

/** Adds orders number [from, to) of the plan in batches, one COPY each; every 97th row is checked (orderProblems). */
export async function growOrders(database: Database, plan: OrderPlan, from: number, to: number, opts: { batch?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<OrderGrowStats> {
  const batch = opts.batch ?? 20_000;
  const stats: OrderGrowStats = { orders: 0, factsMs: 0, generateMs: 0, loadMs: 0, totalMs: 0 };
  const t0 = performance.now();
  for (let start = from; start < to; start += batch) {
    const end = Math.min(to, start + batch);
    const g0 = performance.now();
    let text = '';
    for (let i = start; i < end; i++) {
      const o = generateOrder(plan, i);
      if (i % 97 === 0) {
        const problems = orderProblems(plan, o);
        if (problems.length) throw new Error(`Generated order ${i} (${o.number}) is invalid: ${problems.join('; ')}`);
      }
      text += orderLine(o);
    }
    const l0 = performance.now();
    stats.generateMs += l0 - g0;
    await copyText(database, 'service_orders', ORDER_COLUMNS, text);
    stats.loadMs += performance.now() - l0;
    stats.orders += end - start;
    opts.onProgress?.(end - from, to - from);
  }
  stats.totalMs = performance.now() - t0;
  return stats;
}

export type SeriesCheck = { period: string; orders: number; first: number; last: number; gapFree: boolean; lastValue: number };

/**
 * Points number_series('service_order', year) at the highest loaded number of each year, so orders
 * created through the API continue the series, and checks that each year runs 1…N without a gap.
 */
export async function continueNumberSeries(database: Database): Promise<SeriesCheck[]> {
  await database.query(
    `insert into number_series (series, period, last_value)
     select 'service_order', split_part(number, '/', 2), max(split_part(number, '/', 3)::int) from service_orders group by 2
     on conflict (series, period) do update set last_value = greatest(number_series.last_value, excluded.last_value)`,
  );
  return seriesCheck(database);
}

export async function seriesCheck(database: Database): Promise<SeriesCheck[]> {
  const rows = await database.query<{ period: string; n: string | number; first: number; last: number; last_value: number | null }>(
    `select o.period, o.n, o.first, o.last, s.last_value from (
       select split_part(number, '/', 2) as period, count(*) as n, min(split_part(number, '/', 3)::int) as first, max(split_part(number, '/', 3)::int) as last
       from service_orders group by 1) o
     left join number_series s on s.series = 'service_order' and s.period = o.period order by o.period`,
  );
  return rows.map((r) => ({ period: r.period, orders: Number(r.n), first: r.first, last: r.last, gapFree: r.first === 1 && r.last === Number(r.n), lastValue: r.last_value ?? 0 }));
}

// ---------------------------------------------------------------------------------------------
// Targets of the create-order scenario: active assets of active customers, with how to notify.

export function createTargets(plan: OrderPlan, count: number): OrderTarget[] {
  const { seed, facts, dir } = plan;
  const r = rng(seed, 0x7a6e7, count);
  const out: OrderTarget[] = [];
  const seen = new Set<number>();
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const a = r.int(0, facts.count - 1);
    if (seen.has(a) || facts.archived[a] !== Infinity) continue;
    seen.add(a);
    const ci = facts.customer[a]!;
    const c = contactOf(seed, ci);
    const g = generateCustomer(seed, ci);
    if (g.archivedAt) continue;
    const withContact = r.chance(0.5);
    const mail = withContact ? c.email || c.customerEmail : c.customerEmail;
    const channel = r.chance(0.3) ? 'none' : mail ? 'email' : 'sms';
    out.push([dir.ids[ci]!, assetId(seed, a), withContact ? c.id : null, TYPE_KEYS[facts.type[a]!]!, channel]);
  }
  return out;
}
