// Service orders: query-key factory and TanStack Query hooks for /api/v1/service-orders (list, order,
// intake, changes, status, release, history, tracking link) and the PDFs the server makes of them.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../app/api-client.ts';
import type { Page } from '../../../app/api-types.ts';
import type { Language } from '../../../i18n/catalog-types.ts';
import { auditKeys } from '../../audit/api/audit-api.ts';
import { assetKeys } from '../../assets/api/assets-api.ts';
import type { Order, OrderEvent, OrderFilters, OrderInput, OrderPatch, OrderSummary } from './order-shapes.ts';

const base = '/api/v1/service-orders';
export const PAGE_SIZE = 25;

export const ORDER_FILTER_DEFAULTS: OrderFilters = {
  q: '',
  statusId: '',
  phase: 'open',
  technicianId: '',
  from: '',
  to: '',
  sort: '-created',
  customerId: '',
  assetId: '',
};
export const ORDER_FILTER_VALUES = {
  phase: ['all', 'open', 'new', 'diagnosis', 'awaiting_approval', 'in_repair', 'external_service', 'ready_for_release', 'released', 'cancelled'],
  sort: ['-created', 'created', 'promised'],
} as const;

export const orderKeys = {
  all: ['service-orders'] as const,
  lists: () => [...orderKeys.all, 'list'] as const,
  list: (filters: OrderFilters) => [...orderKeys.lists(), filters] as const,
  details: () => [...orderKeys.all, 'detail'] as const,
  detail: (id: string) => [...orderKeys.details(), id] as const,
  part: (id: string, part: string) => [...orderKeys.detail(id), part] as const,
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Filters as the API's query string: empty values and half-typed dates left out. */
export const filterQuery = (f: OrderFilters) => ({
  q: f.q.trim(),
  statusId: f.statusId,
  phase: f.phase === 'all' ? '' : f.phase,
  technicianId: f.technicianId,
  from: DATE.test(f.from) ? f.from : '',
  to: DATE.test(f.to) ? f.to : '',
  sort: f.sort,
  customerId: f.customerId,
  assetId: f.assetId,
});

export function useOrderList(filters: OrderFilters, pageSize = PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: orderKeys.list(filters),
    queryFn: ({ pageParam, signal }) => api<Page<OrderSummary>>(base, { query: { ...filterQuery(filters), limit: pageSize, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (prev) => prev,
  });
}

export function useOrder(id: string) {
  return useQuery({ queryKey: orderKeys.detail(id), queryFn: () => api<Order>(`${base}/${id}`) });
}

/**
 * After any change to one order: it (with its parts: history, work, estimates), every list, its audit
 * trail, the tasks it makes, and the asset (whose custody follows the order).
 */
export function invalidateOrder(qc: QueryClient, id?: string, assetId?: string) {
  void qc.invalidateQueries({ queryKey: orderKeys.lists() });
  if (id) {
    void qc.invalidateQueries({ queryKey: orderKeys.detail(id) });
    void qc.invalidateQueries({ queryKey: auditKeys.trail('service_orders', id) });
  }
  if (assetId) void qc.invalidateQueries({ queryKey: assetKeys.detail(assetId) });
  void qc.invalidateQueries({ queryKey: ['tasks'] });
}

/** The order as the server answered it, kept without the one-time tracking link. */
function accept(qc: QueryClient, o: Order) {
  qc.setQueryData(orderKeys.detail(o.id), { ...o, trackingUrl: null });
  invalidateOrder(qc, o.id, o.assetId);
}

export function useCreateOrder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OrderInput) => api<Order>(base, { method: 'POST', body }),
    onSuccess: (o) => {
      accept(qc, o);
      // a customer or an asset may have been created with the order
      void qc.invalidateQueries({ queryKey: ['customers'] });
      void qc.invalidateQueries({ queryKey: ['assets'] });
      void qc.invalidateQueries({ queryKey: ['asset-pickers'] });
    },
  });
}

export function useUpdateOrder(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OrderPatch) => api<Order>(`${base}/${id}`, { method: 'PATCH', body }),
    onSuccess: (o) => accept(qc, o),
  });
}

export function useChangeStatus(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { statusId: string; note: string }) => api<Order>(`${base}/${id}/status`, { method: 'POST', body }),
    onSuccess: (o) => accept(qc, o),
  });
}

export function useReleaseOrder(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { releasedTo: string; note: string }) => api<Order>(`${base}/${id}/release`, { method: 'POST', body }),
    onSuccess: (o) => accept(qc, o),
  });
}

export function useNewTrackingLink(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ trackingUrl: string }>(`${base}/${id}/tracking-link`, { method: 'POST' }),
    onSuccess: () => invalidateOrder(qc, id),
  });
}

export function useRevokeTrackingLink(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ revoked: number }>(`${base}/${id}/tracking-link/revoke`, { method: 'POST' }),
    onSuccess: () => invalidateOrder(qc, id),
  });
}

export function useOrderEvents(id: string, pageSize = 30) {
  return useInfiniteQuery({
    queryKey: orderKeys.part(id, 'events'),
    queryFn: ({ pageParam, signal }) => api<Page<OrderEvent>>(`${base}/${id}/events`, { query: { limit: pageSize, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

// ── documents (PDF) ──

export const intakeReceiptUrl = (id: string, lang: Language) => withQuery(`${base}/${id}/intake-receipt`, { lang });
export const releaseReceiptUrl = (id: string, lang: Language) => withQuery(`${base}/${id}/release-receipt`, { lang });
