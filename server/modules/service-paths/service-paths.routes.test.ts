import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { App } from '../../kernel/http/app-types.ts';
import { ADMIN, buildTestApp, makeUser, setUpInstallation, signedInClient, USER_PASSWORD, type Client } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';

let deps: TestDeps;
let app: App;
let admin: Client;
let tech: Client;
const base = '/api/v1/service-paths';

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  app = await buildTestApp(deps);
  admin = await signedInClient(app, ADMIN.email, ADMIN.password);
  await makeUser(deps, 'technician', 'tech@paths.pl');
  tech = await signedInClient(app, 'tech@paths.pl', USER_PASSWORD);
});
after(async () => {
  await app.close();
  await deps.close();
});

const order = (d: any) => d.steps.map((s: any) => `${s.position}:${s.name}`);

describe('service paths over HTTP', () => {
  test('create with steps → insert → patch a step → reorder → delete → copy, each answering with the path', async () => {
    const created = await admin.request('POST', base, {
      name: 'Naprawa drukarki',
      steps: [{ name: 'Przyjęcie', role: 'front_desk' }, { name: 'Naprawa', role: 'technician', plannedMinutes: 90, deadlineOffsetHours: 72 }],
    });
    assert.equal(created.status, 201);
    const id = created.json.id;
    assert.deepEqual(order(created.json), ['0:Przyjęcie', '1:Naprawa']);
    assert.deepEqual(created.json.steps[0], { id: created.json.steps[0].id, position: 0, name: 'Przyjęcie', description: '', role: 'front_desk', plannedMinutes: 0, deadlineOffsetHours: null });

    const inserted = await admin.request('POST', `${base}/${id}/steps`, { name: 'Diagnoza', role: 'technician', position: 1 });
    assert.equal(inserted.status, 201);
    assert.deepEqual(order(inserted.json), ['0:Przyjęcie', '1:Diagnoza', '2:Naprawa']);

    const naprawa = inserted.json.steps[2];
    const patched = await admin.request('PATCH', `${base}/${id}/steps/${naprawa.id}`, { plannedMinutes: 120 });
    assert.equal(patched.status, 200);
    assert.deepEqual([patched.json.steps[2].plannedMinutes, patched.json.steps[2].role, patched.json.steps[2].deadlineOffsetHours], [120, 'technician', 72]);

    const ids = patched.json.steps.map((s: any) => s.id);
    const reordered = await admin.request('PUT', `${base}/${id}/steps/order`, { stepIds: [ids[1], ids[0], ids[2]] });
    assert.equal(reordered.status, 200);
    assert.deepEqual(order(reordered.json), ['0:Diagnoza', '1:Przyjęcie', '2:Naprawa']);

    const deleted = await admin.request('DELETE', `${base}/${id}/steps/${ids[1]}`);
    assert.equal(deleted.status, 200);
    assert.deepEqual(order(deleted.json), ['0:Przyjęcie', '1:Naprawa']);

    const copy = await admin.request('POST', `${base}/${id}/copy`, {});
    assert.equal(copy.status, 201);
    assert.equal(copy.json.name, 'Naprawa drukarki (2)');
    assert.deepEqual(order(copy.json), ['0:Przyjęcie', '1:Naprawa']);

    const audit = await admin.request('GET', `/api/v1/audit?entity=service_paths&id=${id}&limit=100`);
    assert.deepEqual(audit.json.items.map((a: any) => [a.action, a.subLabel]).reverse(), [
      ['created', null],
      ['step_added', 'Diagnoza'],
      ['step_updated', 'Naprawa'],
      ['steps_reordered', null],
      ['step_removed', 'Diagnoza'],
    ]);
    assert.deepEqual(audit.json.items[1].changes, { order: { before: ['Przyjęcie', 'Diagnoza', 'Naprawa'], after: ['Diagnoza', 'Przyjęcie', 'Naprawa'] } });
  });

  test('an order that is not exactly the path\'s steps is a 422 at stepIds', async () => {
    const p = (await admin.request('POST', base, { name: 'Zła kolejność', steps: [{ name: 'A' }, { name: 'B' }] })).json;
    const res = await admin.request('PUT', `${base}/${p.id}/steps/order`, { stepIds: [p.steps[0].id] });
    assert.equal(res.status, 422);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.deepEqual(res.json.errors.map((e: any) => [e.path, e.code]), [['stepIds', 'service_paths.order_mismatch']]);
  });

  test('a step with an unknown role, negative minutes or a deadline over a year is a 400 naming each field', async () => {
    const p = (await admin.request('POST', base, { name: 'Walidacja' })).json;
    const res = await admin.request('POST', `${base}/${p.id}/steps`, { name: 'X', role: 'janitor', plannedMinutes: -5, deadlineOffsetHours: 8761 });
    assert.equal(res.status, 400);
    assert.deepEqual(res.json.errors.map((e: any) => e.path).sort(), ['deadlineOffsetHours', 'plannedMinutes', 'role']);
    assert.equal((await admin.request('GET', `${base}/${p.id}`)).json.steps.length, 0);
  });

  test('PATCH of a path changes only what is sent; unknown path and step are 404s', async () => {
    const p = (await admin.request('POST', base, { name: 'Opisana', description: 'Opis zostaje' })).json;
    const res = await admin.request('PATCH', `${base}/${p.id}`, { name: 'Przemianowana' });
    assert.deepEqual([res.json.name, res.json.description], ['Przemianowana', 'Opis zostaje']);
    const missing = '3f1c1a56-4a55-4b7b-9a3e-3d2c9d3f0a11';
    assert.equal((await admin.request('GET', `${base}/${missing}`)).json.code, 'service_paths.not_found');
    assert.equal((await admin.request('DELETE', `${base}/${p.id}/steps/${missing}`)).json.code, 'service_path_steps.not_found');
  });

  test('a technician reads paths but gets 403 on every write', async () => {
    const p = (await admin.request('POST', base, { name: 'Tylko do odczytu', steps: [{ name: 'A' }] })).json;
    assert.equal((await tech.request('GET', `${base}/${p.id}`)).status, 200);
    for (const [method, url, b] of [
      ['POST', base, { name: 'X' }],
      ['PATCH', `${base}/${p.id}`, { name: 'X' }],
      ['POST', `${base}/${p.id}/steps`, { name: 'X' }],
      ['PATCH', `${base}/${p.id}/steps/${p.steps[0].id}`, { name: 'X' }],
      ['DELETE', `${base}/${p.id}/steps/${p.steps[0].id}`, undefined],
      ['PUT', `${base}/${p.id}/steps/order`, { stepIds: [p.steps[0].id] }],
      ['POST', `${base}/${p.id}/copy`, {}],
      ['POST', `${base}/${p.id}/archive`, undefined],
    ] as const)
      assert.equal((await tech.request(method, url, b)).status, 403, `${method} ${url}`);
    assert.deepEqual(order((await admin.request('GET', `${base}/${p.id}`)).json), ['0:A']);
  });

  test('the list searches without Polish letters and archived paths are listed only when asked', async () => {
    const p = (await admin.request('POST', base, { name: 'Przegląd żurawia', steps: [{ name: 'A', plannedMinutes: 5 }] })).json;
    const found = await admin.request('GET', `${base}?q=zuraw`);
    assert.deepEqual(found.json.items.map((x: any) => [x.name, x.stepCount, x.plannedMinutes]), [['Przegląd żurawia', 1, 5]]);
    await admin.request('POST', `${base}/${p.id}/archive`);
    assert.equal((await admin.request('GET', `${base}?q=zuraw`)).json.items.length, 0);
    assert.equal((await admin.request('GET', `${base}?q=zuraw&status=archived`)).json.items.length, 1);
    assert.equal((await admin.request('POST', `${base}/${p.id}/restore`)).json.archived, false);
  });

  test('export lists each path with its activities in order', async () => {
    await admin.request('POST', base, { name: 'Eksport ścieżki', steps: [{ name: 'Pierwsza', plannedMinutes: 10 }, { name: 'Druga', plannedMinutes: 20 }] });
    const csv = await admin.request('GET', `${base}/export?q=eksport&format=csv&lang=pl`);
    assert.equal(csv.status, 200);
    assert.match(String(csv.headers['content-disposition']), /sciezki-serwisowe-2026-03-29\.csv/);
    const lines = csv.body.slice(1).trim().split('\n');
    assert.deepEqual(lines[1]!.split(';').slice(0, 5), ['Eksport ścieżki', '', '2', 'Pierwsza → Druga', '30']);
    const x = await app.inject({ url: `${base}/export?q=eksport&format=xlsx&lang=en`, headers: { cookie: admin.cookie } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    assert.equal(wb.getWorksheet('Service paths')!.getCell('D2').value, 'Pierwsza → Druga');
  });
});
