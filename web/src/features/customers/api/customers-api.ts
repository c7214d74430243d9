// Customers: query-key factory and TanStack Query hooks for /api/v1/customers.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../app/api-client.ts';
import type { Page } from '../../../app/api-types.ts';
import type { Language } from '../../../i18n/catalog-types.ts';
import type {
  Contact,
  ContactInput,
  Customer,
  CustomerDetail,
  CustomerFilters,
  CustomerInput,
  CustomerNote,
  CustomerWriteResult,
  ImportPreview,
  ImportResult,
  NipCheck,
  Site,
  SiteInput,
} from './customer-types.ts';

const base = '/api/v1/customers';
export const PAGE_SIZE = 25;

export const customerKeys = {
  all: ['customers'] as const,
  lists: () => [...customerKeys.all, 'list'] as const,
  list: (filters: CustomerFilters) => [...customerKeys.lists(), filters] as const,
  details: () => [...customerKeys.all, 'detail'] as const,
  detail: (id: string) => [...customerKeys.details(), id] as const,
  nipCheck: (nip: string, excludeId?: string) => [...customerKeys.all, 'nip-check', nip, excludeId ?? null] as const,
};

/** Filters as the API's query string (empty values left out). */
export const filterQuery = (f: CustomerFilters) => ({ q: f.q.trim(), kind: f.kind, status: f.status, city: f.city.trim(), sort: f.sort });

export const exportUrl = (f: CustomerFilters, format: 'csv' | 'xlsx', lang: Language) =>
  withQuery(`${base}/export`, { format, lang, ...filterQuery(f) });

export function useCustomerList(filters: CustomerFilters) {
  return useInfiniteQuery({
    queryKey: customerKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api<Page<Customer>>(base, { query: { ...filterQuery(filters), limit: PAGE_SIZE, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (prev) => prev,
  });
}

export function useCustomer(id: string) {
  return useQuery({ queryKey: customerKeys.detail(id), queryFn: () => api<CustomerDetail>(`${base}/${id}`) });
}

export function checkNip(nip: string, excludeId?: string) {
  return api<NipCheck>(`${base}/nip-check`, { query: { nip, excludeId } });
}

/** After any change to one customer: its detail, every list, its history. */
function invalidateCustomer(qc: QueryClient, id?: string) {
  void qc.invalidateQueries({ queryKey: customerKeys.lists() });
  if (id) {
    void qc.invalidateQueries({ queryKey: customerKeys.detail(id) });
    void qc.invalidateQueries({ queryKey: ['audit', 'customers', id] });
  }
  void qc.invalidateQueries({ queryKey: ['setup', 'guide'] });
}

export function useCreateCustomer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomerInput) => api<CustomerWriteResult>(base, { method: 'POST', body }),
    onSuccess: (r) => invalidateCustomer(qc, r.customer.id),
  });
}

// PATCH bodies must carry the whole record: the server's patch schemas (zod `.partial()` over
// fields with `.default()`) fill omitted fields with their defaults, i.e. they would be wiped.
export function useUpdateCustomer(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomerInput) => api<CustomerWriteResult>(`${base}/${id}`, { method: 'PATCH', body }),
    onSuccess: () => invalidateCustomer(qc, id),
  });
}

export function useSetCustomerArchived(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (archived: boolean) => api<Customer>(`${base}/${id}/${archived ? 'archive' : 'restore'}`, { method: 'POST' }),
    onSuccess: () => invalidateCustomer(qc, id),
  });
}

export function useDeleteCustomer(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`${base}/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      qc.removeQueries({ queryKey: customerKeys.detail(id) });
      invalidateCustomer(qc);
    },
  });
}

export function useSaveContact(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: ContactInput & { archived?: boolean } }) =>
      id
        ? api<Contact>(`${base}/${customerId}/contacts/${id}`, { method: 'PATCH', body })
        : api<Contact>(`${base}/${customerId}/contacts`, { method: 'POST', body }),
    onSuccess: () => invalidateCustomer(qc, customerId),
  });
}

export function useSaveSite(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: SiteInput & { archived?: boolean } }) =>
      id
        ? api<Site>(`${base}/${customerId}/sites/${id}`, { method: 'PATCH', body })
        : api<Site>(`${base}/${customerId}/sites`, { method: 'POST', body }),
    onSuccess: () => invalidateCustomer(qc, customerId),
  });
}

export function useAddNote(customerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api<CustomerNote>(`${base}/${customerId}/notes`, { method: 'POST', body: { body } }),
    onSuccess: () => invalidateCustomer(qc, customerId),
  });
}

export function useImportPreview() {
  return useMutation({ mutationFn: (csv: string) => api<ImportPreview>(`${base}/import/preview`, { method: 'POST', body: { csv } }) });
}

export function useImportCommit() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => api<ImportResult>(`${base}/import/commit`, { method: 'POST', body: { csv } }),
    onSuccess: () => invalidateCustomer(qc),
  });
}
