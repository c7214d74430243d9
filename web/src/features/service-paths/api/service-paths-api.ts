// Service paths: /api/v1/service-paths — named templates of ordered steps (copied onto orders).
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { api } from '../../../app/api-client.ts';
import type { Role } from '../../../app/api-types.ts';
import { catalogueApi } from '../../catalogue/api/catalogue-api.ts';

export type StepInput = { name: string; description: string; role: Role | null; plannedMinutes: number; deadlineOffsetHours: number | null };
export type Step = StepInput & { id: string; position: number };
export type PathInput = { name: string; description: string; steps?: StepInput[] };
export type ServicePath = {
  id: string;
  name: string;
  description: string;
  archived: boolean;
  archivedAt: string | null;
  stepCount: number;
  plannedMinutes: number;
  createdAt: string;
  updatedAt: string;
};
export type ServicePathDetail = ServicePath & { steps: Step[] };
export type PathFilters = { q: string; status: 'active' | 'archived' | 'all'; sort: 'name' | '-name' };

export const servicePathsApi = catalogueApi<ServicePath, PathInput, ServicePathDetail, ServicePathDetail>({
  key: 'service-paths',
  base: '/api/v1/service-paths',
  auditEntity: 'service_paths',
});
const base = servicePathsApi.base;

export const PATH_FILTER_DEFAULTS: PathFilters = { q: '', status: 'active', sort: 'name' };
export const PATH_FILTER_VALUES = { status: ['active', 'archived', 'all'], sort: ['name', '-name'] } as const;

export function useServicePath(id: string) {
  return useQuery({ queryKey: servicePathsApi.keys.detail(id), queryFn: () => api<ServicePathDetail>(`${base}/${id}`) });
}

/** Every step write answers with the whole path: put it in the cache, refresh lists and history. */
function accept(qc: QueryClient, path: ServicePathDetail) {
  qc.setQueryData(servicePathsApi.keys.detail(path.id), path);
  servicePathsApi.invalidate(qc, path.id);
}

export function useSaveStep(pathId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ stepId, body }: { stepId?: string; body: StepInput }) =>
      stepId
        ? api<ServicePathDetail>(`${base}/${pathId}/steps/${stepId}`, { method: 'PATCH', body })
        : api<ServicePathDetail>(`${base}/${pathId}/steps`, { method: 'POST', body }),
    onSuccess: (path) => accept(qc, path),
  });
}

export function useRemoveStep(pathId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (stepId: string) => api<ServicePathDetail>(`${base}/${pathId}/steps/${stepId}`, { method: 'DELETE' }),
    onSuccess: (path) => accept(qc, path),
  });
}

export function useCopyPath(pathId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api<ServicePathDetail>(`${base}/${pathId}/copy`, { method: 'POST', body: name.trim() ? { name: name.trim() } : {} }),
    onSuccess: (path) => accept(qc, path),
  });
}

/**
 * Reorder steps: the new order shows at once (optimistic), requests go out one at a time and only the
 * latest wanted order is sent after the one in flight; a failure puts the server's order back.
 */
export function useReorderSteps(pathId: string, onError: (e: unknown) => void) {
  const qc = useQueryClient();
  const key = servicePathsApi.keys.detail(pathId);
  const inFlight = useRef(false);
  const wanted = useRef<string[] | null>(null);

  const send = useCallback(async () => {
    if (inFlight.current || !wanted.current) return;
    const stepIds = wanted.current;
    wanted.current = null;
    inFlight.current = true;
    try {
      const path = await api<ServicePathDetail>(`${base}/${pathId}/steps/order`, { method: 'PUT', body: { stepIds } });
      if (!wanted.current) qc.setQueryData(key, path);
      // not the detail: a refetch could show an older order while a newer one is on its way
      void qc.invalidateQueries({ queryKey: servicePathsApi.keys.lists() });
      void qc.invalidateQueries({ queryKey: ['audit', 'service_paths', pathId] });
    } catch (e) {
      wanted.current = null;
      void qc.invalidateQueries({ queryKey: key });
      onError(e);
    } finally {
      inFlight.current = false;
      if (wanted.current) void send();
    }
  }, [pathId, qc, onError]);

  return useCallback(
    (stepIds: string[]) => {
      qc.setQueryData<ServicePathDetail>(key, (old) => {
        if (!old) return old;
        const byId = new Map(old.steps.map((s) => [s.id, s]));
        return { ...old, steps: stepIds.map((id, i) => ({ ...byId.get(id)!, position: i })) };
      });
      wanted.current = stepIds;
      void send();
    },
    [qc, send],
  );
}
