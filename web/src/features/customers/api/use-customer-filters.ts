// The list's filters live in the URL query string (shareable, survive reload and back/forward).
import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { CustomerFilters, CustomerKind, CustomerSort, CustomerStatus } from './customer-types.ts';

export const DEFAULT_FILTERS: CustomerFilters = { q: '', kind: '', status: 'active', city: '', sort: 'name' };

const KINDS: readonly CustomerKind[] = ['company', 'individual'];
const STATUSES: readonly CustomerStatus[] = ['active', 'archived', 'all'];
const SORTS: readonly CustomerSort[] = ['name', '-name', 'createdAt', '-createdAt'];
const pick = <T extends string>(allowed: readonly T[], v: string | null, fallback: T): T =>
  v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : fallback;

export function useCustomerFilters(): [CustomerFilters, (patch: Partial<CustomerFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<CustomerFilters>(
    () => ({
      q: params.get('q') ?? '',
      kind: pick<CustomerKind | ''>(KINDS, params.get('kind'), ''),
      status: pick(STATUSES, params.get('status'), DEFAULT_FILTERS.status),
      city: params.get('city') ?? '',
      sort: pick(SORTS, params.get('sort'), DEFAULT_FILTERS.sort),
    }),
    [params],
  );
  // Two changes in quick succession (kind, then sort) must both survive: the URL updates
  // asynchronously, so each change builds on the latest params we asked for, not on the URL.
  const latest = useRef(params);
  const seen = useRef(params);
  if (seen.current !== params) {
    seen.current = params;
    latest.current = params;
  }
  const update = useCallback(
    (patch: Partial<CustomerFilters>) => {
      const next = new URLSearchParams(latest.current);
      for (const [k, v] of Object.entries(patch)) {
        const key = k as keyof CustomerFilters;
        if (v === '' || v === DEFAULT_FILTERS[key]) next.delete(key);
        else next.set(key, String(v));
      }
      latest.current = next;
      setParams(next, { replace: true });
    },
    [setParams],
  );
  return [filters, update];
}

export const hasActiveFilters = (f: CustomerFilters) =>
  f.q !== '' || f.kind !== '' || f.city !== '' || f.status !== DEFAULT_FILTERS.status;
