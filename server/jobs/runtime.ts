// The background-job runtime: pg-boss on the same database as the app (PGlite through its adapter,
// or the PostgreSQL server). Jobs are enqueued inside the use case's transaction, so a job exists
// exactly when the business change committed (transactional outbox). Handlers are idempotent; a job
// key gives a deterministic job id, so the same key is queued once.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { PgBoss, fromDrizzle, fromPglite } from 'pg-boss';
import type { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { Deps } from '../deps.ts';
import { BUSINESS_TZ } from '../kernel/time/business-date.ts';

export const JOBS_SCHEMA = 'pgboss';

export type JobDefinition<T> = {
  name: string;
  data: z.ZodType<T>;
  /** Attempts after the first; waits `retryDelaySeconds` (doubling) between them. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** Cron in Europe/Warsaw, e.g. '15 6 * * *' = every day at 06:15 local time, across DST. */
  cron?: string;
  run(deps: Deps, data: T, job: { id: string; retryCount: number }): Promise<void>;
};

export type Jobs = {
  boss: PgBoss;
  /** The definitions this runtime started with: the jobs admin page lists exactly these. */
  definitions: readonly JobDefinition<any>[];
  /** Queues a job inside `tx`: it commits or rolls back with the caller's change. Null: already queued. */
  enqueue<T>(tx: Db, def: JobDefinition<T>, data: T, opts?: { key?: string; startAfter?: Date }): Promise<string | null>;
  stop(): Promise<void>;
};

/** A UUID derived from the queue and key: sending it twice inserts one job. */
export function jobIdFor(name: string, key: string): string {
  const h = createHash('sha256').update(`${name}\u0000${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

export async function startJobs(
  deps: Deps,
  definitions: JobDefinition<any>[],
  opts: { work?: boolean; pollingIntervalSeconds?: number; connectionString?: string | undefined } = {},
): Promise<Jobs> {
  const { database } = deps;
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(database.pglite! as never), backend: 'pglite', schema: JOBS_SCHEMA })
      : new PgBoss({ connectionString: opts.connectionString ?? deps.config.databaseUrl!, schema: JOBS_SCHEMA, max: 3 });
  boss.on('error', () => {}); // failures are recorded on the jobs themselves
  await boss.start();
  for (const def of definitions) {
    await boss.createQueue(def.name, { retryLimit: def.retryLimit ?? 3, retryDelay: def.retryDelaySeconds ?? 30, retryBackoff: true });
    if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: BUSINESS_TZ });
    if (opts.work !== false)
      await boss.work(def.name, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 }, async (jobs) => {
        for (const job of jobs) {
          const data = def.data.parse(job.data ?? {});
          await def.run(deps, data, { id: job.id, retryCount: (job as { retryCount?: number }).retryCount ?? 0 });
        }
      });
  }
  return {
    boss,
    definitions: [...definitions],
    async enqueue(tx, def, data, o = {}) {
      return boss.send(def.name, def.data.parse(data) as object, {
        db: fromDrizzle(tx as never, sql as never),
        ...(o.key ? { id: jobIdFor(def.name, o.key), singletonKey: o.key } : {}),
        ...(o.startAfter ? { startAfter: o.startAfter } : {}),
      });
    },
    stop: () => boss.stop({ graceful: true, timeout: 10_000 }),
  };
}
