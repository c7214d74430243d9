// What use cases receive: explicit dependencies, no container.
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import type { Actor } from './kernel/auth/actor.ts';
import type { Clock } from './kernel/time/clock.ts';
import type { Jobs } from './jobs/runtime.ts';

/** `jobs`: the running job runtime, set by main.ts after startJobs (absent where no jobs run, e.g. most tests). */
export type Deps = { database: Database; clock: Clock; config: Config; jobs?: Jobs };

/** Per-call context: who acts and the request id that ties log lines to audit rows. */
export type Ctx = { actor: Actor; requestId?: string | undefined };
