// Price lists: /api/v1/price-lists — lists, their item prices (keyset), the default list, and the
// price lookup (what an item costs on a list on a date, and where that price came from).
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client.ts';
import type { Page } from '../../../app/api-types.ts';
import { catalogueApi } from '../../catalogue/api/catalogue-api.ts';

export type EntryMode = 'net' | 'gross';
export type PriceListInput = {
  name: string;
  validFrom: string | null;
  validTo: string | null;
  entryMode: EntryMode;
  defaultPercentBp: number | null;
  notes: string;
};
export type PriceList = PriceListInput & { id: string; currency: string; isDefault: boolean; archived: boolean; createdAt: string };
export type PriceListFilters = { q: string; status: 'active' | 'archived' | 'all' };

export type ItemType = 'part' | 'service';
export type PriceItem = {
  id: string;
  priceListId: string;
  itemType: ItemType;
  itemId: string;
  itemCode: string;
  itemName: string;
  defaultNetMinor: number;
  priceMinor: number | null;
  percentBp: number | null;
};
export type PriceItemInput = { itemType: ItemType; itemId: string; priceMinor: number | null; percentBp: number | null };
export type PriceSource = 'list_price' | 'list_item_percent' | 'list_percent' | 'item_default';
export type Price = { netMinor: number; grossMinor: number; vatRateCode: string; source: PriceSource; priceListId: string | null };

export const priceListsApi = catalogueApi<PriceList, PriceListInput>({ key: 'price-lists', base: '/api/v1/price-lists', auditEntity: 'price_lists' });
const base = priceListsApi.base;

export const PRICE_LIST_FILTER_DEFAULTS: PriceListFilters = { q: '', status: 'active' };
export const PRICE_LIST_FILTER_VALUES = { status: ['active', 'archived', 'all'] } as const;

const itemsKey = (listId: string) => [...priceListsApi.keys.detail(listId), 'items'] as const;

export function usePriceItems(listId: string, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: itemsKey(listId),
    queryFn: ({ pageParam, signal }) => api<Page<PriceItem>>(`${base}/${listId}/items`, { query: { limit: pageSize, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useSetPriceItem(listId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PriceItemInput) => api<PriceItem>(`${base}/${listId}/items`, { method: 'PUT', body }),
    onSuccess: () => priceListsApi.invalidate(qc, listId),
  });
}

export function useRemovePriceItem(listId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (item: Pick<PriceItem, 'itemType' | 'itemId'>) => api<void>(`${base}/${listId}/items/${item.itemType}/${item.itemId}`, { method: 'DELETE' }),
    onSuccess: () => priceListsApi.invalidate(qc, listId),
  });
}

export function useMakeDefault(listId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<PriceList>(`${base}/${listId}/make-default`, { method: 'POST' }),
    onSuccess: () => {
      // the previous default changed too
      void qc.invalidateQueries({ queryKey: priceListsApi.keys.all });
      priceListsApi.invalidate(qc, listId);
    },
  });
}

export function usePriceCheck(listId: string, query: { itemType: ItemType; itemId: string; date: string } | null) {
  return useQuery({
    queryKey: [...priceListsApi.keys.detail(listId), 'price', query],
    queryFn: () => api<Price>(`${base}/${listId}/price`, { query: query! }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

/** A part or service to put on a list, as the pickers show it. */
export type CatalogueItem = { type: ItemType; id: string; code: string; name: string; defaultNetMinor: number; vatRateCode: string };

type PartRow = { id: string; code: string; name: string; salePriceMinor: number; vatRateCode: string };
type ServiceRow = { id: string; code: string; name: string; defaultPriceMinor: number; vatRateCode: string };

/** Parts or services matching a search (active ones, first 20). */
export function useCatalogueItemSearch(type: ItemType, q: string) {
  return useQuery({
    queryKey: ['catalogue-item-search', type, q],
    queryFn: async ({ signal }): Promise<CatalogueItem[]> => {
      if (type === 'part') {
        const page = await api<Page<PartRow>>('/api/v1/parts', { query: { q, limit: 20 }, signal });
        return page.items.map((p) => ({ type, id: p.id, code: p.code, name: p.name, defaultNetMinor: p.salePriceMinor, vatRateCode: p.vatRateCode }));
      }
      const page = await api<Page<ServiceRow>>('/api/v1/services', { query: { q, limit: 20 }, signal });
      return page.items.map((s) => ({ type, id: s.id, code: s.code, name: s.name, defaultNetMinor: s.defaultPriceMinor, vatRateCode: s.vatRateCode }));
    },
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
