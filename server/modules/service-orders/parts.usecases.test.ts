import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../deps.ts';
import { AppError } from '../../kernel/errors/app-error.ts';
import { auditLog } from '../../kernel/audit/audit.table.ts';
import { customerInput, makeUser, setUpInstallation } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import * as types from '../assets/asset-types.usecases.ts';
import { createPart } from '../catalog/parts.usecases.ts';
import { customers } from '../customers/customers.table.ts';
import { createCustomer } from '../customers/customers.usecases.ts';
import { createPriceList } from '../pricing/pricing.usecases.ts';
import { stockMovements } from '../stock/stock.table.ts';
import * as stock from '../stock/stock.usecases.ts';
import * as orders from './service-orders.usecases.ts';
import { serviceOrderEvents, serviceOrderParts } from './service-orders.table.ts';
import { listStatuses } from './statuses.usecases.ts';
import * as uc from './parts.usecases.ts';

let deps: TestDeps;
let manager: Ctx;
let technician: Ctx;
let laptopTypeId: string;
let warehouse: string;
let customerId: string;
let screen: string; // 100 zł net, 23%

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof AppError, String(e));
    return e.fields.length ? e.fields.map((f) => `${e.status} ${f.path}:${f.code}`) : [`${e.status} ${e.code}`];
  }
  assert.fail('expected a refusal');
};

let n = 0;
const newOrder = async () =>
  (
    await orders.createOrder(
      deps,
      manager,
      {
        customerId,
        newAsset: { assetTypeId: laptopTypeId, productId: null, name: 'Laptop HP', serialNumber: `SN-${++n}`, manufacturer: 'HP', model: 'EliteBook', purchaseDate: null, installationDate: null, specification: '', siteId: null, position: '', contactId: null, custom: {} },
        kind: 'shop',
        siteId: null,
        reportedProblem: 'Pęknięta matryca',
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

const onHand = async (partId: string) => (await stock.getPartStock(deps, manager, partId)).levels.find((l) => l.locationId === warehouse)?.onHand ?? '0.000';
const count = async (table: typeof serviceOrderParts | typeof serviceOrderEvents | typeof stockMovements) => (await deps.database.db.select().from(table)).length;

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  manager = await makeUser(deps, 'manager');
  technician = await makeUser(deps, 'technician');
  laptopTypeId = (await types.createAssetType(deps, manager, { name: 'Laptop', meterUnit: null, fields: [] })).id;
  warehouse = (await stock.listLocations(deps, manager)).find((l) => l.name === 'Magazyn główny')!.id;
  screen = (await createPart(deps, manager, { code: 'LCD-14', name: 'Matryca 14"', unit: 'pcs', manufacturerPartNumber: '', ean: null, purchasePriceMinor: 6_000, salePriceMinor: 10_000, vatRateCode: '23', minStock: '0', description: '' })).id;
  await stock.recordMovement(deps, manager, { partId: screen, kind: 'receipt', quantity: '5', locationId: warehouse, unitCostMinor: 6_000 });
  await createPriceList(deps, manager, { name: 'Cennik podstawowy', currency: 'PLN', validFrom: null, validTo: null, entryMode: 'net', defaultPercentBp: null, notes: '' });
  const regular = await createPriceList(deps, manager, { name: 'Stały klient −10%', currency: 'PLN', validFrom: null, validTo: null, entryMode: 'net', defaultPercentBp: -1000, notes: '' });
  customerId = (await createCustomer(deps, manager, customerInput({ kind: 'individual', name: 'Stały Klient', nip: null }))).customer.id;
  await deps.database.db.update(customers).set({ priceListId: regular.id }).where(eq(customers.id, customerId));
});
after(() => deps.close());

describe('parts used on an order', () => {
  test("a part issued drops the stock by its quantity in the order's transaction, linked to the ledger; removing it returns it", async () => {
    const order = await newOrder();
    const used = await uc.addPart(deps, technician, order, { partId: screen, locationId: warehouse, quantity: '2' });
    assert.deepEqual(
      { partName: used.partName, locationName: used.locationName, quantity: used.quantity, unitPriceMinor: used.unitPriceMinor, vatRateCode: used.vatRateCode, netMinor: used.netMinor, removedAt: used.removedAt },
      { partName: 'Matryca 14"', locationName: 'Magazyn główny', quantity: '2.000', unitPriceMinor: 9_000, vatRateCode: '23', netMinor: 18_000, removedAt: null },
    );
    assert.equal(await onHand(screen), '3.000');
    const [issue] = await deps.database.db.select().from(stockMovements).where(eq(stockMovements.seq, used.issueMovementSeq!));
    assert.deepEqual([issue!.kind, issue!.quantity, issue!.referenceType, issue!.referenceId], ['issue', '-2.000', 'service_order', order]);
    const [audit] = await deps.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, order), eq(auditLog.action, 'part_issued')));
    assert.deepEqual([audit!.subEntity, audit!.subEntityId, audit!.subLabel], ['service_order_parts', used.id, 'Matryca 14"']);

    const removed = await uc.removePart(deps, technician, used.id);
    assert.equal(removed.removedAt, deps.clock.now().toISOString());
    assert.equal(await onHand(screen), '5.000');
    const ledger = await deps.database.db.select().from(stockMovements).where(and(eq(stockMovements.referenceType, 'service_order'), eq(stockMovements.referenceId, order)));
    assert.deepEqual(ledger.map((m) => [m.kind, m.quantity]).sort(), [['issue', '-2.000'], ['return', '2.000']]);
    const rows = await deps.database.db.select().from(serviceOrderParts).where(eq(serviceOrderParts.orderId, order));
    assert.equal(rows.length, 1, 'the row stays, marked removed');
    assert.deepEqual((await uc.listParts(deps, manager, order)).items.map((p) => p.removedAt !== null), [true]);
    assert.deepEqual(await refusal(uc.removePart(deps, technician, used.id)), ['409 orders.part_already_removed']);
    assert.equal(await onHand(screen), '5.000', 'a second removal returns nothing');
  });

  test('issuing more than is on hand is refused at the quantity and nothing changes: no row, no event, no movement', async () => {
    const order = await newOrder();
    const before = [await count(serviceOrderParts), await count(serviceOrderEvents), await count(stockMovements), await onHand(screen)];
    await assert.rejects(uc.addPart(deps, technician, order, { partId: screen, locationId: warehouse, quantity: '5.001' }), (e: AppError) => {
      assert.equal(e.code, 'stock.insufficient');
      assert.equal(e.status, 409);
      assert.deepEqual(e.fields.map((f) => f.path), ['quantity']);
      assert.equal(e.extra.available, '5.000');
      return true;
    });
    assert.deepEqual([await count(serviceOrderParts), await count(serviceOrderEvents), await count(stockMovements), await onHand(screen)], before);
  });

  test('other mistakes are refused at their field', async () => {
    const order = await newOrder();
    assert.deepEqual(await refusal(uc.addPart(deps, technician, order, { partId: '00000000-0000-4000-8000-000000000000', locationId: warehouse, quantity: '1' })), ['422 partId:orders.part_unknown']);
    assert.deepEqual(await refusal(uc.addPart(deps, technician, order, { partId: screen, locationId: '00000000-0000-4000-8000-000000000000', quantity: '1' })), ['422 locationId:stock_locations.not_found']);
    assert.deepEqual(await refusal(uc.addPart(deps, technician, order, { partId: screen, locationId: warehouse, quantity: '0' })), ['422 quantity:stock.quantity_not_positive']);
    assert.equal(await onHand(screen), '5.000');
  });

  test('an order with parts issued cannot be cancelled until they are returned; a cancelled order takes no more parts', async () => {
    const order = await newOrder();
    const used = await uc.addPart(deps, technician, order, { partId: screen, locationId: warehouse, quantity: '1,5' });
    assert.equal(used.quantity, '1.500');
    const cancelled = (await listStatuses(deps, manager, false)).items.find((s) => s.phase === 'cancelled')!;
    assert.deepEqual(await refusal(orders.changeStatus(deps, manager, order, { statusId: cancelled.id, note: '' })), ['422 statusId:orders.parts_still_issued']);
    assert.equal(await onHand(screen), '3.500');
    await uc.removePart(deps, technician, used.id);
    await orders.changeStatus(deps, manager, order, { statusId: cancelled.id, note: '' });
    assert.deepEqual(await refusal(uc.addPart(deps, technician, order, { partId: screen, locationId: warehouse, quantity: '1' })), ['409 orders.closed']);
    assert.equal(await onHand(screen), '5.000');
  });
});
