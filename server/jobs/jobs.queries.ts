// Read-only SQL over pg-boss's own tables (schema JOBS_SCHEMA) for the jobs admin page, through the
// app's database so it works on PGlite and PostgreSQL alike. Columns and indexes are pg-boss 12's
// (node_modules/pg-boss/dist/plans.js): `job` is partitioned by queue name; every queue we create
// lives in the default partition `job_common`, which carries
//   job_i15 (name, created_on)                                  → newest runs of one queue, last run
//   job_i16 (name, completed_on) WHERE completed_on IS NOT NULL → failures in a window
// No pg-boss index starts with created_on, so a list over every queue is a UNION ALL of one
// index-ordered branch per defined queue (each reads at most `limit + 1` rows), merged and cut.
// We never create indexes in pg-boss's schema: its migrations own it.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { JOBS_SCHEMA } from './runtime.ts';
import type { JobState } from './jobs.schemas.ts';

// Identifiers from a constant, never from input.
const JOB = sql.raw(`${JOBS_SCHEMA}.job`);
const STATE_TYPE = sql.raw(`${JOBS_SCHEMA}.job_state`);

/** A timestamptz as ISO text in UTC with microseconds: the same on both drivers, and exact in a cursor. */
const iso = (col: string) => sql.raw(`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`);

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const r = (await db.execute(query)) as unknown as { rows?: T[] } | T[];
  return Array.isArray(r) ? r : (r.rows ?? []);
}

export type JobSummaryRow = {
  name: string;
  failed: number;
  last_id: string | null;
  last_state: JobState | null;
  last_created_on: string | null;
  last_started_on: string | null;
  last_completed_on: string | null;
};

/** Per queue: failures since `since` (job_i16 range) and the newest run (job_i15, one row). */
async function summaries(db: Db, names: string[], since: Date): Promise<JobSummaryRow[]> {
  if (!names.length) return [];
  return rows<JobSummaryRow>(
    db,
    sql`select q.name,
          (select count(*)::int from ${JOB} f
            where f.name = q.name and f.completed_on >= ${since.toISOString()}::timestamptz and f.state = 'failed'::${STATE_TYPE}) as failed,
          l.id::text as last_id, l.state::text as last_state,
          ${iso('l.created_on')} as last_created_on, ${iso('l.started_on')} as last_started_on, ${iso('l.completed_on')} as last_completed_on
        from unnest(array[${sql.join(
          names.map((n) => sql`${n}`),
          sql`, `,
        )}]::text[]) as q(name)
        left join lateral (
          select j.id, j.state, j.created_on, j.started_on, j.completed_on from ${JOB} j
          where j.name = q.name order by j.created_on desc limit 1
        ) l on true`,
  );
}

export type JobRunRow = {
  id: string;
  name: string;
  state: JobState;
  created_key: string;
  start_after: string;
  started_on: string | null;
  completed_on: string | null;
  retry_count: number;
  retry_limit: number;
  singleton_key: string | null;
  data: unknown;
  output: unknown;
};

export type RunsFilter = { queues: string[]; state?: JobState | undefined };

/**
 * Runs newest first, keyset-paged by (created_on desc, id desc). `after` = [created_key, id] of the
 * previous page's last row; created_key keeps microseconds, so rows created in one transaction (same
 * created_on) are split by id and none is skipped or repeated.
 */
async function runs(db: Db, f: RunsFilter, after: [string, string] | null, limit: number): Promise<JobRunRow[]> {
  if (!f.queues.length) return [];
  const n = limit + 1;
  // `id` stays a uuid (both drivers hand it over as text) so ORDER BY compares it as the cursor does.
  const branch = (queue: string) => sql`(
    select id, name, state::text as state, created_on, ${iso('created_on')} as created_key, ${iso('start_after')} as start_after,
      ${iso('started_on')} as started_on, ${iso('completed_on')} as completed_on, retry_count, retry_limit, singleton_key, data, output
    from ${JOB}
    where name = ${queue}
      ${f.state ? sql`and state = ${f.state}::${STATE_TYPE}` : sql``}
      ${after ? sql`and (created_on, id) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql``}
    order by created_on desc, id desc
    limit ${n})`;
  const union = sql.join(f.queues.map(branch), sql` union all `);
  const query = f.queues.length === 1 ? union : sql`select * from (${union}) r order by created_on desc, id desc limit ${n}`;
  return rows<JobRunRow>(db, query);
}

export const jobsQueries = { summaries, runs };
