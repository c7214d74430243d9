import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Ctx } from '../../deps.ts';
import { AppError } from '../../kernel/errors/app-error.ts';
import { createTestDeps, usingPostgres, type TestDeps } from '../../test/test-db.ts';
import { makeUser, setUpInstallation } from '../../test/fixtures.ts';
import { createPart } from '../catalog/parts.usecases.ts';
import { stockRepository } from './stock.repository.ts';
import * as uc from './stock.usecases.ts';
import { openPostgres } from '../../db/client.ts';

let deps: TestDeps;
let manager: Ctx;
let technician: Ctx;
let warehouse: string;
let van: string;

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  manager = await makeUser(deps, 'manager');
  technician = await makeUser(deps, 'technician');
  warehouse = (await uc.listLocations(deps, manager)).find((l) => l.name === 'Magazyn główny')!.id;
  van = (await uc.createLocation(deps, manager, { name: 'Bus serwisowy WE 12345', kind: 'van', notes: '' })).id;
});
after(() => deps.close());

let n = 0;
const newPart = async (minStock = '0') =>
  (await createPart(deps, manager, { code: `P-${++n}`, name: `Część ${n}`, unit: 'pcs', manufacturerPartNumber: '', ean: null, purchasePriceMinor: 1000, salePriceMinor: 2000, vatRateCode: '23', minStock, description: '' })).id;

const level = async (partId: string, loc: string) => (await uc.getPartStock(deps, manager, partId)).levels.find((l) => l.locationId === loc)?.onHand ?? '0.000';

async function ledgerMatchesLevels(partId: string) {
  const sums = await stockRepository.ledgerSums(deps.database.db, partId);
  for (const s of sums) assert.equal(Number(s.total), Number(await level(partId, s.locationId)), `ledger vs level at ${s.locationId}`);
}

describe('the stock ledger', () => {
  test('a new installation has a main warehouse', () => assert.ok(warehouse));

  test('receive 10, issue 2.5, return 0.5, transfer 3 to the van: levels follow and equal the ledger', async () => {
    const part = await newPart();
    await uc.recordMovement(deps, manager, { partId: part, kind: 'receipt', quantity: '10', locationId: warehouse, unitCostMinor: 1234 });
    await uc.recordMovement(deps, technician, { partId: part, kind: 'issue', quantity: '2,5', locationId: warehouse });
    await uc.recordMovement(deps, technician, { partId: part, kind: 'return', quantity: '0.5', locationId: warehouse });
    const t = await uc.recordMovement(deps, technician, { partId: part, kind: 'transfer', quantity: '3', locationId: warehouse, toLocationId: van });
    assert.deepEqual(t.movements.map((m) => [m.kind, m.quantity, m.locationName]), [['transfer_out', '-3.000', 'Magazyn główny'], ['transfer_in', '3.000', 'Bus serwisowy WE 12345']]);
    assert.equal(t.movements[0]!.transferId, t.movements[1]!.transferId);
    assert.equal(await level(part, warehouse), '5.000');
    assert.equal(await level(part, van), '3.000');
    await ledgerMatchesLevels(part);
    const ledger = await uc.listMovements(deps, manager, { partId: part, limit: 10 });
    assert.deepEqual(ledger.items.map((m) => m.kind), ['transfer_in', 'transfer_out', 'return', 'issue', 'receipt']);
    assert.equal(ledger.items[4]!.unitCostMinor, 1234);
  });

  test('issuing more than is on hand is refused with the available quantity, and nothing changes', async () => {
    const part = await newPart();
    await uc.recordMovement(deps, manager, { partId: part, kind: 'receipt', quantity: '2', locationId: warehouse });
    await assert.rejects(uc.recordMovement(deps, technician, { partId: part, kind: 'issue', quantity: '2.001', locationId: warehouse }), (e: AppError) => {
      assert.equal(e.code, 'stock.insufficient');
      assert.equal(e.status, 409);
      assert.equal(e.extra.available, '2.000');
      return true;
    });
    assert.equal(await level(part, warehouse), '2.000');
    assert.equal((await uc.listMovements(deps, manager, { partId: part, limit: 10 })).items.length, 1);
  });

  test('a transfer of more than the source holds moves nothing to the target', async () => {
    const part = await newPart();
    await uc.recordMovement(deps, manager, { partId: part, kind: 'receipt', quantity: '1', locationId: warehouse });
    await assert.rejects(uc.recordMovement(deps, manager, { partId: part, kind: 'transfer', quantity: '5', locationId: warehouse, toLocationId: van }), /Not enough stock/);
    assert.equal(await level(part, van), '0.000');
    assert.equal(await level(part, warehouse), '1.000');
  });

  test('an adjustment needs a reason and the stock:adjust permission', async () => {
    const part = await newPart();
    await assert.rejects(uc.recordMovement(deps, technician, { partId: part, kind: 'adjustment', quantity: '4', locationId: warehouse, reason: 'Inwentaryzacja' }), (e: AppError) => e.code === 'auth.forbidden');
    await assert.rejects(uc.recordMovement(deps, manager, { partId: part, kind: 'adjustment', quantity: '4', locationId: warehouse }), (e: AppError) => e.fields[0]?.path === 'reason');
    await uc.recordMovement(deps, manager, { partId: part, kind: 'adjustment', quantity: '4', locationId: warehouse, reason: 'Inwentaryzacja' });
    await uc.recordMovement(deps, manager, { partId: part, kind: 'adjustment', quantity: '-1.5', locationId: warehouse, reason: 'Uszkodzenie' });
    assert.equal(await level(part, warehouse), '2.500');
    await assert.rejects(uc.recordMovement(deps, manager, { partId: part, kind: 'adjustment', quantity: '-3', locationId: warehouse, reason: 'Za dużo' }), /Not enough stock/);
  });

  test('an inactive location takes no stock', async () => {
    const part = await newPart();
    const old = await uc.createLocation(deps, manager, { name: 'Stary magazyn', kind: 'warehouse', notes: '' });
    await uc.updateLocation(deps, manager, old.id, { active: false });
    await assert.rejects(uc.recordMovement(deps, manager, { partId: part, kind: 'receipt', quantity: '1', locationId: old.id }), (e: AppError) => e.fields[0]?.code === 'stock.location_inactive');
  });
});

describe('concurrent issues', { skip: usingPostgres() ? false : 'PGlite has one connection: concurrency is proven on PostgreSQL (npm run test:pg)' }, () => {
  test('twenty technicians issuing one unit each from five on hand: exactly five succeed and stock ends at zero', async () => {
    const part = await newPart();
    await uc.recordMovement(deps, manager, { partId: part, kind: 'receipt', quantity: '5', locationId: warehouse });
    // Twenty separate connections: every issue races in its own transaction.
    const pools = await Promise.all(Array.from({ length: 4 }, () => openPostgres(deps.url!, 5)));
    try {
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => uc.recordMovement({ ...deps, database: pools[i % 4]! }, technician, { partId: part, kind: 'issue', quantity: '1', locationId: warehouse })),
      );
      const ok = results.filter((r) => r.status === 'fulfilled').length;
      const refused = results.filter((r) => r.status === 'rejected' && (r.reason as AppError).code === 'stock.insufficient').length;
      assert.equal(ok, 5);
      assert.equal(refused, 15);
      assert.equal(await level(part, warehouse), '0.000');
      await ledgerMatchesLevels(part);
    } finally {
      await Promise.all(pools.map((p) => p.close()));
    }
  });
});

