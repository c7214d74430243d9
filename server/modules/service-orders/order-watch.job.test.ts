// The daily order watch on estimates, driven by a test clock: an estimate the customer has left
// unanswered for more than three whole days (Warsaw) becomes one front-desk task, once, also when
// the job runs twice through the job runtime. (Late RMA returns: rma.usecases.test.ts.)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../deps.ts';
import { ALL_JOBS } from '../../jobs/definitions.ts';
import { startJobs } from '../../jobs/runtime.ts';
import { customerInput, makeUser, setUpInstallation } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import * as types from '../assets/asset-types.usecases.ts';
import { tasks } from '../tasks/tasks.table.ts';
import * as orders from './service-orders.usecases.ts';
import { listStatuses } from './statuses.usecases.ts';
import { serviceOrderEstimates } from './service-orders.table.ts';
import type { OrderInput } from './service-orders.schemas.ts';
import { orderWatchJob, runOrderWatch } from './order-watch.job.ts';

let deps: TestDeps;
let frontDesk: Ctx;
let laptopTypeId: string;
let statusOf: (phase: string) => string;

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  const manager = await makeUser(deps, 'manager');
  frontDesk = await makeUser(deps, 'front_desk');
  laptopTypeId = (await types.createAssetType(deps, manager, { name: 'Laptop', meterUnit: null, fields: [] })).id;
  const st = (await listStatuses(deps, frontDesk, false)).items;
  statusOf = (phase) => st.find((s) => s.phase === phase && s.isDefault)?.id ?? st.find((s) => s.phase === phase)!.id;
});
after(() => deps.close());

const intake = (name: string): OrderInput => ({
  newCustomer: customerInput({ kind: 'individual', name, nip: null }),
  newAsset: { assetTypeId: laptopTypeId, productId: null, name: 'Laptop Lenovo ThinkPad T14', serialNumber: '', manufacturer: 'Lenovo', model: 'T14', purchaseDate: null, installationDate: null, specification: '', siteId: null, position: '', contactId: null, custom: {} },
  kind: 'shop',
  siteId: null,
  reportedProblem: 'Pęknięta matryca.',
  accessories: '',
  condition: '',
  priority: 'normal',
  promisedOn: null,
  contactId: null,
  notifyChannel: 'none',
  notifyTo: '',
  technicianId: null,
  servicePathId: null,
});

/** Estimates are written by their own module; here the row is put in directly, as it is once sent. */
async function estimate(orderId: string, version: number, status: string, sentAt: string | null) {
  const [row] = await deps.database.db
    .insert(serviceOrderEstimates)
    .values({ orderId, version, status, sentAt: sentAt ? new Date(sentAt) : null, createdAt: new Date('2026-03-29T00:30:00Z') })
    .returning();
  return row!;
}

const waitingTasks = () => deps.database.db.select().from(tasks).where(eq(tasks.kind, 'estimate_waiting'));

test('an estimate sent four days ago gets one task for the front desk; one sent three days ago not yet; drafts, decided estimates and cancelled orders none', async () => {
  const o = await orders.createOrder(deps, frontDesk, intake('Jan Kowalski'), 'http://x');
  await orders.changeStatus(deps, frontDesk, o.id, { statusId: statusOf('diagnosis'), note: '' });
  await orders.changeStatus(deps, frontDesk, o.id, { statusId: statusOf('awaiting_approval'), note: '' });
  const old = await estimate(o.id, 1, 'sent', '2026-03-30T13:00:00Z'); // Monday 15:00 in Warsaw
  const recent = await estimate(o.id, 2, 'sent', '2026-03-31T21:59:00Z'); // Tuesday 23:59 in Warsaw
  await estimate(o.id, 3, 'draft', null);
  await estimate(o.id, 4, 'accepted', '2026-03-01T10:00:00Z');
  const cancelled = await orders.createOrder(deps, frontDesk, intake('Anna Nowak'), 'http://x');
  await estimate(cancelled.id, 1, 'sent', '2026-03-01T10:00:00Z');
  await orders.changeStatus(deps, frontDesk, cancelled.id, { statusId: statusOf('cancelled'), note: '' });

  deps.clock.set('2026-04-03T05:00:00Z'); // Friday 07:00 in Warsaw
  assert.deepEqual(await runOrderWatch(deps), { lateRmas: 0, waitingEstimates: 1 });
  assert.deepEqual(await runOrderWatch(deps), { lateRmas: 0, waitingEstimates: 0 }, 'a second run adds nothing');
  const [task, ...more] = await waitingTasks();
  assert.equal(more.length, 0);
  assert.deepEqual(
    { role: task!.assigneeRole, subject: [task!.subjectType, task!.subjectId], source: [task!.sourceType, task!.sourceId], dueOn: task!.dueOn, key: task!.dedupeKey, status: task!.status },
    { role: 'front_desk', subject: ['service_order', o.id], source: ['service_order_estimate', old.id], dueOn: '2026-04-03', key: `estimate-waiting:${old.id}`, status: 'open' },
  );
  assert.deepEqual(task!.params, { orderNumber: o.number, version: 1, sentOn: '2026-03-30' });

  deps.clock.set('2026-04-03T21:59:00Z'); // still Friday in Warsaw
  assert.deepEqual(await runOrderWatch(deps), { lateRmas: 0, waitingEstimates: 0 });
  deps.clock.set('2026-04-03T22:00:00Z'); // Saturday 00:00 in Warsaw: Tuesday's estimate has waited three whole days
  assert.deepEqual(await runOrderWatch(deps), { lateRmas: 0, waitingEstimates: 1 });
  assert.deepEqual((await waitingTasks()).map((t) => t.sourceId).sort(), [old.id, recent.id].sort());
});

test('the job is scheduled daily at 07:00 Warsaw time; run twice through the job runtime, it creates a task once', async () => {
  assert.ok(ALL_JOBS.includes(orderWatchJob));
  assert.equal(orderWatchJob.cron, '0 7 * * *');
  const o = await orders.createOrder(deps, frontDesk, intake('Ewa Zielińska'), 'http://x');
  const e = await estimate(o.id, 1, 'sent', '2026-03-30T08:00:00Z');
  const jobs = await startJobs(deps, [orderWatchJob], { work: true, pollingIntervalSeconds: 0.5, connectionString: deps.url });
  try {
    const ids = await deps.database.db.transaction(async (tx) => [await jobs.enqueue(tx, orderWatchJob, {}), await jobs.enqueue(tx, orderWatchJob, {})]);
    const end = Date.now() + 20_000;
    for (;;) {
      const states = await Promise.all(ids.map((id) => jobs.boss.getJobById(orderWatchJob.name, id!)));
      if (states.every((j) => j?.state === 'completed')) break;
      if (Date.now() > end) throw new Error(`jobs did not complete: ${JSON.stringify(states.map((j) => j?.state))}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await jobs.stop();
  }
  assert.equal((await deps.database.db.select().from(tasks).where(and(eq(tasks.sourceId, e.id), eq(tasks.kind, 'estimate_waiting')))).length, 1);
});
