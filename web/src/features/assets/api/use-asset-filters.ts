// The asset list's filters in the URL; a list inside a customer's page is pinned to that customer.
import { useMemo } from 'react';
import { filtersNarrow, useUrlFilters } from '../../../ui/use-url-filters.ts';
import { ASSET_FILTER_DEFAULTS, ASSET_FILTER_VALUES } from './assets-api.ts';
import type { AssetFilters } from './asset-shapes.ts';

export function useAssetFilters(fixedCustomerId?: string): [AssetFilters, (patch: Partial<AssetFilters>) => void] {
  const [raw, setFilters] = useUrlFilters(ASSET_FILTER_DEFAULTS, ASSET_FILTER_VALUES);
  const filters = useMemo(() => (fixedCustomerId ? { ...raw, customerId: fixedCustomerId } : raw), [raw, fixedCustomerId]);
  return [filters, setFilters];
}

/** Whether the user narrowed the list (sort and a pinned customer do not count). */
export const assetFiltersNarrow = (f: AssetFilters, pinnedCustomer: boolean) =>
  filtersNarrow(f, ASSET_FILTER_DEFAULTS, pinnedCustomer ? ['sort', 'customerId'] : ['sort']);
