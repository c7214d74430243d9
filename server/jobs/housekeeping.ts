// The first job: a nightly sweep of data that has expired — ended sessions, old sign-in failure
// counters, uploaded import files nobody committed. Idempotent: running it twice deletes nothing more.
import { and, isNull, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { sessions, signInFailures } from '../modules/identity/identity.table.ts';
import { THROTTLE } from '../modules/identity/identity.rules.ts';
import { importUploads } from '../modules/imports/imports.table.ts';
import type { JobDefinition } from './runtime.ts';

export async function sweepExpired(deps: Deps) {
  const now = deps.clock.now();
  const { db } = deps.database;
  const s = await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.absoluteExpiresAt, now))).returning({ id: sessions.idHash });
  const f = await db
    .delete(signInFailures)
    .where(and(lt(signInFailures.windowStartedAt, new Date(now.getTime() - THROTTLE.windowMs)), or(isNull(signInFailures.lockedUntil), lt(signInFailures.lockedUntil, now))))
    .returning({ key: signInFailures.key });
  const u = await db.delete(importUploads).where(lt(importUploads.createdAt, new Date(now.getTime() - 24 * 3600_000))).returning({ id: importUploads.id });
  return { sessions: s.length, signInFailures: f.length, importUploads: u.length };
}

export const housekeepingJob: JobDefinition<Record<string, never>> = {
  name: 'housekeeping',
  data: z.object({}),
  cron: '30 3 * * *', // 03:30 Europe/Warsaw, a quiet hour in both winter and summer time
  retryLimit: 3,
  async run(deps) {
    await sweepExpired(deps);
  },
};
