// One factory for the catalogue's list/detail/create/patch/archive/export APIs (parts, products,
// services, resources, price lists, service paths): a query-key factory and the TanStack Query hooks.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../app/api-client.ts';
import type { Page } from '../../../app/api-types.ts';
import type { Language } from '../../../i18n/catalog-types.ts';
import { auditKeys } from '../../audit/api/audit-api.ts';

export const PAGE_SIZE = 25;

/** Filters go to the API as they are; empty strings are left out by withQuery. */
export type ListFilters = Record<string, string>;

export function catalogueApi<Item extends { id: string }, Input, Created = Item, Updated = Item>(opts: {
  /** Query-key root, e.g. 'parts'. */
  key: string;
  /** e.g. '/api/v1/parts' */
  base: string;
  /** The audit trail's entity name, e.g. 'parts' or 'service_paths'. */
  auditEntity: string;
}) {
  const { base } = opts;
  const keys = {
    all: [opts.key] as const,
    lists: () => [opts.key, 'list'] as const,
    list: (filters: ListFilters) => [opts.key, 'list', filters] as const,
    details: () => [opts.key, 'detail'] as const,
    detail: (id: string) => [opts.key, 'detail', id] as const,
  };

  /** After any change: the record, every list, its history, the setup guide (steps are computed from data). */
  const invalidate = (qc: QueryClient, id?: string) => {
    void qc.invalidateQueries({ queryKey: keys.lists() });
    if (id) {
      void qc.invalidateQueries({ queryKey: keys.detail(id) });
      void qc.invalidateQueries({ queryKey: auditKeys.trail(opts.auditEntity, id) });
    }
    void qc.invalidateQueries({ queryKey: ['setup', 'guide'] });
  };

  return {
    keys,
    base,
    invalidate,
    exportUrl: (filters: ListFilters, format: 'csv' | 'xlsx', lang: Language) => withQuery(`${base}/export`, { ...filters, format, lang }),

    useList(filters: ListFilters, pageSize = PAGE_SIZE) {
      return useInfiniteQuery({
        queryKey: keys.list(filters),
        queryFn: ({ pageParam, signal }) => api<Page<Item>>(base, { query: { ...filters, limit: pageSize, cursor: pageParam }, signal }),
        initialPageParam: undefined as string | undefined,
        getNextPageParam: (last) => last.nextCursor ?? undefined,
        placeholderData: (prev) => prev,
      });
    },

    useOne(id: string) {
      return useQuery({ queryKey: keys.detail(id), queryFn: () => api<Item>(`${base}/${id}`) });
    },

    useCreate() {
      const qc = useQueryClient();
      return useMutation({
        mutationFn: (body: Input) => api<Created>(base, { method: 'POST', body }),
        onSuccess: (r) => invalidate(qc, (r as { id?: string }).id),
      });
    },

    /** PATCH with the whole record (the server keeps omitted fields; sending all is simplest). */
    useUpdate(id: string) {
      const qc = useQueryClient();
      return useMutation({
        mutationFn: (body: Partial<Input>) => api<Updated>(`${base}/${id}`, { method: 'PATCH', body }),
        onSuccess: (r) => {
          if (r && typeof r === 'object' && 'id' in r) qc.setQueryData(keys.detail(id), r);
          invalidate(qc, id);
        },
      });
    },

    useSetArchived(id: string) {
      const qc = useQueryClient();
      return useMutation({
        mutationFn: (archived: boolean) => api<Updated>(`${base}/${id}/${archived ? 'archive' : 'restore'}`, { method: 'POST' }),
        onSuccess: () => invalidate(qc, id),
      });
    },
  };
}
