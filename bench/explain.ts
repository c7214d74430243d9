// SQL-level check of the list queries: captures the exact SQL a list use case sends (by
// wrapping the driver's query() for one call), then runs it under EXPLAIN (ANALYZE, BUFFERS) on the
// same database. Shows whether the list, the deep page and the search use their indexes, without HTTP,
// and warns about plan nodes whose cost grows with the table (seq scans, big sorts, long filters).
import type { Database } from '../server/db/client.ts';
import type { Deps } from '../server/deps.ts';
import type { Actor } from '../server/kernel/auth/actor.ts';
import { listCustomers } from '../server/modules/customers/customers.usecases.ts';
import { customerListQuery } from '../server/modules/customers/customers.schemas.ts';

export type CapturedQuery = { text: string; params: unknown[] };

type Queryable = { query: (...args: unknown[]) => unknown };

/** Runs `fn` while recording every statement sent through the database's driver. */
export async function captureSql(database: Database, fn: () => Promise<unknown>): Promise<CapturedQuery[]> {
  const target = (database.pglite ?? database.pool) as unknown as Queryable;
  const original = target.query;
  const captured: CapturedQuery[] = [];
  target.query = function (this: unknown, ...args: unknown[]) {
    const [q, params] = args;
    const text = typeof q === 'string' ? q : (q as { text: string }).text;
    captured.push({ text, params: Array.isArray(params) ? params : [] });
    return original.apply(this, args);
  };
  try {
    await fn();
  } finally {
    target.query = original;
  }
  return captured;
}

type PlanNode = {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Plan Rows'?: number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  'Sort Method'?: string;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
};

export type ExplainSummary = {
  label: string;
  ms: number;
  /** Planning time: paid on every request too (the app sends no prepared statements). */
  planningMs: number;
  plan: string;
  indexes: string[];
  rowsRemovedByFilter: number;
  sharedBlocks: number;
  /** What does not stay flat as the table grows: a seq scan, a sort or a bitmap heap scan of many rows. */
  warnings: string[];
  sql: string;
  params: unknown[];
  raw: unknown;
};

/** Rows a plan node may touch before a page is full: above this, the node's cost grows with the table. */
const MANY = 10_000;

function describe(node: PlanNode, indexes: Set<string>, acc: { removed: number; warnings: string[] }): string {
  if (node['Index Name']) indexes.add(node['Index Name']);
  const loops = node['Actual Loops'] ?? 1;
  const removed = (node['Rows Removed by Filter'] ?? 0) * loops + (node['Rows Removed by Index Recheck'] ?? 0);
  acc.removed += removed;
  const rows = (node['Actual Rows'] ?? 0) * loops;
  if (node['Node Type'] === 'Seq Scan' && rows + removed > MANY) acc.warnings.push(`seq scan of ${node['Relation Name']}: ${rows + removed} rows`);
  if (node['Node Type'] === 'Bitmap Heap Scan' && rows + removed > MANY) acc.warnings.push(`bitmap heap scan of ${node['Relation Name']}: ${rows + removed} rows`);
  if (node['Node Type'] === 'Sort') {
    const input = (node.Plans?.[0]?.['Actual Rows'] ?? 0) * (node.Plans?.[0]?.['Actual Loops'] ?? 1);
    if (input > MANY) acc.warnings.push(`sort of ${input} rows (${node['Sort Method'] ?? '?'})`);
  }
  if (removed > MANY) acc.warnings.push(`${node['Node Type']}${node['Index Name'] ? ` ${node['Index Name']}` : ''} filtered ${removed} rows`);
  let self = node['Node Type'];
  if (node['Index Name']) self += ` ${node['Index Name']}`;
  else if (node['Relation Name']) self += ` ${node['Relation Name']}`;
  if (node['Sort Method']) self += ` (${node['Sort Method']})`;
  self += ` [${node['Actual Rows'] ?? '?'} rows]`;
  const children = (node.Plans ?? []).map((c) => describe(c, indexes, acc));
  return children.length === 0 ? self : children.length === 1 ? `${self} ← ${children[0]}` : `${self} ← (${children.join(' ; ')})`;
}

export async function explain(database: Database, label: string, q: CapturedQuery): Promise<ExplainSummary> {
  const sql = `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${q.text}`;
  await database.query(sql, q.params); // once to warm the cache; the second run is reported
  const rows = await database.query<{ 'QUERY PLAN': unknown }>(sql, q.params);
  const raw = rows[0]!['QUERY PLAN'];
  const doc = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode; 'Execution Time': number; 'Planning Time'?: number }[];
  const top = doc[0]!;
  const indexes = new Set<string>();
  const acc = { removed: 0, warnings: [] as string[] };
  const plan = describe(top.Plan, indexes, acc);
  return {
    label,
    ms: top['Execution Time'],
    planningMs: top['Planning Time'] ?? Number.NaN,
    plan,
    indexes: [...indexes],
    rowsRemovedByFilter: acc.removed,
    sharedBlocks: (top.Plan['Shared Hit Blocks'] ?? 0) + (top.Plan['Shared Read Blocks'] ?? 0),
    warnings: acc.warnings,
    sql: q.text,
    params: q.params,
    raw: doc,
  };
}

/**
 * EXPLAIN ANALYZE of the statements `run` sends that read `table` (the exact SQL and parameters),
 * those `keep` accepts.
 * A search may run up to four queries (walk, end of walk, trigram matches, rows by id): their times
 * are added up and their plans listed in order.
 */
export async function explainCall(database: Database, label: string, table: string, run: () => Promise<unknown>, keep: (sql: string) => boolean = () => true): Promise<ExplainSummary> {
  const captured = await captureSql(database, run);
  const list = captured.filter((c) => new RegExp(`from "${table}"`, 'i').test(c.text) && keep(c.text));
  if (list.length === 0) throw new Error(`No ${table} query captured for "${label}"`);
  const parts: ExplainSummary[] = [];
  for (const q of list) parts.push(await explain(database, label, q));
  if (parts.length === 1) return parts[0]!;
  return {
    label,
    ms: parts.reduce((a, p) => a + p.ms, 0),
    planningMs: parts.reduce((a, p) => a + p.planningMs, 0),
    plan: parts.map((p, i) => `[${i + 1}] ${p.plan}`).join('  ⟶  '),
    indexes: [...new Set(parts.flatMap((p) => p.indexes))],
    rowsRemovedByFilter: parts.reduce((a, p) => a + p.rowsRemovedByFilter, 0),
    sharedBlocks: parts.reduce((a, p) => a + p.sharedBlocks, 0),
    warnings: parts.flatMap((p, i) => p.warnings.map((w) => `[${i + 1}] ${w}`)),
    sql: parts.map((p) => p.sql).join(';\n'),
    params: parts.flatMap((p) => p.params),
    raw: parts.map((p) => p.raw),
  };
}

/** EXPLAIN ANALYZE of the queries behind one customers list request (query-string values as sent). */
export function explainList(deps: Deps, actor: Actor, label: string, query: Record<string, string>): Promise<ExplainSummary> {
  const input = customerListQuery.parse(query);
  return explainCall(deps.database, label, 'customers', () => listCustomers(deps, { actor }, input));
}
