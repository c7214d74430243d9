// The daily due-date check, driven by a test clock: tasks appear on the reminder day (Warsaw time),
// exactly once however often the check runs, also through the job runtime and in parallel.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import type { Ctx } from '../../deps.ts';
import { startJobs } from '../../jobs/runtime.ts';
import { customerInput, makeUser, setUpInstallation } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import { addContact, createCustomer } from '../customers/customers.usecases.ts';
import { pendingReminders, tasks } from '../tasks/tasks.table.ts';
import { listTasks } from '../tasks/tasks.usecases.ts';
import * as types from './asset-types.usecases.ts';
import * as uc from './assets.usecases.ts';
import * as readings from './readings.usecases.ts';
import * as dates from './service-dates.usecases.ts';
import { assetDueCheckJob, runDueCheck } from './due-check.job.ts';

let deps: TestDeps;
let technician: Ctx;
let frontDesk: Ctx;
let assetId: string;
let warrantyId: string;
let meteredAssetId: string;

const taskCount = async () => (await deps.database.db.select({ n: count() }).from(tasks))[0]!.n;

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  const manager = await makeUser(deps, 'manager');
  technician = await makeUser(deps, 'technician');
  frontDesk = await makeUser(deps, 'front_desk');
  const customerId = (await createCustomer(deps, manager, customerInput({ kind: 'individual', name: 'Zofia Wójcik', nip: null }))).customer.id;
  const contactId = (await addContact(deps, manager, customerId, { name: 'Zofia Wójcik', role: '', email: 'zofia@example.pl', phone: '', language: 'pl', portalAccess: false, notes: '' })).id;
  const laptop = await types.createAssetType(deps, manager, { name: 'Laptop', meterUnit: null, fields: [] });
  const van = await types.createAssetType(deps, manager, { name: 'Samochód dostawczy', meterUnit: 'km', fields: [] });
  const base = { customerId, productId: null, serialNumber: '', manufacturer: '', model: '', purchaseDate: null, installationDate: null, specification: '', siteId: null, position: '', contactId, custom: {} };
  assetId = (await uc.createAsset(deps, technician, { ...base, assetTypeId: laptop.id, name: 'Laptop Dell Latitude', serialNumber: 'DL-5540-01' })).id;
  meteredAssetId = (await uc.createAsset(deps, technician, { ...base, assetTypeId: van.id, name: 'Iveco Daily', contactId: null })).id;
  const kinds = (await dates.listServiceDateKinds(deps, technician, 'active')).items;
  const warranty = kinds.find((k) => k.code === 'warranty')!;
  warrantyId = (await dates.addServiceDate(deps, technician, assetId, { kindId: warranty.id, dueOn: '2026-04-20', reminderDays: 14, recurrenceMonths: null, meterInterval: null, note: '' })).id;
  // "Every 10,000 km or 12 months, whichever first", set at 40,000 km.
  await readings.recordReading(deps, technician, meteredAssetId, { readOn: '2026-03-01', value: '40000', replacement: false, note: '' });
  const maintenance = kinds.find((k) => k.code === 'maintenance')!;
  await dates.addServiceDate(deps, technician, meteredAssetId, { kindId: maintenance.id, dueOn: '2027-03-01', reminderDays: 14, recurrenceMonths: 12, meterInterval: '10000', note: '' });
});
after(() => deps.close());

test('before the reminder day the check creates nothing', async () => {
  deps.clock.set('2026-04-05T21:59:00Z'); // 23:59 on 5 April in Warsaw (CEST): still the day before
  assert.deepEqual(await runDueCheck(deps), { tasks: 0, reminders: 0 });
});

test('on the reminder day (Warsaw time) the front desk gets one task and the contact one pending email; a second run adds nothing', async () => {
  deps.clock.set('2026-04-05T22:00:00Z'); // 00:00 on 6 April in Warsaw
  assert.deepEqual(await runDueCheck(deps), { tasks: 1, reminders: 1 });
  assert.deepEqual(await runDueCheck(deps), { tasks: 0, reminders: 0 });
  assert.equal(await taskCount(), 1);
  assert.equal((await deps.database.db.select({ n: count() }).from(pendingReminders))[0]!.n, 1);
  const mine = await listTasks(deps, frontDesk, { scope: 'mine', status: 'open', limit: 10 });
  assert.equal(mine.items.length, 1);
  assert.equal(mine.items[0]!.kind, 'service_date_due');
  assert.equal(mine.items[0]!.params.assetName, 'Laptop Dell Latitude');
  assert.equal(mine.items[0]!.dueOn, '2026-04-20');
  assert.equal((await listTasks(deps, technician, { scope: 'mine', status: 'open', limit: 10 })).items.length, 0, "not in the technician's list");
  const events = await uc.listAssetEvents(deps, technician, assetId, { limit: 20 });
  assert.equal(events.items.filter((e) => e.kind === 'service_date_due').length, 1);
});

test('passing the meter threshold raises a task before the calendar date', async () => {
  await readings.recordReading(deps, technician, meteredAssetId, { readOn: '2026-04-06', value: '50100', replacement: false, note: '' });
  assert.deepEqual(await runDueCheck(deps), { tasks: 1, reminders: 0 });
  const open = await listTasks(deps, frontDesk, { scope: 'mine', status: 'open', limit: 10, subjectId: meteredAssetId });
  assert.equal(open.items[0]?.kind, 'meter_threshold');
  assert.equal(open.items[0]?.params.meterDueAt, '50000');
});

test('completing the service date closes its task', async () => {
  await dates.completeServiceDate(deps, technician, warrantyId, { note: '' });
  const t = (await deps.database.db.select().from(tasks).where(eq(tasks.sourceId, warrantyId)))[0]!;
  assert.equal(t.status, 'done');
});

test('two checks at the same moment (two app instances) still create one task', async () => {
  const kinds = (await dates.listServiceDateKinds(deps, technician, 'active')).items;
  const sd = await dates.addServiceDate(deps, technician, assetId, { kindId: kinds.find((k) => k.code === 'insurance')!.id, dueOn: '2026-04-10', reminderDays: 7, recurrenceMonths: null, meterInterval: null, note: '' });
  const before = await taskCount();
  const results = await Promise.allSettled([runDueCheck(deps), runDueCheck(deps), runDueCheck(deps)]);
  // A loser may fail on the unique key mid-batch on PostgreSQL; the job runtime retries it, and a retry finds nothing to do.
  assert.ok(results.some((r) => r.status === 'fulfilled'));
  await runDueCheck(deps);
  assert.equal(await taskCount(), before + 1);
  assert.equal((await deps.database.db.select().from(tasks).where(eq(tasks.sourceId, sd.id))).length, 1);
});

test('run twice through the job runtime, the check creates the task once', async () => {
  const kinds = (await dates.listServiceDateKinds(deps, technician, 'active')).items;
  const sd = await dates.addServiceDate(deps, technician, assetId, { kindId: kinds.find((k) => k.code === 'inspection')!.id, dueOn: '2026-04-12', reminderDays: 7, recurrenceMonths: 12, meterInterval: null, note: '' });
  const jobs = await startJobs(deps, [assetDueCheckJob], { work: true, pollingIntervalSeconds: 0.5, connectionString: deps.url });
  try {
    const ids = await deps.database.db.transaction(async (tx) => [await jobs.enqueue(tx, assetDueCheckJob, {}), await jobs.enqueue(tx, assetDueCheckJob, {})]);
    const end = Date.now() + 20_000;
    for (;;) {
      const states = await Promise.all(ids.map((id) => jobs.boss.getJobById(assetDueCheckJob.name, id!)));
      if (states.every((j) => j?.state === 'completed')) break;
      if (Date.now() > end) throw new Error(`jobs did not complete: ${JSON.stringify(states.map((j) => j?.state))}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await jobs.stop();
  }
  assert.equal((await deps.database.db.select().from(tasks).where(eq(tasks.sourceId, sd.id))).length, 1);
});
