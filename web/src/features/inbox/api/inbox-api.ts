// The task inbox: GET /api/v1/tasks?scope=mine|user|all (keyset pages, most urgent first),
// GET /api/v1/tasks/summary (menu badge), POST /api/v1/tasks/:id/done|assign; and the actions that
// live in other modules: releasing an order, starting and finishing an order step.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client.ts';
import type { Page, Role, User } from '../../../app/api-types.ts';

export type TaskKind = 'service_date_due' | 'meter_threshold' | 'order_step' | 'order_release' | 'estimate_waiting' | 'rma_late' | (string & {});
export type TaskStatus = 'open' | 'done' | 'dismissed';
export type TaskUrgency = 'overdue' | 'today' | 'later' | 'none';
export type StepStatus = 'todo' | 'in_progress' | 'done' | 'skipped';
export type Task = {
  id: string;
  kind: TaskKind;
  subjectType: 'asset' | 'service_order' | (string & {});
  subjectId: string;
  sourceType: string | null;
  sourceId: string | null;
  /** For order_step: the step's state (start it, or finish it). */
  sourceStatus: StepStatus | (string & {}) | null;
  params: Record<string, string | number | null>;
  assigneeId: string | null;
  assigneeName: string | null;
  assigneeRole: Role | null;
  dueOn: string | null;
  urgency: TaskUrgency;
  status: TaskStatus;
  createdAt: string;
  doneAt: string | null;
};
export type TaskSummary = { open: number; overdue: number; dueToday: number; cap: number };

export type InboxScope = 'mine' | 'user' | 'all';
export type InboxStatus = 'open' | 'done';
export type InboxFilters = { scope: InboxScope; userId: string; status: InboxStatus };

export const INBOX_DEFAULTS: InboxFilters = { scope: 'mine', userId: '', status: 'open' };
export const INBOX_VALUES = { scope: ['mine', 'user', 'all'], status: ['open', 'done'] } as const;

/** The inbox and the badge follow the work of others without a reload. */
export const REFRESH_MS = 30_000;

/**
 * Order steps are started and finished through the service-orders API
 * (POST /api/v1/service-order-steps/:id/start | done): finishing one closes its task and hands the
 * next step to its owner. With this off, an order step offers Open and Done (the task only).
 */
export const STEP_ACTIONS = true;

export const taskKeys = {
  all: ['tasks'] as const,
  list: (f: InboxFilters) => [...taskKeys.all, 'list', f] as const,
  summary: () => [...taskKeys.all, 'summary'] as const,
};

export function useInbox(filters: InboxFilters, enabled = true, pageSize = 100) {
  const { scope, userId, status } = filters;
  return useInfiniteQuery({
    queryKey: taskKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api<Page<Task>>('/api/v1/tasks', { query: { scope, userId: scope === 'user' ? userId : undefined, status, limit: pageSize, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (prev) => prev,
    refetchInterval: REFRESH_MS,
    enabled,
  });
}

export function useTaskSummary(enabled = true) {
  return useQuery({
    queryKey: taskKeys.summary(),
    queryFn: ({ signal }) => api<TaskSummary>('/api/v1/tasks/summary', { signal }),
    refetchInterval: REFRESH_MS,
    enabled,
  });
}

/** "999+" once the server stopped counting. */
export const countText = (n: number, cap: number) => (n >= cap ? `${cap - 1}+` : String(n));

function useInvalidateTasks() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: taskKeys.all });
    void qc.invalidateQueries({ queryKey: ['assets'] });
    void qc.invalidateQueries({ queryKey: ['service-orders'] });
  };
}

export function useMarkTaskDone() {
  const invalidate = useInvalidateTasks();
  return useMutation({ mutationFn: (id: string) => api<Task>(`/api/v1/tasks/${id}/done`, { method: 'POST' }), onSuccess: invalidate });
}

export type AssignBody = { userId: string } | { role: Role };

/**
 * Hands a task on. An order step's task follows its step, so for those the step gets the new owner
 * (PATCH /api/v1/service-order-steps/:id) and its task moves with it; other tasks move by themselves.
 */
export function useAssignTask() {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: ({ task, body }: { task: Task; body: AssignBody }) =>
      task.kind === 'order_step' && task.sourceId && STEP_ACTIONS
        ? api<unknown>(`/api/v1/service-order-steps/${task.sourceId}`, { method: 'PATCH', body: 'userId' in body ? { ownerId: body.userId } : { ownerId: null, ownerRole: body.role } })
        : api<unknown>(`/api/v1/tasks/${task.id}/assign`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useReleaseOrder() {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: ({ orderId, releasedTo, note }: { orderId: string; releasedTo: string; note: string }) =>
      api<unknown>(`/api/v1/service-orders/${orderId}/release`, { method: 'POST', body: { releasedTo, note } }),
    onSuccess: invalidate,
  });
}

export function useStepAction() {
  const invalidate = useInvalidateTasks();
  return useMutation({
    mutationFn: ({ stepId, action }: { stepId: string; action: 'start' | 'done' }) => api<unknown>(`/api/v1/service-order-steps/${stepId}/${action}`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}

/** Accounts whose inbox a manager looks into, deactivated ones too (users:read; managers have it). Hand-overs pick from the staff directory (service-orders/api/staff-api.ts). */
export function useStaff(q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'inbox-picker', q],
    queryFn: ({ signal }) => api<Page<User>>('/api/v1/users', { query: { q: q.trim(), limit: 50 }, signal }).then((r) => r.items),
    placeholderData: (prev) => prev,
    staleTime: 60_000,
    enabled,
  });
}

export function useStaffMember(id: string) {
  return useQuery({ queryKey: ['users', 'one', id], queryFn: ({ signal }) => api<User>(`/api/v1/users/${id}`, { signal }), enabled: !!id, staleTime: 60_000 });
}
