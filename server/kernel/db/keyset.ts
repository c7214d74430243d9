// Keyset paging helpers shared by module repositories: order by (sortColumn, id) and continue after
// the cursor's values, in either direction.
import { asc, desc, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { escapeLike } from '../text/like.ts';

export function keysetOrder(sortCol: PgColumn, idCol: PgColumn, descending = false): SQL[] {
  return descending ? [desc(sortCol), desc(idCol)] : [asc(sortCol), asc(idCol)];
}

/**
 * Rows strictly after (sortValue, id) in the chosen direction; undefined on the first page.
 * Written as a row comparison so PostgreSQL uses it as an index condition on (sort, id): a deep page
 * costs what the first page costs (`a > x OR (a = x AND id > y)` would be a filter over every
 * earlier row).
 */
export function keysetAfter(sortCol: PgColumn, idCol: PgColumn, after: unknown[] | null, descending = false): SQL | undefined {
  if (!after) return undefined;
  const [v, id] = after;
  return descending ? sql`(${sortCol}, ${idCol}) < (${v}, ${id})` : sql`(${sortCol}, ${idCol}) > (${v}, ${id})`;
}

/** `column LIKE %pattern%` with the pattern's own % and _ taken literally (served by a trigram index). */
export const containsFolded = (col: PgColumn, pattern: string): SQL => sql`${col} like ${'%' + escapeLike(pattern) + '%'}`;

/** Every row of a keyset-paged list, page after page (exports): bounded memory for any size. */
export async function* keysetBatches<R>(
  page: (after: unknown[] | null, limit: number) => Promise<{ rows: R[]; cursorOf: (row: R) => unknown[] }>,
  batch = 1000,
): AsyncGenerator<R[]> {
  let after: unknown[] | null = null;
  for (;;) {
    const { rows, cursorOf } = await page(after, batch);
    const kept = rows.slice(0, batch);
    if (kept.length) yield kept;
    if (rows.length <= batch) return;
    after = cursorOf(kept[kept.length - 1]!);
  }
}
