// Formatting of the benchmark's console output (tables) — no measuring here.
import type { ExplainSummary } from './explain.ts';
import type { LoadResult } from './load.ts';

export type ScenarioResult = LoadResult & { key: string; label: string; rpsRatio: number; p95Ratio: number };

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
const ms = (n: number) => (!Number.isFinite(n) ? '–' : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : Math.round(n).toString());
const ratio = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : '–');

function table(header: string[], rows: string[][], leftColumns = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

export function scenarioTable(results: ScenarioResult[]): string {
  return table(
    ['scenario', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s ÷ floor', 'p95 ÷ floor', 'non-2xx'],
    results.map((r) => [r.label + (r.mode === 'amount' ? ' *' : ''), int(r.rps), ms(r.p50), ms(r.p95), ms(r.p99), ratio(r.rpsRatio), ratio(r.p95Ratio), int(r.non2xx + r.errors)]),
  );
}

/** Markdown version of the same table (pasted into bench/README.md). */
export function scenarioMarkdown(results: ScenarioResult[]): string {
  const head = '| scenario | req/s | p50 ms | p95 ms | p99 ms | req/s ÷ floor | p95 ÷ floor | non-2xx |';
  const sep = '|---|--:|--:|--:|--:|--:|--:|--:|';
  const rows = results.map((r) => `| ${r.label}${r.mode === 'amount' ? ' \\*' : ''} | ${int(r.rps)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ratio(r.rpsRatio)} | ${ratio(r.p95Ratio)} | ${int(r.non2xx + r.errors)} |`);
  return [head, sep, ...rows].join('\n');
}

export function explainTable(rows: ExplainSummary[]): string {
  const warned = rows.some((e) => e.warnings.length > 0);
  return table(
    ['query', 'exec ms', 'planning ms', 'rows filtered', ...(warned ? ['grows with the table'] : []), 'plan'],
    rows.map((e) => [e.label, ms(e.ms), ms(e.planningMs), int(e.rowsRemovedByFilter), ...(warned ? [e.warnings.join('; ') || '–'] : []), e.plan]),
    1,
  );
}

/** Markdown: query, times, rows filtered, warnings, indexes used (for bench/README.md). */
export function explainMarkdown(rows: ExplainSummary[]): string {
  const head = '| query | exec ms | planning ms | rows filtered | grows with the table | indexes |';
  const sep = '|---|--:|--:|--:|---|---|';
  return [head, sep, ...rows.map((e) => `| ${e.label} | ${ms(e.ms)} | ${ms(e.planningMs)} | ${int(e.rowsRemovedByFilter)} | ${e.warnings.join('; ') || '–'} | ${e.indexes.join(', ') || '–'} |`)].join('\n');
}

/** Side by side: how p95 of each scenario moved between the smallest and the largest data set. */
export function flatnessTable(sizes: { customers: number; scenarios: ScenarioResult[] }[]): string {
  const first = sizes[0]!;
  const last = sizes[sizes.length - 1]!;
  const rows = first.scenarios.map((s) => {
    const l = last.scenarios.find((x) => x.key === s.key);
    return [s.label, ms(s.p95), l ? ms(l.p95) : '–', l ? ratio(l.p95 / s.p95) : '–', int(s.rps), l ? int(l.rps) : '–'];
  });
  return table(
    ['scenario', `p95 @${int(first.customers)}`, `p95 @${int(last.customers)}`, 'p95 growth', `req/s @${int(first.customers)}`, `req/s @${int(last.customers)}`],
    rows,
  );
}

export const fmt = { int, ms, ratio };
