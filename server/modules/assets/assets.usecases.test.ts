import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../deps.ts';
import { auditLog } from '../../kernel/audit/audit.table.ts';
import { AppError } from '../../kernel/errors/app-error.ts';
import { customerInput, makeUser, setUpInstallation } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import { addContact, addSite, createCustomer, deleteCustomer, updateCustomer } from '../customers/customers.usecases.ts';
import * as types from './asset-types.usecases.ts';
import * as uc from './assets.usecases.ts';
import * as readings from './readings.usecases.ts';
import * as dates from './service-dates.usecases.ts';
import type { AssetInput } from './assets.schemas.ts';
import { assetEvents } from './assets.table.ts';

let deps: TestDeps;
let manager: Ctx;
let technician: Ctx;
let accountant: Ctx;
let customerId: string;
let otherCustomerId: string;
let siteId: string;
let contactId: string;
let boilerTypeId: string;
let laptopTypeId: string;

const fieldErrors = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof AppError, String(e));
    return e.fields.map((f) => `${f.path}:${f.code}`);
  }
  assert.fail('expected a refusal');
};

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  manager = await makeUser(deps, 'manager');
  technician = await makeUser(deps, 'technician');
  accountant = await makeUser(deps, 'accountant');
  customerId = (await createCustomer(deps, manager, customerInput({ name: 'Ciepłownia Żyrardów sp. z o.o.' }))).customer.id;
  otherCustomerId = (await createCustomer(deps, manager, customerInput({ name: 'Inny Klient', nip: '5260250995' }))).customer.id;
  siteId = (await addSite(deps, manager, customerId, { name: 'Kotłownia główna', street: 'ul. Okrzei 1', postalCode: '96-300', city: 'Żyrardów', country: 'PL', notes: '' })).id;
  contactId = (await addContact(deps, manager, customerId, { name: 'Jan Kowalski', role: 'Kierownik', email: 'jan@cieplownia.pl', phone: '', language: 'pl', portalAccess: false, notes: '' })).id;
  boilerTypeId = (
    await types.createAssetType(deps, manager, {
      name: 'Kocioł gazowy',
      meterUnit: 'mth',
      fields: [
        { label: 'Moc (kW)', kind: 'number', unit: 'kW', required: true, options: [] },
        { label: 'Paliwo', kind: 'choice', unit: '', required: false, options: ['Gaz ziemny', 'Propan'] },
        { label: 'Komin sprawdzony', kind: 'boolean', unit: '', required: false, options: [] },
      ],
    })
  ).id;
  laptopTypeId = (await types.createAssetType(deps, manager, { name: 'Laptop', meterUnit: null, fields: [] })).id;
});
after(() => deps.close());

const boiler = (o: Partial<AssetInput> = {}): AssetInput => ({
  customerId,
  assetTypeId: boilerTypeId,
  productId: null,
  name: 'Kocioł Vaillant ecoTEC',
  serialNumber: 'VT-2024/000123',
  manufacturer: 'Vaillant',
  model: 'ecoTEC plus',
  purchaseDate: '2024-05-10',
  installationDate: '2024-05-20',
  specification: '',
  siteId,
  position: 'piwnica, pom. 3',
  contactId,
  custom: { moc_kw: '24', paliwo: 'gaz ziemny' },
  ...o,
});

describe('asset types', () => {
  test('fields get keys from their labels, in the given order', async () => {
    const t = await types.getAssetType(deps, technician, boilerTypeId);
    assert.deepEqual(t.fields.map((f) => [f.key, f.kind, f.position]), [['moc_kw', 'number', 0], ['paliwo', 'choice', 1], ['komin_sprawdzony', 'boolean', 2]]);
  });
  test('two types cannot share a name, whatever the case and Polish letters', async () => {
    assert.deepEqual(await fieldErrors(types.createAssetType(deps, manager, { name: 'KOCIOL GAZOWY', meterUnit: null, fields: [] })), ['name:assets.type_name_taken']);
  });
  test('a technician cannot define asset types', async () => {
    await assert.rejects(types.createAssetType(deps, technician, { name: 'Drukarka', meterUnit: null, fields: [] }), { code: 'auth.forbidden' });
  });
  test('a field left out is retired: it disappears from the type but assets keep its values', async () => {
    const t = await types.createAssetType(deps, manager, { name: 'Samochód dostawczy', meterUnit: 'km', fields: [{ label: 'Nr rejestracyjny', kind: 'text', unit: '', required: true, options: [] }, { label: 'Kolor', kind: 'text', unit: '', required: false, options: [] }] });
    const a = await uc.createAsset(deps, technician, boiler({ assetTypeId: t.id, name: 'Iveco Daily', custom: { nr_rejestracyjny: 'EL 12345', kolor: 'biały' } }));
    const changed = await types.updateAssetType(deps, manager, t.id, { fields: [{ key: 'nr_rejestracyjny', label: 'Numer rejestracyjny', kind: 'text', unit: '', required: true, options: [] }] });
    assert.deepEqual(changed.fields.map((f) => f.label), ['Numer rejestracyjny']);
    const updated = await uc.updateAsset(deps, technician, a.id, { name: 'Iveco Daily 35S' });
    assert.deepEqual(updated.custom, { kolor: 'biały', nr_rejestracyjny: 'EL 12345' });
  });
  test('the kind of an existing field cannot change', async () => {
    assert.deepEqual(
      await fieldErrors(types.updateAssetType(deps, manager, boilerTypeId, { fields: [{ key: 'moc_kw', label: 'Moc (kW)', kind: 'text', unit: '', required: true, options: [] }] })),
      ['fields.0.kind:assets.field_kind_locked'],
    );
  });
});

describe('assets', () => {
  test('an asset is created with its custom values normalized, a history event and an audit row', async () => {
    const a = await uc.createAsset(deps, technician, boiler());
    assert.deepEqual(a.custom, { moc_kw: 24, paliwo: 'Gaz ziemny' });
    assert.equal(a.customerName, 'Ciepłownia Żyrardów sp. z o.o.');
    assert.equal(a.siteName, 'Kotłownia główna');
    assert.equal(a.custody, 'with_customer');
    const events = await deps.database.db.select().from(assetEvents).where(eq(assetEvents.assetId, a.id));
    assert.deepEqual(events.map((e) => e.kind), ['created']);
    const audit = await deps.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'assets'), eq(auditLog.entityId, a.id)));
    assert.equal(audit.length, 1);
  });
  test('custom values are validated on every write, each error at its field', async () => {
    assert.deepEqual(await fieldErrors(uc.createAsset(deps, technician, boiler({ custom: { paliwo: 'Węgiel', komin_sprawdzony: 'chyba' } }))), [
      'custom.moc_kw:assets.field_required',
      'custom.paliwo:assets.field_not_choice',
      'custom.komin_sprawdzony:assets.field_not_boolean',
    ]);
    const a = await uc.createAsset(deps, technician, boiler({ serialNumber: 'X-1' }));
    assert.deepEqual(await fieldErrors(uc.updateAsset(deps, technician, a.id, { custom: { moc_kw: 'dwadzieścia' } })), ['custom.moc_kw:assets.field_not_number']);
  });
  test("a site or contact of another customer is refused", async () => {
    assert.deepEqual(await fieldErrors(uc.createAsset(deps, technician, boiler({ customerId: otherCustomerId }))), ['siteId:assets.site_not_of_customer', 'contactId:assets.contact_not_of_customer']);
  });
  test('an accountant may read but not add assets', async () => {
    await assert.rejects(uc.createAsset(deps, accountant, boiler()), { code: 'auth.forbidden' });
  });
  test('search finds by serial without dashes, by customer without Polish letters and by a custom value', async () => {
    const a = await uc.createAsset(deps, technician, boiler({ name: 'Kocioł Termet', serialNumber: 'TRM-77-001', custom: { moc_kw: 31.5, paliwo: 'Propan' } }));
    const q = (o: Record<string, string>) => uc.listAssets(deps, technician, { status: 'active', sort: 'name', limit: 50, ...o }).then((p) => p.items.map((x) => x.id));
    assert.ok((await q({ q: 'trm77001' })).includes(a.id));
    assert.ok((await q({ serial: 'trm 77' })).includes(a.id));
    assert.ok((await q({ q: 'zyrardow termet' })).length === 0, 'words are matched as one phrase');
    assert.ok((await q({ q: 'cieplownia' })).includes(a.id));
    assert.deepEqual(await q({ assetTypeId: boilerTypeId, field: 'paliwo', value: 'propan' }), [a.id]);
    assert.deepEqual(await q({ assetTypeId: boilerTypeId, field: 'moc_kw', value: '31,5' }), [a.id]);
  });
  test('a custom-field filter on an unknown field is a field error', async () => {
    assert.deepEqual(await fieldErrors(uc.listAssets(deps, technician, { status: 'active', sort: 'name', limit: 50, assetTypeId: boilerTypeId, field: 'kolor', value: 'x' })), ['field:assets.filter_field_unknown']);
  });
  test('custody changes record who, when and why', async () => {
    const a = await uc.createAsset(deps, technician, boiler({ serialNumber: 'C-1' }));
    const changed = await uc.changeCustody(deps, technician, a.id, { custody: 'in_shop', reason: 'Przyjęty do naprawy palnika' });
    assert.equal(changed.custody, 'in_shop');
    const page = await uc.listAssetEvents(deps, technician, a.id, { limit: 10 });
    assert.equal(page.items[0]?.kind, 'custody');
    assert.deepEqual(page.items[0]?.data, { from: 'with_customer', to: 'in_shop', reason: 'Przyjęty do naprawy palnika' });
    assert.equal(page.items[0]?.actorName, 'Test technician');
    assert.deepEqual(await fieldErrors(uc.changeCustody(deps, technician, a.id, { custody: 'in_shop', reason: '' })), ['custody:assets.custody_unchanged']);
  });
  test('a list page continues after the cursor without repeating rows', async () => {
    const all = await uc.listAssets(deps, technician, { status: 'all', sort: 'name', limit: 100 });
    const first = await uc.listAssets(deps, technician, { status: 'all', sort: 'name', limit: 2 });
    const second = await uc.listAssets(deps, technician, { status: 'all', sort: 'name', limit: 2, cursor: first.nextCursor! });
    assert.deepEqual([...first.items, ...second.items].map((x) => x.id), all.items.slice(0, 4).map((x) => x.id));
  });
});

describe('meter readings', () => {
  test('readings go up; a lower one is refused unless it is a meter replacement', async () => {
    const a = await uc.createAsset(deps, technician, boiler({ serialNumber: 'M-1' }));
    await readings.recordReading(deps, technician, a.id, { readOn: '2026-03-01', value: '1200,5', replacement: false, note: '' });
    assert.deepEqual(await fieldErrors(readings.recordReading(deps, technician, a.id, { readOn: '2026-03-10', value: '1100', replacement: false, note: '' })), ['value:assets.reading_lower']);
    await readings.recordReading(deps, technician, a.id, { readOn: '2026-03-10', value: '3', replacement: true, note: 'Nowy licznik' });
    const page = await readings.listReadings(deps, technician, a.id, { limit: 10 });
    assert.deepEqual(page.items.map((r) => [r.value, r.replacement]), [['3', true], ['1200.5', false]]);
    assert.equal((await uc.getAsset(deps, technician, a.id)).meterValue, '3');
  });
  test('an asset type without a meter takes no readings', async () => {
    const a = await uc.createAsset(deps, technician, boiler({ assetTypeId: laptopTypeId, custom: {}, serialNumber: 'L-1' }));
    assert.deepEqual(await fieldErrors(readings.recordReading(deps, technician, a.id, { readOn: '2026-03-01', value: '1', replacement: false, note: '' })), ['value:assets.no_meter']);
  });
});

describe('service dates', () => {
  test('completing a yearly inspection schedules the next one a year after completion', async () => {
    const a = await uc.createAsset(deps, technician, boiler({ serialNumber: 'S-1' }));
    const kinds = (await dates.listServiceDateKinds(deps, technician, 'active')).items;
    const inspection = kinds.find((k) => k.code === 'inspection')!;
    const sd = await dates.addServiceDate(deps, technician, a.id, { kindId: inspection.id, dueOn: '2026-04-15', reminderDays: 14, recurrenceMonths: 12, meterInterval: null, note: '' });
    assert.equal(sd.remindOn, '2026-04-01');
    const { completed, next } = await dates.completeServiceDate(deps, technician, sd.id, { completedOn: '2026-04-10', note: 'OK' });
    assert.equal(completed.status, 'done');
    assert.equal(next?.dueOn, '2027-04-10');
    assert.equal((await uc.getAsset(deps, technician, a.id)).nextServiceDate?.dueOn, '2027-04-10');
    await assert.rejects(dates.completeServiceDate(deps, technician, sd.id, { note: '' }), { code: 'assets.service_date_closed' });
  });
  test('a one-off warranty date has no follower', async () => {
    const a = await uc.createAsset(deps, technician, boiler({ serialNumber: 'S-2' }));
    const warranty = (await dates.listServiceDateKinds(deps, technician, 'active')).items.find((k) => k.code === 'warranty')!;
    const sd = await dates.addServiceDate(deps, technician, a.id, { kindId: warranty.id, dueOn: '2026-05-20', reminderDays: 30, recurrenceMonths: null, meterInterval: null, note: '' });
    assert.equal((await dates.completeServiceDate(deps, technician, sd.id, { note: '' })).next, null);
  });
  test('companies add their own kinds of dates', async () => {
    const k = await dates.createServiceDateKind(deps, manager, { name: 'Legalizacja UDT', taskRole: 'technician' });
    assert.equal(k.code, null);
    assert.deepEqual(await fieldErrors(dates.createServiceDateKind(deps, manager, { name: 'legalizacja udt', taskRole: 'technician' })), ['name:assets.kind_name_taken']);
  });
});

describe('customers and their assets', () => {
  test("renaming a customer makes its assets findable by the new name", async () => {
    const { customer } = await createCustomer(deps, manager, customerInput({ name: 'Piekarnia Stara Nazwa', nip: '5261040828' }));
    const a = await uc.createAsset(deps, technician, boiler({ customerId: customer.id, siteId: null, contactId: null, serialNumber: 'R-1' }));
    await updateCustomer(deps, manager, customer.id, { name: 'Piekarnia Złoty Kłos' });
    const found = await uc.listAssets(deps, technician, { q: 'zloty klos', status: 'active', sort: 'name', limit: 10 });
    assert.deepEqual(found.items.map((x) => [x.id, x.customerName]), [[a.id, 'Piekarnia Złoty Kłos']]);
  });
  test('a customer with assets cannot be deleted', async () => {
    const { customer } = await createCustomer(deps, manager, customerInput({ name: 'Do usunięcia', nip: '9542583988' }));
    await uc.createAsset(deps, technician, boiler({ customerId: customer.id, siteId: null, contactId: null, serialNumber: 'D-1' }));
    const admin = await makeUser(deps, 'administrator', 'admin2@serwis.pl');
    await assert.rejects(deleteCustomer(deps, admin, customer.id), (e: AppError) => e.status === 409);
  });
});
