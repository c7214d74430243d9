// Resources (vehicles, special equipment): /api/v1/resources. No archive: `active` switches them off.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client.ts';
import { catalogueApi } from '../../catalogue/api/catalogue-api.ts';

export const RESOURCE_KINDS = ['vehicle', 'equipment'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export type ResourceInput = { name: string; kind: ResourceKind; identifier: string; notes: string; active: boolean };
export type Resource = ResourceInput & { id: string; createdAt: string; updatedAt: string };
export type ResourceFilters = { q: string; kind: '' | ResourceKind; status: 'active' | 'inactive' | 'all'; sort: 'name' | '-name' };

export const resourcesApi = catalogueApi<Resource, ResourceInput>({ key: 'resources', base: '/api/v1/resources', auditEntity: 'resources' });

export const RESOURCE_FILTER_DEFAULTS: ResourceFilters = { q: '', kind: '', status: 'active', sort: 'name' };
export const RESOURCE_FILTER_VALUES = { kind: ['', 'vehicle', 'equipment'], status: ['active', 'inactive', 'all'], sort: ['name', '-name'] } as const;

export function useSetResourceActive(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (active: boolean) => api<Resource>(`/api/v1/resources/${id}`, { method: 'PATCH', body: { active } }),
    onSuccess: (r) => {
      qc.setQueryData(resourcesApi.keys.detail(id), r);
      resourcesApi.invalidate(qc, id);
    },
  });
}
