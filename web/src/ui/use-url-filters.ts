// A list's filters in the URL query string (shareable, survive reload and back/forward). Every filter
// is a string; values outside `allowed` fall back to the default. Same rules as the customers list.
import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';

export type UrlFilters = Record<string, string>;

export function useUrlFilters<F extends UrlFilters>(
  defaults: F,
  allowed: { [K in keyof F]?: readonly string[] } = {},
): [F, (patch: Partial<F>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const out: UrlFilters = {};
    for (const [key, fallback] of Object.entries(defaults)) {
      const v = params.get(key);
      const ok = allowed[key as keyof F];
      out[key] = v === null || (ok && !ok.includes(v)) ? fallback : v;
    }
    return out as F;
    // defaults/allowed are module constants
  }, [params]);
  // two quick changes must both survive: build on the params we last asked for, not on the URL
  const latest = useRef(params);
  const seen = useRef(params);
  if (seen.current !== params) {
    seen.current = params;
    latest.current = params;
  }
  const update = useCallback(
    (patch: Partial<F>) => {
      const next = new URLSearchParams(latest.current);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === '' || v === defaults[k]) next.delete(k);
        else next.set(k, String(v));
      }
      latest.current = next;
      setParams(next, { replace: true });
    },
    [setParams],
  );
  return [filters, update];
}

/** Whether anything narrows the list beyond the defaults (sort does not count). */
export const filtersNarrow = <F extends UrlFilters>(f: F, defaults: F, ignore: (keyof F)[] = ['sort']) =>
  Object.keys(defaults).some((k) => !ignore.includes(k) && f[k] !== defaults[k]);
