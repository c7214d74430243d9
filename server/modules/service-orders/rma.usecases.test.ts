// External service (RMA), driven by a test clock: a laptop in repair goes to the manufacturer, its late
// return becomes one front-desk task however often the daily watch runs, and recording the return
// brings the order and the laptop back and closes the task.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../deps.ts';
import { auditLog } from '../../kernel/audit/audit.table.ts';
import { customerInput, makeUser, setUpInstallation, refusal } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import * as types from '../assets/asset-types.usecases.ts';
import * as assets from '../assets/assets.usecases.ts';
import { tasks } from '../tasks/tasks.table.ts';
import * as orders from './service-orders.usecases.ts';
import { listStatuses } from './statuses.usecases.ts';
import { serviceOrderEvents, serviceOrderRmas } from './service-orders.table.ts';
import type { OrderInput } from './service-orders.schemas.ts';
import * as uc from './rma.usecases.ts';
import { runOrderWatch } from './order-watch.job.ts';

let deps: TestDeps;
let frontDesk: Ctx;
let technician: Ctx;
let laptopTypeId: string;
let statusOf: (phase: string) => string;

const rma = { vendor: 'Dell EMEA Repair Center', caseNumber: 'RMA-778812', waybill: 'DPD 0000123456789', expectedReturnOn: '2026-04-10', note: 'Płyta główna do wymiany na gwarancji' };

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  const manager = await makeUser(deps, 'manager');
  frontDesk = await makeUser(deps, 'front_desk');
  technician = await makeUser(deps, 'technician');
  laptopTypeId = (await types.createAssetType(deps, manager, { name: 'Laptop', meterUnit: null, fields: [] })).id;
  const st = (await listStatuses(deps, frontDesk, false)).items;
  statusOf = (phase) => st.find((s) => s.phase === phase && s.isDefault)?.id ?? st.find((s) => s.phase === phase)!.id;
});
after(() => deps.close());

const intake = (name: string): OrderInput => ({
  newCustomer: customerInput({ kind: 'individual', name, nip: null }),
  newAsset: { assetTypeId: laptopTypeId, productId: null, name: 'Laptop Dell Latitude 5540', serialNumber: `CN-${name.length}-5540`, manufacturer: 'Dell', model: 'Latitude 5540', purchaseDate: null, installationDate: null, specification: '', siteId: null, position: '', contactId: null, custom: {} },
  kind: 'shop',
  siteId: null,
  reportedProblem: 'Nie ładuje baterii.',
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

/** An order taken in and moved along the phases, as the technician would. */
async function orderIn(name: string, ...phases: string[]) {
  const o = await orders.createOrder(deps, frontDesk, intake(name), 'http://x');
  for (const phase of phases) await orders.changeStatus(deps, technician, o.id, { statusId: statusOf(phase), note: '' });
  return o;
}

const lateTasks = (rmaId: string) => deps.database.db.select().from(tasks).where(and(eq(tasks.sourceId, rmaId), eq(tasks.kind, 'rma_late'))).orderBy(asc(tasks.createdAt));

describe('a laptop in repair goes to the manufacturer and comes back', () => {
  let orderId: string;
  let assetId: string;
  let rmaId: string;

  test('sending it moves the order to the external service phase and the laptop to "at the external service"; the shipment is listed', async () => {
    const o = await orderIn('Jan Kowalski', 'diagnosis', 'in_repair');
    orderId = o.id;
    assetId = o.assetId;
    const sent = await uc.sendToExternalService(deps, technician, o.id, { ...rma, shippedOn: undefined });
    rmaId = sent.id;
    assert.deepEqual(
      { vendor: sent.vendor, caseNumber: sent.caseNumber, shippedOn: sent.shippedOn, expectedReturnOn: sent.expectedReturnOn, open: sent.open, late: sent.late, outcome: sent.outcome },
      { vendor: 'Dell EMEA Repair Center', caseNumber: 'RMA-778812', shippedOn: '2026-03-29', expectedReturnOn: '2026-04-10', open: true, late: false, outcome: null },
      'shipped today in Warsaw (01:30 on 29 March) by default',
    );
    const order = await orders.getOrder(deps, frontDesk, o.id);
    assert.equal(order.phase, 'external_service');
    assert.equal(order.statusId, statusOf('external_service'));
    assert.equal((await assets.getAsset(deps, frontDesk, o.assetId)).custody, 'external_service');
    assert.deepEqual((await uc.listOrderRmas(deps, frontDesk, o.id)).items.map((r) => [r.id, r.waybill]), [[sent.id, 'DPD 0000123456789']]);
    const events = await deps.database.db.select().from(serviceOrderEvents).where(eq(serviceOrderEvents.orderId, o.id)).orderBy(asc(serviceOrderEvents.seq));
    const sentEvent = events.find((e) => e.kind === 'rma_sent')!;
    assert.equal(sentEvent.public, false, 'the vendor and case number are not for the tracking page');
    assert.equal(sentEvent.data.caseNumber, 'RMA-778812');
    assert.ok(events.some((e) => e.kind === 'status' && e.data.to === 'external_service' && e.public));
    const [audit] = await deps.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, o.id), eq(auditLog.action, 'rma_sent')));
    assert.deepEqual([audit!.entity, audit!.subEntity, audit!.subEntityId, audit!.subLabel], ['service_orders', 'service_order_rmas', sent.id, 'Dell EMEA Repair Center (RMA-778812)']);
    assert.deepEqual(audit!.changes.vendor, { before: null, after: 'Dell EMEA Repair Center' });
  });

  test('a second shipment while the first is out is refused, and nothing is stored', async () => {
    assert.deepEqual(await refusal(uc.sendToExternalService(deps, technician, orderId, { ...rma, caseNumber: 'RMA-2', shippedOn: undefined })), ['orders.rma_open']);
    assert.equal((await deps.database.db.select().from(serviceOrderRmas).where(eq(serviceOrderRmas.orderId, orderId))).length, 1);
  });

  test('the daily watch: nothing on the expected day; one task for the front desk the day after, however often it runs', async () => {
    deps.clock.set('2026-04-10T21:59:00Z'); // 23:59 on 10 April in Warsaw: due today, not late
    assert.deepEqual(await runOrderWatch(deps), { lateRmas: 0, waitingEstimates: 0 });
    deps.clock.set('2026-04-11T05:00:00Z'); // 07:00 on 11 April in Warsaw
    assert.deepEqual(await runOrderWatch(deps), { lateRmas: 1, waitingEstimates: 0 });
    assert.deepEqual(await runOrderWatch(deps), { lateRmas: 0, waitingEstimates: 0 });
    const [task, ...more] = await lateTasks(rmaId);
    assert.equal(more.length, 0);
    assert.deepEqual(
      { kind: task!.kind, role: task!.assigneeRole, subject: [task!.subjectType, task!.subjectId], source: task!.sourceType, status: task!.status, dueOn: task!.dueOn, key: task!.dedupeKey },
      { kind: 'rma_late', role: 'front_desk', subject: ['service_order', orderId], source: 'service_order_rma', status: 'open', dueOn: '2026-04-11', key: `rma-late:${rmaId}:2026-04-10` },
    );
    assert.deepEqual(task!.params, { orderNumber: 'SO/2026/000001', vendor: 'Dell EMEA Repair Center', caseNumber: 'RMA-778812', expectedReturnOn: '2026-04-10' });
    assert.equal((await uc.listOrderRmas(deps, frontDesk, orderId)).items[0]!.late, true);
  });

  test('a new expected date dismisses the late task; once that date passes too, a new task comes', async () => {
    const changed = await uc.updateRma(deps, frontDesk, rmaId, { expectedReturnOn: '2026-04-20', caseNumber: 'RMA-778812/B' });
    assert.deepEqual([changed.expectedReturnOn, changed.caseNumber, changed.late, changed.waybill], ['2026-04-20', 'RMA-778812/B', false, 'DPD 0000123456789']);
    assert.deepEqual((await lateTasks(rmaId)).map((t) => t.status), ['dismissed']);
    assert.deepEqual(await runOrderWatch(deps), { lateRmas: 0, waitingEstimates: 0 });
    assert.deepEqual(await refusal(uc.updateRma(deps, frontDesk, rmaId, { expectedReturnOn: '2026-03-01' })), ['expectedReturnOn:orders.rma_return_before_shipping']);
    deps.clock.set('2026-04-21T05:00:00Z');
    assert.deepEqual(await runOrderWatch(deps), { lateRmas: 1, waitingEstimates: 0 });
    assert.deepEqual((await lateTasks(rmaId)).map((t) => [t.status, t.dedupeKey]), [
      ['dismissed', `rma-late:${rmaId}:2026-04-10`],
      ['open', `rma-late:${rmaId}:2026-04-20`],
    ]);
  });

  test('recording the return moves the order back to repair and the laptop into the shop, and closes the late task', async () => {
    assert.deepEqual(await refusal(uc.recordRmaReturn(deps, frontDesk, rmaId, { returnedOn: '2026-04-22', outcome: 'repaired', note: '', nextPhase: 'in_repair' })), ['returnedOn:orders.rma_returned_in_future']);
    const back = await uc.recordRmaReturn(deps, frontDesk, rmaId, { returnedOn: undefined, outcome: 'repaired', note: 'Wymieniono płytę główną', nextPhase: 'in_repair' });
    assert.deepEqual([back.returnedOn, back.outcome, back.open, back.late], ['2026-04-21', 'repaired', false, false]);
    assert.equal(back.note, 'Płyta główna do wymiany na gwarancji\nWymieniono płytę główną');
    assert.equal((await orders.getOrder(deps, frontDesk, orderId)).phase, 'in_repair');
    assert.equal((await assets.getAsset(deps, frontDesk, assetId)).custody, 'in_shop');
    assert.deepEqual((await lateTasks(rmaId)).map((t) => t.status), ['dismissed', 'done']);
    const [event] = await deps.database.db.select().from(serviceOrderEvents).where(and(eq(serviceOrderEvents.orderId, orderId), eq(serviceOrderEvents.kind, 'rma_returned')));
    assert.deepEqual([event!.public, event!.data.outcome], [false, 'repaired']);
    const [audit] = await deps.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, orderId), eq(auditLog.action, 'rma_returned')));
    assert.deepEqual(audit!.changes.outcome, { before: '', after: 'repaired' });
    assert.equal(audit!.subEntityId, rmaId);
    assert.deepEqual(await runOrderWatch(deps), { lateRmas: 0, waitingEstimates: 0 }, 'a returned item is never late');
  });

  test('a returned RMA cannot be returned again or changed; the order can go to the manufacturer again', async () => {
    assert.deepEqual(await refusal(uc.recordRmaReturn(deps, frontDesk, rmaId, { returnedOn: undefined, outcome: 'repaired', note: '', nextPhase: 'in_repair' })), ['orders.rma_closed']);
    assert.deepEqual(await refusal(uc.updateRma(deps, frontDesk, rmaId, { note: 'x' })), ['orders.rma_closed']);
    const again = await uc.sendToExternalService(deps, technician, orderId, { ...rma, caseNumber: 'RMA-779001', expectedReturnOn: null, shippedOn: '2026-04-21' });
    assert.equal((await uc.listOrderRmas(deps, frontDesk, orderId)).items.length, 2);
    await uc.recordRmaReturn(deps, frontDesk, again.id, { returnedOn: undefined, outcome: 'refused', note: '', nextPhase: 'in_repair' });
  });
});

describe('refusals and the other way back', () => {
  before(() => deps.clock.set('2026-04-21T08:00:00Z'));

  test('an order waiting for the customer\'s approval cannot go to an external service (phase rules); nothing is stored', async () => {
    const o = await orderIn('Anna Nowak', 'diagnosis', 'awaiting_approval');
    assert.deepEqual(await refusal(uc.sendToExternalService(deps, technician, o.id, { ...rma, expectedReturnOn: null, shippedOn: undefined })), ['statusId:orders.transition_not_allowed']);
    assert.equal((await uc.listOrderRmas(deps, frontDesk, o.id)).items.length, 0);
    assert.equal((await assets.getAsset(deps, frontDesk, o.assetId)).custody, 'in_shop');
  });

  test('dates: not shipped tomorrow, not expected back before shipping', async () => {
    const o = await orderIn('Ewa Zielińska', 'diagnosis');
    assert.deepEqual(await refusal(uc.sendToExternalService(deps, technician, o.id, { ...rma, shippedOn: '2026-04-22', expectedReturnOn: '2026-04-01' })), [
      'shippedOn:orders.rma_shipped_in_future',
      'expectedReturnOn:orders.rma_return_before_shipping',
    ]);
  });

  test('an item returned repaired can go straight to release: the front desk gets the release task, the laptop is in the shop', async () => {
    const o = await orderIn('Piotr Wiśniewski', 'diagnosis');
    const sent = await uc.sendToExternalService(deps, technician, o.id, { ...rma, caseNumber: 'RMA-900', expectedReturnOn: null, shippedOn: undefined });
    await uc.recordRmaReturn(deps, frontDesk, sent.id, { returnedOn: undefined, outcome: 'replaced', note: 'Nowy egzemplarz', nextPhase: 'ready_for_release' });
    assert.equal((await orders.getOrder(deps, frontDesk, o.id)).phase, 'ready_for_release');
    assert.equal((await assets.getAsset(deps, frontDesk, o.assetId)).custody, 'in_shop');
    const release = await deps.database.db.select().from(tasks).where(and(eq(tasks.subjectId, o.id), eq(tasks.kind, 'order_release')));
    assert.equal(release.length, 1);
  });

  test('unknown orders and RMAs are 404s', async () => {
    const none = '00000000-0000-4000-8000-000000000000';
    assert.deepEqual(await refusal(uc.sendToExternalService(deps, technician, none, { ...rma, shippedOn: undefined })), ['service_orders.not_found']);
    assert.deepEqual(await refusal(uc.updateRma(deps, technician, none, { note: 'x' })), ['service_order_rmas.not_found']);
    assert.deepEqual(await refusal(uc.recordRmaReturn(deps, technician, none, { returnedOn: undefined, outcome: 'repaired', note: '', nextPhase: 'in_repair' })), ['service_order_rmas.not_found']);
    assert.deepEqual(await refusal(uc.listOrderRmas(deps, technician, none)), ['service_orders.not_found']);
  });
});
