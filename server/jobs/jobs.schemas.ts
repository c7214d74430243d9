// The jobs admin API contract: the defined background jobs, their recent runs (pg-boss's job rows)
// and "run now".
import { z } from 'zod';
import { cursorSchema, limitSchema } from '../kernel/http/pagination.ts';

/** pg-boss's job states (its `job_state` enum), in its own order. */
export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];
export const jobState = z.enum(JOB_STATES).describe('created: waiting · retry: failed, waiting for another attempt · active: running · completed · cancelled · failed: no attempts left');

const instant = z.iso.datetime();

export const jobRunBrief = z.object({
  id: z.uuid(),
  state: jobState,
  createdOn: instant,
  startedOn: instant.nullable(),
  completedOn: instant.nullable(),
});

export const jobSchema = z
  .object({
    name: z.string().describe('The queue name, e.g. housekeeping'),
    cron: z.string().nullable().describe('Cron schedule (in `timezone`), null when the job only runs on demand'),
    timezone: z.string().nullable().describe('Europe/Warsaw for scheduled jobs'),
    nextRunAt: instant.nullable().describe('The next scheduled time; null without a schedule'),
    retryLimit: z.number().int().describe('Attempts after the first'),
    runnable: z.boolean().describe('Can be queued now without data (POST /api/v1/jobs/{name}/run)'),
    failedLast7Days: z.number().int().describe('Runs that failed for good (no attempts left) in the last 7 days'),
    lastRun: jobRunBrief.nullable().describe('The newest run of the job, whatever its state'),
  })
  .meta({ id: 'Job' });
export type JobDto = z.infer<typeof jobSchema>;
export const jobListSchema = z.object({ items: z.array(jobSchema) });

export const jobRunSchema = z
  .object({
    id: z.uuid(),
    queue: z.string(),
    state: jobState,
    createdOn: instant,
    startAfter: instant.describe('Not run before this (the next attempt of a run in retry)'),
    startedOn: instant.nullable(),
    completedOn: instant.nullable(),
    retryCount: z.number().int(),
    retryLimit: z.number().int(),
    singletonKey: z.string().nullable().describe('The key that makes the run unique (e.g. asset + date), if any'),
    data: z.unknown().describe('The job\'s input (JSON)'),
    error: z.string().nullable().describe('The error message of a failed run, or of the last attempt of one in retry'),
    output: z.unknown().describe('What pg-boss stored as output: the serialized error (name, message, stack) for failures'),
  })
  .meta({ id: 'JobRun' });
export type JobRunDto = z.infer<typeof jobRunSchema>;

export const jobRunsQuery = z.object({
  queue: z.string().trim().min(1).max(100).optional().describe('Only the runs of this job'),
  state: jobState.optional().describe('Only runs in this state'),
  limit: limitSchema,
  cursor: cursorSchema,
});
export type JobRunsQuery = z.infer<typeof jobRunsQuery>;

export const jobNameParams = z.object({ name: z.string().min(1).max(100) });

export const jobRunRequested = z.object({ id: z.uuid().describe('The queued job\'s id (see /api/v1/jobs/runs)'), queue: z.string() }).meta({ id: 'JobRunRequested' });
