// Keyset (cursor) pagination: the cursor carries the sort values of the last row of a page, so a
// deep page costs the same as the first. No OFFSET, no COUNT(*).
import { z } from 'zod';
import { AppError } from '../errors/app-error.ts';

export const MAX_LIMIT = 100;

export const limitSchema = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_LIMIT)
  .default(25)
  .describe(`Page size, 1–${MAX_LIMIT}`);

export const cursorSchema = z
  .string()
  .max(500)
  .optional()
  .describe('Opaque cursor from the previous page\'s nextCursor');

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
  });

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === arity && v.every((x) => typeof x === 'string' || typeof x === 'number'))
      return v;
  } catch {
    // fall through
  }
  throw new AppError('pagination.bad_cursor', 400, 'The cursor is not valid for this list', {
    fields: [{ path: 'cursor', code: 'pagination.bad_cursor', message: 'Invalid cursor' }],
  });
}

/** Fetch limit + 1 rows; this trims the extra one and builds the next cursor from the last kept row. */
export function toPage<R, T>(rows: R[], limit: number, cursorOf: (row: R) => unknown[], map: (row: R) => T) {
  const hasMore = rows.length > limit;
  const kept = hasMore ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return {
    items: kept.map(map),
    nextCursor: hasMore && last !== undefined ? encodeCursor(cursorOf(last)) : null,
  };
}
