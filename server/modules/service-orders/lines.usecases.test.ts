import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../deps.ts';
import { auditLog } from '../../kernel/audit/audit.table.ts';
import { customerInput, makeUser, setUpInstallation, refusal as refusalOf } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import * as types from '../assets/asset-types.usecases.ts';
import { createPart } from '../catalog/parts.usecases.ts';
import { createService } from '../catalog/services.usecases.ts';
import { customers } from '../customers/customers.table.ts';
import { createCustomer } from '../customers/customers.usecases.ts';
import { createPriceList, setPriceItem } from '../pricing/pricing.usecases.ts';
import * as stock from '../stock/stock.usecases.ts';
import { addTime } from './labour.usecases.ts';
import { addPart } from './parts.usecases.ts';
import * as orders from './service-orders.usecases.ts';
import * as uc from './lines.usecases.ts';
import type { LineInput } from './work.schemas.ts';

let deps: TestDeps;
let manager: Ctx;
let technician: Ctx;
let laptopTypeId: string;
let warehouse: string;
let customerId: string;
let hourly: string;
let diagnosis: string;
let screen: string;

const refusal = (p: Promise<unknown>) => refusalOf(p, { withStatus: true });

let n = 0;
const newOrder = async () =>
  (
    await orders.createOrder(
      deps,
      manager,
      {
        customerId,
        newAsset: { assetTypeId: laptopTypeId, productId: null, name: 'Laptop Asus', serialNumber: `SN-${++n}`, manufacturer: 'Asus', model: 'ZenBook', purchaseDate: null, installationDate: null, specification: '', siteId: null, position: '', contactId: null, custom: {} },
        kind: 'shop',
        siteId: null,
        reportedProblem: 'Nie ładuje baterii',
        accessories: '',
        condition: '',
        priority: 'normal',
        promisedOn: null,
        contactId: null,
        notifyChannel: 'none',
        notifyTo: '',
        technicianId: null,
        servicePathId: null,
      },
      'http://x',
    )
  ).id;

const line = (o: Partial<LineInput>): LineInput => ({ serviceId: null, quantity: '1', ...o });

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  manager = await makeUser(deps, 'manager');
  technician = await makeUser(deps, 'technician');
  laptopTypeId = (await types.createAssetType(deps, manager, { name: 'Laptop', meterUnit: null, fields: [] })).id;
  warehouse = (await stock.listLocations(deps, manager)).find((l) => l.name === 'Magazyn główny')!.id;
  hourly = (await createService(deps, manager, { code: 'RBH', name: 'Roboczogodzina', unit: 'hour', defaultPriceMinor: 15_000, vatRateCode: '23', billingIncrementMinutes: 15, description: '' })).id;
  diagnosis = (await createService(deps, manager, { code: 'DIAG', name: 'Diagnoza', unit: 'piece', defaultPriceMinor: 9_900, vatRateCode: '23', billingIncrementMinutes: null, description: '' })).id;
  screen = (await createPart(deps, manager, { code: 'LCD-14', name: 'Matryca 14"', unit: 'pcs', manufacturerPartNumber: '', ean: null, purchasePriceMinor: 6_000, salePriceMinor: 10_000, vatRateCode: '23', minStock: '0', description: '' })).id;
  await stock.recordMovement(deps, manager, { partId: screen, kind: 'receipt', quantity: '10', locationId: warehouse });
  await createPriceList(deps, manager, { name: 'Cennik podstawowy', currency: 'PLN', validFrom: null, validTo: null, entryMode: 'net', defaultPercentBp: null, notes: '' });
  const regular = await createPriceList(deps, manager, { name: 'Stały klient −10%', currency: 'PLN', validFrom: null, validTo: null, entryMode: 'net', defaultPercentBp: -1000, notes: '' });
  await setPriceItem(deps, manager, regular.id, { itemType: 'service', itemId: diagnosis, priceMinor: 5_000, percentBp: null });
  customerId = (await createCustomer(deps, manager, customerInput({ kind: 'individual', name: 'Stały Klient', nip: null }))).customer.id;
  await deps.database.db.update(customers).set({ priceListId: regular.id }).where(eq(customers.id, customerId));
});
after(() => deps.close());

describe('lines', () => {
  test("a service line takes its name, unit, VAT and the customer's list price; a given price wins", async () => {
    const order = await newOrder();
    const l = await uc.addLine(deps, technician, order, line({ serviceId: diagnosis }));
    assert.deepEqual([l.name, l.unit, l.quantity, l.unitPriceMinor, l.vatRateCode, l.netMinor], ['Diagnoza', 'piece', '1.000', 5_000, '23', 5_000]);
    const own = await uc.addLine(deps, technician, order, line({ serviceId: diagnosis, name: 'Diagnoza ekspresowa', unitPriceMinor: 12_000, quantity: '2' }));
    assert.deepEqual([own.name, own.unitPriceMinor, own.netMinor], ['Diagnoza ekspresowa', 12_000, 24_000]);
    const [audit] = await deps.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, order), eq(auditLog.action, 'line_added')));
    assert.deepEqual([audit!.subEntity, audit!.subLabel], ['service_order_lines', 'Diagnoza']);
  });

  test('a free-text line needs a name, a price and a VAT rate', async () => {
    const order = await newOrder();
    assert.deepEqual(await refusal(uc.addLine(deps, technician, order, line({ name: '' }))), ['name:orders.line_name_required', 'unitPriceMinor:orders.line_price_required', 'vatRateCode:orders.line_vat_required']);
    assert.deepEqual(await refusal(uc.addLine(deps, technician, order, line({ name: 'Utylizacja', unitPriceMinor: 100, vatRateCode: '99' }))), ['vatRateCode:orders.vat_rate_unknown']);
    assert.deepEqual(await refusal(uc.addLine(deps, technician, order, line({ name: 'Utylizacja', unitPriceMinor: 100, vatRateCode: '23', quantity: '0' }))), ['quantity:orders.quantity_not_positive']);
    assert.deepEqual(await refusal(uc.addLine(deps, technician, order, line({ serviceId: '00000000-0000-4000-8000-000000000000' }))), ['serviceId:orders.service_unknown']);
    const l = await uc.addLine(deps, technician, order, line({ name: 'Utylizacja baterii', unitPriceMinor: 1_999, vatRateCode: '23', quantity: '1.5', unit: 'kg' }));
    assert.deepEqual([l.unit, l.netMinor], ['kg', 2_999], '1.5 × 19.99 = 29.985 rounds half up to 29.99');
    await uc.removeLine(deps, technician, l.id);
    assert.deepEqual((await uc.listLines(deps, technician, order)).items, []);
  });

  test('totals per VAT rate: labour 23% and a part 23% share one rate, a line at 8% has its own', async () => {
    const order = await newOrder();
    await addTime(deps, technician, order, { stepId: null, minutes: 37, serviceId: hourly, billable: true, note: '' }); // 45 min × 135 zł/h = 101.25
    await addPart(deps, technician, order, { partId: screen, locationId: warehouse, quantity: '1' }); // 90.00
    await uc.addLine(deps, technician, order, line({ name: 'Książka serwisowa', quantity: '2', unit: 'piece', unitPriceMinor: 5_000, vatRateCode: '8' })); // 100.00
    const work = await uc.getOrderWork(deps, manager, order);
    assert.deepEqual(work.totals, {
      rates: [
        { vatRateCode: '23', netMinor: 19_125, vatMinor: 4_399, grossMinor: 23_524 },
        { vatRateCode: '8', netMinor: 10_000, vatMinor: 800, grossMinor: 10_800 },
      ],
      netMinor: 29_125,
      vatMinor: 5_199,
      grossMinor: 34_324,
    });
    assert.deepEqual([work.time.length, work.parts.length, work.lines.length, work.steps.length], [1, 1, 1, 0]);
    assert.deepEqual([work.time[0]!.netMinor, work.parts[0]!.netMinor, work.lines[0]!.netMinor], [10_125, 9_000, 10_000]);
    assert.deepEqual((await orders.getOrder(deps, manager, order)).totals, work.totals, 'the order shows the same totals');
    assert.deepEqual(await refusal(uc.getOrderWork(deps, manager, '00000000-0000-4000-8000-000000000000')), ['404 service_orders.not_found']);
  });
});
