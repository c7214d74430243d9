// The task inbox: each person's own tasks plus their role's unassigned ones, most urgent first;
// managers look into anyone's inbox and hand tasks on; the menu badge counts. Fixed clock: it is
// 29 March 2026 in Warsaw.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../deps.ts';
import { auditLog } from '../../kernel/audit/audit.table.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { customerInput, makeUser, setUpInstallation } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import { users } from '../identity/identity.table.ts';
import * as types from '../assets/asset-types.usecases.ts';
import { createServicePath } from '../service-paths/service-paths.usecases.ts';
import { createOrder } from '../service-orders/service-orders.usecases.ts';
import { tasks } from './tasks.table.ts';
import { assignTask, createTaskOnce, listTasks, markTaskDone, taskSummary, type NewTask } from './tasks.usecases.ts';
import type { TaskDto, TaskListQuery } from './tasks.schemas.ts';

let deps: TestDeps;
let manager: Ctx;
let tech1: Ctx;
let tech2: Ctx;
let frontDesk: Ctx;
let accountant: Ctx;
const system: Ctx = { actor: systemActor('test') };
const uid = (c: Ctx) => (c.actor.kind === 'user' ? c.actor.userId : '');
const ASSET = '00000000-0000-4000-8000-00000000a551';

let seq = 0;
async function task(label: string, o: Partial<NewTask> = {}): Promise<string> {
  const row = await createTaskOnce(deps.database.db, system, {
    kind: 'service_date_due',
    subjectType: 'asset',
    subjectId: ASSET,
    params: { assetName: label },
    dueOn: null,
    dedupeKey: `test:${label}:${++seq}`,
    createdAt: deps.clock.now(),
    ...o,
  });
  return row!.id;
}

const list = (ctx: Ctx, q: Partial<TaskListQuery> = {}) => listTasks(deps, ctx, { scope: 'mine', status: 'open', limit: 100, ...q });
const labels = (items: TaskDto[]) => items.map((t) => t.params.assetName);
const inbox = async (ctx: Ctx, q: Partial<TaskListQuery> = {}) => labels((await list(ctx, q)).items);

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  manager = await makeUser(deps, 'manager');
  tech1 = await makeUser(deps, 'technician', 'tech1@serwis.pl');
  tech2 = await makeUser(deps, 'technician', 'tech2@serwis.pl');
  frontDesk = await makeUser(deps, 'front_desk');
  accountant = await makeUser(deps, 'accountant');
  // tech1's own tasks
  await task('tech1 later', { assigneeId: uid(tech1), dueOn: '2026-04-10' });
  await task('tech1 overdue', { assigneeId: uid(tech1), dueOn: '2026-03-20' });
  await task('tech1 undated', { assigneeId: uid(tech1) });
  // the technicians' shared tasks
  await task('technicians today', { assigneeRole: 'technician', dueOn: '2026-03-29' });
  await task('technicians undated', { assigneeRole: 'technician' });
  await task('technicians tomorrow', { assigneeRole: 'technician', dueOn: '2026-03-30' });
  // not tech1's
  await task('tech2 own', { assigneeId: uid(tech2), dueOn: '2026-03-01' });
  await task('front desk', { assigneeRole: 'front_desk', dueOn: '2026-03-01' });
  const closed = await task('technicians closed', { assigneeRole: 'technician', dueOn: '2026-03-02' });
  await markTaskDone(deps, tech1, closed);
});
after(() => deps.close());

describe('a person sees their own tasks and their role\'s, most urgent first', () => {
  test("tech1's inbox: overdue, today, tomorrow, later, then those without a due date; nobody else's", async () => {
    const page = await list(tech1);
    const got = labels(page.items);
    assert.deepEqual(got.slice(0, 4), ['tech1 overdue', 'technicians today', 'technicians tomorrow', 'tech1 later']);
    assert.deepEqual(got.slice(4).sort(), ['tech1 undated', 'technicians undated'], 'without a due date: last (in a stable order)');
    assert.deepEqual(
      page.items.map((t) => t.urgency),
      ['overdue', 'today', 'later', 'later', 'none', 'none'],
    );
    assert.equal(page.nextCursor, null);
  });

  test("a role's task is shared: the other technician sees it too, beside their own", async () => {
    assert.deepEqual(await inbox(tech2), ['tech2 own', 'technicians today', 'technicians tomorrow', 'technicians undated']);
    assert.deepEqual(await inbox(frontDesk), ['front desk']);
    assert.deepEqual(await inbox(accountant), []);
  });

  test('the DTO names the assignee and says how urgent it is', async () => {
    const [own] = (await list(tech1)).items;
    assert.equal(own!.assigneeId, uid(tech1));
    assert.equal(own!.assigneeName, 'Test technician');
    assert.equal(own!.assigneeRole, null);
    assert.equal(own!.sourceStatus, null);
  });

  test('pages of two give the same inbox as one page, across the dated and the undated tasks', async () => {
    const all = await inbox(tech1);
    const walked: unknown[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const p = await list(tech1, { limit: 2, ...(cursor ? { cursor } : {}) });
      walked.push(...labels(p.items));
      if (!p.nextCursor) break;
      cursor = p.nextCursor;
    }
    assert.deepEqual(walked, all);
  });

  test('a tampered cursor is a 400, not a database error', async () => {
    const bad = Buffer.from(JSON.stringify(['not-a-date', 'x'])).toString('base64url');
    await assert.rejects(list(tech1, { cursor: bad }), { code: 'pagination.bad_cursor' });
  });

  test('closed tasks are listed on request', async () => {
    assert.deepEqual(await inbox(tech1, { status: 'done' }), ['technicians closed']);
  });
});

describe("a manager looks into someone's inbox", () => {
  test("the manager sees exactly the technician's inbox", async () => {
    assert.deepEqual(await inbox(manager, { scope: 'user', userId: uid(tech1) }), await inbox(tech1));
  });
  test('and everyone\'s open tasks at once', async () => {
    assert.equal((await list(manager, { scope: 'all' })).items.length, 8);
  });
  test('a technician may not look into anyone else\'s inbox, nor everyone\'s', async () => {
    await assert.rejects(list(tech2, { scope: 'user', userId: uid(tech1) }), { code: 'auth.forbidden' });
    await assert.rejects(list(tech2, { scope: 'all' }), { code: 'auth.forbidden' });
  });
  test('whose inbox must be said, and must be a user', async () => {
    await assert.rejects(list(manager, { scope: 'user' }), (e: { fields?: { path: string; code: string }[] }) => e.fields?.[0]?.code === 'tasks.user_required');
    await assert.rejects(list(manager, { scope: 'user', userId: '00000000-0000-4000-8000-000000000000' }), { code: 'users.not_found' });
  });
});

describe('reassigning', () => {
  test("a role's task given to a technician leaves the role's list and lands in that person's; audited", async () => {
    const id = await task('to hand over', { assigneeRole: 'front_desk', dueOn: '2026-03-25' });
    assert.ok((await inbox(frontDesk)).includes('to hand over'));
    const moved = await assignTask(deps, manager, id, { userId: uid(tech2) });
    assert.equal(moved.assigneeId, uid(tech2));
    assert.equal(moved.assigneeRole, null);
    assert.equal(moved.assigneeName, 'Test technician');
    assert.ok(!(await inbox(frontDesk)).includes('to hand over'), "out of the front desk's list");
    assert.ok((await inbox(tech2)).includes('to hand over'), "in tech2's list");
    assert.ok(!(await inbox(tech1)).includes('to hand over'), 'not shared with the other technician');
    const [audit] = await deps.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'assigned')));
    assert.deepEqual(audit!.changes, { assigneeId: { before: null, after: uid(tech2) }, assigneeRole: { before: 'front_desk', after: null } });
    assert.equal(audit!.actorId, uid(manager));

    const back = await assignTask(deps, manager, id, { role: 'technician' });
    assert.equal(back.assigneeId, null);
    assert.ok((await inbox(tech1)).includes('to hand over'), 'now every technician has it');
    assert.ok((await inbox(tech2)).includes('to hand over'));
    await markTaskDone(deps, tech1, id);
  });

  test('a person or a role, exactly one', async () => {
    const id = await task('ambiguous', { assigneeRole: 'technician' });
    await assert.rejects(assignTask(deps, manager, id, {}), (e: { fields?: { path: string; code: string }[] }) => e.fields?.[0]?.code === 'tasks.assignee_one');
    await assert.rejects(assignTask(deps, manager, id, { userId: uid(tech1), role: 'manager' }), (e: { fields?: { code: string }[] }) => e.fields?.[0]?.code === 'tasks.assignee_one');
    await markTaskDone(deps, manager, id);
  });

  test('not to a deactivated user, not a closed task, and not by a technician', async () => {
    const id = await task('refusals', { assigneeRole: 'technician' });
    const gone = await makeUser(deps, 'technician', 'gone@serwis.pl');
    await deps.database.db.update(users).set({ active: false }).where(eq(users.id, uid(gone)));
    await assert.rejects(assignTask(deps, manager, id, { userId: uid(gone) }), (e: { fields?: { path: string; code: string }[] }) => e.fields?.[0]?.code === 'tasks.assignee_inactive');
    await assert.rejects(assignTask(deps, manager, id, { userId: '00000000-0000-4000-8000-000000000000' }), (e: { fields?: { code: string }[] }) => e.fields?.[0]?.code === 'tasks.assignee_unknown');
    await assert.rejects(assignTask(deps, tech1, id, { userId: uid(tech2) }), { code: 'auth.forbidden' });
    await markTaskDone(deps, tech1, id);
    await assert.rejects(assignTask(deps, manager, id, { userId: uid(tech2) }), { code: 'tasks.not_open' });
    await assert.rejects(assignTask(deps, manager, '00000000-0000-4000-8000-000000000000', { role: 'technician' }), { code: 'tasks.not_found' });
  });
});

describe('the menu badge', () => {
  test("counts tech1's open, overdue and due-today tasks", async () => {
    assert.deepEqual(await taskSummary(deps, tech1), { open: 6, overdue: 1, dueToday: 1, cap: 1000 });
    assert.deepEqual(await taskSummary(deps, frontDesk), { open: 1, overdue: 1, dueToday: 0, cap: 1000 });
  });
  test('stops counting at 1000', async () => {
    const now = deps.clock.now();
    const rows = Array.from({ length: 1005 }, (_, i) => ({ kind: 'bulk', subjectType: 'asset', subjectId: ASSET, params: {}, assigneeRole: 'accountant', dueOn: '2026-03-01', dedupeKey: `bulk:${i}`, createdAt: now }));
    await deps.database.db.insert(tasks).values(rows);
    assert.deepEqual(await taskSummary(deps, accountant), { open: 1000, overdue: 1000, dueToday: 0, cap: 1000 });
    await deps.database.db.delete(tasks).where(eq(tasks.kind, 'bulk'));
  });
});

describe('order tasks carry what the inbox acts on', () => {
  test("the first step of an order's service path: the step to start, its order, its state", async () => {
    const typeId = (await types.createAssetType(deps, manager, { name: 'Laptop', meterUnit: null, fields: [] })).id;
    const pathId = (
      await createServicePath(deps, manager, {
        name: 'Naprawa laptopa',
        description: '',
        steps: [{ name: 'Diagnoza', description: '', role: 'technician', plannedMinutes: 30, deadlineOffsetHours: 24 }],
      })
    ).id;
    const order = await createOrder(
      deps,
      frontDesk,
      {
        newCustomer: customerInput({ kind: 'individual', name: 'Jan Kowalski', nip: null }),
        newAsset: { assetTypeId: typeId, productId: null, name: 'Laptop Dell', serialNumber: 'CN-1', manufacturer: '', model: '', purchaseDate: null, installationDate: null, specification: '', siteId: null, position: '', contactId: null, custom: {} },
        kind: 'shop',
        siteId: null,
        reportedProblem: 'Nie włącza się.',
        accessories: '',
        condition: '',
        priority: 'normal',
        promisedOn: null,
        contactId: null,
        notifyChannel: 'email',
        notifyTo: '',
        technicianId: null,
        servicePathId: pathId,
      },
      'http://serwis.test',
    );
    const step = (await list(tech1)).items.find((t) => t.kind === 'order_step')!;
    assert.equal(step.subjectType, 'service_order');
    assert.equal(step.subjectId, order.id);
    assert.equal(step.sourceType, 'service_order_step');
    assert.equal(step.params.stepId, step.sourceId);
    assert.equal(step.params.stepName, 'Diagnoza');
    assert.equal(step.sourceStatus, 'todo');
    assert.equal(step.dueOn, '2026-03-30', 'due a day after intake');
  });
});
