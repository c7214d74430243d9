// The assets API over HTTP: field errors where the UI shows them, labels whose QR opens the asset's
// page, exports with the custom fields, tasks from the due check.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { App } from '../../kernel/http/app-types.ts';
import { decodeCodes, hasCommand, pdfInfo, pdfText } from '../../kernel/pdf/pdf-test-tools.ts';
import { ADMIN, buildTestApp, customerInput, setUpInstallation, signedInClient, type Client } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import { runDueCheck } from './due-check.job.ts';

let deps: TestDeps;
let app: App;
let admin: Client;
let customerId: string;
let typeId: string;
let assetId: string;

before(async () => {
  deps = await createTestDeps({ publicUrl: 'https://serwis.example.pl' });
  await setUpInstallation(deps);
  app = await buildTestApp(deps);
  admin = await signedInClient(app, ADMIN.email, ADMIN.password);
  customerId = (await admin.request('POST', '/api/v1/customers', customerInput({ name: 'Przychodnia Zdrowie Łódź' }))).json.customer.id;
  const type = await admin.request('POST', '/api/v1/asset-types', {
    name: 'Drukarka',
    meterUnit: 'stron',
    fields: [
      { label: 'Kolor', kind: 'boolean' },
      { label: 'Format', kind: 'choice', options: ['A4', 'A3'], required: true },
    ],
  });
  assert.equal(type.status, 201, type.body);
  typeId = type.json.id;
  const a = await admin.request('POST', '/api/v1/assets', { customerId, assetTypeId: typeId, name: 'Drukarka HP LaserJet M404 — rejestracja', serialNumber: 'PHB-8K1234', custom: { format: 'a4', kolor: false } });
  assert.equal(a.status, 201, a.body);
  assetId = a.json.id;
});
after(async () => {
  await app.close();
  await deps.close();
});

test('a bad custom value is a 422 problem naming the field custom.<key>', async () => {
  const r = await admin.request('POST', '/api/v1/assets', { customerId, assetTypeId: typeId, name: 'X', custom: { format: 'A5' } });
  assert.equal(r.status, 422);
  assert.match(String(r.headers['content-type']), /problem\+json/);
  assert.deepEqual(r.json.errors.map((e: { path: string; code: string }) => [e.path, e.code]), [['custom.format', 'assets.field_not_choice']]);
  assert.equal(r.json.errors[0].params.options, 'A4, A3');
});

test('a lower meter reading is refused at the value field with both numbers', async () => {
  assert.equal((await admin.request('POST', `/api/v1/assets/${assetId}/readings`, { readOn: '2026-03-01', value: '15000' })).status, 201);
  const r = await admin.request('POST', `/api/v1/assets/${assetId}/readings`, { readOn: '2026-03-20', value: '14000' });
  assert.equal(r.status, 422);
  assert.deepEqual(r.json.errors[0], { path: 'value', code: 'assets.reading_lower', message: r.json.errors[0].message, params: { value: '14000', previous: '15000' } });
});

test("the single label is a PDF whose QR opens the asset's page at PUBLIC_URL", async () => {
  const r = await app.inject({ method: 'GET', url: `/api/v1/assets/${assetId}/label?lang=pl`, headers: { cookie: admin.cookie } });
  assert.equal(r.statusCode, 200);
  assert.equal(r.headers['content-type'], 'application/pdf');
  const pdf = r.rawPayload;
  assert.match(pdfText(pdf).replace(/\s+/g, ' '), /Przychodnia Zdrowie Łódź/);
  if (hasCommand('zbarimg')) assert.deepEqual(decodeCodes(pdf, 1), [`https://serwis.example.pl/assets/${assetId}`]);
});

test('a label sheet for the filtered list has one label per asset', async () => {
  for (let i = 1; i <= 25; i++) await admin.request('POST', '/api/v1/assets', { customerId, assetTypeId: typeId, name: `Drukarka pokój ${i}`, serialNumber: `SER-${i}`, custom: { format: 'A3' } });
  const r = await app.inject({ method: 'GET', url: `/api/v1/assets/labels?assetTypeId=${typeId}&field=format&value=A3&lang=en`, headers: { cookie: admin.cookie } });
  assert.equal(r.statusCode, 200, r.body);
  assert.equal(pdfInfo(r.rawPayload).Pages, '2', '25 labels take two sheets of 24');
  const none = await admin.request('GET', `/api/v1/assets/labels?q=nic-takiego-nie-ma`);
  assert.equal(none.status, 422);
  assert.equal(none.json.errors[0].code, 'assets.labels_none');
});

test('the export filtered to one type carries its custom fields as columns', async () => {
  const r = await app.inject({ method: 'GET', url: `/api/v1/assets/export?format=csv&lang=pl&assetTypeId=${typeId}&q=HP`, headers: { cookie: admin.cookie } });
  assert.equal(r.statusCode, 200);
  const lines = r.body.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  assert.equal(lines.length, 2);
  const header = lines[0]!.split(';');
  const row = lines[1]!.split(';');
  assert.equal(row[header.indexOf('Format')], 'A4');
  assert.equal(row[header.indexOf('Kolor')], 'nie');
  assert.equal(row[header.indexOf('Numer seryjny')], 'PHB-8K1234');
});

test('the due check puts a task in the front desk list, and marking it done closes it', async () => {
  const kinds = (await admin.request('GET', '/api/v1/service-date-kinds')).json.items;
  const warranty = kinds.find((k: { code: string }) => k.code === 'warranty');
  const sd = await admin.request('POST', `/api/v1/assets/${assetId}/service-dates`, { kindId: warranty.id, dueOn: '2026-04-05', reminderDays: 14 });
  assert.equal(sd.status, 201, sd.body);
  await runDueCheck(deps);
  const all = await admin.request('GET', '/api/v1/tasks?scope=all');
  assert.equal(all.json.items.length, 1);
  assert.equal(all.json.items[0].assigneeRole, 'front_desk');
  const done = await admin.request('POST', `/api/v1/tasks/${all.json.items[0].id}/done`);
  assert.equal(done.status, 200);
  assert.equal((await admin.request('POST', `/api/v1/tasks/${all.json.items[0].id}/done`)).status, 409);
});

test('the history lists what happened to the asset, newest first', async () => {
  const r = await admin.request('GET', `/api/v1/assets/${assetId}/events?limit=50`);
  assert.deepEqual(r.json.items.map((e: { kind: string }) => e.kind), ['service_date_due', 'service_date_added', 'reading', 'created']);
});
