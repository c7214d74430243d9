import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { App } from '../../kernel/http/app-types.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import { ADMIN, buildTestApp, makeUser, setUpInstallation, signedInClient, USER_PASSWORD, type Client } from '../../test/fixtures.ts';

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

async function xlsx(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Arkusz1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

const HEADER = ['Kod', 'Nazwa', 'Jednostka', 'Cena zakupu netto', 'Cena sprzedaży netto', 'Stawka VAT', 'Stan minimalny', 'Kolor'];

describe('importing spare parts from XLSX', () => {
  let uploadId: string;
  let mapping: Record<string, string | null>;

  test('an upload answers the columns, a guessed mapping and a sample, and writes no parts', async () => {
    const content = await xlsx([HEADER, ['EKR-01', 'Ekran LCD 15,6"', 'szt.', 250.5, '399,99', '23%', 2, 'czarny'], ['BAT-02', 'Bateria Li-ion', 'szt', 120, 199, '22', '', ''], ['KAB-03', 'Kabel zasilający', 'm', '3,5', 9.9, 'zw', '10,5', '']]);
    const res = await admin.request('POST', '/api/v1/imports/parts/uploads', { fileName: 'czesci.xlsx', contentBase64: content });
    assert.equal(res.status, 201, res.body);
    assert.equal(res.json.totalRows, 3);
    assert.equal(res.json.mappingSource, 'guessed');
    assert.deepEqual(res.json.suggestedMapping, { Kod: 'code', Nazwa: 'name', Jednostka: 'unit', 'Cena zakupu netto': 'purchasePrice', 'Cena sprzedaży netto': 'salePrice', 'Stawka VAT': 'vatRate', 'Stan minimalny': 'minStock', Kolor: null });
    assert.deepEqual(res.json.sampleRows[0], ['EKR-01', 'Ekran LCD 15,6"', 'szt.', '250.5', '399,99', '23%', '2', 'czarny']);
    uploadId = res.json.uploadId;
    mapping = res.json.suggestedMapping;
    assert.deepEqual((await admin.request('GET', '/api/v1/parts')).json.items, []);
  });

  test('the preview names the bad row and field (unknown VAT rate 22%) and writes nothing', async () => {
    const res = await admin.request('POST', `/api/v1/imports/uploads/${uploadId}/preview`, { mapping });
    assert.equal(res.status, 200);
    assert.deepEqual([res.json.totalRows, res.json.validRows, res.json.invalidRows], [3, 2, 1]);
    assert.deepEqual(res.json.rows[0].row, 3);
    assert.deepEqual(res.json.rows[0].errors.map((e: any) => `${e.path}:${e.code}`), ['vatRate:catalog.vat_rate_unknown']);
    assert.deepEqual(res.json.rows[0].errors[0].params, { value: '22' }, 'the offending value travels with the code, for the translated message');
  });

  test('committing a file with an error imports nothing', async () => {
    const res = await admin.request('POST', `/api/v1/imports/uploads/${uploadId}/commit`, { mapping });
    assert.equal(res.status, 422);
    assert.equal(res.json.code, 'import.has_errors');
    assert.equal(res.json.errors[0].path, 'rows.3.vatRate');
    assert.deepEqual((await admin.request('GET', '/api/v1/parts')).json.items, []);
  });

  test('the fixed file imports every row with exact prices and quantities, and the mapping is remembered', async () => {
    const content = await xlsx([HEADER, ['EKR-01', 'Ekran LCD 15,6"', 'szt.', 250.5, '399,99', '23%', 2, 'czarny'], ['BAT-02', 'Bateria Li-ion', 'szt', 120, 199, '23', '', ''], ['KAB-03', 'Kabel zasilający', 'm', '3,5', 9.9, 'zw', '10,5', '']]);
    const up = await admin.request('POST', '/api/v1/imports/parts/uploads', { fileName: 'czesci-poprawione.xlsx', contentBase64: content });
    const res = await admin.request('POST', `/api/v1/imports/uploads/${up.json.uploadId}/commit`, { mapping: up.json.suggestedMapping });
    assert.equal(res.status, 201, res.body);
    assert.deepEqual(res.json, { created: 3 });
    const list = (await admin.request('GET', '/api/v1/parts?sort=code')).json.items;
    assert.deepEqual(
      list.map((p: any) => [p.code, p.unit, p.purchasePriceMinor, p.salePriceMinor, p.vatRateCode, p.minStock]),
      [
        ['BAT-02', 'pcs', 12000, 19900, '23', '0.000'],
        ['EKR-01', 'pcs', 25050, 39999, '23', '2.000'],
        ['KAB-03', 'm', 350, 990, 'zw', '10.500'],
      ],
    );
    const audit = await admin.request('GET', `/api/v1/audit?entity=parts&id=${list[0].id}`);
    assert.deepEqual(audit.json.items.map((a: any) => a.action), ['imported']);

    const again = await admin.request('POST', '/api/v1/imports/parts/uploads', { fileName: 'znowu.xlsx', contentBase64: content });
    assert.equal(again.json.mappingSource, 'saved');
    const preview = await admin.request('POST', `/api/v1/imports/uploads/${again.json.uploadId}/preview`, { mapping: again.json.suggestedMapping });
    assert.equal(preview.json.invalidRows, 3);
    assert.ok(preview.json.rows.every((r: any) => r.errors.some((e: any) => e.code === 'catalog.code_taken')));
  });

  test('a code repeated inside the file is an error on the later row', async () => {
    const content = Buffer.from('kod;nazwa\nX-1;Pierwsza\nx-1;Druga\n').toString('base64');
    const up = await admin.request('POST', '/api/v1/imports/parts/uploads', { fileName: 'dup.csv', contentBase64: content });
    const preview = await admin.request('POST', `/api/v1/imports/uploads/${up.json.uploadId}/preview`, { mapping: up.json.suggestedMapping });
    assert.deepEqual(preview.json.rows[0].errors.map((e: any) => [e.code, e.params]), [['import.duplicate_code_in_file', { row: 2 }]]);
    assert.equal(preview.json.rows[0].row, 3);
  });

  test('a mapping without the required name column is refused before any row is checked', async () => {
    const content = Buffer.from('kod;nazwa\nY-1;Y\n').toString('base64');
    const up = await admin.request('POST', '/api/v1/imports/parts/uploads', { fileName: 'y.csv', contentBase64: content });
    const res = await admin.request('POST', `/api/v1/imports/uploads/${up.json.uploadId}/preview`, { mapping: { kod: 'code', nazwa: null } });
    assert.equal(res.status, 422);
    assert.equal(res.json.errors[0].code, 'import.missing_required_column');
  });
});

describe('other import targets', () => {
  test('a Windows-1250 CSV of services keeps its Polish letters and units', async () => {
    const csv = 'Kod;Nazwa;Jednostka;Cena netto;Stawka VAT;Zaokrąglenie (min)\nRBH;Roboczogodzina serwisanta;godz.;150,00;23;15\nDOJ;Dojazd do klienta;km;2,50;23;\n';
    const bytes = new Uint8Array([...csv].map((ch) => ({ ą: 0xb9, ł: 0xb3, ż: 0xbf, ó: 0xf3, ś: 0x9c, ć: 0xe6, ę: 0xea, ń: 0xf1, ź: 0x9f } as Record<string, number>)[ch] ?? ch.charCodeAt(0)));
    const up = await admin.request('POST', '/api/v1/imports/services/uploads', { fileName: 'uslugi.csv', contentBase64: Buffer.from(bytes).toString('base64') });
    assert.equal(up.status, 201, up.body);
    assert.equal(up.json.headers[5], 'Zaokrąglenie (min)');
    assert.equal(up.json.suggestedMapping['Zaokrąglenie (min)'], 'billingIncrementMinutes');
    const res = await admin.request('POST', `/api/v1/imports/uploads/${up.json.uploadId}/commit`, { mapping: up.json.suggestedMapping });
    assert.equal(res.status, 201, res.body);
    const services = (await admin.request('GET', '/api/v1/services?sort=code')).json.items;
    assert.deepEqual(services.map((s: any) => [s.code, s.name, s.unit, s.defaultPriceMinor, s.billingIncrementMinutes]), [
      ['DOJ', 'Dojazd do klienta', 'km', 250, null],
      ['RBH', 'Roboczogodzina serwisanta', 'hour', 15000, 15],
    ]);
  });

  test('price-list items import by item code with a price or a percentage', async () => {
    const list = (await admin.request('POST', '/api/v1/price-lists', { name: 'Cennik 2026' })).json;
    const csv = 'Typ;Kod;Cena;Procent\nusługa;RBH;130,00;\nczęść;EKR-01;;-10\nczęść;NIE-MA;1;\n';
    const up = await admin.request('POST', '/api/v1/imports/price_list_items/uploads', { fileName: 'ceny.csv', contentBase64: Buffer.from(csv).toString('base64'), priceListId: list.id });
    const preview = await admin.request('POST', `/api/v1/imports/uploads/${up.json.uploadId}/preview`, { mapping: up.json.suggestedMapping });
    assert.deepEqual(preview.json.rows[0].errors.map((e: any) => e.code), ['import.unknown_item']);
    const fixed = Buffer.from(csv.split('\n').slice(0, 3).join('\n')).toString('base64');
    const up2 = await admin.request('POST', '/api/v1/imports/price_list_items/uploads', { fileName: 'ceny.csv', contentBase64: fixed, priceListId: list.id });
    assert.equal((await admin.request('POST', `/api/v1/imports/uploads/${up2.json.uploadId}/commit`, { mapping: up2.json.suggestedMapping })).status, 201);
    const items = (await admin.request('GET', `/api/v1/price-lists/${list.id}/items`)).json.items;
    assert.deepEqual(items.map((i: any) => [i.itemCode, i.priceMinor, i.percentBp]).sort(), [['EKR-01', null, -1000], ['RBH', 13000, null]]);
  });

  test('products import; a non-numeric warranty is named at its field', async () => {
    const csv = 'Kod;Nazwa;Producent;Gwarancja\nPRD-1;Kocioł gazowy;Vaillant;24\nPRD-2;Pompa;Grundfos;dwa lata\n';
    const up = await admin.request('POST', '/api/v1/imports/products/uploads', { fileName: 'produkty.csv', contentBase64: Buffer.from(csv).toString('base64') });
    const preview = await admin.request('POST', `/api/v1/imports/uploads/${up.json.uploadId}/preview`, { mapping: up.json.suggestedMapping });
    assert.deepEqual(preview.json.rows[0].errors.map((e: any) => `${e.path}:${e.code}`), ['warrantyMonths:import.bad_number']);
  });

  test('a broken file and an empty file are refused with clear codes', async () => {
    const broken = await admin.request('POST', '/api/v1/imports/parts/uploads', { fileName: 'x.xlsx', contentBase64: Buffer.from('PKnot a zip').toString('base64') });
    assert.equal(broken.json.code, 'import.unreadable');
    const empty = await admin.request('POST', '/api/v1/imports/parts/uploads', { fileName: 'x.csv', contentBase64: Buffer.from('kod;nazwa\n').toString('base64') });
    assert.equal(empty.json.code, 'import.empty');
  });

  test('another user cannot use someone else\'s upload; a front-desk user cannot import', async () => {
    await makeUser(deps, 'manager', 'mgr@imp.pl');
    await makeUser(deps, 'front_desk', 'fd@imp.pl');
    const up = await admin.request('POST', '/api/v1/imports/parts/uploads', { fileName: 'a.csv', contentBase64: Buffer.from('kod;nazwa\nZ-9;Z\n').toString('base64') });
    const mgr = await signedInClient(app, 'mgr@imp.pl', USER_PASSWORD);
    const res = await mgr.request('POST', `/api/v1/imports/uploads/${up.json.uploadId}/commit`, { mapping: up.json.suggestedMapping });
    assert.equal(res.status, 404);
    assert.equal(res.json.code, 'import.upload_expired');
    const fd = await signedInClient(app, 'fd@imp.pl', USER_PASSWORD);
    assert.equal((await fd.request('POST', '/api/v1/imports/parts/uploads', { fileName: 'a.csv', contentBase64: 'YQ==' })).status, 403);
  });
});
