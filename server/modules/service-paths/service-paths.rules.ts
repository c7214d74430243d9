// Pure rules of service paths: keys, the copy's name, step positions and reordering.
import { polishSortKey } from '../../kernel/text/normalize.ts';

export const pathSortKey = (name: string) => polishSortKey(name) || '~';

/**
 * The name search runs on the sort key with its diacritic markers removed (polishSortKey writes "ł" as
 * "l{"), so the query goes through the same transformation: "lodz", "Łódź" and "ŁÓDŹ" all give "lodz".
 */
export function pathSearchPattern(q: string | undefined): string | null {
  return polishSortKey(q ?? '').replace(/[{|]/g, '').trim() || null;
}

/** "Przegląd" → "Przegląd (2)"; "Przegląd (2)" → "Przegląd (3)"; never longer than `max`. */
export function copyName(name: string, max = 200): string {
  const m = /^(.*\S) \((\d{1,6})\)$/.exec(name);
  const base = m ? m[1]! : name;
  const suffix = ` (${m ? Number(m[2]) + 1 : 2})`;
  return base.slice(0, max - suffix.length).trimEnd() + suffix;
}

/** Where a new step goes: the requested position, or the end when none is given or it is past the end. */
export const insertPosition = (requested: number | undefined, count: number) => Math.min(requested ?? count, count);

/** A new order must name every current step exactly once, and nothing else. */
export function isSameStepSet(current: readonly string[], requested: readonly string[]): boolean {
  if (current.length !== requested.length) return false;
  const want = new Set(current);
  const seen = new Set<string>();
  for (const id of requested) {
    if (!want.has(id) || seen.has(id)) return false;
    seen.add(id);
  }
  return true;
}
