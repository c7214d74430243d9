// A keyset page of a search (text, or any indexed condition) whose cost stays bounded on large tables.
//
// Matches of a common word cluster somewhere in list order and neither plan alone stays flat: walking
// the list order is fast for common words and slow for rare ones; the trigram index is the reverse.
// So a page is found in two bounded steps:
//   1. walk the next `walk` rows in list order (an index range) and keep those that match;
//   2. only when that found too few, ask the trigram index for the matches after the walked rows —
//      when there are at most `matchCap` of them; otherwise the word is common: keep walking.
// The caller loads the full rows of the returned ids (in list order) in one query.
import { and, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { escapeLike } from '../text/like.ts';

/** `column LIKE '%pattern%'` with the pattern taken literally: the match of a text search. */
export const containsText = (col: PgColumn, pattern: string): SQL => sql`${col} like ${'%' + escapeLike(pattern) + '%'}`;

export type KeysetSearch = {
  table: PgTable;
  id: PgColumn;
  sort: PgColumn;
  descending: boolean;
  /** Filters other than the text (status, owner…). */
  where: SQL | undefined;
  /** [sortValue, id] of the last row of the previous page. */
  after: unknown[] | null;
  /** What a row must match, served by an index of its own (trigram LIKE, jsonb containment…). */
  match: SQL;
  limit: number;
  walk?: number;
  matchCap?: number;
};

const rowsOf = <T>(r: unknown) => ((r as { rows?: T[] }).rows ?? []) as T[];

/** Up to limit + 1 ids of matching rows in list order (one more than a page tells if there is a next). */
export async function keysetSearchIds(db: Db, s: KeysetSearch): Promise<string[]> {
  const walk = s.walk ?? 2000;
  const matchCap = s.matchCap ?? 5000;
  const want = s.limit + 1;
  const dir = sql.raw(s.descending ? 'desc' : 'asc');
  const cmp = sql.raw(s.descending ? '<' : '>');
  const after = (from: unknown[] | null) => (from ? sql`(${s.sort}, ${s.id}) ${cmp} (${from[0]}, ${from[1]})` : undefined);
  const base = and(sql`true`, s.where, after(s.after));

  const walked = rowsOf<{ id: string; k: unknown; hit: boolean }>(
    await db.execute(sql`
      select id, k, hit from (
        select ${s.id} as id, ${s.sort} as k, (${s.match}) as hit from ${s.table}
        where ${base} order by ${s.sort} ${dir}, ${s.id} ${dir} limit ${walk}
      ) w`),
  );
  const ids = walked.filter((r) => r.hit).map((r) => r.id).slice(0, want);
  if (ids.length >= want || walked.length < walk) return ids;

  const end = walked[walked.length - 1]!;
  const fromEnd = and(sql`true`, s.where, after([end.k, end.id]));
  const need = want - ids.length;
  const found = rowsOf<{ n: number; id: string | null }>(
    await db.execute(sql`
      with m as materialized (
        select ${s.id} as id, ${s.sort} as k from ${s.table}
        where ${s.match} and ${and(sql`true`, s.where)} limit ${matchCap + 1}
      )
      select c.n, x.id from (select count(*)::int as n from m) c
      left join lateral (select id from m where (k, id) ${cmp} (${end.k}, ${end.id}) order by k ${dir}, id ${dir} limit ${need}) x on true`),
  );
  if ((found[0]?.n ?? 0) <= matchCap) return [...ids, ...found.flatMap((r) => (r.id ? [r.id] : []))];
  const more = rowsOf<{ id: string }>(
    await db.execute(sql`
      select ${s.id} as id from ${s.table} where ${fromEnd} and ${s.match}
      order by ${s.sort} ${dir}, ${s.id} ${dir} limit ${need}`),
  );
  return [...ids, ...more.map((r) => r.id)];
}
