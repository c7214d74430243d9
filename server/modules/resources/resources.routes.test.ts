import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { App } from '../../kernel/http/app-types.ts';
import { ADMIN, buildTestApp, makeUser, setUpInstallation, signedInClient, USER_PASSWORD, type Client } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';

let deps: TestDeps;
let app: App;
let admin: Client;

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  app = await buildTestApp(deps);
  admin = await signedInClient(app, ADMIN.email, ADMIN.password);
});
after(async () => {
  await app.close();
  await deps.close();
});

test('create (201) → get → patch only what is sent → audit timeline', async () => {
  const created = await admin.request('POST', '/api/v1/resources', { name: 'Iveco Daily', kind: 'vehicle', identifier: 'EL 9X', notes: 'Hak' });
  assert.equal(created.status, 201);
  const id = created.json.id;
  const patched = await admin.request('PATCH', `/api/v1/resources/${id}`, { identifier: 'EL 10X' });
  assert.deepEqual([patched.json.name, patched.json.identifier, patched.json.notes, patched.json.active], ['Iveco Daily', 'EL 10X', 'Hak', true]);
  assert.deepEqual((await admin.request('GET', `/api/v1/resources/${id}`)).json, patched.json);
  const audit = await admin.request('GET', `/api/v1/audit?entity=resources&id=${id}`);
  assert.deepEqual(audit.json.items.map((a: any) => a.action), ['updated', 'created']);
  assert.deepEqual(audit.json.items[0].changes, { identifier: { before: 'EL 9X', after: 'EL 10X' } });
});

test('a bad kind is a 400 naming the field; an unknown resource a 404', async () => {
  const res = await admin.request('POST', '/api/v1/resources', { name: 'Rower', kind: 'bike' });
  assert.deepEqual([res.status, res.json.errors.map((e: any) => e.path)], [400, ['kind']]);
  const missing = await admin.request('PATCH', '/api/v1/resources/3f1c1a56-4a55-4b7b-9a3e-3d2c9d3f0a11', { active: false });
  assert.deepEqual([missing.status, missing.json.code], [404, 'resources.not_found']);
});

test('a technician reads resources but may not add or change them', async () => {
  await makeUser(deps, 'technician', 'tech@res.pl');
  const tech = await signedInClient(app, 'tech@res.pl', USER_PASSWORD);
  const r = (await admin.request('POST', '/api/v1/resources', { name: 'Agregat', kind: 'equipment' })).json;
  assert.equal((await tech.request('GET', '/api/v1/resources?q=agregat')).json.items[0].id, r.id);
  assert.equal((await tech.request('POST', '/api/v1/resources', { name: 'X', kind: 'vehicle' })).status, 403);
  assert.equal((await tech.request('PATCH', `/api/v1/resources/${r.id}`, { active: false })).status, 403);
});

test('export: CSV and XLSX of the filtered list, kinds in the export\'s language', async () => {
  await admin.request('POST', '/api/v1/resources', { name: 'Eksport Łódka', kind: 'equipment', identifier: 'SN-1' });
  await admin.request('POST', '/api/v1/resources', { name: 'Eksport Auto', kind: 'vehicle', identifier: 'EL 1' });
  await admin.request('POST', '/api/v1/resources', { name: 'Eksport Stary', kind: 'vehicle', active: false });
  const csv = await admin.request('GET', '/api/v1/resources/export?q=eksport&format=csv&lang=pl');
  assert.match(String(csv.headers['content-disposition']), /zasoby-2026-03-29\.csv/);
  const lines = csv.body.slice(1).trim().split('\n');
  assert.equal(lines[0], 'Nazwa;Rodzaj;Nr rejestracyjny / seryjny;Aktywny;Uwagi;ID');
  assert.deepEqual(lines.slice(1).map((l) => l.split(';').slice(0, 4).join('|')), ['Eksport Auto|pojazd|EL 1|tak', 'Eksport Łódka|wyposażenie|SN-1|tak']);

  const x = await app.inject({ url: '/api/v1/resources/export?q=eksport&status=all&format=xlsx&lang=en', headers: { cookie: admin.cookie } });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Resources')!;
  assert.deepEqual([2, 3, 4].map((r) => `${ws.getCell(`A${r}`).value}/${ws.getCell(`B${r}`).value}/${ws.getCell(`D${r}`).value ?? ''}`), [
    'Eksport Auto/vehicle/yes',
    'Eksport Łódka/equipment/yes',
    'Eksport Stary/vehicle/',
  ]);
});
