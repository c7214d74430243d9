// The audit trail of one record: GET /api/v1/audit?entity=…&id=… (newest first, keyset paging).
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../app/api-client.ts';
import type { Page } from '../../../app/api-types.ts';

export type AuditEntry = {
  seq: number;
  at: string;
  actorId: string | null;
  actorLabel: string;
  entity: string;
  entityId: string;
  action: string;
  subEntity: string | null;
  subEntityId: string | null;
  subLabel: string | null;
  changes: Record<string, { before: unknown; after: unknown }>;
};

export const auditKeys = {
  all: ['audit'] as const,
  trail: (entity: string, id: string) => [...auditKeys.all, entity, id] as const,
};

export function useAuditTrail(entity: string, id: string, pageSize = 20) {
  return useInfiniteQuery({
    queryKey: auditKeys.trail(entity, id),
    queryFn: ({ pageParam, signal }) =>
      api<Page<AuditEntry>>('/api/v1/audit', { query: { entity, id, limit: pageSize, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
