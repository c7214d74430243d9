// Stock: locations, the ledger (movements) and on-hand per location (server/modules/stock).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client.ts';
import type { Page } from '../../../app/api-types.ts';
import { auditKeys } from '../../audit/api/audit-api.ts';
import { partsApi } from '../../parts/api/parts-api.ts';

export const LOCATION_KINDS = ['warehouse', 'van', 'other'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];
export type StockLocation = { id: string; name: string; kind: LocationKind; notes: string; active: boolean; createdAt: string };
export type LocationInput = { name: string; kind: LocationKind; notes: string };

export const MOVEMENT_KINDS = ['receipt', 'issue', 'return', 'transfer', 'adjustment'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];
export type LedgerKind = 'receipt' | 'issue' | 'return' | 'adjustment' | 'transfer_out' | 'transfer_in';

export type MovementInput = {
  partId: string;
  kind: MovementKind;
  quantity: string;
  locationId: string;
  toLocationId?: string;
  reason?: string;
  unitCostMinor?: number;
};

export type StockMovement = {
  seq: number;
  partId: string;
  locationId: string;
  locationName: string;
  kind: LedgerKind;
  quantity: string;
  unitCostMinor: number | null;
  reason: string;
  transferId: string | null;
  referenceType: string | null;
  referenceId: string | null;
  occurredAt: string;
  actorLabel: string;
};
export type StockLevel = { locationId: string; locationName: string; onHand: string };

export const stockKeys = {
  all: ['stock'] as const,
  locations: () => [...stockKeys.all, 'locations'] as const,
  levels: (partId: string) => [...stockKeys.all, 'levels', partId] as const,
  ledgers: () => [...stockKeys.all, 'ledger'] as const,
  ledger: (partId: string) => [...stockKeys.ledgers(), partId] as const,
};

export function useStockLocations() {
  return useQuery({
    queryKey: stockKeys.locations(),
    queryFn: () => api<{ items: StockLocation[] }>('/api/v1/stock/locations').then((r) => r.items),
  });
}

export function useSaveLocation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Partial<LocationInput> & { active?: boolean } }) =>
      id
        ? api<StockLocation>(`/api/v1/stock/locations/${id}`, { method: 'PATCH', body })
        : api<StockLocation>('/api/v1/stock/locations', { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: stockKeys.all });
      void qc.invalidateQueries({ queryKey: [...auditKeys.all, 'stock_locations'] });
    },
  });
}

export function usePartStock(partId: string) {
  return useQuery({
    queryKey: stockKeys.levels(partId),
    queryFn: () => api<{ levels: StockLevel[] }>(`/api/v1/parts/${partId}/stock`).then((r) => r.levels),
  });
}

export function useStockLedger(partId: string, pageSize = 20) {
  return useInfiniteQuery({
    queryKey: stockKeys.ledger(partId),
    queryFn: ({ pageParam, signal }) =>
      api<Page<StockMovement>>('/api/v1/stock/movements', { query: { partId, limit: pageSize, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useRecordMovement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MovementInput) => api<{ movements: StockMovement[]; levels: StockLevel[] }>('/api/v1/stock/movements', { method: 'POST', body }),
    onSuccess: (_r, body) => {
      void qc.invalidateQueries({ queryKey: stockKeys.all });
      partsApi.invalidate(qc, body.partId);
    },
  });
}
