import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { App } from '../../kernel/http/app-types.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import { ADMIN, buildTestApp, setUpInstallation, signedInClient, type Client } from '../../test/fixtures.ts';

let deps: TestDeps;
let app: App;
let admin: Client;
let partId: string;

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  app = await buildTestApp(deps);
  admin = await signedInClient(app, ADMIN.email, ADMIN.password);
  partId = (await admin.request('POST', '/api/v1/parts', { code: 'BAT-1', name: 'Bateria', salePriceMinor: 10000, vatRateCode: '23' })).json.id;
});
after(async () => {
  await app.close();
  await deps.close();
});

const price = async (listId: string, date?: string) =>
  (await admin.request('GET', `/api/v1/price-lists/${listId}/price?itemType=part&itemId=${partId}${date ? `&date=${date}` : ''}`)).json;

describe('price lists', () => {
  let standard: string;
  let vip: string;

  test('the first list becomes the default; a second does not', async () => {
    const a = await admin.request('POST', '/api/v1/price-lists', { name: 'Cennik standardowy' });
    const b = await admin.request('POST', '/api/v1/price-lists', { name: 'Klienci VIP', defaultPercentBp: -1000, validFrom: '2026-01-01', validTo: '2026-12-31' });
    assert.equal(a.json.isDefault, true);
    assert.equal(b.json.isDefault, false);
    standard = a.json.id;
    vip = b.json.id;
  });

  test('a list percentage discounts the item\'s default price within the list\'s dates', async () => {
    assert.deepEqual(await price(vip, '2026-06-01'), { netMinor: 9000, grossMinor: 11070, vatRateCode: '23', source: 'list_percent', priceListId: vip });
  });

  test('outside its dates the list gives way to the default list, then the item\'s price', async () => {
    assert.deepEqual(await price(vip, '2027-01-01'), { netMinor: 10000, grossMinor: 12300, vatRateCode: '23', source: 'item_default', priceListId: null });
    await admin.request('PUT', `/api/v1/price-lists/${standard}/items`, { itemType: 'part', itemId: partId, priceMinor: 9500 });
    assert.equal((await price(vip, '2027-01-01')).source, 'list_price');
    assert.equal((await price(vip, '2027-01-01')).priceListId, standard);
  });

  test('an item\'s own price on the list beats the list percentage and is listed with the item', async () => {
    const set = await admin.request('PUT', `/api/v1/price-lists/${vip}/items`, { itemType: 'part', itemId: partId, priceMinor: 8000 });
    assert.equal(set.status, 200);
    assert.equal(set.json.itemCode, 'BAT-1');
    assert.equal((await price(vip, '2026-06-01')).netMinor, 8000);
    const items = await admin.request('GET', `/api/v1/price-lists/${vip}/items`);
    assert.deepEqual(items.json.items.map((i: any) => [i.itemCode, i.priceMinor, i.defaultNetMinor]), [['BAT-1', 8000, 10000]]);
  });

  test('a price and a percentage together are refused at the price field', async () => {
    const res = await admin.request('PUT', `/api/v1/price-lists/${vip}/items`, { itemType: 'part', itemId: partId, priceMinor: 1, percentBp: -10 });
    assert.equal(res.status, 400);
    assert.equal(res.json.errors[0].path, 'priceMinor');
  });

  test('an end date before the start date is refused at validTo', async () => {
    const res = await admin.request('POST', '/api/v1/price-lists', { name: 'Zły', validFrom: '2026-05-01', validTo: '2026-04-01' });
    assert.equal(res.status, 422);
    assert.equal(res.json.errors[0].path, 'validTo');
  });

  test('making another list the default moves the flag; the default cannot be archived', async () => {
    assert.equal((await admin.request('POST', `/api/v1/price-lists/${vip}/make-default`)).json.isDefault, true);
    assert.equal((await admin.request('GET', `/api/v1/price-lists/${standard}`)).json.isDefault, false);
    const res = await admin.request('POST', `/api/v1/price-lists/${vip}/archive`);
    assert.equal(res.status, 409);
    assert.equal(res.json.code, 'pricing.default_cannot_be_archived');
    const audit = await admin.request('GET', `/api/v1/audit?entity=price_lists&id=${vip}`);
    assert.deepEqual(audit.json.items.map((a: any) => a.action), ['made_default', 'item_added', 'created']);
  });
});

describe('price list export', () => {
  test('item prices export with the columns the import reads, and import back unchanged', async () => {
    const list = (await admin.request('GET', '/api/v1/price-lists?status=all')).json.items.find((l: any) => l.name === 'Klienci VIP');
    const res = await admin.request('GET', `/api/v1/price-lists/${list.id}/items/export?format=csv&lang=pl`);
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-disposition']), /klienci-vip-2026-03-29\.csv/);
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\n');
    assert.equal(lines[0], 'Typ;Kod;Nazwa;Cena;Procent;Cena domyślna netto');
    assert.equal(lines[1], 'część;BAT-1;Bateria;80.00;;100.00');
    const copy = (await admin.request('POST', '/api/v1/price-lists', { name: 'Kopia VIP' })).json;
    const up = await admin.request('POST', '/api/v1/imports/price_list_items/uploads', { fileName: 'vip.csv', contentBase64: Buffer.from(res.body).toString('base64'), priceListId: copy.id });
    assert.equal((await admin.request('POST', `/api/v1/imports/uploads/${up.json.uploadId}/commit`, { mapping: up.json.suggestedMapping })).status, 201);
    const items = (await admin.request('GET', `/api/v1/price-lists/${copy.id}/items`)).json.items;
    assert.deepEqual(items.map((i: any) => [i.itemCode, i.priceMinor, i.percentBp]), [['BAT-1', 8000, null]]);
  });
});
