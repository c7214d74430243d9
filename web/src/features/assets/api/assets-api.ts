// Customer assets: query-key factory and TanStack Query hooks for /api/v1/assets and its parts
// (custody, readings, service dates, documents, history, labels).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, apiUpload, withQuery } from '../../../app/api-client.ts';
import type { Page } from '../../../app/api-types.ts';
import type { Language } from '../../../i18n/catalog-types.ts';
import { auditKeys } from '../../audit/api/audit-api.ts';
import type {
  Asset,
  AssetDocument,
  AssetEvent,
  AssetFilters,
  AssetInput,
  AssetPatch,
  CompleteResult,
  CustodyInput,
  Reading,
  ReadingInput,
  ServiceDate,
  ServiceDateInput,
  ServiceDatePatch,
} from './asset-shapes.ts';

const base = '/api/v1/assets';
export const PAGE_SIZE = 25;

export const ASSET_FILTER_DEFAULTS: AssetFilters = {
  q: '',
  assetTypeId: '',
  custody: '',
  status: 'active',
  // '' = the server's choice: A–Z, or newest first when searching (fast on a million assets)
  sort: '',
  field: '',
  value: '',
  customerId: '',
};
export const ASSET_FILTER_VALUES = {
  custody: ['', 'with_customer', 'in_shop', 'on_site_service', 'external_service'],
  status: ['active', 'archived', 'all'],
  sort: ['', 'name', '-name', 'created', '-created', 'serial'],
} as const;

export const assetKeys = {
  all: ['assets'] as const,
  lists: () => [...assetKeys.all, 'list'] as const,
  list: (filters: AssetFilters) => [...assetKeys.lists(), filters] as const,
  details: () => [...assetKeys.all, 'detail'] as const,
  detail: (id: string) => [...assetKeys.details(), id] as const,
  part: (id: string, part: 'events' | 'readings' | 'service-dates' | 'documents') => [...assetKeys.detail(id), part] as const,
};

/** Filters as the API's query string: a custom-field filter only with its type and a value. */
export function filterQuery(f: AssetFilters) {
  const withField = f.assetTypeId !== '' && f.field !== '' && f.value.trim() !== '';
  return {
    q: f.q.trim(),
    customerId: f.customerId,
    assetTypeId: f.assetTypeId,
    custody: f.custody,
    status: f.status,
    ...(f.sort ? { sort: f.sort } : {}),
    ...(withField ? { field: f.field, value: f.value.trim() } : {}),
  };
}

export const exportUrl = (f: AssetFilters, format: 'csv' | 'xlsx', lang: Language) => withQuery(`${base}/export`, { ...filterQuery(f), format, lang });
// The PDFs with QR codes pointing at <origin>/assets/<id>. The brief named them labels.pdf and
// <id>/label.pdf; the server serves (and tests) them without the extension.
/** A sheet of labels for the filtered list (the server refuses too many with assets.labels_too_many). */
export const labelsUrl = (f: AssetFilters, lang: Language) => withQuery(`${base}/labels`, { ...filterQuery(f), lang });
export const labelUrl = (id: string, lang: Language) => withQuery(`${base}/${id}/label`, { lang });
export const documentUrl = (id: string) => `/api/v1/asset-documents/${id}/content`;

export function useAssetList(filters: AssetFilters, pageSize = PAGE_SIZE) {
  return useInfiniteQuery({
    queryKey: assetKeys.list(filters),
    queryFn: ({ pageParam, signal }) => api<Page<Asset>>(base, { query: { ...filterQuery(filters), limit: pageSize, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (prev) => prev,
  });
}

export function useAsset(id: string) {
  return useQuery({ queryKey: assetKeys.detail(id), queryFn: () => api<Asset>(`${base}/${id}`) });
}

/** After any change to one asset: it (with its parts), every list, its audit trail, the tasks. */
function invalidateAsset(qc: QueryClient, id?: string) {
  void qc.invalidateQueries({ queryKey: assetKeys.lists() });
  if (id) {
    void qc.invalidateQueries({ queryKey: assetKeys.detail(id) });
    void qc.invalidateQueries({ queryKey: auditKeys.trail('assets', id) });
  }
  void qc.invalidateQueries({ queryKey: ['tasks'] });
}

export function useCreateAsset() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AssetInput) => api<Asset>(base, { method: 'POST', body }),
    onSuccess: (a) => invalidateAsset(qc, a.id),
  });
}

export function useUpdateAsset(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AssetPatch) => api<Asset>(`${base}/${id}`, { method: 'PATCH', body }),
    onSuccess: (a) => {
      qc.setQueryData(assetKeys.detail(id), a);
      invalidateAsset(qc, id);
    },
  });
}

export function useSetAssetArchived(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (archived: boolean) => api<Asset>(`${base}/${id}/${archived ? 'archive' : 'restore'}`, { method: 'POST' }),
    onSuccess: () => invalidateAsset(qc, id),
  });
}

export function useChangeCustody(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CustodyInput) => api<Asset>(`${base}/${id}/custody`, { method: 'POST', body }),
    onSuccess: () => invalidateAsset(qc, id),
  });
}

// ── history ──

export function useAssetEvents(id: string, pageSize = 20) {
  return useInfiniteQuery({
    queryKey: assetKeys.part(id, 'events'),
    queryFn: ({ pageParam, signal }) => api<Page<AssetEvent>>(`${base}/${id}/events`, { query: { limit: pageSize, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

// ── meter readings ──

export function useReadings(id: string, pageSize = 20) {
  return useInfiniteQuery({
    queryKey: assetKeys.part(id, 'readings'),
    queryFn: ({ pageParam, signal }) => api<Page<Reading>>(`${base}/${id}/readings`, { query: { limit: pageSize, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useAddReading(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ReadingInput) => api<Reading>(`${base}/${id}/readings`, { method: 'POST', body }),
    onSuccess: () => invalidateAsset(qc, id),
  });
}

// ── service dates ──

export function useServiceDates(id: string, status: 'open' | 'all') {
  return useQuery({
    queryKey: [...assetKeys.part(id, 'service-dates'), status],
    queryFn: () => api<{ items: ServiceDate[] }>(`${base}/${id}/service-dates`, { query: { status } }).then((r) => r.items),
    placeholderData: (prev) => prev,
  });
}

export function useAddServiceDate(assetId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ServiceDateInput) => api<ServiceDate>(`${base}/${assetId}/service-dates`, { method: 'POST', body }),
    onSuccess: () => invalidateAsset(qc, assetId),
  });
}

export function useUpdateServiceDate(assetId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ServiceDatePatch }) => api<ServiceDate>(`/api/v1/asset-service-dates/${id}`, { method: 'PATCH', body }),
    onSuccess: () => invalidateAsset(qc, assetId),
  });
}

export function useCompleteServiceDate(assetId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: { completedOn?: string; note: string } }) =>
      api<CompleteResult>(`/api/v1/asset-service-dates/${id}/complete`, { method: 'POST', body }),
    onSuccess: () => invalidateAsset(qc, assetId),
  });
}

export function useCancelServiceDate(assetId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<ServiceDate>(`/api/v1/asset-service-dates/${id}/cancel`, { method: 'POST' }),
    onSuccess: () => invalidateAsset(qc, assetId),
  });
}

// ── documents ──

export function useDocuments(id: string) {
  return useInfiniteQuery({
    queryKey: assetKeys.part(id, 'documents'),
    queryFn: ({ pageParam, signal }) => api<Page<AssetDocument>>(`${base}/${id}/documents`, { query: { limit: 50, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The raw file as the body (no base64), with upload progress 0…1. */
export function useUploadDocument(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ file, description, onProgress }: { file: File; description: string; onProgress: (f: number) => void }) =>
      apiUpload<AssetDocument>(withQuery(`${base}/${id}/documents`, { fileName: file.name, description }), file, { onProgress }),
    onSuccess: () => invalidateAsset(qc, id),
  });
}

export function useDeleteDocument(assetId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/v1/asset-documents/${id}`, { method: 'DELETE' }),
    onSuccess: () => invalidateAsset(qc, assetId),
  });
}
