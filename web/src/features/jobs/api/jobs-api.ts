// Background jobs: GET /api/v1/jobs (defined jobs), GET /api/v1/jobs/runs (runs, keyset paging),
// POST /api/v1/jobs/:name/run (queue a run now). Both lists refresh every 10 s while shown.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client.ts';
import type { Page, Permission } from '../../../app/api-types.ts';

// The web Permission union (app/api-types.ts) does not list the jobs permissions yet.
export const JOBS_READ: Permission = 'jobs:read';
export const JOBS_RUN: Permission = 'jobs:run';

export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export type JobRunBrief = { id: string; state: JobState; createdOn: string; startedOn: string | null; completedOn: string | null };

export type Job = {
  name: string;
  cron: string | null;
  timezone: string | null;
  nextRunAt: string | null;
  retryLimit: number;
  runnable: boolean;
  failedLast7Days: number;
  lastRun: JobRunBrief | null;
};

export type JobRun = JobRunBrief & {
  queue: string;
  startAfter: string;
  retryCount: number;
  retryLimit: number;
  singletonKey: string | null;
  data: unknown;
  error: string | null;
  output: unknown;
};

export type RunFilters = { queue: string; state: '' | JobState };
export const RUN_FILTER_DEFAULTS: RunFilters = { queue: '', state: '' };
export const RUN_FILTER_VALUES = { state: ['', ...JOB_STATES] } as const;

export const REFRESH_MS = 10_000;
const RUNS_PAGE = 25;

export const jobsKeys = {
  all: ['jobs'] as const,
  list: () => [...jobsKeys.all, 'list'] as const,
  runs: (filters: RunFilters) => [...jobsKeys.all, 'runs', filters] as const,
};

export function useJobs() {
  return useQuery({ queryKey: jobsKeys.list(), queryFn: ({ signal }) => api<{ items: Job[] }>('/api/v1/jobs', { signal }), refetchInterval: REFRESH_MS });
}

export function useJobRuns(filters: RunFilters) {
  return useInfiniteQuery({
    queryKey: jobsKeys.runs(filters),
    queryFn: ({ pageParam, signal }) => api<Page<JobRun>>('/api/v1/jobs/runs', { query: { ...filters, limit: RUNS_PAGE, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (prev) => prev,
    refetchInterval: REFRESH_MS,
  });
}

export function useRunJob() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api<{ id: string; queue: string }>(`/api/v1/jobs/${encodeURIComponent(name)}/run`, { method: 'POST' }),
    onSuccess: () => {
      const refresh = () => void qc.invalidateQueries({ queryKey: jobsKeys.all });
      refresh();
      // a run takes a moment: look again shortly rather than waiting for the next 10 s refresh
      setTimeout(refresh, 2500);
    },
  });
}
