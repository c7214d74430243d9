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
  await makeUser(deps, 'technician', 'tech@products.pl');
  tech = await signedInClient(app, 'tech@products.pl', USER_PASSWORD);
});
after(async () => {
  await app.close();
  await deps.close();
});

const body = (o: Record<string, unknown> = {}) => ({ code: 'LAP-1', name: 'Laptop', manufacturer: 'Dell', model: 'Latitude 5440', category: 'Komputery', warrantyMonths: 36, ...o });

describe('products over HTTP', () => {
  test('create answers 201 with the product; a second product with the same code (other case) is a 422 at code', async () => {
    const created = await admin.request('POST', '/api/v1/products', body({ code: 'DUP-1' }));
    assert.equal(created.status, 201);
    assert.equal(created.json.code, 'DUP-1');
    assert.equal(created.json.description, '');
    const dup = await admin.request('POST', '/api/v1/products', body({ code: 'dup-1', name: 'Inny' }));
    assert.equal(dup.status, 422);
    assert.equal(dup.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(dup.json.code, 'validation.failed');
    assert.deepEqual(dup.json.errors.map((e: any) => [e.path, e.code]), [['code', 'catalog.code_taken']]);
  });

  test('a warranty over 600 months and a missing name are both named in a 400 answer', async () => {
    const res = await admin.request('POST', '/api/v1/products', { code: 'W-1', warrantyMonths: 601 });
    assert.equal(res.status, 400);
    assert.deepEqual(res.json.errors.map((e: any) => e.path).sort(), ['name', 'warrantyMonths']);
  });

  test('PATCH changes only the fields sent; omitted fields keep their values', async () => {
    const p = (await admin.request('POST', '/api/v1/products', body({ code: 'PATCH-1', description: 'Opis zostaje' }))).json;
    const res = await admin.request('PATCH', `/api/v1/products/${p.id}`, { name: 'Laptop 14"' });
    assert.equal(res.status, 200);
    assert.equal(res.json.name, 'Laptop 14"');
    assert.equal(res.json.description, 'Opis zostaje');
    assert.equal(res.json.warrantyMonths, 36);
    assert.equal(res.json.category, 'Komputery');
  });

  test('a technician reads products but gets 403 on every write', async () => {
    const p = (await admin.request('POST', '/api/v1/products', body({ code: 'TECH-R' }))).json;
    assert.equal((await tech.request('GET', `/api/v1/products/${p.id}`)).status, 200);
    assert.equal((await tech.request('GET', '/api/v1/products/categories')).status, 200);
    for (const [method, url, b] of [
      ['POST', '/api/v1/products', body({ code: 'TECH-W' })],
      ['PATCH', `/api/v1/products/${p.id}`, { name: 'x' }],
      ['POST', `/api/v1/products/${p.id}/archive`, undefined],
    ] as const) {
      const res = await tech.request(method, url, b);
      assert.equal(res.status, 403, `${method} ${url}`);
      assert.equal(res.json.code, 'auth.forbidden');
    }
    assert.equal((await tech.request('GET', '/api/v1/products/export')).status, 403);
  });

  test('an unknown product is a 404 products.not_found; a malformed id is a 400', async () => {
    const res = await admin.request('GET', '/api/v1/products/3f1c1a56-4a55-4b7b-9a3e-3d2c9d3f0a11');
    assert.equal(res.status, 404);
    assert.equal(res.json.code, 'products.not_found');
    assert.equal((await admin.request('GET', '/api/v1/products/abc')).status, 400);
  });

  test('"lodz" finds "Łódź", keyset pages cover every match once, archive hides and restore brings back', async () => {
    for (const i of [1, 2, 3, 4, 5]) await admin.request('POST', '/api/v1/products', body({ code: `PIEC-${i}`, name: `Piec Łódź ${i}`, category: 'Piece' }));
    const seen: string[] = [];
    let url = '/api/v1/products?q=lodz&limit=2';
    for (;;) {
      const page = await admin.request('GET', url);
      assert.equal(page.status, 200);
      seen.push(...page.json.items.map((p: any) => p.name));
      if (!page.json.nextCursor) break;
      url = `/api/v1/products?q=lodz&limit=2&cursor=${page.json.nextCursor}`;
    }
    assert.deepEqual(seen, ['Piec Łódź 1', 'Piec Łódź 2', 'Piec Łódź 3', 'Piec Łódź 4', 'Piec Łódź 5']);

    const first = (await admin.request('GET', '/api/v1/products?q=piec%20lodz%201')).json.items[0];
    assert.equal((await admin.request('POST', `/api/v1/products/${first.id}/archive`)).json.archived, true);
    assert.equal((await admin.request('GET', '/api/v1/products?q=lodz')).json.items.length, 4);
    assert.equal((await admin.request('GET', '/api/v1/products?q=lodz&status=archived')).json.items[0].id, first.id);
    assert.equal((await admin.request('POST', `/api/v1/products/${first.id}/restore`)).json.archived, false);

    const audit = await admin.request('GET', `/api/v1/audit?entity=products&id=${first.id}`);
    assert.deepEqual(audit.json.items.map((a: any) => a.action), ['restored', 'archived', 'created']);
    assert.equal(audit.json.items[2].actorLabel, `${ADMIN.name} <${ADMIN.email}>`);
  });

  test('the category filter and the categories list', async () => {
    const cats = await admin.request('GET', '/api/v1/products/categories');
    assert.ok(cats.json.items.includes('Piece') && cats.json.items.includes('Komputery'));
    const res = await admin.request('GET', '/api/v1/products?category=Piece&limit=100');
    assert.ok(res.json.items.length === 5 && res.json.items.every((p: any) => p.category === 'Piece'));
  });

  test('there is no DELETE: products are archived, never deleted', async () => {
    const p = (await admin.request('POST', '/api/v1/products', body({ code: 'NODEL' }))).json;
    assert.equal((await admin.request('DELETE', `/api/v1/products/${p.id}`)).status, 404);
    assert.equal((await admin.request('GET', `/api/v1/products/${p.id}`)).status, 200);
  });
});

describe('export of the current product list', () => {
  before(async () => {
    for (const [code, name] of [['EX-3', 'Eksport Żuraw'], ['EX-1', 'Eksport Ądrzej'], ['EX-2', 'Eksport Bęben']])
      await admin.request('POST', '/api/v1/products', body({ code, name, category: 'Eksportowe' }));
  });

  test('CSV follows the filter and sort, with a BOM, semicolons and Polish headers', async () => {
    const res = await admin.request('GET', '/api/v1/products/export?format=csv&q=eksport&sort=code&lang=pl');
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="produkty-2026-03-29\.csv"/);
    assert.ok(res.body.startsWith('\uFEFF'));
    const lines = res.body.slice(1).trim().split('\n');
    assert.match(lines[0]!, /^Kod;Nazwa;Producent;Model;Kategoria;Gwarancja \(mies\.\);/);
    assert.deepEqual(lines.slice(1).map((l) => l.split(';').slice(0, 2).join(' ')), ['EX-1 Eksport Ądrzej', 'EX-2 Eksport Bęben', 'EX-3 Eksport Żuraw']);
  });

  test('XLSX holds the same rows, in English when asked, for an accountant too', async () => {
    await makeUser(deps, 'accountant', 'acc@products.pl');
    const acc = await signedInClient(app, 'acc@products.pl', USER_PASSWORD);
    const res = await app.inject({ url: '/api/v1/products/export?format=xlsx&category=Eksportowe&sort=-name&lang=en', headers: { cookie: acc.cookie } });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-disposition']), /products-2026-03-29\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Products')!;
    assert.equal(ws.getCell('B1').value, 'Name');
    assert.deepEqual([2, 3, 4].map((r) => ws.getCell(`B${r}`).value), ['Eksport Żuraw', 'Eksport Bęben', 'Eksport Ądrzej']);
    assert.equal(ws.getCell('F2').value, 36);
    assert.equal(ws.rowCount, 4);
  });
});
