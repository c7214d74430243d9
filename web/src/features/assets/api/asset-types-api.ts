// Asset types (with their custom fields) and kinds of service dates: /api/v1/asset-types and
// /api/v1/service-date-kinds.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client.ts';
import type { Page } from '../../../app/api-types.ts';
import { auditKeys } from '../../audit/api/audit-api.ts';
import type { ArchiveStatus, AssetType, AssetTypeInput, ServiceDateKind, ServiceDateKindInput } from './asset-shapes.ts';

const typesBase = '/api/v1/asset-types';
const kindsBase = '/api/v1/service-date-kinds';

export const assetTypeKeys = {
  all: ['asset-types'] as const,
  lists: () => [...assetTypeKeys.all, 'list'] as const,
  list: (q: string, status: ArchiveStatus) => [...assetTypeKeys.lists(), q, status] as const,
  detail: (id: string) => [...assetTypeKeys.all, 'detail', id] as const,
};
export const kindKeys = {
  all: ['service-date-kinds'] as const,
  list: (status: ArchiveStatus) => [...kindKeys.all, status] as const,
};

/** Types for selects and the settings list: companies have a handful, one page of 100 is all of them. */
export function useAssetTypes(status: ArchiveStatus = 'active', q = '') {
  return useQuery({
    queryKey: assetTypeKeys.list(q, status),
    queryFn: () => api<Page<AssetType>>(typesBase, { query: { q: q.trim(), status, limit: 100 } }),
    placeholderData: (prev) => prev,
  });
}

export function useAssetType(id: string | null | undefined) {
  return useQuery({
    queryKey: assetTypeKeys.detail(id ?? ''),
    queryFn: () => api<AssetType>(`${typesBase}/${id}`),
    enabled: !!id,
  });
}

function invalidateTypes(qc: QueryClient, id?: string) {
  void qc.invalidateQueries({ queryKey: assetTypeKeys.all });
  if (id) void qc.invalidateQueries({ queryKey: auditKeys.trail('asset_types', id) });
}

export function useCreateAssetType() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AssetTypeInput) => api<AssetType>(typesBase, { method: 'POST', body }),
    onSuccess: (r) => invalidateTypes(qc, r.id),
  });
}

export function useUpdateAssetType(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<AssetTypeInput>) => api<AssetType>(`${typesBase}/${id}`, { method: 'PATCH', body }),
    onSuccess: (r) => {
      qc.setQueryData(assetTypeKeys.detail(id), r);
      invalidateTypes(qc, id);
    },
  });
}

export function useSetAssetTypeArchived(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (archived: boolean) => api<AssetType>(`${typesBase}/${id}/${archived ? 'archive' : 'restore'}`, { method: 'POST' }),
    onSuccess: () => invalidateTypes(qc, id),
  });
}

export function useServiceDateKinds(status: ArchiveStatus = 'active') {
  return useQuery({
    queryKey: kindKeys.list(status),
    queryFn: () => api<{ items: ServiceDateKind[] }>(kindsBase, { query: { status } }).then((r) => r.items),
  });
}

export function useSaveServiceDateKind() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Partial<ServiceDateKindInput> }) =>
      id ? api<ServiceDateKind>(`${kindsBase}/${id}`, { method: 'PATCH', body }) : api<ServiceDateKind>(kindsBase, { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: kindKeys.all }),
  });
}

export function useArchiveServiceDateKind() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<ServiceDateKind>(`${kindsBase}/${id}/archive`, { method: 'POST' }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: kindKeys.all }),
  });
}
