// SQL-level check of the list queries: captures the exact SQL the customers use case sends (by
// wrapping the driver's query() for one call), then runs it under EXPLAIN (ANALYZE, BUFFERS) on the
// same database. Shows whether the list, the deep page and the search use their indexes, without HTTP.
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
  plan: string;
  indexes: string[];
  rowsRemovedByFilter: number;
  sharedBlocks: number;
  sql: string;
  params: unknown[];
  raw: unknown;
};

function describe(node: PlanNode, indexes: Set<string>, acc: { removed: number }): string {
  if (node['Index Name']) indexes.add(node['Index Name']);
  acc.removed += (node['Rows Removed by Filter'] ?? 0) * (node['Actual Loops'] ?? 1) + (node['Rows Removed by Index Recheck'] ?? 0);
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
  const doc = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode; 'Execution Time': number }[];
  const top = doc[0]!;
  const indexes = new Set<string>();
  const acc = { removed: 0 };
  const plan = describe(top.Plan, indexes, acc);
  return {
    label,
    ms: top['Execution Time'],
    plan,
    indexes: [...indexes],
    rowsRemovedByFilter: acc.removed,
    sharedBlocks: (top.Plan['Shared Hit Blocks'] ?? 0) + (top.Plan['Shared Read Blocks'] ?? 0),
    sql: q.text,
    params: q.params,
    raw: doc,
  };
}

/**
 * EXPLAIN ANALYZE of the queries behind one API list request (query-string values as sent). A
 * search may run up to four queries (walk, end of walk, trigram matches, rows by id): their times
 * are added up and their plans listed in order.
 */
export async function explainList(deps: Deps, actor: Actor, label: string, query: Record<string, string>): Promise<ExplainSummary> {
  const input = customerListQuery.parse(query);
  const captured = await captureSql(deps.database, () => listCustomers(deps, { actor }, input));
  const list = captured.filter((c) => /from "customers"/i.test(c.text));
  if (list.length === 0) throw new Error(`No customers query captured for "${label}"`);
  const parts: ExplainSummary[] = [];
  for (const q of list) parts.push(await explain(deps.database, label, q));
  if (parts.length === 1) return parts[0]!;
  return {
    label,
    ms: parts.reduce((a, p) => a + p.ms, 0),
    plan: parts.map((p, i) => `[${i + 1}] ${p.plan}`).join('  ⟶  '),
    indexes: [...new Set(parts.flatMap((p) => p.indexes))],
    rowsRemovedByFilter: parts.reduce((a, p) => a + p.rowsRemovedByFilter, 0),
    sharedBlocks: parts.reduce((a, p) => a + p.sharedBlocks, 0),
    sql: parts.map((p) => p.sql).join(';\n'),
    params: parts.flatMap((p) => p.params),
    raw: parts.map((p) => p.raw),
  };
}
