import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../deps.ts';
import { auditLog } from '../../kernel/audit/audit.table.ts';
import { customerInput, makeUser, setUpInstallation, refusal as refusalOf } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import * as types from '../assets/asset-types.usecases.ts';
import { createServicePath } from '../service-paths/service-paths.usecases.ts';
import { assignTask, listTasks } from '../tasks/tasks.usecases.ts';
import { tasks } from '../tasks/tasks.table.ts';
import * as orders from './service-orders.usecases.ts';
import type { OrderInput } from './service-orders.schemas.ts';
import { serviceOrderEvents } from './service-orders.table.ts';
import { listStatuses } from './statuses.usecases.ts';
import * as uc from './steps.usecases.ts';

let deps: TestDeps;
let manager: Ctx;
let frontDesk: Ctx;
let frontDesk2: Ctx;
let technician: Ctx;
let laptopTypeId: string;
let pathId: string;

const refusal = (p: Promise<unknown>) => refusalOf(p, { withStatus: true });

const userId = (c: Ctx) => (c.actor.kind === 'user' ? c.actor.userId : '');

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  manager = await makeUser(deps, 'manager');
  frontDesk = await makeUser(deps, 'front_desk');
  frontDesk2 = await makeUser(deps, 'front_desk', 'recepcja2@serwis.pl');
  technician = await makeUser(deps, 'technician');
  laptopTypeId = (await types.createAssetType(deps, manager, { name: 'Laptop', meterUnit: null, fields: [] })).id;
  pathId = (
    await createServicePath(deps, manager, {
      name: 'Naprawa laptopa',
      description: '',
      steps: [
        { name: 'Diagnoza', description: '', role: 'technician', plannedMinutes: 30, deadlineOffsetHours: 24 },
        { name: 'Naprawa', description: '', role: 'technician', plannedMinutes: 60, deadlineOffsetHours: 72 },
        { name: 'Wydanie', description: '', role: 'front_desk', plannedMinutes: 5, deadlineOffsetHours: null },
      ],
    })
  ).id;
});
after(() => deps.close());

let n = 0;
const newOrder = async (o: Partial<OrderInput> = {}) =>
  orders.createOrder(
    deps,
    frontDesk,
    {
      newCustomer: customerInput({ kind: 'individual', name: `Klient ${++n}`, nip: null }),
      newAsset: { assetTypeId: laptopTypeId, productId: null, name: 'Laptop Dell', serialNumber: `SN-${n}`, manufacturer: 'Dell', model: 'Latitude', purchaseDate: null, installationDate: null, specification: '', siteId: null, position: '', contactId: null, custom: {} },
      kind: 'shop',
      siteId: null,
      reportedProblem: 'Nie włącza się.',
      accessories: '',
      condition: '',
      priority: 'normal',
      promisedOn: null,
      contactId: null,
      notifyChannel: 'none',
      notifyTo: '',
      technicianId: null,
      servicePathId: pathId,
      ...o,
    },
    'http://x',
  );

const openTaskNames = async (ctx: Ctx, orderId: string) => (await listTasks(deps, ctx, { scope: 'mine', status: 'open', subjectId: orderId, limit: 50 })).items.map((t) => t.params.stepName);
const stepTasks = async (stepId: string) => (await deps.database.db.select().from(tasks).where(and(eq(tasks.sourceType, 'service_order_step'), eq(tasks.sourceId, stepId)))).map((t) => t.status);

describe('steps across people', () => {
  test("a path applied at intake: done on step 1 closes its task and puts step 2 in the technicians' task list", async () => {
    const o = await newOrder();
    const [diagnoza, naprawa, wydanie] = (await uc.listSteps(deps, technician, o.id)).items;
    assert.deepEqual([diagnoza!.name, naprawa!.name, wydanie!.name], ['Diagnoza', 'Naprawa', 'Wydanie']);
    assert.deepEqual(diagnoza!.allowedActions, ['start', 'done', 'skip', 'edit']);
    assert.deepEqual(await openTaskNames(technician, o.id), ['Diagnoza']);

    const started = await uc.moveStep(deps, technician, diagnoza!.id, 'start');
    assert.equal(started.status, 'in_progress');
    assert.equal(started.startedAt, deps.clock.now().toISOString());
    assert.deepEqual(await openTaskNames(technician, o.id), ['Diagnoza'], 'starting keeps the task open');

    const done = await uc.moveStep(deps, technician, diagnoza!.id, 'done');
    assert.equal(done.status, 'done');
    assert.equal(done.doneByName, 'Test technician');
    assert.deepEqual(done.allowedActions, []);
    assert.deepEqual(await stepTasks(diagnoza!.id), ['done']);
    assert.deepEqual(await openTaskNames(technician, o.id), ['Naprawa']);
    assert.deepEqual(await openTaskNames(frontDesk, o.id), [], 'the front desk waits for its step');

    const events = await deps.database.db.select().from(serviceOrderEvents).where(eq(serviceOrderEvents.orderId, o.id));
    assert.deepEqual(events.filter((e) => e.kind.startsWith('step_')).map((e) => [e.kind, e.data.name, e.public]), [['step_started', 'Diagnoza', false], ['step_done', 'Diagnoza', false]]);
    const audit = await deps.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'service_orders'), eq(auditLog.entityId, o.id), eq(auditLog.action, 'step_done')));
    assert.deepEqual(audit.map((a) => [a.subEntity, a.subEntityId, a.subLabel, a.changes]), [['service_order_steps', diagnoza!.id, 'Diagnoza', { status: { before: 'in_progress', after: 'done' } }]]);

    await assert.rejects(uc.moveStep(deps, technician, diagnoza!.id, 'start'), { code: 'orders.step_transition_not_allowed', status: 409 });
    assert.deepEqual(await refusal(uc.updateStep(deps, technician, diagnoza!.id, { name: 'Inna' })), ['409 orders.step_closed']);
  });

  test('skipping needs a reason; a skipped step dismisses its task and hands the next one on', async () => {
    const o = await newOrder();
    const [diagnoza, naprawa, wydanie] = (await uc.listSteps(deps, technician, o.id)).items;
    await uc.moveStep(deps, technician, diagnoza!.id, 'done');
    assert.deepEqual(await refusal(uc.moveStep(deps, technician, naprawa!.id, 'skip', '  ')), ['reason:orders.step_skip_reason_required']);
    assert.equal((await uc.listSteps(deps, technician, o.id)).items[1]!.status, 'todo', 'the refused skip changed nothing');
    const skipped = await uc.moveStep(deps, technician, naprawa!.id, 'skip', ' Klient zrezygnował z naprawy ');
    assert.deepEqual([skipped.status, skipped.skipReason], ['skipped', 'Klient zrezygnował z naprawy']);
    assert.deepEqual(await stepTasks(naprawa!.id), ['dismissed']);
    assert.deepEqual(await openTaskNames(frontDesk, o.id), ['Wydanie']);
    assert.deepEqual(await stepTasks(wydanie!.id), ['open']);
  });

  test("assigning a step to a person moves its open task to that person, with the step's new deadline", async () => {
    const o = await newOrder();
    const steps = (await uc.listSteps(deps, technician, o.id)).items;
    await uc.moveStep(deps, technician, steps[0]!.id, 'done');
    await uc.moveStep(deps, technician, steps[1]!.id, 'done');
    assert.deepEqual(await openTaskNames(frontDesk2, o.id), ['Wydanie'], 'the role owns it: every front desk person sees it');
    assert.deepEqual(await refusal(uc.updateStep(deps, manager, steps[2]!.id, { ownerId: '00000000-0000-4000-8000-000000000000' })), ['ownerId:orders.owner_unknown']);
    const assigned = await uc.updateStep(deps, manager, steps[2]!.id, { ownerId: userId(frontDesk2), deadlineAt: '2026-04-02T15:00:00+02:00' });
    assert.deepEqual([assigned.ownerId, assigned.ownerName, assigned.ownerRole, assigned.deadlineAt], [userId(frontDesk2), 'Test front_desk', 'front_desk', '2026-04-02T13:00:00.000Z']);
    assert.deepEqual(await openTaskNames(frontDesk2, o.id), ['Wydanie']);
    assert.deepEqual(await openTaskNames(frontDesk, o.id), [], 'no longer in the rest of the role');
    const [task] = await deps.database.db.select().from(tasks).where(eq(tasks.sourceId, steps[2]!.id));
    assert.deepEqual([task!.assigneeId, task!.assigneeRole, task!.dueOn], [userId(frontDesk2), null, '2026-04-02']);
    // Unassigning the person gives the step back to its role.
    await uc.updateStep(deps, manager, steps[2]!.id, { ownerId: null });
    assert.deepEqual(await openTaskNames(frontDesk, o.id), ['Wydanie']);
    const events = await deps.database.db.select().from(serviceOrderEvents).where(and(eq(serviceOrderEvents.orderId, o.id), eq(serviceOrderEvents.kind, 'step_assigned')));
    assert.equal(events.length, 2);
  });

  test("a manager who gives a step's task to a person in the task inbox gives them the step; back to the role, the person is taken off", async () => {
    const o = await newOrder();
    const [first] = (await uc.listSteps(deps, technician, o.id)).items;
    const [task] = await deps.database.db.select().from(tasks).where(eq(tasks.sourceId, first!.id));
    await assignTask(deps, manager, task!.id, { userId: userId(frontDesk2) });
    const mine = (await uc.listSteps(deps, technician, o.id)).items[0]!;
    assert.deepEqual([mine.ownerId, mine.ownerRole], [userId(frontDesk2), 'technician']);
    await assignTask(deps, manager, task!.id, { role: 'manager' });
    const back = (await uc.listSteps(deps, technician, o.id)).items[0]!;
    assert.deepEqual([back.ownerId, back.ownerRole], [null, 'manager']);
    const audit = await deps.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, o.id), eq(auditLog.action, 'step_updated')));
    assert.equal(audit.length, 2);
    // Editing the step afterwards moves the task again, and the task's own audit says so.
    await uc.updateStep(deps, manager, first!.id, { ownerRole: 'technician' });
    assert.deepEqual(await openTaskNames(technician, o.id), ['Diagnoza']);
  });

  test('steps added by hand go where asked; reordering names every step once', async () => {
    const o = await newOrder();
    const added = await uc.addStep(deps, technician, o.id, { name: 'Czyszczenie', description: 'Sprężone powietrze', ownerId: null, ownerRole: 'technician', plannedMinutes: 15, deadlineAt: null, position: 1 });
    assert.equal(added.position, 1);
    const names = async () => (await uc.listSteps(deps, technician, o.id)).items.map((s) => `${s.position}:${s.name}`);
    assert.deepEqual(await names(), ['0:Diagnoza', '1:Czyszczenie', '2:Naprawa', '3:Wydanie']);
    assert.deepEqual(await openTaskNames(technician, o.id), ['Diagnoza'], 'the added step waits for its turn');
    const ids = (await uc.listSteps(deps, technician, o.id)).items.map((s) => s.id);
    assert.deepEqual(await refusal(uc.reorderSteps(deps, technician, o.id, ids.slice(1))), ['stepIds:orders.steps_reorder_invalid']);
    const reordered = await uc.reorderSteps(deps, technician, o.id, [ids[0]!, ids[2]!, ids[1]!, ids[3]!]);
    assert.deepEqual(reordered.items.map((s) => `${s.position}:${s.name}`), ['0:Diagnoza', '1:Naprawa', '2:Czyszczenie', '3:Wydanie']);
    // Done on Diagnoza hands on to Naprawa, by the new order.
    await uc.moveStep(deps, technician, ids[0]!, 'done');
    assert.deepEqual(await openTaskNames(technician, o.id), ['Naprawa']);
  });

  test('a step added to an order with nothing open, or a path applied to an order without steps, becomes a task at once', async () => {
    const o = await newOrder({ servicePathId: null });
    const applied = await uc.applyPath(deps, technician, o.id, pathId);
    assert.deepEqual(applied.items.map((s) => s.name), ['Diagnoza', 'Naprawa', 'Wydanie']);
    assert.deepEqual(await openTaskNames(technician, o.id), ['Diagnoza']);
    for (const s of applied.items) await uc.moveStep(deps, manager, s.id, 'done');
    const extra = await uc.addStep(deps, manager, o.id, { name: 'Telefon do klienta', description: '', ownerId: userId(frontDesk), ownerRole: null, plannedMinutes: 5, deadlineAt: null });
    assert.deepEqual([extra.position, extra.ownerName], [3, 'Test front_desk']);
    assert.deepEqual(await openTaskNames(frontDesk, o.id), ['Telefon do klienta']);
    assert.deepEqual(await refusal(uc.applyPath(deps, technician, o.id, '00000000-0000-4000-8000-000000000000')), ['servicePathId:orders.path_unknown']);
  });

  test('a cancelled order refuses every change to its steps with 409 orders.closed', async () => {
    const o = await newOrder();
    const cancelled = (await listStatuses(deps, manager, false)).items.find((s) => s.phase === 'cancelled')!;
    await orders.changeStatus(deps, manager, o.id, { statusId: cancelled.id, note: '' });
    const [first] = (await uc.listSteps(deps, technician, o.id)).items;
    assert.deepEqual(await refusal(uc.moveStep(deps, technician, first!.id, 'done')), ['409 orders.closed']);
    assert.deepEqual(await refusal(uc.addStep(deps, technician, o.id, { name: 'X', description: '', ownerId: null, ownerRole: null, plannedMinutes: 0, deadlineAt: null })), ['409 orders.closed']);
    assert.deepEqual(await refusal(uc.updateStep(deps, technician, first!.id, { name: 'X' })), ['409 orders.closed']);
    assert.deepEqual(await refusal(uc.applyPath(deps, technician, o.id, pathId)), ['409 orders.closed']);
    assert.deepEqual(await refusal(uc.listSteps(deps, technician, '00000000-0000-4000-8000-000000000000')), ['404 service_orders.not_found']);
    assert.deepEqual(await refusal(uc.moveStep(deps, technician, '00000000-0000-4000-8000-000000000000', 'done')), ['404 service_order_steps.not_found']);
  });

  test('an accountant may read steps but not change them', async () => {
    const accountant = await makeUser(deps, 'accountant');
    const o = await newOrder();
    const [first] = (await uc.listSteps(deps, accountant, o.id)).items;
    await assert.rejects(uc.moveStep(deps, accountant, first!.id, 'done'), { code: 'auth.forbidden' });
  });
});
