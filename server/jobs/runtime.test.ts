// The job runtime on PGlite and on PostgreSQL: transactional enqueue, one job per key, retries,
// jobs that outlive the process that queued them, cron in Europe/Warsaw.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { createTestDeps, type TestDeps } from '../test/test-db.ts';
import { jobIdFor, startJobs, type JobDefinition, type Jobs } from './runtime.ts';

let deps: TestDeps;
const runs: string[] = [];
let failuresLeft = 0;

const echo: JobDefinition<{ word: string }> = {
  name: 'test-echo',
  data: z.object({ word: z.string() }),
  retryLimit: 2,
  retryDelaySeconds: 1,
  async run(_deps, data, job) {
    if (failuresLeft > 0) {
      failuresLeft--;
      throw new Error(`planned failure (attempt ${job.retryCount + 1})`);
    }
    runs.push(data.word);
  },
};
const nightly: JobDefinition<Record<string, never>> = { name: 'test-nightly', data: z.object({}), cron: '15 6 * * *', async run() {} };

before(async () => {
  deps = await createTestDeps();
});
after(() => deps.close());

async function until(check: () => boolean, what: string, ms = 20_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; runs: ${JSON.stringify(runs)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const start = (work = true) => startJobs(deps, [echo, nightly], { work, pollingIntervalSeconds: 0.5, connectionString: deps.url });

test('a job queued in a committed transaction runs once; one queued in a rolled-back transaction never runs', async () => {
  const jobs = await start();
  try {
    await deps.database.db.transaction(async (tx) => {
      await jobs.enqueue(tx, echo, { word: 'zatwierdzone' });
    });
    await assert.rejects(
      deps.database.db.transaction(async (tx) => {
        await jobs.enqueue(tx, echo, { word: 'wycofane' });
        throw new Error('the use case fails after queueing');
      }),
    );
    await until(() => runs.includes('zatwierdzone'), 'the committed job');
    await new Promise((r) => setTimeout(r, 1500));
    assert.deepEqual(runs, ['zatwierdzone']);
  } finally {
    await jobs.stop();
  }
});

test('the same key queues one job, however often it is sent', async () => {
  const jobs = await start();
  try {
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await deps.database.db.transaction((tx) => jobs.enqueue(tx, echo, { word: 'raz' }, { key: 'asset-1:2026-11-27' })));
    assert.equal(ids[0], jobIdFor('test-echo', 'asset-1:2026-11-27'));
    assert.deepEqual(ids.slice(1), [null, null]);
    await until(() => runs.includes('raz'), 'the keyed job');
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(runs.filter((w) => w === 'raz').length, 1);
  } finally {
    await jobs.stop();
  }
});

test('a failing job is retried and then succeeds', async () => {
  const jobs = await start();
  try {
    failuresLeft = 1;
    await deps.database.db.transaction((tx) => jobs.enqueue(tx, echo, { word: 'ponowione' }));
    await until(() => runs.includes('ponowione'), 'the retried job');
    assert.equal(failuresLeft, 0);
  } finally {
    await jobs.stop();
  }
});

test('a job queued by a process that stopped is done by the next one', async () => {
  const sender = await start(false);
  await deps.database.db.transaction((tx) => sender.enqueue(tx, echo, { word: 'po-restarcie' }));
  await sender.stop();
  assert.ok(!runs.includes('po-restarcie'));
  const worker = await start();
  try {
    await until(() => runs.includes('po-restarcie'), 'the job after a restart');
  } finally {
    await worker.stop();
  }
});

test('cron schedules are kept in Europe/Warsaw', async () => {
  const jobs: Jobs = await start(false);
  try {
    const rows = await deps.database.db.execute(sql`select name, cron, timezone from pgboss.schedule where name = 'test-nightly'`);
    const row = ((rows as unknown as { rows: Record<string, string>[] }).rows ?? [])[0];
    assert.deepEqual({ cron: row?.cron, tz: row?.timezone }, { cron: '15 6 * * *', tz: 'Europe/Warsaw' });
  } finally {
    await jobs.stop();
  }
});
