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

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  app = await buildTestApp(deps);
  admin = await signedInClient(app, ADMIN.email, ADMIN.password);
  await makeUser(deps, 'technician', 'tech@services.pl');
  tech = await signedInClient(app, 'tech@services.pl', USER_PASSWORD);
});
after(async () => {
  await app.close();
  await deps.close();
});

const body = (o: Record<string, unknown> = {}) => ({ code: 'RBH', name: 'Roboczogodzina', unit: 'hour', defaultPriceMinor: 12_345, vatRateCode: '23', ...o });

describe('services over HTTP', () => {
  test('create answers 201; the price goes in and comes out as integer grosze; the increment defaults to exact', async () => {
    const res = await admin.request('POST', '/api/v1/services', body({ code: 'S-1' }));
    assert.equal(res.status, 201);
    assert.deepEqual([res.json.defaultPriceMinor, res.json.billingIncrementMinutes, res.json.description], [12_345, null, '']);
    assert.deepEqual((await admin.request('GET', `/api/v1/services/${res.json.id}`)).json, res.json);
  });

  test('an unknown VAT rate is a 422 at vatRateCode; a duplicate code a 422 at code', async () => {
    const vat = await admin.request('POST', '/api/v1/services', body({ code: 'S-VAT', vatRateCode: '22' }));
    assert.equal(vat.status, 422);
    assert.equal(vat.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.deepEqual(vat.json.errors.map((e: any) => [e.path, e.code]), [['vatRateCode', 'catalog.vat_rate_unknown']]);
    const dup = await admin.request('POST', '/api/v1/services', body({ code: 's-1' }));
    assert.equal(dup.status, 422);
    assert.deepEqual(dup.json.errors.map((e: any) => [e.path, e.code]), [['code', 'catalog.code_taken']]);
  });

  test('a bad unit, a fractional or negative price and an increment over 240 are 400s naming each field', async () => {
    const res = await admin.request('POST', '/api/v1/services', body({ code: 'S-BAD', unit: 'day', defaultPriceMinor: 12.5, billingIncrementMinutes: 241 }));
    assert.equal(res.status, 400);
    assert.deepEqual(res.json.errors.map((e: any) => e.path).sort(), ['billingIncrementMinutes', 'defaultPriceMinor', 'unit']);
    const neg = await admin.request('POST', '/api/v1/services', body({ code: 'S-NEG', defaultPriceMinor: -1 }));
    assert.deepEqual([neg.status, neg.json.errors[0].path], [400, 'defaultPriceMinor']);
    assert.equal((await admin.request('GET', '/api/v1/services?q=s-bad')).json.items.length, 0);
  });

  test('PATCH changes only the fields sent', async () => {
    const s = (await admin.request('POST', '/api/v1/services', body({ code: 'S-P', billingIncrementMinutes: 30, description: 'Zostaje' }))).json;
    const res = await admin.request('PATCH', `/api/v1/services/${s.id}`, { defaultPriceMinor: 20_000 });
    assert.equal(res.status, 200);
    assert.deepEqual([res.json.defaultPriceMinor, res.json.billingIncrementMinutes, res.json.description, res.json.unit], [20_000, 30, 'Zostaje', 'hour']);
    const audit = await admin.request('GET', `/api/v1/audit?entity=services&id=${s.id}`);
    assert.deepEqual(audit.json.items[0].changes, { defaultPriceMinor: { before: 12_345, after: 20_000 } });
  });

  test('a technician reads services but gets 403 on writes and on export', async () => {
    const s = (await admin.request('POST', '/api/v1/services', body({ code: 'S-T' }))).json;
    assert.equal((await tech.request('GET', '/api/v1/services?q=s-t')).status, 200);
    assert.equal((await tech.request('POST', '/api/v1/services', body({ code: 'S-T2' }))).status, 403);
    assert.equal((await tech.request('PATCH', `/api/v1/services/${s.id}`, { name: 'x' })).status, 403);
    assert.equal((await tech.request('POST', `/api/v1/services/${s.id}/archive`)).status, 403);
    assert.equal((await tech.request('GET', '/api/v1/services/export')).status, 403);
  });

  test('archive hides a service from the active list and restore brings it back', async () => {
    const s = (await admin.request('POST', '/api/v1/services', body({ code: 'S-A', name: 'Przegląd Łódź' }))).json;
    await admin.request('POST', `/api/v1/services/${s.id}/archive`);
    assert.equal((await admin.request('GET', '/api/v1/services?q=przeglad%20lodz')).json.items.length, 0);
    assert.equal((await admin.request('GET', '/api/v1/services?q=przeglad%20lodz&status=all')).json.items.length, 1);
    assert.equal((await admin.request('POST', `/api/v1/services/${s.id}/restore`)).json.archived, false);
  });
});

describe('export of services', () => {
  before(async () => {
    await admin.request('POST', '/api/v1/services', body({ code: 'EXP-2', name: 'Eksport wizyta', unit: 'visit', defaultPriceMinor: 9_900, vatRateCode: '8' }));
    await admin.request('POST', '/api/v1/services', body({ code: 'EXP-1', name: 'Eksport godzina', defaultPriceMinor: 100_001, billingIncrementMinutes: 15 }));
  });

  test('CSV carries codes, exact prices and the increment, in code order', async () => {
    const res = await admin.request('GET', '/api/v1/services/export?q=eksport&sort=code&format=csv&lang=pl');
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-disposition']), /uslugi-2026-03-29\.csv/);
    const lines = res.body.slice(1).trim().split('\n');
    assert.match(lines[0]!, /^Kod;Nazwa;Jednostka;Cena netto;Stawka VAT;/);
    assert.deepEqual(lines.slice(1).map((l) => l.split(';').slice(0, 6)), [
      ['EXP-1', 'Eksport godzina', 'hour', '1000.01', '23', '15'],
      ['EXP-2', 'Eksport wizyta', 'visit', '99.00', '8', ''],
    ]);
  });

  test('XLSX in English', async () => {
    const res = await app.inject({ url: '/api/v1/services/export?q=eksport&sort=-code&format=xlsx&lang=en', headers: { cookie: admin.cookie } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Services')!;
    assert.deepEqual([ws.getCell('D1').value, ws.getCell('A2').value, ws.getCell('D2').value], ['Net price', 'EXP-2', '99.00']);
  });
});
