// The jobs admin page's use cases: the defined jobs with their schedule and health, recent runs, and
// "run now" (queued in a transaction together with its audit record).
import type { Ctx, Deps } from '../deps.ts';
import { appendAudit } from '../kernel/audit/audit.ts';
import { authorize } from '../kernel/auth/actor.ts';
import { AppError, conflict, notFound } from '../kernel/errors/app-error.ts';
import { decodeCursor, toPage } from '../kernel/http/pagination.ts';
import { BUSINESS_TZ } from '../kernel/time/business-date.ts';
import type { JobDefinition, Jobs } from './runtime.ts';
import { jobsQueries, type JobRunRow } from './jobs.queries.ts';
import type { JobDto, JobRunDto, JobRunsQuery } from './jobs.schemas.ts';

const FAILURE_WINDOW_MS = 7 * 24 * 3600_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURSOR_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

function running(deps: Deps): Jobs {
  if (!deps.jobs) throw new AppError('jobs.not_running', 503, 'The job runtime is not running in this process');
  return deps.jobs;
}

/** A job can be started by hand when it needs no input (scheduled sweeps and checks). */
const runnable = (def: JobDefinition<unknown>) => def.data.safeParse({}).success;

function nextRun(jobs: Jobs, cron: string, from: Date): string | null {
  try {
    return jobs.boss.previewSchedule(cron, { tz: BUSINESS_TZ, from, count: 1 })[0]?.toISOString() ?? null;
  } catch {
    return null; // an expression pg-boss would refuse never got scheduled either
  }
}

export async function listJobs(deps: Deps, ctx: Ctx): Promise<{ items: JobDto[] }> {
  authorize(ctx.actor, 'jobs:read');
  const jobs = running(deps);
  const now = deps.clock.now();
  const stats = await jobsQueries.summaries(
    deps.database.db,
    jobs.definitions.map((d) => d.name),
    new Date(now.getTime() - FAILURE_WINDOW_MS),
  );
  const byName = new Map(stats.map((s) => [s.name, s]));
  return {
    items: jobs.definitions.map((def) => {
      const s = byName.get(def.name);
      return {
        name: def.name,
        cron: def.cron ?? null,
        timezone: def.cron ? BUSINESS_TZ : null,
        nextRunAt: def.cron ? nextRun(jobs, def.cron, now) : null,
        retryLimit: def.retryLimit ?? 3,
        runnable: runnable(def),
        failedLast7Days: s?.failed ?? 0,
        lastRun:
          s?.last_id && s.last_state && s.last_created_on
            ? { id: s.last_id, state: s.last_state, createdOn: isoMs(s.last_created_on), startedOn: isoMs(s.last_started_on), completedOn: isoMs(s.last_completed_on) }
            : null,
      };
    }),
  };
}

/** Microsecond ISO text from the database → the API's millisecond ISO instants. */
function isoMs(v: string): string;
function isoMs(v: string | null): string | null;
function isoMs(v: string | null): string | null {
  return v === null ? null : new Date(v).toISOString();
}

function errorOf(output: unknown): string | null {
  if (!output || typeof output !== 'object') return typeof output === 'string' ? output : null;
  const o = output as { message?: unknown; value?: { message?: unknown } };
  if (typeof o.message === 'string') return o.message;
  if (typeof o.value?.message === 'string') return o.value.message; // pg-boss's own (timeout, lost heartbeat)
  return null;
}

export function toJobRunDto(r: JobRunRow): JobRunDto {
  const failing = r.state === 'failed' || r.state === 'retry';
  return {
    id: r.id,
    queue: r.name,
    state: r.state,
    createdOn: isoMs(r.created_key),
    startAfter: isoMs(r.start_after),
    startedOn: isoMs(r.started_on),
    completedOn: isoMs(r.completed_on),
    retryCount: r.retry_count,
    retryLimit: r.retry_limit,
    singletonKey: r.singleton_key,
    data: r.data ?? null,
    error: failing ? errorOf(r.output) : null,
    output: r.output ?? null,
  };
}

function runsCursor(cursor: string | undefined): [string, string] | null {
  const after = decodeCursor(cursor, 2);
  if (!after) return null;
  const [at, id] = after;
  if (typeof at === 'string' && CURSOR_INSTANT.test(at) && typeof id === 'string' && UUID.test(id)) return [at, id];
  throw new AppError('pagination.bad_cursor', 400, 'The cursor is not valid for this list', {
    fields: [{ path: 'cursor', code: 'pagination.bad_cursor', message: 'Invalid cursor' }],
  });
}

export async function listJobRuns(deps: Deps, ctx: Ctx, q: JobRunsQuery) {
  authorize(ctx.actor, 'jobs:read');
  const jobs = running(deps);
  const after = runsCursor(q.cursor);
  const names = jobs.definitions.map((d) => d.name);
  // Only the defined queues: pg-boss's internal queues and those of removed jobs stay out.
  const queues = q.queue === undefined ? names : names.filter((n) => n === q.queue);
  const rows = await jobsQueries.runs(deps.database.db, { queues, state: q.state }, after, q.limit);
  return toPage(rows, q.limit, (r) => [r.created_key, r.id], toJobRunDto);
}

export async function runJobNow(deps: Deps, ctx: Ctx, name: string): Promise<{ id: string; queue: string }> {
  authorize(ctx.actor, 'jobs:run');
  const def = deps.jobs?.definitions.find((d) => d.name === name);
  if (!def) throw notFound('jobs', `No background job named ${name}`);
  const jobs = running(deps);
  if (!runnable(def)) throw conflict('jobs.needs_data', `The job ${name} needs input and cannot be started by hand`);
  return deps.database.db.transaction(async (tx) => {
    const id = await jobs.enqueue(tx, def, {});
    if (!id) throw conflict('jobs.already_queued', `A run of ${name} is already waiting`);
    await appendAudit(tx, ctx, { entity: 'jobs', entityId: id, action: 'run_requested', changes: { job: { before: null, after: name } } });
    return { id, queue: name };
  });
}
