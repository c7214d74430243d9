// The order list's filters in the URL. On a customer's or an asset's page the list is pinned to it,
// shows every phase by default, and keeps its filters under `o.`-prefixed keys so they do not mix
// with the page's other lists (the assets tab has its own `q` and `sort`).
import { useMemo } from 'react';
import { filtersNarrow, useUrlFilters } from '../../../ui/use-url-filters.ts';
import { ORDER_FILTER_DEFAULTS, ORDER_FILTER_VALUES } from './orders-api.ts';
import type { OrderFilters } from './order-shapes.ts';

export type OrderPin = { customerId?: string | undefined; assetId?: string | undefined };

const PINNED_DEFAULTS: OrderFilters = { ...ORDER_FILTER_DEFAULTS, phase: 'all' };
const prefix = <T extends object>(o: T): Record<string, T[keyof T]> => Object.fromEntries(Object.entries(o).map(([k, v]) => [`o.${k}`, v]));
const PREFIXED_DEFAULTS = prefix(PINNED_DEFAULTS) as Record<string, string>;
const PREFIXED_VALUES = prefix(ORDER_FILTER_VALUES) as Record<string, readonly string[]>;

export function useOrderFilters(pin: OrderPin = {}): [OrderFilters, (patch: Partial<OrderFilters>) => void, OrderFilters] {
  const pinned = !!(pin.customerId || pin.assetId);
  const [plain, setPlain] = useUrlFilters(ORDER_FILTER_DEFAULTS, ORDER_FILTER_VALUES);
  const [prefixed, setPrefixed] = useUrlFilters(PREFIXED_DEFAULTS, PREFIXED_VALUES);
  const filters = useMemo<OrderFilters>(() => {
    if (!pinned) return plain;
    const out = Object.fromEntries(Object.keys(PINNED_DEFAULTS).map((k) => [k, prefixed[`o.${k}`] ?? ''])) as OrderFilters;
    return { ...out, customerId: pin.customerId ?? out.customerId, assetId: pin.assetId ?? out.assetId };
  }, [pinned, plain, prefixed, pin.customerId, pin.assetId]);
  const set = (patch: Partial<OrderFilters>) => (pinned ? setPrefixed(prefix(patch) as Record<string, string>) : setPlain(patch));
  return [filters, set, pinned ? PINNED_DEFAULTS : ORDER_FILTER_DEFAULTS];
}

/** Whether the user narrowed the list (sort and a pinned customer or asset do not count). */
export const orderFiltersNarrow = (f: OrderFilters, defaults: OrderFilters, pin: OrderPin) =>
  filtersNarrow(f, defaults, ['sort', ...(pin.customerId ? (['customerId'] as const) : []), ...(pin.assetId ? (['assetId'] as const) : [])]);
