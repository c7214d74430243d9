// npm run bench — generates customers (then customer assets) in bulk, and measures their APIs with autocannon
// against a floor (the same server answering one trivial indexed SELECT with no app code).
//
//   node bench/run.ts                               PGlite in a temporary data directory
//   DATABASE_URL=postgres://… node bench/run.ts     a fresh database sw_bench_<random> on that server
//
// Knobs (environment or --name=value): BENCH_CUSTOMERS (200000), BENCH_SIZES ("10000,<customers>"),
// BENCH_DURATION seconds per scenario (5), BENCH_WARMUP seconds (1), BENCH_CONNECTIONS (10),
// BENCH_MIN_RESPONSES (40), BENCH_IMPORT (0 = skip), BENCH_IMPORT_ROWS (50000), BENCH_SEED, BENCH_SCENARIOS (comma list of keys), BENCH_PROFILE=1 (CPU
// profile of the server per scenario into bench/results/), BENCH_ASSETS (1000000 on PostgreSQL, 200000 on
// PGlite; 0 = skip the assets), BENCH_ASSET_SIZES ("<assets/10>,<assets>"), BENCH_ORDERS (1000000 on PostgreSQL,
// 200000 on PGlite; 0 = skip the service orders), BENCH_INVOICES (1000000 on PostgreSQL, 200000 on PGlite; 0 = skip
// the invoices), BENCH_INVOICE_SIZES ("<invoices/10>,<invoices>"). See bench/README.md.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openPglite, openPostgres, type Database } from '../server/db/client.ts';
import { runMigrations } from '../server/db/migrate.ts';
import type { Deps } from '../server/deps.ts';
import type { Actor } from '../server/kernel/auth/actor.ts';
import { encodeCursor } from '../server/kernel/http/pagination.ts';
import { systemClock } from '../server/kernel/time/clock.ts';
import { createApiToken } from '../server/modules/identity/identity.usecases.ts';
import { searchPattern } from '../server/modules/customers/customers.rules.ts';
import { performSetup } from '../server/modules/setup/setup.usecases.ts';
import { growDataset, rng, uuidFor, type GrowStats } from './dataset.ts';
import { explainList, type ExplainSummary } from './explain.ts';
import { checkScenarios, measureScenarios, ok, page, type CreateStream, type MeasureOptions, type Scenario } from './measure.ts';
import { benchPartsImport, importTable, type ImportBench } from './import.ts';
import { benchAssets, type AssetsBench } from './assets-run.ts';
import { benchOrders, type OrdersBench } from './orders-run.ts';
import { benchInvoices, type InvoicesBench } from './invoices-run.ts';
import { explainTable, flatnessTable, fmt, scenarioMarkdown, scenarioTable, type ScenarioResult } from './report.ts';

const here = path.dirname(fileURLToPath(import.meta.url));

// ---------------------------------------------------------------------------------------------
// Options

function option(name: string): string | undefined {
  const flag = `--${name.replace(/^BENCH_/, '').toLowerCase()}=`;
  const arg = process.argv.slice(2).find((a) => a.startsWith(flag));
  return arg ? arg.slice(flag.length) : process.env[name];
}
function intOption(name: string, fallback: number, min = 1): number {
  const raw = option(name);
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return n;
}

const customersMax = intOption('BENCH_CUSTOMERS', 200_000);
const sizes = (() => {
  const raw = option('BENCH_SIZES');
  const list = raw ? raw.split(',').map((s) => Number(s.trim().replace(/_/g, ''))) : [Math.min(10_000, customersMax), customersMax];
  if (list.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`BENCH_SIZES must be positive integers, got "${raw}"`);
  return [...new Set(list)].sort((a, b) => a - b);
})();
// 1,000,000 assets on PostgreSQL; on PGlite the bulk load alone would take about 11 minutes on this
// machine (bench/README.md), so its default is 200,000 (BENCH_ASSETS=1000000 measures 1M there too).
const assetsMax = intOption('BENCH_ASSETS', process.env.DATABASE_URL ? 1_000_000 : 200_000, 0);
const assetSizes = (() => {
  const raw = option('BENCH_ASSET_SIZES');
  if (assetsMax === 0 && !raw) return [];
  const list = raw ? raw.split(',').map((s) => Number(s.trim().replace(/_/g, ''))) : [Math.max(1, Math.round(assetsMax / 10)), assetsMax];
  if (list.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`BENCH_ASSET_SIZES must be positive integers, got "${raw}"`);
  return [...new Set(list)].sort((a, b) => a - b);
})();
// Service orders over the largest assets data set: 1,000,000 on PostgreSQL, 200,000 on PGlite (as the assets).
const ordersMax = intOption('BENCH_ORDERS', process.env.DATABASE_URL ? 1_000_000 : 200_000, 0);
// Invoices over the customers (and the released orders, when loaded): 1,000,000 on PostgreSQL, 200,000 on PGlite.
const invoicesMax = intOption('BENCH_INVOICES', process.env.DATABASE_URL ? 1_000_000 : 200_000, 0);
const invoiceSizes = (() => {
  const raw = option('BENCH_INVOICE_SIZES');
  if (invoicesMax === 0 && !raw) return [];
  const list = raw ? raw.split(',').map((s) => Number(s.trim().replace(/_/g, ''))) : [Math.max(1000, Math.round(invoicesMax / 10)), invoicesMax];
  if (list.some((n) => !Number.isInteger(n) || n < 1000)) throw new Error(`BENCH_INVOICE_SIZES must be integers ≥ 1000, got "${raw}"`);
  return [...new Set(list)].sort((a, b) => a - b);
})();
const opts = {
  sizes,
  invoiceSizes,
  assetSizes,
  orders: assetSizes.length ? ordersMax : 0,
  duration: intOption('BENCH_DURATION', 5),
  warmup: intOption('BENCH_WARMUP', 1, 0),
  connections: intOption('BENCH_CONNECTIONS', 10),
  minResponses: intOption('BENCH_MIN_RESPONSES', 40),
  seed: intOption('BENCH_SEED', 20_261_127, 0),
  profile: option('BENCH_PROFILE') === '1',
  scenarios: option('BENCH_SCENARIOS')?.split(',').map((s) => s.trim()).filter(Boolean),
  databaseUrl: process.env.DATABASE_URL,
};

const SEARCH_FRAGMENTS = ['łódź', 'lodz', 'kowal', 'serwis', 'ślusarstwo', 'wisniewska'];
const API = '/api/v1/customers';

// ---------------------------------------------------------------------------------------------
// Database: fresh for every run, removed at the end

async function openFresh(): Promise<{ database: Database; label: string; drop(): Promise<void> }> {
  if (!opts.databaseUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-bench-'));
    const database = await openPglite(dir);
    return {
      database,
      label: `PGlite (data dir ${dir})`,
      async drop() {
        await database.close().catch(() => {});
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `sw_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: opts.databaseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(opts.databaseUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString()); // the server's default pool size
  return {
    database,
    label: `PostgreSQL (database ${name} on ${url.host}, pool of 10)`,
    async drop() {
      await database.close().catch(() => {});
      const c = new pg.Client({ connectionString: opts.databaseUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Scenarios

async function scenarios(database: Database, generated: number): Promise<Scenario[]> {
  // get by id: 1,000 generated customers spread over the whole data set
  const r = rng(opts.seed, 0x1d5, generated);
  const ids = Array.from({ length: Math.min(1000, generated) }, () => uuidFor(opts.seed, r.int(0, generated - 1), 0));

  // deep page: cursors of 20 rows between 85% and 95% of the active list in name order (the
  // bench may use OFFSET here, once, to find them; the API never does)
  const active = Number((await database.query<{ n: string | number }>('select count(*) as n from customers where archived_at is null'))[0]!.n);
  const positions = Array.from({ length: 20 }, (_, i) => Math.max(1, Math.floor(active * (0.85 + (0.1 * i) / 19))));
  const cursorRows = await database.query<{ sort_key: string; id: string }>(
    `select sort_key, id from (select sort_key, id, row_number() over (order by sort_key, id) as rn
       from customers where archived_at is null) t where rn = any($1::int[]) order by rn`,
    [positions],
  );
  const deepPaths = cursorRows.map((c) => `${API}?limit=25&cursor=${encodeCursor([c.sort_key, c.id])}`);

  const all: Scenario[] = [
    { key: 'floor', label: 'floor: 1 indexed SELECT, no app code', method: 'GET', paths: ['/bench/floor'], check: ok(200) },
    { key: 'get', label: 'get customer by id', method: 'GET', paths: ids.map((id) => `${API}/${id}`), check: ok(200) },
    { key: 'list', label: 'list page 1 (limit 25)', method: 'GET', paths: [`${API}?limit=25`], check: page(25) },
    { key: 'deep', label: 'list deep page (~90%, keyset)', method: 'GET', paths: deepPaths, check: page(25) },
    {
      key: 'search',
      label: 'search by name fragment',
      method: 'GET',
      paths: SEARCH_FRAGMENTS.map((f) => `${API}?limit=25&q=${encodeURIComponent(f)}`),
      check: page(1),
    },
    { key: 'create', label: 'create customer', method: 'POST', paths: [API], create: true, check: ok(201) },
  ];
  return all.filter((s) => !opts.scenarios || opts.scenarios.includes(s.key));
}

// ---------------------------------------------------------------------------------------------

type SizeReport = {
  customers: number;
  contacts: number;
  customersInTable: number;
  growth: GrowStats;
  vacuumAnalyzeMs: number;
  scenarios: ScenarioResult[];
  explain: ExplainSummary[];
};

const cleanups: (() => Promise<void>)[] = [];
async function cleanUp() {
  while (cleanups.length) await cleanups.pop()!().catch((e: unknown) => console.error('clean-up failed:', e));
}
process.once('SIGINT', () => {
  console.error('\ninterrupted: cleaning up');
  void cleanUp().finally(() => process.exit(130));
});

async function main() {
  const startedAt = new Date();
  const cpus = os.cpus();
  const machine = { cpus: cpus.length, model: cpus[0]?.model ?? '?', memoryGB: Math.round(os.totalmem() / 2 ** 30), platform: `${os.platform()} ${os.release()}`, node: process.version };
  const { database, label, drop } = await openFresh();
  cleanups.push(drop);
  const version = String((await database.query<{ v: string }>('select version() as v'))[0]!.v);
  const kind = database.kind;
  const caveats = [
    `${machine.cpus} CPU cores shared by the server (this process), the load generator (a child process running autocannon)${kind === 'postgres' ? ' and the PostgreSQL server' : ''}: absolute numbers are lower than on a dedicated server; compare ratios and runs on the same machine.`,
    kind === 'pglite'
      ? 'PGlite is one connection inside the server process: queries and transactions serialize, and its work competes with the server\'s own JavaScript on one event loop.'
      : 'PostgreSQL through the server\'s default pool of 10 connections.',
    'After each bulk load the bench runs VACUUM ANALYZE on the loaded tables (as autovacuum would on a server; PGlite has no autovacuum).',
  ];

  console.log(`Serwisownia bench — ${startedAt.toISOString()}`);
  console.log(`machine: ${machine.cpus} × ${machine.model}, ${machine.memoryGB} GB, ${machine.platform}, Node ${machine.node}`);
  const loadAtStart = os.loadavg();
  console.log(`load average before: ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}${loadAtStart[0]! > machine.cpus / 2 ? '  ⚠ the machine is busy with other work: numbers will be low and noisy' : ''}`);
  console.log(`database: ${label}\n          ${version}`);
  console.log(`sizes: ${opts.sizes.map(fmt.int).join(' → ')} customers${opts.assetSizes.length ? `, then ${opts.assetSizes.map(fmt.int).join(' → ')} assets` : ''}${opts.orders ? `, then ${fmt.int(opts.orders)} service orders` : ''}${opts.invoiceSizes.length ? `, then ${opts.invoiceSizes.map(fmt.int).join(' → ')} invoices` : ''} · ${opts.connections} connections · ${opts.warmup} s warm-up + ${opts.duration} s per scenario · seed ${opts.seed}`);
  for (const c of caveats) console.log(`note: ${c}`);

  await runMigrations(database);
  const deps: Deps = { database, clock: systemClock, config: loadConfig({}) };
  const { info } = await performSetup(
    deps,
    {
      company: { name: 'Serwis Benchmark sp. z o.o.', nip: '526-025-09-95', street: 'ul. Piotrkowska 1', postalCode: '90-001', city: 'Łódź', country: 'PL', bankAccount: '', email: 'biuro@bench.pl', phone: '', defaultLanguage: 'pl' },
      admin: { name: 'Anna Nowak', email: 'anna@bench.pl', password: 'Zażółć-gęślą-jaźń-42', language: 'pl' },
    },
    { ip: '127.0.0.1' },
  );
  const actor: Actor = { kind: 'user', userId: info.user.id, name: info.user.name, email: info.user.email, role: info.user.role, via: 'session' };
  const { secret } = await createApiToken(deps, { actor }, { name: 'bench' });
  const headers = { authorization: `Bearer ${secret}` };

  const app = await buildApp(deps, { serveWeb: false, logger: false });
  // The floor: same Fastify instance and hooks, one indexed SELECT through the same driver, no auth
  // (the guard only looks at /api paths), no schema, no use case.
  const floorId = uuidFor(opts.seed, 0, 0);
  app.get('/bench/floor', { schema: { hide: true } }, async () => {
    const rows = await database.query('select id from customers where id = $1', [floorId]);
    return { found: rows.length };
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  cleanups.push(() => app.close());
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const reports: SizeReport[] = [];
  const failures: string[] = [];
  let generated = 0;
  let contacts = 0;
  const stream: CreateStream = { next: 0 };
  const measureOpts: MeasureOptions = {
    base,
    headers,
    connections: opts.connections,
    duration: opts.duration,
    warmup: opts.warmup,
    minResponses: opts.minResponses,
    seed: opts.seed,
    profileDir: opts.profile ? path.join(here, 'results') : null,
    profilePrefix: `${startedAt.toISOString().replace(/[:.]/g, '-')}-${kind}`,
  };

  for (const size of opts.sizes) {
    console.log(`\n=== ${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'} · ${fmt.int(size)} customers ===`);
    const tty = process.stdout.isTTY;
    const growth = await growDataset(database, opts.seed, generated, size, {
      onProgress: (done, total) => tty && process.stdout.write(`  generating… ${fmt.int(done)}/${fmt.int(total)}\r`),
    });
    generated = size;
    contacts += growth.contacts;
    const rows = growth.customers + growth.contacts;
    console.log(
      `generated ${fmt.int(growth.customers)} customers + ${fmt.int(growth.contacts)} contacts in ${(growth.totalMs / 1000).toFixed(1)} s: ` +
        `${fmt.int(growth.customers / (growth.totalMs / 1000))} customers/s, ${fmt.int(rows / (growth.totalMs / 1000))} rows/s ` +
        `(building rows ${(growth.generateMs / 1000).toFixed(1)} s, COPY ${(growth.loadMs / 1000).toFixed(1)} s)`,
    );
    const v0 = performance.now();
    await database.query('vacuum analyze customers, customer_contacts');
    const vacuumAnalyzeMs = performance.now() - v0;
    const inTable = Number((await database.query<{ n: string | number }>('select count(*) as n from customers'))[0]!.n);
    console.log(`vacuum analyze: ${(vacuumAnalyzeMs / 1000).toFixed(1)} s · customers in table: ${fmt.int(inTable)} (incl. ${fmt.int(inTable - generated)} created by earlier create runs)`);

    const list = await scenarios(database, generated);
    await checkScenarios(measureOpts, list, stream);
    const measured = await measureScenarios(measureOpts, list, stream, `${fmt.int(size)} customers`);
    const results = measured.results;
    failures.push(...measured.failures);

    const explained: ExplainSummary[] = [];
    const cursor = list.find((s) => s.key === 'deep')?.paths[10]?.split('cursor=')[1];
    explained.push(await explainList(deps, actor, 'list page 1', { limit: '25' }));
    if (cursor) explained.push(await explainList(deps, actor, 'deep page', { limit: '25', cursor }));
    const seen = new Set<string>();
    for (const q of SEARCH_FRAGMENTS) {
      const folded = searchPattern(q) ?? q;
      if (seen.has(folded)) continue;
      seen.add(folded);
      explained.push(await explainList(deps, actor, `search "${folded}"`, { limit: '25', q }));
    }

    console.log(`\n${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'} · ${fmt.int(size)} customers (+ ${fmt.int(contacts)} contacts) · ${opts.connections} connections · ${opts.duration} s per scenario`);
    console.log(scenarioTable(results));
    if (results.some((r) => r.mode === 'amount'))
      console.log(`* too slow to answer ${opts.minResponses} requests in ${opts.duration} s at the warm-up rate: measured over ${opts.minResponses} requests instead`);
    console.log(`\nEXPLAIN ANALYZE of the list queries (SQL only, second run):`);
    console.log(explainTable(explained));
    reports.push({ customers: size, contacts, customersInTable: inTable, growth, vacuumAnalyzeMs, scenarios: results, explain: explained });
  }

  if (reports.length > 1) {
    console.log(`\nFlatness goal (p95 of list/search should not grow with the data):`);
    console.log(flatnessTable(reports));
  }
  console.log('\nMarkdown:');
  for (const r of reports) console.log(`\n${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}, ${fmt.int(r.customers)} customers:\n\n${scenarioMarkdown(r.scenarios)}`);

  // Customer assets over the customers loaded above (BENCH_ASSETS=0 skips; a BENCH_SCENARIOS list
  // without asset-… keys skips too).
  let assets: AssetsBench | null = null;
  const assetKeys = opts.scenarios?.filter((k) => k.startsWith('asset-'));
  if (opts.assetSizes.length && (!opts.scenarios || assetKeys!.length)) {
    assets = await benchAssets({ deps, actor, measure: measureOpts, stream, seed: opts.seed, customers: generated, sizes: opts.assetSizes, only: opts.scenarios });
    failures.push(...assets.failures);
  }

  // Service orders over those assets (BENCH_ORDERS=0 skips; a BENCH_SCENARIOS list without order-…
  // keys skips too; without the assets part, the assets are loaded here without being measured).
  let orders: OrdersBench | null = null;
  const orderKeys = opts.scenarios?.filter((k) => k.startsWith('order-'));
  if (opts.orders && (!opts.scenarios || orderKeys!.length)) {
    const assetsMax = opts.assetSizes[opts.assetSizes.length - 1]!;
    orders = await benchOrders({ deps, actor, measure: measureOpts, seed: opts.seed, customers: generated, assets: assetsMax, assetsLoaded: assets !== null, orders: opts.orders, only: opts.scenarios });
    failures.push(...orders.failures);
  }

  // Invoices over the same customers (BENCH_INVOICES=0 skips; a BENCH_SCENARIOS list without invoice-…
  // keys skips too). Invoices refer to released service orders when the orders part loaded them.
  let invoices: InvoicesBench | null = null;
  const invoiceKeys = opts.scenarios?.filter((k) => k.startsWith('invoice-'));
  if (opts.invoiceSizes.length && (!opts.scenarios || invoiceKeys!.length)) {
    invoices = await benchInvoices({ deps, actor, measure: measureOpts, seed: opts.seed, customers: generated, sizes: opts.invoiceSizes, only: opts.scenarios });
    failures.push(...invoices.failures);
  }

  let imports: ImportBench | null = null;
  if (option('BENCH_IMPORT') !== '0') {
    console.log(`\n=== ${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'} · import of 50,000 spare parts ===`);
    imports = await benchPartsImport(deps, { actor }, intOption('BENCH_IMPORT_ROWS', 50_000));
    console.log(importTable(imports));
  }

  const finishedAt = new Date();
  const loadAtEnd = os.loadavg();
  console.log(`\nload average after: ${loadAtEnd.map((l) => l.toFixed(2)).join(' ')} (includes the bench itself)`);
  const outDir = path.join(here, 'results');
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(
    file,
    JSON.stringify({ startedAt, finishedAt, machine: { ...machine, loadAtStart, loadAtEnd }, database: { kind, version }, options: { ...opts, databaseUrl: opts.databaseUrl ? '(set)' : undefined }, caveats, sizes: reports, assets, orders, invoices, imports, failures }, null, 2),
  );
  console.log(`\nresults: ${path.relative(process.cwd(), file)} · total ${((finishedAt.getTime() - startedAt.getTime()) / 1000).toFixed(0)} s`);

  if (failures.length) {
    console.error(`\nFAILED: scenarios answered mostly errors:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await cleanUp();
}
