// Composition root: config → database → migrations → jobs → app → listen.
import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { runMigrations } from './db/migrate.ts';
import { buildApp } from './app.ts';
import type { Deps } from './deps.ts';
import { shiftedClock, systemClock } from './kernel/time/clock.ts';
import { startJobs } from './jobs/runtime.ts';
import { ALL_JOBS } from './jobs/definitions.ts';

const config = loadConfig();
const logger = { level: config.logLevel, ...(process.stdout.isTTY ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } } : {}) };

const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await runMigrations(database);
const deps: Deps = { database, clock: config.clockStart ? shiftedClock(config.clockStart) : systemClock, config };
const jobs = await startJobs(deps, ALL_JOBS);
deps.jobs = jobs; // the jobs admin routes read the running definitions and queue runs through it
const app = await buildApp(deps, { logger });

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await jobs.stop();
    await database.close();
    process.exit(0);
  });
}

await app.listen({ port: config.port, host: config.host });
if (config.clockStart) app.log.warn(`CLOCK_START is set: the app's clock started at ${config.clockStart.toISOString()} (testing and demos only)`);
app.log.info(
  `Serwisownia on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port} (database: ${database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL server'})`,
);
