// The task inbox over HTTP: a manager looks into a technician's inbox and hands a task on; others
// are refused with 403; the menu badge's counts; bad queries are 4xx problems.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { App } from '../../kernel/http/app-types.ts';
import { systemActor } from '../../kernel/auth/actor.ts';
import { buildTestApp, makeUser, setUpInstallation, signedInClient, USER_PASSWORD, type Client } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import { createTaskOnce } from './tasks.usecases.ts';

let deps: TestDeps;
let app: App;
let manager: Client;
let tech: Client;
let desk: Client;
let techId: string;
let deskId: string;
let roleTask: string;

const ASSET = '00000000-0000-4000-8000-00000000a551';
const labels = (r: { json: { items: { params: { assetName: string } }[] } }) => r.json.items.map((t) => t.params.assetName);

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  app = await buildTestApp(deps);
  await makeUser(deps, 'manager', 'kierownik@serwis.pl');
  const t = await makeUser(deps, 'technician', 'serwisant@serwis.pl');
  const d = await makeUser(deps, 'front_desk', 'recepcja@serwis.pl');
  techId = t.actor.kind === 'user' ? t.actor.userId : '';
  deskId = d.actor.kind === 'user' ? d.actor.userId : '';
  manager = await signedInClient(app, 'kierownik@serwis.pl', USER_PASSWORD);
  tech = await signedInClient(app, 'serwisant@serwis.pl', USER_PASSWORD);
  desk = await signedInClient(app, 'recepcja@serwis.pl', USER_PASSWORD);
  const ctx = { actor: systemActor('test') };
  const make = async (label: string, o: { assigneeId?: string; assigneeRole?: string; dueOn?: string }) =>
    (await createTaskOnce(deps.database.db, ctx, { kind: 'service_date_due', subjectType: 'asset', subjectId: ASSET, params: { assetName: label }, dedupeKey: `route:${label}`, createdAt: deps.clock.now(), ...o }))!.id;
  await make('own overdue', { assigneeId: techId, dueOn: '2026-03-01' });
  roleTask = await make('role today', { assigneeRole: 'technician', dueOn: '2026-03-29' });
  await make('desk later', { assigneeRole: 'front_desk', dueOn: '2026-04-02' });
});
after(async () => {
  await app.close();
  await deps.close();
});

test("the technician's inbox, most urgent first, with the urgency", async () => {
  const r = await tech.request('GET', '/api/v1/tasks');
  assert.equal(r.status, 200, r.body);
  assert.deepEqual(labels(r), ['own overdue', 'role today']);
  assert.deepEqual(r.json.items.map((t: { urgency: string }) => t.urgency), ['overdue', 'today']);
});

test("a manager sees the technician's inbox; the technician may not see the manager's or the front desk's", async () => {
  const r = await manager.request('GET', `/api/v1/tasks?scope=user&userId=${techId}`);
  assert.equal(r.status, 200, r.body);
  assert.deepEqual(labels(r), ['own overdue', 'role today']);
  for (const url of [`/api/v1/tasks?scope=user&userId=${deskId}`, '/api/v1/tasks?scope=all']) {
    const refused = await tech.request('GET', url);
    assert.equal(refused.status, 403, url);
    assert.equal(refused.json.code, 'auth.forbidden');
  }
});

test('reassigning moves the task to the front desk person and out of the technicians\' list; only managers may', async () => {
  const refused = await tech.request('POST', `/api/v1/tasks/${roleTask}/assign`, { userId: deskId });
  assert.equal(refused.status, 403);
  const r = await manager.request('POST', `/api/v1/tasks/${roleTask}/assign`, { userId: deskId });
  assert.equal(r.status, 200, r.body);
  assert.equal(r.json.assigneeId, deskId);
  assert.equal(r.json.assigneeName, 'Test front_desk');
  assert.deepEqual(labels(await tech.request('GET', '/api/v1/tasks')), ['own overdue']);
  assert.deepEqual(labels(await desk.request('GET', '/api/v1/tasks')), ['role today', 'desk later']);
  const audit = await manager.request('GET', `/api/v1/audit?entity=tasks&id=${roleTask}`);
  assert.equal(audit.status, 200, audit.body);
  assert.equal(audit.json.items[0].action, 'assigned');
});

test('a body with both a person and a role, or neither, is a 422 at the field', async () => {
  const both = await manager.request('POST', `/api/v1/tasks/${roleTask}/assign`, { userId: deskId, role: 'technician' });
  assert.equal(both.status, 422);
  assert.equal(both.json.errors[0].code, 'tasks.assignee_one');
  const bad = await manager.request('POST', `/api/v1/tasks/${roleTask}/assign`, { role: 'janitor' });
  assert.equal(bad.status, 400);
});

test('the badge counts: open, overdue, due today', async () => {
  const r = await desk.request('GET', '/api/v1/tasks/summary');
  assert.equal(r.status, 200, r.body);
  assert.deepEqual(r.json, { open: 2, overdue: 0, dueToday: 1, cap: 1000 });
  assert.deepEqual((await tech.request('GET', '/api/v1/tasks/summary')).json, { open: 1, overdue: 1, dueToday: 0, cap: 1000 });
});

test('scope=user without a userId is a 422; an unknown scope or a forged cursor a 400', async () => {
  assert.equal((await manager.request('GET', '/api/v1/tasks?scope=user')).status, 422);
  assert.equal((await manager.request('GET', '/api/v1/tasks?scope=theirs')).status, 400);
  const forged = Buffer.from(JSON.stringify(["2026-01-01'; drop table tasks; --", 'x'])).toString('base64url');
  const r = await tech.request('GET', `/api/v1/tasks?cursor=${forged}`);
  assert.equal(r.status, 400);
  assert.equal(r.json.code, 'pagination.bad_cursor');
});
