// The invoices part of `npm run bench`: after the customers (and the service orders, when loaded), the
// invoicing settings and two accountants are set up through the use cases, BENCH_INVOICE_SIZES invoices
// are bulk-loaded (number_series continues after them; the tables are emptied between sizes, because
// numbers are gap-free per month over a fixed three years), 200 real invoices are issued through the
// use cases, and the invoices API is measured against the floor: the list with its filters and searches
// (each answer carries `totals` of the whole filtered set), get by id, PDF, creating a draft and issuing
// it. Then EXPLAIN ANALYZE of the query that finds each page and of its totals query, separately, and a
// check that every month's numbers, those issued during the bench included, run 1…N without a gap.
import type { Deps } from '../server/deps.ts';
import type { Actor } from '../server/kernel/auth/actor.ts';
import { businessDate } from '../server/kernel/time/business-date.ts';
import { listInvoices } from '../server/modules/invoicing/invoice-list.usecases.ts';
import { createDraft } from '../server/modules/invoicing/drafts.usecases.ts';
import { issueInvoice } from '../server/modules/invoicing/issue.usecases.ts';
import { invoiceDraftInput, invoiceListQuery } from '../server/modules/invoicing/invoicing.schemas.ts';
import { loadCustomerDirectory } from './assets-dataset.ts';
import pg from 'pg';
import type { Database } from '../server/db/client.ts';
import { captureSql, explainCall, type CapturedQuery, type ExplainSummary } from './explain.ts';
import { INVOICES_TODAY, continueInvoiceSeries, growInvoices, invoicePlan, invoiceSeriesCheck, type InvoiceGrowStats, type InvoiceSeriesCheck } from './invoices-dataset.ts';
import { createInvoiceBody } from './invoices-models.ts';
import { issueScenario, invoiceScenarios, numberForms, type InvoiceRequest } from './invoices-scenarios.ts';
import { createInvoiceSetup, createRealInvoices, draftsToIssue, invoiceTargets, loadNips, loadReleasedOrders, truncateInvoices, type RealInvoices } from './invoices-setup.ts';
import { checkScenarios, measureScenarios, type CreateStream, type MeasureOptions, type Scenario } from './measure.ts';
import { lockSampler, statementsOf, type LockWaits } from './orders-run.ts';
import { explainMarkdown, explainTable, flatnessTable, fmt, scenarioMarkdown, scenarioTable, type ScenarioResult } from './report.ts';

type Env = { deps: Deps; actor: Actor; measure: MeasureOptions; seed: number; customers: number; sizes: number[]; only?: string[] | undefined };

/** EXPLAIN of one list request: the queries that find the page, and the totals query, with the rows the totals add up. */
export type ListExplain = { key: string; label: string; page: ExplainSummary; totals: ExplainSummary; totalsCount: number; totalsTiming: TotalsTiming };
/** The totals query alone as the app sends it (median of 5, no EXPLAIN), with PostgreSQL's JIT as configured and off. */
export type TotalsTiming = { ms: number; jitOffMs: number | null; jitMs: number | null };
export type IssueCost = { statements: number; underLock: number; medianMs: number };
export type InvoicesSizeReport = {
  invoices: number;
  inTable: number;
  planMs: number;
  growth: InvoiceGrowStats;
  seriesMs: number;
  vacuumAnalyzeMs: number;
  real: RealInvoices;
  scenarios: ScenarioResult[];
  explain: ListExplain[];
  loadRows: ExplainSummary;
  issueCost: IssueCost | null;
  issueLockWaits: LockWaits | null;
  issueDrafts: { fromCreate: number; added: number } | null;
  numberMatches: { q: string; items: number; total: number; first: string | null }[];
  issuedDuringBench: { series: string; period: string; count: number; first: number; last: number }[];
  series: { months: number; gapFree: number; current: InvoiceSeriesCheck[] };
  facts: Record<string, unknown>;
};
export type InvoicesBench = { reports: InvoicesSizeReport[]; ordersLinked: boolean; failures: string[] };

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const TOTALS = /coalesce\(sum\(/i;
const LOAD_ROWS = /inner join "customers"/i;

export async function benchInvoices(env: Env): Promise<InvoicesBench> {
  const { deps, actor, seed } = env;
  const database = deps.database;
  const ctx = { actor };
  const db = database.kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const tty = process.stdout.isTTY;
  const progress = (done: number, total: number) => tty && process.stdout.write(`  generating… ${fmt.int(done)}/${fmt.int(total)}\r`);
  console.log(`\n=== ${db} · invoices (${env.sizes.map(fmt.int).join(' → ')}) over ${fmt.int(env.customers)} customers ===`);

  const dir = await loadCustomerDirectory(database, seed, env.customers);
  const nips = await loadNips(database, seed, dir);
  const orders = await loadReleasedOrders(database, seed, dir);
  const users = await createInvoiceSetup(deps, ctx);
  const targets = invoiceTargets(seed, dir, 500);
  console.log(`settings and ${users.issuers.length - 1} accountants through the use cases; ${orders ? `${fmt.int(orders.ids.length)} released service orders to invoice` : 'no service orders loaded: no invoice refers to one'}`);
  const today = businessDate(deps.clock.now());
  if (today !== INVOICES_TODAY) console.log(`note: payment states were generated as of ${INVOICES_TODAY}; the server's today is ${today}, so more invoices count as overdue`);

  const reports: InvoicesSizeReport[] = [];
  const failures: string[] = [];
  for (const [k, size] of env.sizes.entries()) {
    console.log(`\n=== ${db} · ${fmt.int(size)} invoices ===`);
    if (k > 0) await truncateInvoices(database);
    const p0 = performance.now();
    const plan = invoicePlan(seed, size, dir, nips, users, orders);
    const planMs = performance.now() - p0;
    const growth = await growInvoices(database, plan, 0, size, { onProgress: progress });
    console.log(
      `generated ${fmt.int(size)} invoices + ${fmt.int(growth.lines)} lines + ${fmt.int(growth.payments)} payments in ${secs(growth.totalMs)}: ${fmt.int(size / (growth.totalMs / 1000))} invoices/s ` +
        `(plan ${secs(planMs)}, building rows ${secs(growth.generateMs)}, COPY ${secs(growth.loadMs)}); overdue as of ${INVOICES_TODAY}: ${fmt.int(growth.overdue)} (${((100 * growth.overdue) / size).toFixed(1)}%)`,
    );
    const n0 = performance.now();
    const loaded = await continueInvoiceSeries(database);
    const seriesMs = performance.now() - n0;
    const v0 = performance.now();
    await database.query('vacuum analyze invoices, invoice_lines, invoice_payments');
    const vacuumAnalyzeMs = performance.now() - v0;
    console.log(`number_series: ${loaded.length} month series, ${loaded.filter((s) => s.gapFree).length} gap-free (${secs(seriesMs)}) · vacuum analyze ${secs(vacuumAnalyzeMs)}`);

    const benchStart = new Date();
    const real = await createRealInvoices(deps, ctx, seed, targets, 200);
    console.log(`through createDraft + issueInvoice: ${real.ids.length} invoices, ${real.corrections.length} corrected, ${real.payments} paid in part, in ${secs(real.ms)}`);

    const set = invoiceScenarios(plan, real, targets);
    const wanted = (s: Scenario) => !env.only || env.only.includes(s.key) || s.key === 'floor';
    const list = set.scenarios.filter(wanted);
    const stream: CreateStream = { next: 0 };
    await checkScenarios(env.measure, list, stream);
    const tag = `${fmt.int(size)} invoices`;
    const measured = await measureScenarios(env.measure, list.filter((s) => !s.create), stream, tag);
    failures.push(...measured.failures);
    const results = [...measured.results];
    const floor = results.find((x) => x.key === 'floor');
    const withRatios = (r: ScenarioResult[]) => r.map((x) => ({ ...x, rpsRatio: floor ? x.rps / floor.rps : Number.NaN, p95Ratio: floor ? x.p95 / floor.p95 : Number.NaN }));
    const creates = list.filter((s) => s.create);
    if (creates.length) {
      const c = await measureScenarios(env.measure, creates, stream, tag);
      failures.push(...c.failures);
      results.push(...withRatios(c.results));
    }

    // Issue: drafts made by the create scenario (topped up), each issued once; lock waits sampled on PostgreSQL.
    let issueCost: IssueCost | null = null;
    let issueLockWaits: LockWaits | null = null;
    let issueDrafts: InvoicesSizeReport['issueDrafts'] = null;
    if (!env.only || env.only.includes('invoice-issue')) {
      issueCost = await costOfIssue(deps, actor, seed, targets);
      console.log(`one issue: ${issueCost.statements} statements, ${issueCost.underLock} of them after taking the number (holding the month's series row); ${fmt.ms(issueCost.medianMs)} ms per issue alone (median of 20, one connection)`);
      const drafts = await draftsToIssue(deps, ctx, seed, targets, benchStart, database.kind === 'postgres' ? 2500 : 1500);
      issueDrafts = { fromCreate: drafts.fromCreate, added: drafts.added };
      const scenario = issueScenario(drafts.ids);
      await checkScenarios(env.measure, [{ ...scenario, paths: scenario.paths.slice(0, 1) }], stream);
      const sampler = database.pool ? lockSampler(database.pool) : null;
      const m = await measureScenarios(env.measure, [{ ...scenario, paths: scenario.paths.slice(1) }], stream, tag);
      issueLockWaits = sampler ? await sampler.stop() : null;
      failures.push(...m.failures);
      results.push(...withRatios(m.results));
      console.log(`  issued ${fmt.int(drafts.ids.length)} drafts at most (${fmt.int(drafts.fromCreate)} from the create scenario, ${fmt.int(drafts.added)} added through createDraft)`);
      if (issueLockWaits)
        console.log(
          `  while issuing: on average ${issueLockWaits.meanWaiting.toFixed(1)} of ${env.measure.connections} transactions waited for a lock ` +
            `(${Math.round(issueLockWaits.busyShare * 100)}% of ${issueLockWaits.samples} samples had a waiter; ${Object.entries(issueLockWaits.byEvent).map(([e, n]) => `${e} ${n}`).join(', ') || 'none'})`,
        );
    }

    // Numbers: every month 1…N, and what was issued during the bench (real invoices, the issue scenario).
    const after = await invoiceSeriesCheck(database);
    const issuedDuringBench = (await database.query<{ series: string; period: string; n: string | number; first: number; last: number }>(
      `select kind as series, to_char(issue_date, 'YYYY-MM') as period, count(*) as n, min(split_part(number, '/', 4)::int) as first, max(split_part(number, '/', 4)::int) as last
         from invoices where number is not null and issued_at >= $1 group by 1, 2 order by 1, 2`,
      [benchStart.toISOString()],
    )).map((r) => ({ series: r.series, period: r.period, count: Number(r.n), first: r.first, last: r.last }));
    const current = after.filter((s) => issuedDuringBench.some((b) => s.series === `invoice:${b.series}:monthly` && s.period === b.period));
    const gapFree = after.filter((s) => s.gapFree).length;
    console.log(`numbers: ${gapFree} of ${after.length} month series run 1…N with the series row at N${gapFree === after.length ? '' : ' — GAPS: ' + after.filter((s) => !s.gapFree).map((s) => `${s.series} ${s.period}`).join(', ')}`);
    for (const b of issuedDuringBench) {
      const s = current.find((c) => c.series === `invoice:${b.series}:monthly` && c.period === b.period);
      console.log(`  issued during the bench: ${b.series} ${b.period}: ${fmt.int(b.count)} numbers ${fmt.int(b.first)}…${fmt.int(b.last)}; the month holds ${fmt.int(s?.numbers ?? 0)} numbers 1…${fmt.int(s?.last ?? 0)} (${s?.gapFree ? 'gap-free' : 'GAPS'})`);
    }
    if (gapFree !== after.length) failures.push(`${tag}: invoice numbers have gaps`);

    // EXPLAIN: per request, the queries that find the page, then the totals query; once, the row loading.
    const explained: ListExplain[] = [];
    for (const s of list) for (const x of set.explain[s.key] ?? []) explained.push(await explainRequest(deps, actor, s.key, x));
    const loadRows = await explainCall(database, 'load the 26 rows of a page by id', 'invoices', () => listInvoices(deps, ctx, invoiceListQuery.parse({ limit: '25' })), (sql) => LOAD_ROWS.test(sql));
    const numberMatches: InvoicesSizeReport['numberMatches'] = [];
    for (const q of Object.values(numberForms(set.exampleNumber))) {
      const res = await listInvoices(deps, ctx, invoiceListQuery.parse({ limit: '25', q }));
      numberMatches.push({ q, items: res.items.length, total: res.totals?.count ?? 0, first: res.items[0]?.number ?? null });
    }

    console.log(`\n${db} · ${fmt.int(size)} invoices · ${env.measure.connections} connections · ${env.measure.duration} s per scenario`);
    console.log(scenarioTable(results));
    if (results.some((r) => r.mode === 'amount')) console.log(`* too slow to answer ${env.measure.minResponses} requests in ${env.measure.duration} s at the warm-up rate: measured over ${env.measure.minResponses} requests instead`);
    console.log(`\nEXPLAIN ANALYZE, finding the page (SQL only, second run):`);
    console.log(explainTable([...explained.map((e) => e.page), loadRows]));
    console.log(`\nEXPLAIN ANALYZE, the totals of the whole filtered set (sent with every page, the first and the later ones):`);
    console.log(explainTable(explained.map(totalsRow)));
    console.log(`\nwhat a typed number finds: ${numberMatches.map((m) => `"${m.q}" → ${m.items} on the page, totals.count ${fmt.int(m.total)}${m.first ? `, first ${m.first}` : ''}`).join(' · ')}`);

    const facts = await invoiceFacts(deps, today);
    console.log(`invoices: ${JSON.stringify(facts.states)} · overdue today: ${fmt.int(facts.overdue as number)} · with a service order: ${fmt.int(facts.withOrder as number)} · size: ${JSON.stringify(facts.size)}`);
    const inTable = Number(Object.values(facts.states as Record<string, number>).reduce((a, b) => a + b, 0));
    reports.push({ invoices: size, inTable, planMs, growth, seriesMs, vacuumAnalyzeMs, real, scenarios: results, explain: explained, loadRows, issueCost, issueLockWaits, issueDrafts, numberMatches, issuedDuringBench, series: { months: after.length, gapFree, current }, facts });
  }

  if (reports.length > 1) {
    const [a, b] = [reports[0]!, reports[reports.length - 1]!];
    console.log(`\nFlatness goal (p95 of the invoices scenarios should not grow with the data):`);
    console.log(flatnessTable(reports.map((r) => ({ customers: r.invoices, scenarios: r.scenarios }))));
    console.log(`\nSQL per request, ${fmt.int(a.invoices)} → ${fmt.int(b.invoices)} invoices (exec ms; totals rows):`);
    for (const e of b.explain) {
      const s = a.explain.find((x) => x.page.label === e.page.label);
      console.log(`  ${e.page.label}: page ${s ? fmt.ms(s.page.ms) : '–'} → ${fmt.ms(e.page.ms)} · totals alone ${s ? fmt.ms(s.totalsTiming.ms) : '–'} → ${fmt.ms(e.totalsTiming.ms)} ms (${s ? fmt.int(s.totalsCount) : '–'} → ${fmt.int(e.totalsCount)} rows)`);
    }
  }
  console.log('\nMarkdown (invoices):');
  for (const r of reports) {
    console.log(`\n${db}, ${fmt.int(r.invoices)} invoices:\n\n${scenarioMarkdown(r.scenarios)}\n\nFinding the page:\n\n${explainMarkdown([...r.explain.map((e) => e.page), r.loadRows])}`);
    console.log(`\nTotals:\n\n${explainMarkdown(r.explain.map(totalsRow))}`);
  }
  return { reports, ordersLinked: orders !== null, failures };
}

/** A totals EXPLAIN row, labelled with the rows it adds up and the query's time as the app sees it. */
const totalsRow = (e: ListExplain): ExplainSummary => {
  const t = e.totalsTiming;
  const jit = t.jitMs !== null ? `, JIT ${fmt.ms(t.jitMs)}` : '';
  const off = t.jitOffMs !== null ? `, ${fmt.ms(t.jitOffMs)} with jit off` : '';
  return { ...e.totals, label: `${e.totals.label} [${fmt.int(e.totalsCount)} rows; alone ${fmt.ms(t.ms)} ms${off}${jit}]` };
};

async function explainRequest(deps: Deps, actor: Actor, key: string, x: InvoiceRequest): Promise<ListExplain> {
  const input = invoiceListQuery.parse({ limit: '25', ...x.query });
  const run = () => listInvoices(deps, { actor }, input);
  // Later pages carry no totals: the set's totals are those its first page computes.
  const first = () => listInvoices(deps, { actor }, { ...input, cursor: undefined });
  const label = `${key.replace('invoice-', '')}: ${x.label}`;
  const page = await explainCall(deps.database, label, 'invoices', run, (sql) => !TOTALS.test(sql) && !LOAD_ROWS.test(sql));
  const totals = await explainCall(deps.database, label, 'invoices', first, (sql) => TOTALS.test(sql));
  const query = (await captureSql(deps.database, first)).find((q) => TOTALS.test(q.text))!;
  const jit = (totals.raw as { JIT?: { Timing?: { Total?: number } } }[])[0]?.JIT?.Timing?.Total ?? null;
  return { key, label, page, totals, totalsCount: (await first()).totals?.count ?? 0, totalsTiming: { ...(await timeTotals(deps.database, query)), jitMs: jit } };
}

const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function timeTotals(database: Database, q: CapturedQuery): Promise<{ ms: number; jitOffMs: number | null }> {
  const times: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    await database.query(q.text, q.params);
    times.push(performance.now() - t0);
  }
  if (!database.pool) return { ms: median(times), jitOffMs: null };
  // The same on a connection of its own with `jit = off` (PostgreSQL compiles big aggregates by default).
  const client = new pg.Client(database.pool.options);
  await client.connect();
  try {
    await client.query('set jit = off');
    const off: number[] = [];
    for (let k = 0; k < 5; k++) {
      const t0 = performance.now();
      await client.query(q.text, q.params as unknown[]);
      off.push(performance.now() - t0);
    }
    return { ms: median(times), jitOffMs: median(off) };
  } finally {
    await client.end();
  }
}

/** The statements of one issueInvoice, how many follow the series upsert (the lock), and the time of one issue alone. */
async function costOfIssue(deps: Deps, actor: Actor, seed: number, targets: string[]): Promise<IssueCost> {
  const ctx = { actor };
  const drafts: string[] = [];
  for (let n = 0; n < 21; n++) drafts.push((await createDraft(deps, ctx, invoiceDraftInput.parse(createInvoiceBody(seed ^ 0xc057, n, targets)))).id);
  const texts = (await statementsOf(deps.database, () => issueInvoice(deps, ctx, drafts[0]!))).filter((t) => !/^\s*(begin|rollback)\b/i.test(t));
  const lockAt = texts.findIndex((t) => /insert into "number_series"/i.test(t));
  const commit = texts.findIndex((t) => /^\s*commit\b/i.test(t));
  const times: number[] = [];
  for (const id of drafts.slice(1)) {
    const t0 = performance.now();
    await issueInvoice(deps, ctx, id);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const statements = texts.filter((t) => !/^\s*commit\b/i.test(t)).length;
  return { statements, underLock: lockAt < 0 ? 0 : (commit < 0 ? texts.length : commit) - lockAt - 1, medianMs: times[Math.floor(times.length / 2)]! };
}

async function invoiceFacts(deps: Deps, today: string): Promise<Record<string, unknown>> {
  const q = <T>(sql: string, params: unknown[] = []) => deps.database.query<T>(sql, params);
  const states = Object.fromEntries(
    (await q<{ k: string; n: string | number }>(`select kind || ':' || status || case when status = 'issued' and kind = 'vat' then ':' || payment_status else '' end as k, count(*) as n from invoices group by 1 order by 1`)).map((r) => [r.k, Number(r.n)]),
  );
  const one = async (sql: string, params: unknown[] = []) => Number((await q<{ n: string | number }>(sql, params))[0]!.n);
  const size = (await q<Record<string, string>>(
    `select pg_size_pretty(pg_total_relation_size('invoices')) as invoices, pg_size_pretty(pg_relation_size('invoices')) as heap, pg_size_pretty(pg_indexes_size('invoices')) as indexes,
            pg_size_pretty(pg_relation_size('invoices_search_trgm')) as trigram, pg_size_pretty(pg_total_relation_size('invoice_lines')) as lines, pg_size_pretty(pg_total_relation_size('invoice_payments')) as payments`,
  ))[0];
  return {
    states,
    overdue: await one(`select count(*) as n from invoices where status = 'issued' and kind = 'vat' and payment_status <> 'paid' and due_date < $1`, [today]),
    withOrder: await one('select count(*) as n from invoices where service_order_id is not null'),
    size,
  };
}
