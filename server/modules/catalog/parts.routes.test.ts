import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { App } from '../../kernel/http/app-types.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import { ADMIN, buildTestApp, makeUser, setUpInstallation, signedInClient, USER_PASSWORD, type Client } from '../../test/fixtures.ts';

let deps: TestDeps;
let app: App;
let admin: Client;
let warehouse: string;

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  app = await buildTestApp(deps);
  admin = await signedInClient(app, ADMIN.email, ADMIN.password);
  warehouse = (await admin.request('GET', '/api/v1/stock/locations')).json.items[0].id;
});
after(async () => {
  await app.close();
  await deps.close();
});

const part = (over: Record<string, unknown> = {}) => ({
  code: 'FLT-001',
  name: 'Filtr powietrza Łódź',
  unit: 'pcs',
  manufacturerPartNumber: 'MANN C 25 114',
  ean: '5901234123457',
  purchasePriceMinor: 2500,
  salePriceMinor: 4999,
  vatRateCode: '23',
  minStock: '2',
  ...over,
});

describe('spare parts over HTTP', () => {
  test('create, then find by code, name without Polish letters, manufacturer number and EAN', async () => {
    const res = await admin.request('POST', '/api/v1/parts', part());
    assert.equal(res.status, 201);
    assert.equal(res.json.onHand, '0.000');
    assert.equal(res.json.minStock, '2.000');
    assert.equal(res.json.lowStock, true);
    for (const q of ['flt-001', 'filtr powietrza lodz', 'c 25 114', '5901234123457'])
      assert.deepEqual((await admin.request('GET', `/api/v1/parts?q=${encodeURIComponent(q)}`)).json.items.map((p: any) => p.code), ['FLT-001'], q);
  });

  test('a duplicate code (any case), a bad EAN and an unknown VAT rate are named at their fields', async () => {
    const res = await admin.request('POST', '/api/v1/parts', part({ code: 'flt-001', ean: '5901234123458', vatRateCode: '22' }));
    assert.equal(res.status, 422);
    assert.deepEqual(res.json.errors.map((e: any) => `${e.path}:${e.code}`).sort(), ['code:catalog.code_taken', 'ean:catalog.ean_invalid', 'vatRateCode:catalog.vat_rate_unknown']);
  });

  test('receiving stock updates on hand and clears the low-stock flag; the low-stock filter follows', async () => {
    const id = (await admin.request('GET', '/api/v1/parts?q=flt-001')).json.items[0].id;
    assert.deepEqual((await admin.request('GET', '/api/v1/parts?lowStock=true')).json.items.map((p: any) => p.code), ['FLT-001']);
    const mv = await admin.request('POST', '/api/v1/stock/movements', { partId: id, kind: 'receipt', quantity: '5', locationId: warehouse, unitCostMinor: 2400 });
    assert.equal(mv.status, 201);
    assert.deepEqual(mv.json.levels, [{ locationId: warehouse, locationName: 'Magazyn główny', onHand: '5.000' }]);
    const p = (await admin.request('GET', `/api/v1/parts/${id}`)).json;
    assert.equal(p.onHand, '5.000');
    assert.equal(p.lowStock, false);
    assert.deepEqual((await admin.request('GET', '/api/v1/parts?lowStock=true')).json.items, []);
    const audit = await admin.request('GET', `/api/v1/audit?entity=parts&id=${id}`);
    assert.deepEqual(audit.json.items.map((a: any) => a.action), ['stock_receipt', 'created']);
  });

  test('an issue beyond stock answers 409 with the quantity field and the available amount', async () => {
    const id = (await admin.request('GET', '/api/v1/parts?q=flt-001')).json.items[0].id;
    const res = await admin.request('POST', '/api/v1/stock/movements', { partId: id, kind: 'issue', quantity: '6', locationId: warehouse });
    assert.equal(res.status, 409);
    assert.equal(res.json.code, 'stock.insufficient');
    assert.equal(res.json.available, '5.000');
    assert.equal(res.json.errors[0].path, 'quantity');
  });

  test('an accountant may export but not change parts; a technician may issue stock', async () => {
    await makeUser(deps, 'accountant', 'acc@parts.pl');
    await makeUser(deps, 'technician', 'tech@parts.pl');
    const acc = await signedInClient(app, 'acc@parts.pl', USER_PASSWORD);
    const tech = await signedInClient(app, 'tech@parts.pl', USER_PASSWORD);
    assert.equal((await acc.request('POST', '/api/v1/parts', part({ code: 'X' }))).status, 403);
    assert.equal((await acc.request('GET', '/api/v1/parts/export?format=csv')).status, 200);
    const id = (await tech.request('GET', '/api/v1/parts?q=flt-001')).json.items[0].id;
    assert.equal((await tech.request('POST', '/api/v1/stock/movements', { partId: id, kind: 'issue', quantity: '1', locationId: warehouse })).status, 201);
  });

  test('keyset pages by code cover every part exactly once', async () => {
    for (let i = 0; i < 7; i++) await admin.request('POST', '/api/v1/parts', part({ code: `K-${i}`, name: `Kabel ${i}`, ean: null }));
    const seen: string[] = [];
    let cursor = '';
    do {
      const page = (await admin.request('GET', `/api/v1/parts?sort=code&limit=3${cursor ? `&cursor=${cursor}` : ''}`)).json;
      seen.push(...page.items.map((p: any) => p.code));
      cursor = page.nextCursor ?? '';
    } while (cursor);
    assert.deepEqual(seen, ['FLT-001', 'K-0', 'K-1', 'K-2', 'K-3', 'K-4', 'K-5', 'K-6']);
  });

  test('the XLSX export carries the import\'s column names and on-hand stock', async () => {
    const res = await app.inject({ url: '/api/v1/parts/export?format=xlsx&q=flt', headers: { cookie: admin.cookie } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Części')!;
    assert.deepEqual([1, 2, 10].map((c) => ws.getRow(1).getCell(c).value), ['Kod', 'Nazwa', 'Stan']);
    assert.deepEqual([1, 6, 7, 10].map((c) => ws.getRow(2).getCell(c).value), ['FLT-001', '25.00', '49.99', '4.000']);
  });
});
