// The jobs admin API on a running pg-boss (PGlite or PostgreSQL): defined jobs with schedule and
// failures, runs newest first with filters and keyset paging, run-now with its audit record, and who
// may see and start what.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { App } from '../kernel/http/app-types.ts';
import { auditLog } from '../kernel/audit/audit.table.ts';
import { createTestDeps, type TestDeps } from '../test/test-db.ts';
import { ADMIN, buildTestApp, makeUser, setUpInstallation, signedInClient, USER_PASSWORD, type Client } from '../test/fixtures.ts';
import { startJobs, type JobDefinition, type Jobs } from './runtime.ts';

const KSEF_DOWN = 'Nie udało się połączyć z KSeF: przekroczono czas oczekiwania';
const done: string[] = [];

const failing: JobDefinition<Record<string, never>> = {
  name: 'test-failing',
  data: z.object({}),
  retryLimit: 0,
  async run() {
    throw new Error(KSEF_DOWN);
  },
};
const daily: JobDefinition<Record<string, never>> = {
  name: 'test-daily',
  data: z.object({}),
  cron: '15 6 * * *',
  retryLimit: 1,
  async run(_deps, _data, job) {
    done.push(job.id);
  },
};
const withInput: JobDefinition<{ assetId: string }> = {
  name: 'test-with-input',
  data: z.object({ assetId: z.string() }),
  async run() {},
};

let deps: TestDeps;
let jobs: Jobs;
let app: App;
let admin: Client;
let manager: Client;
let technician: Client;

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  jobs = await startJobs(deps, [failing, daily, withInput], { pollingIntervalSeconds: 0.5, connectionString: deps.url });
  deps.jobs = jobs;
  app = await buildTestApp(deps);
  await makeUser(deps, 'manager');
  await makeUser(deps, 'technician');
  admin = await signedInClient(app, ADMIN.email, ADMIN.password);
  manager = await signedInClient(app, 'manager@serwis.pl', USER_PASSWORD);
  technician = await signedInClient(app, 'technician@serwis.pl', USER_PASSWORD);
});
after(async () => {
  await app.close();
  await jobs.stop();
  await deps.close();
});

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const runsOf = async (query: string) => {
  const res = await admin.request('GET', `/api/v1/jobs/runs?${query}`);
  assert.equal(res.status, 200, res.body);
  return res.json as { items: any[]; nextCursor: string | null };
};

const countJobs = async (name: string) => {
  const r = (await deps.database.db.execute(sql`select count(*)::int as n from pgboss.job where name = ${name}`)) as unknown as { rows: { n: number }[] };
  return r.rows[0]!.n;
};

test('a job that throws, with no retries, shows up as failed with its Polish message', async () => {
  const id = await deps.database.db.transaction((tx) => jobs.enqueue(tx, failing, {}));
  const run = await until('the failed run', async () => (await runsOf('queue=test-failing')).items.find((r) => r.id === id && r.state === 'failed'));
  assert.equal(run.queue, 'test-failing');
  assert.equal(run.error, KSEF_DOWN);
  assert.equal(run.output.message, KSEF_DOWN);
  assert.equal(run.retryCount, 0);
  assert.equal(run.retryLimit, 0);
  assert.deepEqual(run.data, {});
  assert.ok(run.startedOn && run.completedOn && run.createdOn <= run.startedOn);

  const list = await admin.request('GET', '/api/v1/jobs');
  assert.equal(list.status, 200, list.body);
  const f = list.json.items.find((j: any) => j.name === 'test-failing');
  assert.equal(f.failedLast7Days, 1);
  assert.equal(f.lastRun.id, id);
  assert.equal(f.lastRun.state, 'failed');
  assert.equal(f.cron, null);
  assert.equal(f.nextRunAt, null);
});

test('the list names every defined job with its Warsaw schedule and the next run across the DST change', async () => {
  const res = await manager.request('GET', '/api/v1/jobs');
  assert.equal(res.status, 200, res.body);
  assert.deepEqual(
    res.json.items.map((j: any) => j.name),
    ['test-failing', 'test-daily', 'test-with-input'],
  );
  const d = res.json.items.find((j: any) => j.name === 'test-daily');
  // The fixed clock is 2026-03-29 00:30 UTC; summer time starts that night, so 06:15 in Warsaw is 04:15 UTC.
  assert.deepEqual(
    { cron: d.cron, timezone: d.timezone, nextRunAt: d.nextRunAt, retryLimit: d.retryLimit, runnable: d.runnable },
    { cron: '15 6 * * *', timezone: 'Europe/Warsaw', nextRunAt: '2026-03-29T04:15:00.000Z', retryLimit: 1, runnable: true },
  );
  assert.equal(res.json.items.find((j: any) => j.name === 'test-with-input').runnable, false);
});

test('runs can be filtered by state and by job', async () => {
  await deps.database.db.transaction((tx) => jobs.enqueue(tx, daily, {}));
  await until('a completed daily run', async () => (await runsOf('queue=test-daily&state=completed')).items.length > 0);
  const failed = await runsOf('state=failed');
  assert.ok(failed.items.length >= 1);
  assert.ok(failed.items.every((r) => r.state === 'failed' && r.queue === 'test-failing'));
  const completed = await runsOf('state=completed');
  assert.ok(completed.items.length >= 1);
  assert.ok(completed.items.every((r) => r.state === 'completed' && r.queue === 'test-daily' && r.error === null));
  assert.deepEqual((await runsOf('queue=test-daily&state=failed')).items, []);
  assert.deepEqual((await runsOf('queue=no-such-job')).items, []);
  const bad = await admin.request('GET', '/api/v1/jobs/runs?state=exploded');
  assert.equal(bad.status, 400);
});

test('paging walks every run once, newest first, also across runs created in the same instant', async () => {
  // Queued in one transaction: the same created_on, so only the id orders them.
  const ids = await deps.database.db.transaction(async (tx) => {
    const out: string[] = [];
    for (let i = 0; i < 5; i++) out.push((await jobs.enqueue(tx, withInput, { assetId: `a${i}` }))!);
    return out;
  });
  const all = await runsOf('limit=100');
  const seen: any[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: { items: any[]; nextCursor: string | null } = await runsOf(`limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    assert.ok(page.items.length <= 2);
    seen.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 50);
  assert.deepEqual(
    seen.map((r) => r.id),
    all.items.map((r) => r.id),
  );
  assert.equal(new Set(seen.map((r) => r.id)).size, seen.length);
  for (const id of ids) assert.ok(seen.some((r) => r.id === id));
  for (let i = 1; i < seen.length; i++) assert.ok(seen[i - 1].createdOn >= seen[i].createdOn, 'newest first');
  // One queue pages the same way.
  const one = await runsOf('queue=test-with-input&limit=3');
  assert.equal(one.items.length, 3);
  const rest = await runsOf(`queue=test-with-input&limit=3&cursor=${encodeURIComponent(one.nextCursor!)}`);
  assert.deepEqual(new Set([...one.items, ...rest.items].map((r) => r.id)), new Set(ids));
  assert.equal(rest.nextCursor, null);

  const bad = await admin.request('GET', `/api/v1/jobs/runs?cursor=${Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url')}`);
  assert.equal(bad.status, 400);
  assert.equal(bad.json.code, 'pagination.bad_cursor');
});

test('run now queues exactly one run, which the worker does, and audits the request', async () => {
  const before = await countJobs('test-daily');
  const res = await admin.request('POST', '/api/v1/jobs/test-daily/run');
  assert.equal(res.status, 202, res.body);
  assert.equal(res.json.queue, 'test-daily');
  const id = res.json.id as string;
  assert.equal(await countJobs('test-daily'), before + 1);
  await until('the requested run', async () => done.includes(id));
  const run = await until('the completed run', async () => (await runsOf('queue=test-daily')).items.find((r) => r.id === id && r.state === 'completed'));
  assert.ok(run.startedOn);
  assert.equal(done.filter((x) => x === id).length, 1);

  const audit = await deps.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'jobs'), eq(auditLog.entityId, id)));
  assert.equal(audit.length, 1);
  assert.equal(audit[0]!.action, 'run_requested');
  assert.equal(audit[0]!.actorLabel, `${ADMIN.name} <${ADMIN.email}>`);
});

test('run now refuses an unknown job (404) and a job that needs input (409), queueing nothing', async () => {
  const before = await countJobs('test-with-input');
  const unknown = await admin.request('POST', '/api/v1/jobs/no-such-job/run');
  assert.equal(unknown.status, 404);
  assert.equal(unknown.json.code, 'jobs.not_found');
  const needs = await admin.request('POST', '/api/v1/jobs/test-with-input/run');
  assert.equal(needs.status, 409);
  assert.equal(needs.json.code, 'jobs.needs_data');
  assert.equal(await countJobs('test-with-input'), before);
});

test('a technician may not see jobs (403); a manager may see but not start them; nobody signed out gets in (401)', async () => {
  for (const [method, url] of [
    ['GET', '/api/v1/jobs'],
    ['GET', '/api/v1/jobs/runs'],
    ['POST', '/api/v1/jobs/test-daily/run'],
  ] as const) {
    const t = await technician.request(method, url);
    assert.equal(t.status, 403, `${method} ${url}`);
    assert.equal(t.json.code, 'auth.forbidden');
    const anon = await app.inject({ method, url });
    assert.equal(anon.statusCode, 401, `${method} ${url}`);
  }
  assert.equal((await manager.request('GET', '/api/v1/jobs/runs')).status, 200);
  const m = await manager.request('POST', '/api/v1/jobs/test-daily/run');
  assert.equal(m.status, 403);
});
