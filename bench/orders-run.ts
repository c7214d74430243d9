// The service-orders part of `npm run bench`: after the customers and the assets, 20 users and two
// statuses are created through the use cases, BENCH_ORDERS orders are bulk-loaded over the assets
// (number_series continues after them), and the orders API is measured against the floor: the list
// with each filter, the searches and creating an order. Then EXPLAIN ANALYZE of the list queries.
import pg from 'pg';
import type { Deps } from '../server/deps.ts';
import { actorId, type Actor } from '../server/kernel/auth/actor.ts';
import { escapeLike } from '../server/kernel/text/like.ts';
import { foldText } from '../server/kernel/text/normalize.ts';
import { orderInput, orderListQuery } from '../server/modules/service-orders/service-orders.schemas.ts';
import { createOrder, listOrders } from '../server/modules/service-orders/service-orders.usecases.ts';
import { createBenchAssetTypes, growAssets, loadCustomerDirectory, type AssetGrowStats } from './assets-dataset.ts';
import { explainCall, type ExplainSummary } from './explain.ts';
import type { Database } from '../server/db/client.ts';
import { checkScenarios, measureScenarios, type CreateStream, type MeasureOptions, type Scenario } from './measure.ts';
import { createOrderBody } from './orders-models.ts';
import { benchTypesFromDb, buildAssetFacts, continueNumberSeries, createOrderSetup, growOrders, orderPlan, seriesCheck, type OrderGrowStats, type SeriesCheck } from './orders-dataset.ts';
import { orderScenarios, type OrderRequest } from './orders-scenarios.ts';
import { explainMarkdown, explainTable, fmt, scenarioMarkdown, scenarioTable, type ScenarioResult } from './report.ts';

type Env = {
  deps: Deps;
  actor: Actor;
  measure: MeasureOptions;
  seed: number;
  customers: number;
  /** Assets of the data set the orders are opened for (the largest assets size). */
  assets: number;
  /** Whether the assets part loaded them already; if not, they are loaded here (without measuring them). */
  assetsLoaded: boolean;
  orders: number;
  only?: string[] | undefined;
};

export type LockWaits = { samples: number; meanWaiting: number; busyShare: number; byEvent: Record<string, number> };
export type CreateCost = { statements: number; writes: Record<string, number> };
export type OrdersBench = {
  orders: number;
  inTable: number;
  assetsGrowth: AssetGrowStats | null;
  setupMs: number;
  factsMs: number;
  growth: OrderGrowStats;
  seriesMs: number;
  vacuumAnalyzeMs: number;
  series: SeriesCheck[];
  seriesAfterCreate: SeriesCheck[];
  scenarios: ScenarioResult[];
  createLockWaits: LockWaits | null;
  createCost: CreateCost | null;
  explain: ExplainSummary[];
  facts: Record<string, unknown>;
  matches: { q: string; matches: number }[];
  failures: string[];
};

const count = async (deps: Deps, sql: string, params: unknown[] = []) => Number((await deps.database.query<{ n: string | number }>(sql, params))[0]!.n);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function benchOrders(env: Env): Promise<OrdersBench> {
  const { deps, actor, seed } = env;
  const database = deps.database;
  const ctx = { actor };
  const db = database.kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const tty = process.stdout.isTTY;
  const progress = (done: number, total: number) => tty && process.stdout.write(`  generating… ${fmt.int(done)}/${fmt.int(total)}\r`);
  console.log(`\n=== ${db} · ${fmt.int(env.orders)} service orders over ${fmt.int(env.assets)} assets and ${fmt.int(env.customers)} customers ===`);

  const dir = await loadCustomerDirectory(database, seed, env.customers);
  let assetsGrowth: AssetGrowStats | null = null;
  let types;
  if (env.assetsLoaded) types = await benchTypesFromDb(database);
  else {
    types = await createBenchAssetTypes(deps, ctx);
    assetsGrowth = await growAssets(database, seed, 0, env.assets, dir, types, { onProgress: progress });
    await database.query('vacuum analyze assets');
    console.log(`assets (not measured, the orders need them): ${fmt.int(env.assets)} in ${secs(assetsGrowth.totalMs)}`);
  }

  const s0 = performance.now();
  const adminId = actorId(actor);
  if (!adminId) throw new Error('the orders bench needs a user actor');
  const setup = await createOrderSetup(deps, ctx, adminId);
  const setupMs = performance.now() - s0;
  const f0 = performance.now();
  const facts = buildAssetFacts(seed, env.assets, dir, types);
  const factsMs = performance.now() - f0;
  const plan = orderPlan(seed, env.orders, dir, facts, setup);
  console.log(
    `users (createUser): ${setup.technicians.length} technicians, ${setup.frontDesk.length} front desk; statuses: ${setup.statuses.map((s) => `${s.name} (${s.phase})`).join(' · ')} — ${secs(setupMs)}`,
  );
  console.log(`assets read back from the generator: ${secs(factsMs)} · first order of each year: ${[...plan.firstOfYear].map(([y, i]) => `${y}: #${fmt.int(i)}`).join(', ')}`);

  const growth = await growOrders(database, plan, 0, env.orders, { onProgress: progress });
  console.log(
    `generated ${fmt.int(growth.orders)} orders in ${secs(growth.totalMs)}: ${fmt.int(growth.orders / (growth.totalMs / 1000))} rows/s ` +
      `(building rows ${secs(growth.generateMs)}, COPY ${secs(growth.loadMs)})`,
  );
  const n0 = performance.now();
  const series = await continueNumberSeries(database);
  const seriesMs = performance.now() - n0;
  console.log(`number_series('service_order'): ${series.map((s) => `${s.period} → ${fmt.int(s.lastValue)} (${fmt.int(s.orders)} orders, ${s.gapFree ? 'gap-free' : 'GAPS'})`).join(' · ')} — ${secs(seriesMs)}`);
  const v0 = performance.now();
  await database.query('vacuum analyze service_orders');
  const vacuumAnalyzeMs = performance.now() - v0;
  const inTable = await count(deps, 'select count(*) as n from service_orders');
  console.log(`vacuum analyze: ${secs(vacuumAnalyzeMs)} · orders in table: ${fmt.int(inTable)}`);

  // What one create costs: the statements createOrder sends (one order, outside the measurement).
  const set = orderScenarios(plan, env.orders);
  const createScenario = set.scenarios.find((s) => s.key === 'order-create')!;
  const createCost = await createStatements(deps, actor, createScenario);
  console.log(`one create order: ${createCost.statements} statements; writes ${Object.entries(createCost.writes).map(([t, n]) => `${t} ×${n}`).join(', ')}`);

  // Measure: the reads, then the create alone (with lock waits sampled on PostgreSQL), against one floor.
  const list = env.only ? set.scenarios.filter((s) => env.only!.includes(s.key) || s.key === 'floor') : set.scenarios;
  const stream: CreateStream = { next: 1 }; // body 0 was the one createStatements sent
  await checkScenarios(env.measure, list, stream);
  const reads = list.filter((s) => !s.create);
  const measured = await measureScenarios(env.measure, reads, stream, `${fmt.int(env.orders)} orders`);
  const failures = [...measured.failures];
  const results = [...measured.results];
  let createLockWaits: LockWaits | null = null;
  const creates = list.filter((s) => s.create);
  if (creates.length) {
    const sampler = database.pool ? lockSampler(database.pool) : null;
    const c = await measureScenarios(env.measure, creates, stream, `${fmt.int(env.orders)} orders`);
    createLockWaits = sampler ? await sampler.stop() : null;
    failures.push(...c.failures);
    const floor = results.find((x) => x.key === 'floor');
    results.push(...c.results.map((r) => ({ ...r, rpsRatio: floor ? r.rps / floor.rps : Number.NaN, p95Ratio: floor ? r.p95 / floor.p95 : Number.NaN })));
    if (createLockWaits)
      console.log(
        `  while creating: on average ${createLockWaits.meanWaiting.toFixed(1)} of ${env.measure.connections} transactions waited for a lock ` +
          `(${Math.round(createLockWaits.busyShare * 100)}% of ${createLockWaits.samples} samples had a waiter; ${Object.entries(createLockWaits.byEvent).map(([e, n]) => `${e} ${n}`).join(', ') || 'none'})`,
      );
  }
  const seriesAfterCreate = await seriesCheck(database);
  const thisYear = seriesAfterCreate[seriesAfterCreate.length - 1];
  if (thisYear) console.log(`after creating: ${thisYear.period} has ${fmt.int(thisYear.orders)} orders, numbers 1…${fmt.int(thisYear.last)} (${thisYear.gapFree ? 'gap-free' : 'GAPS'}), series at ${fmt.int(thisYear.lastValue)}`);

  // EXPLAIN: the queries that find each request's page, then once the query that loads the page's rows.
  const explained: ExplainSummary[] = [];
  for (const s of list) {
    for (const x of set.explain[s.key] ?? []) explained.push(await explainRequest(deps, actor, `${s.key.replace('order-', '')}: ${x.label}`, x, (sql) => !LOAD_ROWS.test(sql)));
  }
  explained.push(await explainRequest(deps, actor, 'load the 26 rows of a page by id', { label: '', query: {} }, (sql) => LOAD_ROWS.test(sql)));

  console.log(`\n${db} · ${fmt.int(env.orders)} orders · ${env.measure.connections} connections · ${env.measure.duration} s per scenario`);
  console.log(scenarioTable(results));
  if (results.some((r) => r.mode === 'amount')) console.log(`* too slow to answer ${env.measure.minResponses} requests in ${env.measure.duration} s at the warm-up rate: measured over ${env.measure.minResponses} requests instead`);
  console.log(`\nEXPLAIN ANALYZE of the orders list queries (SQL only, second run):`);
  console.log(explainTable(explained));

  // Facts about the data set, for reading the numbers.
  const about = await datasetFacts(deps);
  console.log(`\norders by phase: ${Object.entries(about.phases as Record<string, number>).map(([p, n]) => `${p} ${fmt.int(n)}`).join(' · ')}`);
  console.log(`orders per customer: ${JSON.stringify(about.perCustomer)} · per asset: ${JSON.stringify(about.perAsset)} · without technician: ${fmt.int(about.withoutTechnician as number)}`);
  console.log(`size: ${JSON.stringify(about.size)}`);
  const matches: OrdersBench['matches'] = [];
  for (const q of set.searches) matches.push({ q, matches: await count(deps, 'select count(*) as n from service_orders where search_text like $1', ['%' + escapeLike(foldText(q)) + '%']) });
  console.log(`orders matching each search: ${matches.map((m) => `${m.q} ${fmt.int(m.matches)}`).join(' · ')}`);

  console.log('\nMarkdown (orders):');
  console.log(`\n${db}, ${fmt.int(env.orders)} orders:\n\n${scenarioMarkdown(results)}\n\n${explainMarkdown(explained)}`);
  return { orders: env.orders, inTable, assetsGrowth, setupMs, factsMs, growth, seriesMs, vacuumAnalyzeMs, series, seriesAfterCreate, scenarios: results, createLockWaits, createCost, explain: explained, facts: about, matches, failures };
}

/** The repository's views() query: the page's rows by id, joined to customer, asset, technician, site, contact. */
const LOAD_ROWS = /inner join "customers"/i;

function explainRequest(deps: Deps, actor: Actor, label: string, x: OrderRequest, keep: (sql: string) => boolean): Promise<ExplainSummary> {
  const input = orderListQuery.parse({ limit: '25', ...x.query });
  return explainCall(deps.database, label, 'service_orders', () => listOrders(deps, { actor }, input), keep);
}

/** The statements of one createOrder (the use case behind POST), and which tables it writes. */
async function createStatements(deps: Deps, actor: Actor, create: Scenario): Promise<CreateCost> {
  if (create.body?.kind !== 'create-order') throw new Error('not the create-order scenario');
  const body = orderInput.parse(createOrderBody(create.body.seed, 0, create.body.targets));
  const texts = (await statementsOf(deps.database, () => createOrder(deps, { actor }, body, 'http://127.0.0.1'))).filter((t) => !/^\s*(begin|commit|rollback)\b/i.test(t));
  const writes: Record<string, number> = {};
  for (const t of texts) {
    const m = /^\s*(insert into|update|delete from)\s+"?([a-z_]+)"?/i.exec(t);
    if (m) writes[m[2]!] = (writes[m[2]!] ?? 0) + 1;
  }
  return { statements: texts.length, writes };
}

type Fn = (...args: unknown[]) => unknown;
/**
 * Every statement `run` sends, inside transactions too (explain.ts captureSql sees only the pool's and
 * PGlite's own query(): a transaction runs on a checked-out client, or on PGlite's transaction object).
 */
export async function statementsOf(database: Database, run: () => Promise<unknown>): Promise<string[]> {
  const texts: string[] = [];
  const record = (q: unknown) => texts.push(typeof q === 'string' ? q : ((q as { text?: string })?.text ?? ''));
  const restore: (() => void)[] = [];
  const wrap = (target: Record<string, unknown>, name: string, around: (original: Fn) => Fn) => {
    const original = target[name] as Fn;
    target[name] = around(original);
    restore.push(() => (target[name] = original));
  };
  if (database.pool) {
    wrap(pg.Client.prototype as unknown as Record<string, unknown>, 'query', (original) => function (this: unknown, ...args: unknown[]) {
      record(args[0]);
      return original.apply(this, args);
    });
  } else if (database.pglite) {
    const counted = (original: Fn) => function (this: unknown, ...args: unknown[]) {
      record(args[0]);
      return original.apply(this, args);
    };
    const client = database.pglite as unknown as Record<string, unknown>;
    wrap(client, 'query', counted);
    wrap(client, 'transaction', (original) => function (this: unknown, ...args: unknown[]) {
      const callback = args[0] as (tx: Record<string, unknown>) => unknown;
      return original.call(this, (tx: Record<string, unknown>) => {
        tx.query = counted(tx.query as Fn);
        return callback(tx);
      });
    });
  }
  try {
    await run();
  } finally {
    for (const r of restore.reverse()) r();
  }
  return texts;
}

/**
 * Samples pg_stat_activity every 25 ms on a connection of its own (not the server's pool): how many
 * of the bench database's backends wait for a lock while the create scenario runs.
 */
export function lockSampler(pool: pg.Pool): { stop(): Promise<LockWaits> } {
  const client = new pg.Client(pool.options);
  let running = true;
  const acc: LockWaits = { samples: 0, meanWaiting: 0, busyShare: 0, byEvent: {} };
  let waitingSum = 0;
  let busy = 0;
  const loop = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query<{ wait_event: string; n: string }>(
        `select coalesce(wait_event, '?') as wait_event, count(*) as n from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock' group by 1`,
      );
      const waiting = rows.reduce((a, r) => a + Number(r.n), 0);
      for (const r of rows) acc.byEvent[r.wait_event] = (acc.byEvent[r.wait_event] ?? 0) + Number(r.n);
      acc.samples++;
      waitingSum += waiting;
      if (waiting) busy++;
      await new Promise((r) => setTimeout(r, 25));
    }
    await client.end();
  })();
  return {
    async stop() {
      running = false;
      await loop;
      acc.meanWaiting = acc.samples ? waitingSum / acc.samples : 0;
      acc.busyShare = acc.samples ? busy / acc.samples : 0;
      return acc;
    },
  };
}

async function datasetFacts(deps: Deps): Promise<Record<string, unknown>> {
  const q = <T>(sql: string) => deps.database.query<T>(sql);
  const phases = Object.fromEntries((await q<{ phase: string; n: string | number }>('select phase, count(*) as n from service_orders group by phase order by 2 desc')).map((r) => [r.phase, Number(r.n)]));
  const dist = async (col: string) => {
    const r = (await q<Record<string, string | number>>(
      `select count(*) as with_orders, percentile_disc(0.5) within group (order by n) as median, max(n) as max, count(*) filter (where n = 1) as one
         from (select ${col}, count(*) as n from service_orders group by 1) t`,
    ))[0]!;
    return { withOrders: Number(r.with_orders), one: Number(r.one), median: Number(r.median), max: Number(r.max) };
  };
  const size = (await q<Record<string, string | number>>(
    `select pg_size_pretty(pg_total_relation_size('service_orders')) as total, pg_size_pretty(pg_relation_size('service_orders')) as heap,
            pg_size_pretty(pg_relation_size('service_orders_search_trgm')) as trigram, pg_size_pretty(pg_indexes_size('service_orders')) as indexes`,
  ))[0]!;
  return {
    phases,
    perCustomer: await dist('customer_id'),
    perAsset: await dist('asset_id'),
    withoutTechnician: await count(deps, 'select count(*) as n from service_orders where technician_id is null'),
    size,
  };
}
