// Pure rules of services: derived columns and billable time.
import { codeKey, itemSearchText, itemSortKey } from './catalog.rules.ts';

export function serviceDerived(s: { code: string; name: string }) {
  return { codeKey: codeKey(s.code), searchText: itemSearchText([s.code, s.name]), sortKey: itemSortKey(s.name) };
}

/**
 * Minutes to bill for time worked: rounded up to started blocks of `incrementMinutes`
 * (31 min with 15 → 45); exact when there is no increment; nothing worked bills nothing.
 */
export function billableMinutes(workedMinutes: number, incrementMinutes: number | null): number {
  if (!Number.isInteger(workedMinutes) || workedMinutes < 0) throw new RangeError(`worked minutes must be a whole number ≥ 0, got ${workedMinutes}`);
  if (incrementMinutes === null) return workedMinutes;
  if (!Number.isInteger(incrementMinutes) || incrementMinutes < 1) throw new RangeError(`the increment must be a whole number ≥ 1, got ${incrementMinutes}`);
  return Math.ceil(workedMinutes / incrementMinutes) * incrementMinutes;
}
