import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { App } from '../../kernel/http/app-types.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import { ADMIN, buildTestApp, customerInput, makeUser, setUpInstallation, signedInClient, USER_PASSWORD, type Client } from '../../test/fixtures.ts';

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

describe('customers over HTTP', () => {
  test('a wrong NIP is answered with 422 problem+json naming the nip field', async () => {
    const res = await admin.request('POST', '/api/v1/customers', customerInput({ nip: '1234567890' }));
    assert.equal(res.status, 422);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(res.json.code, 'validation.failed');
    assert.deepEqual(res.json.errors, [{ path: 'nip', code: 'customers.nip_invalid', message: 'NIP must be 10 digits with a valid checksum' }]);
    assert.ok(res.json.requestId);
  });

  test('a missing name and a bad email are both named in a 400 answer', async () => {
    const res = await admin.request('POST', '/api/v1/customers', { kind: 'company', email: 'not-an-email' });
    assert.equal(res.status, 400);
    assert.deepEqual(res.json.errors.map((e: { path: string }) => e.path).sort(), ['email', 'name']);
  });

  test('create → get → patch → audit timeline, newest first, paged by cursor', async () => {
    const created = await admin.request('POST', '/api/v1/customers', customerInput({ name: 'Timeline Sp. z o.o.' }));
    assert.equal(created.status, 201);
    const id = created.json.customer.id;
    for (const city of ['Kraków', 'Wrocław', 'Gdańsk']) assert.equal((await admin.request('PATCH', `/api/v1/customers/${id}`, { city })).status, 200);
    const got = await admin.request('GET', `/api/v1/customers/${id}`);
    assert.equal(got.json.city, 'Gdańsk');
    assert.deepEqual(got.json.contacts, []);

    const page1 = await admin.request('GET', `/api/v1/audit?entity=customers&id=${id}&limit=2`);
    assert.deepEqual(page1.json.items.map((a: any) => a.changes.city?.after ?? a.action), ['Gdańsk', 'Wrocław']);
    const page2 = await admin.request('GET', `/api/v1/audit?entity=customers&id=${id}&limit=2&cursor=${page1.json.nextCursor}`);
    assert.deepEqual(page2.json.items.map((a: any) => a.action), ['updated', 'created']);
    assert.equal(page2.json.nextCursor, null);
    assert.equal(page2.json.items[1].actorLabel, `${ADMIN.name} <${ADMIN.email}>`);
  });

  test('nip-check reports the checksum and the customers that already have the NIP', async () => {
    await admin.request('POST', '/api/v1/customers', customerInput({ name: 'Posiadacz NIP', nip: '5260250995' }));
    const res = await admin.request('GET', '/api/v1/customers/nip-check?nip=526-025-09-95');
    assert.equal(res.json.valid, true);
    assert.deepEqual(res.json.duplicates.map((d: any) => d.name), ['Posiadacz NIP']);
    assert.equal((await admin.request('GET', '/api/v1/customers/nip-check?nip=1234567890')).json.valid, false);
  });

  test('an unknown customer is a 404 with a stable code', async () => {
    const res = await admin.request('GET', '/api/v1/customers/3f1c1a56-4a55-4b7b-9a3e-3d2c9d3f0a11');
    assert.equal(res.status, 404);
    assert.equal(res.json.code, 'customers.not_found');
  });

  test('a list limit above 100 is refused with a field error', async () => {
    const res = await admin.request('GET', '/api/v1/customers?limit=1000');
    assert.equal(res.status, 400);
    assert.equal(res.json.errors[0].path, 'limit');
  });
});

const GOOD_CSV = [
  'Nazwa;NIP;Telefon;E-mail;Ulica;Kod pocztowy;Miasto;Rodzaj;Osoba kontaktowa;Kolumna nieznana',
  'Import Pierwszy sp. z o.o.;7740001454;600 700 800;biuro@pierwszy.pl;ul. Długa 1;00-001;Warszawa;firma;Jan Żółkiewski;x',
  'Maria Ćwik;;500 600 700;maria@example.pl;ul. Krótka 2;31-001;Kraków;osoba prywatna;;y',
].join('\r\n');

describe('CSV import', () => {
  test('the preview maps Polish headers, shows rows and writes nothing', async () => {
    const res = await admin.request('POST', '/api/v1/customers/import/preview', { csv: '\uFEFF' + GOOD_CSV });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json.columns.map((c: any) => c.field), ['name', 'nip', 'phone', 'email', 'street', 'postalCode', 'city', 'kind', 'contactName', null]);
    assert.equal(res.json.totalRows, 2);
    assert.equal(res.json.invalidRows, 0);
    assert.equal((await admin.request('GET', '/api/v1/customers?q=import%20pierwszy')).json.items.length, 0);
  });

  test('a file with one bad row is refused whole: per-row errors, nothing imported', async () => {
    const bad = GOOD_CSV + '\r\nZły Wiersz;1234567890;;nie-email;;1234;Gdańsk;robot;;z';
    const preview = await admin.request('POST', '/api/v1/customers/import/preview', { csv: bad });
    assert.equal(preview.json.invalidRows, 1);
    const row = preview.json.rows[0];
    assert.equal(row.row, 4);
    assert.deepEqual(row.errors.map((e: any) => e.path).sort(), ['email', 'kind']);
    const commit = await admin.request('POST', '/api/v1/customers/import/commit', { csv: bad });
    assert.equal(commit.status, 422);
    assert.equal(commit.json.code, 'import.has_errors');
    assert.ok(commit.json.errors.some((e: any) => e.path === 'rows.4.email'));
    assert.equal((await admin.request('GET', '/api/v1/customers?q=import%20pierwszy')).json.items.length, 0);
  });

  test('a clean file imports every row with its contact, searchable at once, one audit record per customer', async () => {
    const res = await admin.request('POST', '/api/v1/customers/import/commit', { csv: GOOD_CSV });
    assert.equal(res.status, 201);
    assert.deepEqual(res.json, { created: 2 });
    const found = await admin.request('GET', '/api/v1/customers?q=zolkiewski');
    assert.deepEqual(found.json.items.map((c: any) => c.name), ['Import Pierwszy sp. z o.o.']);
    const individual = (await admin.request('GET', '/api/v1/customers?q=cwik')).json.items[0];
    assert.equal(individual.kind, 'individual');
    const audit = await admin.request('GET', `/api/v1/audit?entity=customers&id=${individual.id}`);
    assert.deepEqual(audit.json.items.map((a: any) => a.action), ['imported']);
  });

  test('the preview warns about a NIP that already belongs to a customer', async () => {
    const res = await admin.request('POST', '/api/v1/customers/import/preview', { csv: GOOD_CSV });
    assert.equal(res.json.invalidRows, 0);
    assert.deepEqual(res.json.rows[0].warnings.map((w: any) => w.code), ['customers.duplicate_nip']);
  });

  test('a manager may import but a front-desk user may not', async () => {
    await makeUser(deps, 'front_desk', 'fd@imp.pl');
    const fd = await signedInClient(app, 'fd@imp.pl', USER_PASSWORD);
    assert.equal((await fd.request('POST', '/api/v1/customers/import/preview', { csv: GOOD_CSV })).status, 403);
  });
});

describe('export of the current list', () => {
  before(async () => {
    for (const name of ['Eksport Żółty', 'Eksport Ąkacja', 'Eksport Biały'])
      await admin.request('POST', '/api/v1/customers', customerInput({ name, nip: null, city: 'Łódź' }));
  });

  test('CSV follows the list\'s filter and sort, with a BOM and semicolons for Polish Excel', async () => {
    const res = await admin.request('GET', '/api/v1/customers/export?format=csv&q=eksport&sort=name&lang=pl');
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /^text\/csv/);
    assert.match(String(res.headers['content-disposition']), /attachment; filename="klienci-2026-03-29\.csv"/);
    assert.ok(res.body.startsWith('\uFEFF'));
    const lines = res.body.slice(1).trim().split('\n');
    assert.match(lines[0]!, /^Rodzaj;Nazwa;NIP;/);
    assert.deepEqual(lines.slice(1).map((l) => l.split(';')[1]), ['Eksport Ąkacja', 'Eksport Biały', 'Eksport Żółty']);
  });

  test('XLSX holds the same rows, in English when asked', async () => {
    const res = await app.inject({ url: '/api/v1/customers/export?format=xlsx&q=eksport&sort=-name&lang=en', headers: { cookie: admin.cookie } });
    assert.equal(res.statusCode, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Customers')!;
    assert.equal(ws.getCell('B1').value, 'Name');
    assert.deepEqual([2, 3, 4].map((r) => ws.getCell(`B${r}`).value), ['Eksport Żółty', 'Eksport Biały', 'Eksport Ąkacja']);
    assert.equal(ws.rowCount, 4);
  });
});

describe('audit trail access', () => {
  test('a technician reads a customer\'s history but not the history of staff accounts', async () => {
    await makeUser(deps, 'technician', 'tech@audit.pl');
    const tech = await signedInClient(app, 'tech@audit.pl', USER_PASSWORD);
    const c = await admin.request('POST', '/api/v1/customers', customerInput({ name: 'Historia', nip: null }));
    assert.equal((await tech.request('GET', `/api/v1/audit?entity=customers&id=${c.json.customer.id}`)).status, 200);
    const me = (await admin.request('GET', '/api/v1/auth/session')).json.user.id;
    const res = await tech.request('GET', `/api/v1/audit?entity=users&id=${me}`);
    assert.equal(res.status, 403);
    assert.equal((await admin.request('GET', `/api/v1/audit?entity=users&id=${me}`)).json.items[0].action, 'created');
  });
});

describe('partial changes', () => {
  test('a PATCH changes only the fields it carries: customer, contact and site keep the rest', async () => {
    const c = (await admin.request('POST', '/api/v1/customers', customerInput({ name: 'Częściowa', nip: null, street: 'ul. Stała 1', city: 'Opole', postalCode: '45-001' }))).json.customer;
    const patched = await admin.request('PATCH', `/api/v1/customers/${c.id}`, { phone: '111 222 333' });
    assert.equal(patched.status, 200);
    assert.deepEqual([patched.json.customer.phone, patched.json.customer.street, patched.json.customer.city, patched.json.customer.postalCode], ['111 222 333', 'ul. Stała 1', 'Opole', '45-001']);

    const site = (await admin.request('POST', `/api/v1/customers/${c.id}/sites`, { name: 'Hala', street: 'ul. Hutnicza 2', city: 'Gliwice', postalCode: '44-100', country: 'PL', notes: 'brama od tyłu' })).json;
    const archived = (await admin.request('PATCH', `/api/v1/customers/${c.id}/sites/${site.id}`, { archived: true })).json;
    assert.deepEqual([archived.archived, archived.street, archived.city, archived.notes], [true, 'ul. Hutnicza 2', 'Gliwice', 'brama od tyłu']);
    await admin.request('PATCH', `/api/v1/customers/${c.id}/sites/${site.id}`, { archived: false });

    const contact = (await admin.request('POST', `/api/v1/customers/${c.id}/contacts`, { name: 'Ewa', email: 'ewa@x.pl', language: 'en', portalAccess: true })).json;
    const renamed = (await admin.request('PATCH', `/api/v1/customers/${c.id}/contacts/${contact.id}`, { role: 'Szefowa' })).json;
    assert.deepEqual([renamed.role, renamed.email, renamed.language, renamed.portalAccess], ['Szefowa', 'ewa@x.pl', 'en', true]);

    const audit = await admin.request('GET', `/api/v1/audit?entity=customers&id=${c.id}`);
    assert.deepEqual(audit.json.items.map((a: any) => a.action), ['contact_updated', 'contact_added', 'site_restored', 'site_archived', 'site_added', 'updated', 'created']);
    assert.deepEqual(Object.keys(audit.json.items[5].changes), ['phone']);
  });
});
