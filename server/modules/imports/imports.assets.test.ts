// Importing customer assets: the asset type is chosen at upload and its custom fields are columns.
// Same flow as the catalogue: upload → preview with per-row errors → all-or-nothing commit.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { App } from '../../kernel/http/app-types.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import { ADMIN, buildTestApp, customerInput, makeUser, setUpInstallation, signedInClient, USER_PASSWORD, type Client } from '../../test/fixtures.ts';
import type { AppError } from '../../kernel/errors/app-error.ts';
import { importDate, nipOf } from './imports.assets-target.ts';
import { uploadImport } from './imports.usecases.ts';

type Installation = { deps: TestDeps; app: App; admin: Client; typeId: string; keys: Record<string, string> };

const TYPE = {
  name: 'Kocioł gazowy',
  meterUnit: null,
  fields: [
    { label: 'Moc (kW)', kind: 'number', unit: 'kW', required: true },
    { label: 'Rodzaj paliwa', kind: 'choice', options: ['Gaz ziemny', 'Propan'], required: true },
    { label: 'Data przeglądu', kind: 'date' },
    { label: 'Kondensacyjny', kind: 'boolean' },
    { label: 'Uwagi serwisowe', kind: 'text' },
  ],
};

/** A set-up installation with the customers, site, product and asset type the files name. */
async function installation(): Promise<Installation> {
  const deps = await createTestDeps();
  await setUpInstallation(deps);
  const app = await buildTestApp(deps);
  const admin = await signedInClient(app, ADMIN.email, ADMIN.password);
  const clinic = await admin.request('POST', '/api/v1/customers', customerInput({ name: 'Przychodnia Zdrowie Łódź', nip: '7740001454' }));
  assert.equal(clinic.status, 201, clinic.body);
  assert.equal((await admin.request('POST', `/api/v1/customers/${clinic.json.customer.id}/sites`, { name: 'Budynek główny' })).status, 201);
  assert.equal((await admin.request('POST', '/api/v1/customers', customerInput({ name: 'Żabka Polska sp. z o.o.', nip: '5261040828' }))).status, 201);
  assert.equal((await admin.request('POST', '/api/v1/products', { code: 'KOC-1', name: 'Kocioł kondensacyjny 24 kW' })).status, 201);
  const type = await admin.request('POST', '/api/v1/asset-types', TYPE);
  assert.equal(type.status, 201, type.body);
  const keys = Object.fromEntries(type.json.fields.map((f: { label: string; key: string }) => [f.label, f.key]));
  return { deps, app, admin, typeId: type.json.id, keys };
}

const close = async (i: Installation) => {
  await i.app.close();
  await i.deps.close();
};

const csv = (lines: string[]) => Buffer.from(lines.join('\r\n') + '\r\n', 'utf8').toString('base64');

const HEADER = 'Klient;Nazwa;Numer seryjny;Producent;Model;Kod produktu;Data zakupu;Data instalacji;Lokalizacja;Miejsce;Moc (kW);Rodzaj paliwa;Data przeglądu;Kondensacyjny;Uwagi serwisowe';
const GOOD = [
  '7740001454;Kocioł w kotłowni;SN-001;Vaillant;ecoTEC plus;koc-1;2024-05-01;15.05.2024;budynek GŁÓWNY;Piwnica, pom. 3;24;gaz ziemny;01.03.2026;tak;Wymieniono uszczelkę',
  'ZABKA POLSKA SP. Z O.O.;Kocioł zapasowy;SN-002;Viessmann;Vitodens 100;;;;;;18,5;PROPAN;;nie;',
];
const BAD = [
  'Nieznana Firma;Kocioł nieznany;SN-003;;;;;;;;24;Gaz ziemny;;;',
  '526-104-08-28;Kocioł na węgiel;SN-004;;;;;;;;24;Węgiel;;;',
  '7740001454;Kocioł bez mocy;SN-005;;;;;;;;;Gaz ziemny;;;',
  '7740001454;Kocioł z datą;SN-006;;;;31.02.2024;;;;24;Gaz ziemny;;;',
  '7740001454;Kocioł zdublowany;sn 001;;;;;;;;24;Gaz ziemny;;;',
];

const count = async (i: Installation, from: string) => Number((await i.deps.database.query<{ n: string }>(`select count(*)::text as n from ${from}`))[0]!.n);

describe('importing assets from a semicolon CSV (UTF-8, Polish letters)', () => {
  let inst: Installation;
  before(async () => {
    inst = await installation();
  });
  after(() => close(inst));

  test('the asset type is required at upload, must exist and be active (422 at assetTypeId)', async () => {
    const content = csv([HEADER, GOOD[0]!]);
    const none = await inst.admin.request('POST', '/api/v1/imports/assets/uploads', { fileName: 'a.csv', contentBase64: content });
    assert.equal(none.status, 422);
    assert.deepEqual(none.json.errors.map((e: any) => `${e.path}:${e.code}`), ['assetTypeId:import.asset_type_required']);
    const unknown = await inst.admin.request('POST', '/api/v1/imports/assets/uploads', { fileName: 'a.csv', contentBase64: content, assetTypeId: '00000000-0000-4000-8000-000000000000' });
    assert.deepEqual(unknown.json.errors.map((e: any) => `${e.path}:${e.code}`), ['assetTypeId:assets.type_unknown']);
    const old = await inst.admin.request('POST', '/api/v1/asset-types', { name: 'Stary typ', fields: [] });
    await inst.admin.request('POST', `/api/v1/asset-types/${old.json.id}/archive`);
    const archived = await inst.admin.request('POST', '/api/v1/imports/assets/uploads', { fileName: 'a.csv', contentBase64: content, assetTypeId: old.json.id });
    assert.equal(archived.status, 422);
    assert.deepEqual(archived.json.errors.map((e: any) => [e.path, e.code, e.params]), [['assetTypeId', 'assets.type_archived', { value: 'Stary typ' }]]);
  });

  test('the upload offers the custom fields by their labels and guesses every column; required custom fields are required', async () => {
    const up = await inst.admin.request('POST', '/api/v1/imports/assets/uploads', { fileName: 'kotly.csv', contentBase64: csv([HEADER, ...GOOD]), assetTypeId: inst.typeId });
    assert.equal(up.status, 201, up.body);
    const k = inst.keys;
    assert.deepEqual(
      up.json.fields.filter((f: any) => f.key.startsWith('custom.')),
      [
        { key: `custom.${k['Moc (kW)']}`, required: true, label: 'Moc (kW)' },
        { key: `custom.${k['Rodzaj paliwa']}`, required: true, label: 'Rodzaj paliwa' },
        { key: `custom.${k['Data przeglądu']}`, required: false, label: 'Data przeglądu' },
        { key: `custom.${k['Kondensacyjny']}`, required: false, label: 'Kondensacyjny' },
        { key: `custom.${k['Uwagi serwisowe']}`, required: false, label: 'Uwagi serwisowe' },
      ],
    );
    assert.deepEqual(up.json.suggestedMapping, {
      Klient: 'customer',
      Nazwa: 'name',
      'Numer seryjny': 'serialNumber',
      Producent: 'manufacturer',
      Model: 'model',
      'Kod produktu': 'productCode',
      'Data zakupu': 'purchaseDate',
      'Data instalacji': 'installationDate',
      Lokalizacja: 'site',
      Miejsce: 'position',
      'Moc (kW)': `custom.${k['Moc (kW)']}`,
      'Rodzaj paliwa': `custom.${k['Rodzaj paliwa']}`,
      'Data przeglądu': `custom.${k['Data przeglądu']}`,
      Kondensacyjny: `custom.${k['Kondensacyjny']}`,
      'Uwagi serwisowe': `custom.${k['Uwagi serwisowe']}`,
    });
    const withoutPower = { ...up.json.suggestedMapping, 'Moc (kW)': null };
    const refused = await inst.admin.request('POST', `/api/v1/imports/uploads/${up.json.uploadId}/preview`, { mapping: withoutPower });
    assert.equal(refused.status, 422);
    assert.deepEqual(refused.json.errors.map((e: any) => e.code), ['import.missing_required_column']);
  });

  test('the preview names each bad row and column with the value; committing is refused and writes nothing', async () => {
    const up = await inst.admin.request('POST', '/api/v1/imports/assets/uploads', { fileName: 'kotly.csv', contentBase64: csv([HEADER, ...GOOD, ...BAD]), assetTypeId: inst.typeId });
    const mapping = up.json.suggestedMapping;
    const preview = await inst.admin.request('POST', `/api/v1/imports/uploads/${up.json.uploadId}/preview`, { mapping });
    assert.equal(preview.status, 200, preview.body);
    assert.deepEqual([preview.json.totalRows, preview.json.validRows, preview.json.invalidRows], [7, 2, 5]);
    const k = inst.keys;
    const byRow = Object.fromEntries(preview.json.rows.filter((r: any) => r.errors.length).map((r: any) => [r.row, r.errors.map((e: any) => [e.path, e.code, e.params])]));
    assert.deepEqual(byRow, {
      4: [['customer', 'import.customer_unknown', { value: 'Nieznana Firma' }]],
      5: [[`custom.${k['Rodzaj paliwa']}`, 'assets.field_not_choice', { value: 'Węgiel', options: 'Gaz ziemny, Propan' }]],
      6: [[`custom.${k['Moc (kW)']}`, 'assets.field_required', undefined]],
      7: [['purchaseDate', 'import.bad_date', { value: '31.02.2024' }]],
      8: [['serialNumber', 'import.duplicate_serial_in_file', { row: 2, value: 'sn 001' }]],
    });
    assert.deepEqual(preview.json.rows.slice(0, 5).map((r: any) => r.row), [4, 5, 6, 7, 8], 'rows with errors come first');

    const commit = await inst.admin.request('POST', `/api/v1/imports/uploads/${up.json.uploadId}/commit`, { mapping });
    assert.equal(commit.status, 422);
    assert.equal(commit.json.code, 'import.has_errors');
    assert.equal(commit.json.invalidRows, 5);
    assert.ok(commit.json.errors.some((e: any) => e.path === 'rows.4.customer'));
    assert.equal(await count(inst, 'assets'), 0);
    assert.equal(await count(inst, 'asset_events'), 0);
    assert.equal(await count(inst, `audit_log where entity = 'assets'`), 0);
  });

  test('the fixed file imports every row with normalized values, a "created" history entry and an audit row each', async () => {
    const up = await inst.admin.request('POST', '/api/v1/imports/assets/uploads', { fileName: 'kotly-poprawione.csv', contentBase64: csv([HEADER, ...GOOD]), assetTypeId: inst.typeId });
    assert.equal(up.json.mappingSource, 'guessed', 'nothing was imported yet, so no mapping was remembered');
    const commit = await inst.admin.request('POST', `/api/v1/imports/uploads/${up.json.uploadId}/commit`, { mapping: up.json.suggestedMapping });
    assert.equal(commit.status, 201, commit.body);
    assert.deepEqual(commit.json, { created: 2 });

    const list = (await inst.admin.request('GET', `/api/v1/assets?assetTypeId=${inst.typeId}&sort=serial`)).json.items;
    const k = inst.keys;
    assert.deepEqual(
      list.map((a: any) => [a.name, a.customerName, a.serialNumber, a.manufacturer, a.model, a.productName, a.purchaseDate, a.installationDate, a.siteName, a.position, a.custody]),
      [
        ['Kocioł w kotłowni', 'Przychodnia Zdrowie Łódź', 'SN-001', 'Vaillant', 'ecoTEC plus', 'Kocioł kondensacyjny 24 kW', '2024-05-01', '2024-05-15', 'Budynek główny', 'Piwnica, pom. 3', 'with_customer'],
        ['Kocioł zapasowy', 'Żabka Polska sp. z o.o.', 'SN-002', 'Viessmann', 'Vitodens 100', null, null, null, null, '', 'with_customer'],
      ],
    );
    assert.deepEqual(list[0].custom, { [k['Moc (kW)']!]: 24, [k['Rodzaj paliwa']!]: 'Gaz ziemny', [k['Data przeglądu']!]: '2026-03-01', [k['Kondensacyjny']!]: true, [k['Uwagi serwisowe']!]: 'Wymieniono uszczelkę' });
    assert.deepEqual(list[1].custom, { [k['Moc (kW)']!]: 18.5, [k['Rodzaj paliwa']!]: 'Propan', [k['Kondensacyjny']!]: false });

    const found = (await inst.admin.request('GET', '/api/v1/assets?q=uszczelke')).json.items;
    assert.deepEqual(found.map((a: any) => a.serialNumber), ['SN-001'], 'search text is derived as for a hand-made asset');

    const events = (await inst.admin.request('GET', `/api/v1/assets/${list[0].id}/events`)).json.items;
    assert.deepEqual(events.map((e: any) => [e.kind, e.data, e.actorName]), [['created', { custody: 'with_customer', source: 'import', file: 'kotly-poprawione.csv' }, ADMIN.name]]);
    const audit = (await inst.admin.request('GET', `/api/v1/audit?entity=assets&id=${list[1].id}`)).json.items;
    assert.deepEqual(audit.map((a: any) => a.action), ['imported']);
    assert.equal(await count(inst, 'asset_events'), 2);

    const again = await inst.admin.request('POST', '/api/v1/imports/assets/uploads', { fileName: 'znowu.csv', contentBase64: csv([HEADER, ...GOOD]), assetTypeId: inst.typeId });
    assert.equal(again.json.mappingSource, 'saved', 'the mapping is remembered for this asset type');
  });

  test('a customer name shared by two customers is ambiguous; the NIP tells them apart', async () => {
    await inst.admin.request('POST', '/api/v1/customers', customerInput({ name: 'Żabka Polska Sp. z o.o.', nip: '1132853869' }));
    const up = await inst.admin.request('POST', '/api/v1/imports/assets/uploads', {
      fileName: 'zabka.csv',
      contentBase64: csv(['Klient;Nazwa;Moc (kW);Rodzaj paliwa', 'Żabka Polska sp. z o.o.;K1;20;Propan', 'PL 113-285-38-69;K2;20;Propan']),
      assetTypeId: inst.typeId,
    });
    const preview = await inst.admin.request('POST', `/api/v1/imports/uploads/${up.json.uploadId}/preview`, { mapping: up.json.suggestedMapping });
    assert.deepEqual(
      preview.json.rows.map((r: any) => [r.row, r.errors.map((e: any) => [e.path, e.code, e.params])]),
      [
        [2, [['customer', 'import.customer_ambiguous', { value: 'Żabka Polska sp. z o.o.', count: 2 }]]],
        [3, []],
      ],
    );
  });

  test('a site the customer does not have and an unknown product code are errors at their columns', async () => {
    const up = await inst.admin.request('POST', '/api/v1/imports/assets/uploads', {
      fileName: 's.csv',
      contentBase64: csv(['Klient;Nazwa;Lokalizacja;Kod produktu;Moc (kW);Rodzaj paliwa', '7740001454;K3;Magazyn;NIE-MA;20;Propan']),
      assetTypeId: inst.typeId,
    });
    const preview = await inst.admin.request('POST', `/api/v1/imports/uploads/${up.json.uploadId}/preview`, { mapping: up.json.suggestedMapping });
    assert.deepEqual(preview.json.rows[0].errors.map((e: any) => [e.path, e.code, e.params]), [
      ['site', 'import.site_unknown', { value: 'Magazyn' }],
      ['productCode', 'import.product_unknown', { value: 'NIE-MA' }],
    ]);
  });

  test('a front-desk user cannot upload assets; the use case itself demands assets:import for assets', async () => {
    await makeUser(inst.deps, 'front_desk', 'fd@assets-import.pl');
    const fd = await signedInClient(inst.app, 'fd@assets-import.pl', USER_PASSWORD);
    const r = await fd.request('POST', '/api/v1/imports/assets/uploads', { fileName: 'a.csv', contentBase64: csv([HEADER, GOOD[0]!]), assetTypeId: inst.typeId });
    assert.equal(r.status, 403);
    // The shared route names catalog:import; the target's own permission is checked in the use case.
    const accountant = await makeUser(inst.deps, 'accountant', 'acc@assets-import.pl');
    const body = { fileName: 'a.csv', contentBase64: csv([HEADER, GOOD[0]!]), assetTypeId: inst.typeId };
    await assert.rejects(uploadImport(inst.deps, accountant, 'assets', body), (e: AppError) => e.status === 403 && e.extra.permission === 'assets:import');
    await assert.rejects(uploadImport(inst.deps, accountant, 'parts', body), (e: AppError) => e.status === 403 && e.extra.permission === 'catalog:import');
  });
});

describe('importing assets from XLSX', () => {
  let inst: Installation;
  before(async () => {
    inst = await installation();
  });
  after(() => close(inst));

  test('numbers, dates and yes/no typed as Excel cells become the custom values', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Urządzenia');
    ws.addRow(['NIP klienta', 'Nazwa urządzenia', 'S/N', 'Data instalacji', 'Moc (kW)', 'Rodzaj paliwa', 'Data przeglądu', 'Kondensacyjny', 'Kolor obudowy']);
    ws.addRow(['774-000-14-54', 'Kocioł ścienny', 'XL-1', new Date(Date.UTC(2025, 0, 31)), 28.5, 'Gaz ziemny', new Date(Date.UTC(2026, 5, 30)), 'TAK', 'biały']);
    ws.addRow([5261040828, 'Kocioł stojący', 'XL-2', '02.01.2025', 35, 'propan', '', 'Nie', '']);
    const content = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const up = await inst.admin.request('POST', '/api/v1/imports/assets/uploads', { fileName: 'kotly.xlsx', contentBase64: content, assetTypeId: inst.typeId });
    assert.equal(up.status, 201, up.body);
    const k = inst.keys;
    assert.deepEqual(up.json.suggestedMapping, {
      'NIP klienta': 'customer',
      'Nazwa urządzenia': 'name',
      'S/N': 'serialNumber',
      'Data instalacji': 'installationDate',
      'Moc (kW)': `custom.${k['Moc (kW)']}`,
      'Rodzaj paliwa': `custom.${k['Rodzaj paliwa']}`,
      'Data przeglądu': `custom.${k['Data przeglądu']}`,
      Kondensacyjny: `custom.${k['Kondensacyjny']}`,
      'Kolor obudowy': null,
    });
    const preview = await inst.admin.request('POST', `/api/v1/imports/uploads/${up.json.uploadId}/preview`, { mapping: up.json.suggestedMapping });
    assert.equal(preview.json.invalidRows, 0, JSON.stringify(preview.json.rows));
    const commit = await inst.admin.request('POST', `/api/v1/imports/uploads/${up.json.uploadId}/commit`, { mapping: up.json.suggestedMapping });
    assert.equal(commit.status, 201, commit.body);
    const list = (await inst.admin.request('GET', `/api/v1/assets?assetTypeId=${inst.typeId}&sort=serial`)).json.items;
    assert.deepEqual(
      list.map((a: any) => [a.serialNumber, a.customerName, a.installationDate, a.custom]),
      [
        ['XL-1', 'Przychodnia Zdrowie Łódź', '2025-01-31', { [k['Moc (kW)']!]: 28.5, [k['Rodzaj paliwa']!]: 'Gaz ziemny', [k['Data przeglądu']!]: '2026-06-30', [k['Kondensacyjny']!]: true }],
        ['XL-2', 'Żabka Polska sp. z o.o.', '2025-01-02', { [k['Moc (kW)']!]: 35, [k['Rodzaj paliwa']!]: 'Propan', [k['Kondensacyjny']!]: false }],
      ],
    );
  });
});

describe('an asset export imports into another installation', () => {
  let source: Installation;
  let target: Installation;
  before(async () => {
    [source, target] = await Promise.all([installation(), installation()]);
  });
  after(async () => {
    await close(source);
    await close(target);
  });

  for (const format of ['xlsx', 'csv'] as const)
    test(`the ${format.toUpperCase()} export of one type round-trips the custom values`, async () => {
      if (format === 'xlsx') {
        const up = await source.admin.request('POST', '/api/v1/imports/assets/uploads', { fileName: 'kotly.csv', contentBase64: csv([HEADER, ...GOOD]), assetTypeId: source.typeId });
        assert.equal((await source.admin.request('POST', `/api/v1/imports/uploads/${up.json.uploadId}/commit`, { mapping: up.json.suggestedMapping })).status, 201);
      }
      const exported = await source.app.inject({ method: 'GET', url: `/api/v1/assets/export?format=${format}&lang=pl&assetTypeId=${source.typeId}`, headers: { cookie: source.admin.cookie } });
      assert.equal(exported.statusCode, 200);
      const up = await target.admin.request('POST', '/api/v1/imports/assets/uploads', { fileName: `urzadzenia.${format}`, contentBase64: exported.rawPayload.toString('base64'), assetTypeId: target.typeId });
      assert.equal(up.status, 201, up.body);
      const m = up.json.suggestedMapping;
      assert.deepEqual(
        [m.Nazwa, m['Numer seryjny'], m.Klient, m.Lokalizacja, m.Miejsce, m['Data zakupu'], m['Data instalacji'], m.Typ, m.ID, m['Moc (kW)'], m.Kondensacyjny],
        ['name', 'serialNumber', 'customer', 'site', 'position', 'purchaseDate', 'installationDate', null, null, `custom.${target.keys['Moc (kW)']}`, `custom.${target.keys['Kondensacyjny']}`],
      );
      // Into a fresh installation per format: the serial numbers would otherwise repeat the first run's.
      await target.deps.database.query('delete from asset_events');
      await target.deps.database.query('delete from assets');
      const commit = await target.admin.request('POST', `/api/v1/imports/uploads/${up.json.uploadId}/commit`, { mapping: m });
      assert.equal(commit.status, 201, commit.body);
      const view = (i: Installation) =>
        i.admin
          .request('GET', `/api/v1/assets?assetTypeId=${i.typeId}&sort=serial`)
          .then((r) => r.json.items.map((a: any) => [a.name, a.serialNumber, a.customerName, a.siteName, a.position, a.purchaseDate, a.installationDate, a.custom]));
      const imported = await view(target);
      assert.equal(imported.length, 2);
      assert.deepEqual(imported, await view(source));
    });
});

describe('cell values', () => {
  for (const [raw, want] of [
    ['2026-03-01', '2026-03-01'],
    ['1.03.2026', '2026-03-01'],
    ['01.03.2026', '2026-03-01'],
    ['31.02.2026', null],
    ['2026-02-30', null],
    ['03/01/2026', null],
  ] as const)
    test(`date "${raw}" is ${want ?? 'not a date'}`, () => assert.equal(importDate(raw), want));

  for (const [raw, want] of [
    ['5261040828', '5261040828'],
    ['526-104-08-28', '5261040828'],
    ['PL 526 104 08 28', '5261040828'],
    ['52610408', null],
    ['Firma 5261040828', null],
  ] as const)
    test(`customer cell "${raw}" ${want ? 'is the NIP ' + want : 'is a name'}`, () => assert.equal(nipOf(raw), want));
});

