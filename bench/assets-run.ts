// The assets part of `npm run bench`: after the customers, the six asset types are created through
// the use case, assets are bulk-loaded over those customers (BENCH_ASSET_SIZES, growing the same
// table), and the assets list API is measured against the floor and explained at each size.
import type { Deps } from '../server/deps.ts';
import type { Actor } from '../server/kernel/auth/actor.ts';
import { escapeLike } from '../server/kernel/text/like.ts';
import { foldText } from '../server/kernel/text/normalize.ts';
import { listAssets } from '../server/modules/assets/assets.usecases.ts';
import { assetListQuery } from '../server/modules/assets/assets.schemas.ts';
import { createBenchAssetTypes, growAssets, loadCustomerDirectory, type AssetGrowStats } from './assets-dataset.ts';
import { ASSET_SEARCH_WORDS, assetScenarios, type AssetRequest, type AssetScenarioSet } from './assets-scenarios.ts';
import { explainCall, type ExplainSummary } from './explain.ts';
import { checkScenarios, measureScenarios, type CreateStream, type MeasureOptions } from './measure.ts';
import { explainMarkdown, explainTable, flatnessTable, fmt, scenarioMarkdown, scenarioTable, type ScenarioResult } from './report.ts';

export type AssetsSizeReport = {
  assets: number;
  inTable: number;
  growth: AssetGrowStats;
  vacuumAnalyzeMs: number;
  scenarios: ScenarioResult[];
  explain: ExplainSummary[];
};
export type Ownership = { customers: number; owners: number; oneToFive: number; overThousand: number; median: number; max: number };
export type AssetsBench = { reports: AssetsSizeReport[]; failures: string[]; ownership: Ownership | null; matches: { q: string; matches: number }[] };

type Env = { deps: Deps; actor: Actor; measure: MeasureOptions; stream: CreateStream; seed: number; customers: number; sizes: number[]; only?: string[] | undefined };

const count = async (deps: Deps, sql: string, params: unknown[] = []) => Number((await deps.database.query<{ n: string | number }>(sql, params))[0]!.n);

export async function benchAssets(env: Env): Promise<AssetsBench> {
  const { deps, actor, seed } = env;
  const database = deps.database;
  const db = database.kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const types = await createBenchAssetTypes(deps, { actor });
  const dir = await loadCustomerDirectory(database, seed, env.customers);
  console.log(`\nasset types: ${Object.values(types).map((t) => `${t.dto.name} (${t.dto.fields.map((f) => f.key).join(', ')})`).join('; ')}`);
  console.log(`owners: ${fmt.int(env.customers)} customers; large: ${dir.large.map((i) => dir.names[i]).join(' · ')}`);

  const reports: AssetsSizeReport[] = [];
  const failures: string[] = [];
  let generated = 0;
  let set: AssetScenarioSet | null = null;
  for (const size of env.sizes) {
    console.log(`\n=== ${db} · ${fmt.int(size)} assets over ${fmt.int(env.customers)} customers ===`);
    const tty = process.stdout.isTTY;
    const growth = await growAssets(database, seed, generated, size, dir, types, {
      onProgress: (done, total) => tty && process.stdout.write(`  generating… ${fmt.int(done)}/${fmt.int(total)}\r`),
    });
    generated = size;
    console.log(
      `generated ${fmt.int(growth.assets)} assets in ${(growth.totalMs / 1000).toFixed(1)} s: ${fmt.int(growth.assets / (growth.totalMs / 1000))} rows/s ` +
        `(building rows ${(growth.generateMs / 1000).toFixed(1)} s, COPY ${(growth.loadMs / 1000).toFixed(1)} s)`,
    );
    const v0 = performance.now();
    await database.query('vacuum analyze assets');
    const vacuumAnalyzeMs = performance.now() - v0;
    const inTable = await count(deps, 'select count(*) as n from assets');
    console.log(`vacuum analyze: ${(vacuumAnalyzeMs / 1000).toFixed(1)} s · assets in table: ${fmt.int(inTable)}`);

    set = await assetScenarios(database, seed, generated, dir, types);
    const list = env.only ? set.scenarios.filter((s) => env.only!.includes(s.key) || s.key === 'floor') : set.scenarios;
    await checkScenarios(env.measure, list, env.stream);
    const measured = await measureScenarios(env.measure, list, env.stream, `${fmt.int(size)} assets`);
    failures.push(...measured.failures);

    // Each request: the queries that find the page's ids. Then once, the query that loads those rows
    // with their customer, type, product, site, contact and next service date (the same for every list).
    const explained: ExplainSummary[] = [];
    for (const s of list) {
      for (const x of set.explain[s.key] ?? []) explained.push(await explainRequest(deps, actor, `${s.key.replace('asset-', '')}: ${x.label}`, x, (sql) => !LOAD_ROWS.test(sql)));
    }
    explained.push(await explainRequest(deps, actor, 'load the 26 rows of a page by id', { label: '', query: {} }, (sql) => LOAD_ROWS.test(sql)));
    console.log(`\n${db} · ${fmt.int(size)} assets · ${env.measure.connections} connections · ${env.measure.duration} s per scenario`);
    console.log(scenarioTable(measured.results));
    console.log(`\nEXPLAIN ANALYZE of the assets list queries (SQL only, second run):`);
    console.log(explainTable(explained));
    reports.push({ assets: size, inTable, growth, vacuumAnalyzeMs, scenarios: measured.results, explain: explained });
  }

  if (reports.length > 1) {
    console.log(`\nFlatness goal (p95 of the assets scenarios should not grow with the data):`);
    console.log(flatnessTable(reports.map((r) => ({ customers: r.assets, scenarios: r.scenarios }))));
  }

  // Facts about the largest data set, for reading the numbers: who owns how many, how common each word is.
  const own = (await database.query<Record<string, string | number>>(
    `select count(*) as owners, count(*) filter (where n between 1 and 5) as small, count(*) filter (where n > 1000) as large,
            percentile_disc(0.5) within group (order by n) as median, max(n) as max
       from (select customer_id, count(*) as n from assets group by customer_id) t`,
  ))[0]!;
  const ownership: Ownership = { customers: env.customers, owners: Number(own.owners), oneToFive: Number(own.small), overThousand: Number(own.large), median: Number(own.median), max: Number(own.max) };
  console.log(
    `\nownership: ${fmt.int(ownership.owners)} of ${fmt.int(env.customers)} customers own assets; ${fmt.int(ownership.oneToFive)} own 1–5, ` +
      `${fmt.int(ownership.overThousand)} own more than 1,000 (largest ${fmt.int(ownership.max)}); median ${ownership.median}`,
  );
  const words = [...ASSET_SEARCH_WORDS, ...(set?.explain['asset-customer-search'] ?? []).map((x) => x.query.q!)];
  const matches: AssetsBench['matches'] = [];
  for (const q of words) {
    const n = await count(deps, 'select count(*) as n from assets where search_text like $1 and archived_at is null', ['%' + escapeLike(foldText(q)) + '%']);
    matches.push({ q, matches: n });
  }
  console.log(`active assets matching each search: ${matches.map((m) => `${m.q} ${fmt.int(m.matches)}`).join(' · ')}`);

  console.log('\nMarkdown (assets):');
  for (const r of reports) console.log(`\n${db}, ${fmt.int(r.assets)} assets:\n\n${scenarioMarkdown(r.scenarios)}\n\n${explainMarkdown(r.explain)}`);
  return { reports, failures, ownership, matches };
}

/** The repository's views() query: the page's rows by id, joined to what the list shows. */
const LOAD_ROWS = /inner join "customers"/i;

function explainRequest(deps: Deps, actor: Actor, label: string, x: AssetRequest, keep: (sql: string) => boolean): Promise<ExplainSummary> {
  const input = assetListQuery.parse({ limit: '25', ...x.query });
  return explainCall(deps.database, label, 'assets', () => listAssets(deps, { actor }, input), keep);
}
