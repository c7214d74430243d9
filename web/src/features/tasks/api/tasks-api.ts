// The task list: GET /api/v1/tasks?scope&status (keyset pages), POST /api/v1/tasks/:id/done.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client.ts';
import type { Page, Role } from '../../../app/api-types.ts';

export type TaskKind = 'service_date_due' | 'meter_threshold' | (string & {});
export type TaskStatus = 'open' | 'done' | 'dismissed';
export type Task = {
  id: string;
  kind: TaskKind;
  subjectType: 'asset' | (string & {});
  subjectId: string;
  params: Record<string, string | number | null>;
  assigneeRole: Role | null;
  assigneeId: string | null;
  dueOn: string | null;
  status: TaskStatus;
  createdAt: string;
};
export type TaskScope = 'mine' | 'all';
export type TaskStatusFilter = 'open' | 'done' | 'all';
export type TaskFilters = { scope: TaskScope; status: TaskStatusFilter };

export const TASK_FILTER_DEFAULTS: TaskFilters = { scope: 'mine', status: 'open' };
export const TASK_FILTER_VALUES = { scope: ['mine', 'all'], status: ['open', 'done', 'all'] } as const;

export const taskKeys = {
  all: ['tasks'] as const,
  list: (f: TaskFilters) => [...taskKeys.all, 'list', f] as const,
};

export function useTasks(filters: TaskFilters, pageSize = 50) {
  return useInfiniteQuery({
    queryKey: taskKeys.list(filters),
    queryFn: ({ pageParam, signal }) => api<Page<Task>>('/api/v1/tasks', { query: { ...filters, limit: pageSize, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (prev) => prev,
  });
}

export function useMarkTaskDone() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<Task>(`/api/v1/tasks/${id}/done`, { method: 'POST' }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: taskKeys.all });
      void qc.invalidateQueries({ queryKey: ['assets'] });
    },
  });
}
