import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../deps.ts';
import { auditLog } from '../../kernel/audit/audit.table.ts';
import { customerInput, makeUser, setUpInstallation, refusal as refusalOf } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import * as types from '../assets/asset-types.usecases.ts';
import { createService } from '../catalog/services.usecases.ts';
import { customers } from '../customers/customers.table.ts';
import { createCustomer } from '../customers/customers.usecases.ts';
import { createPriceList } from '../pricing/pricing.usecases.ts';
import * as orders from './service-orders.usecases.ts';
import { serviceOrderEvents, serviceOrderTime } from './service-orders.table.ts';
import * as steps from './steps.usecases.ts';
import * as uc from './labour.usecases.ts';
import type { TimeEntryInput } from './work.schemas.ts';

let deps: TestDeps;
let manager: Ctx;
let technician: Ctx;
let laptopTypeId: string;
let hourly: string; // 150 zł/h net, billed per started 15 minutes
let visit: string;
let discountedOrder: string;
let plainOrder: string;

const refusal = (p: Promise<unknown>) => refusalOf(p, { withStatus: true });

const userId = (c: Ctx) => (c.actor.kind === 'user' ? c.actor.userId : '');

const newOrder = async (customerId: string, serial: string) =>
  (
    await orders.createOrder(
      deps,
      manager,
      {
        customerId,
        newAsset: { assetTypeId: laptopTypeId, productId: null, name: 'Laptop Lenovo', serialNumber: serial, manufacturer: 'Lenovo', model: 'T14', purchaseDate: null, installationDate: null, specification: '', siteId: null, position: '', contactId: null, custom: {} },
        kind: 'shop',
        siteId: null,
        reportedProblem: 'Wymiana matrycy',
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

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  manager = await makeUser(deps, 'manager');
  technician = await makeUser(deps, 'technician');
  laptopTypeId = (await types.createAssetType(deps, manager, { name: 'Laptop', meterUnit: null, fields: [] })).id;
  hourly = (await createService(deps, manager, { code: 'RBH', name: 'Roboczogodzina', unit: 'hour', defaultPriceMinor: 15_000, vatRateCode: '23', billingIncrementMinutes: 15, description: '' })).id;
  visit = (await createService(deps, manager, { code: 'DOJAZD', name: 'Dojazd', unit: 'visit', defaultPriceMinor: 8_000, vatRateCode: '23', billingIncrementMinutes: null, description: '' })).id;
  // The first list becomes the default one; the regular customer's list gives 10% off everything.
  await createPriceList(deps, manager, { name: 'Cennik podstawowy', currency: 'PLN', validFrom: null, validTo: null, entryMode: 'net', defaultPercentBp: null, notes: '' });
  const regular = await createPriceList(deps, manager, { name: 'Stały klient −10%', currency: 'PLN', validFrom: null, validTo: null, entryMode: 'net', defaultPercentBp: -1000, notes: '' });
  const c1 = (await createCustomer(deps, manager, customerInput({ kind: 'individual', name: 'Stały Klient', nip: null }))).customer.id;
  await deps.database.db.update(customers).set({ priceListId: regular.id }).where(eq(customers.id, c1));
  const c2 = (await createCustomer(deps, manager, customerInput({ kind: 'individual', name: 'Nowy Klient', nip: null }))).customer.id;
  discountedOrder = await newOrder(c1, 'SN-1');
  plainOrder = await newOrder(c2, 'SN-2');
});
after(() => deps.close());

const entry = (o: Partial<TimeEntryInput> = {}): TimeEntryInput => ({ stepId: null, serviceId: hourly, billable: true, note: '', ...o });

describe('labour', () => {
  test("37 minutes on a service billed per started 15 minutes bill 45, at the customer's price list (10% off)", async () => {
    const t = await uc.addTime(deps, technician, discountedOrder, entry({ minutes: 37, note: 'Wymiana matrycy' }));
    assert.deepEqual(
      { minutes: t.minutes, billedMinutes: t.billedMinutes, unitPriceMinor: t.unitPriceMinor, netMinor: t.netMinor, vatRateCode: t.vatRateCode, userName: t.userName, serviceName: t.serviceName, workedOn: t.workedOn },
      { minutes: 37, billedMinutes: 45, unitPriceMinor: 13_500, netMinor: 10_125, vatRateCode: '23', userName: 'Test technician', serviceName: 'Roboczogodzina', workedOn: '2026-03-29' },
    );
    assert.equal(t.userId, userId(technician), 'the actor by default');
    const [row] = await deps.database.db.select().from(serviceOrderTime).where(eq(serviceOrderTime.id, t.id));
    assert.deepEqual([row!.billedMinutes, row!.unitPriceMinor], [45, 13_500]);
    const [event] = await deps.database.db.select().from(serviceOrderEvents).where(and(eq(serviceOrderEvents.orderId, discountedOrder), eq(serviceOrderEvents.kind, 'time_added')));
    assert.deepEqual([event!.data.minutes, event!.data.billedMinutes], [37, 45]);
    const [audit] = await deps.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, discountedOrder), eq(auditLog.action, 'time_added')));
    assert.deepEqual([audit!.entity, audit!.subEntity, audit!.subEntityId, audit!.subLabel], ['service_orders', 'service_order_time', t.id, 'Test technician, 2026-03-29, 37 min']);
  });

  test('without a price list of its own the customer pays the default price', async () => {
    const t = await uc.addTime(deps, technician, plainOrder, entry({ minutes: 37 }));
    assert.deepEqual([t.billedMinutes, t.unitPriceMinor, t.netMinor], [45, 15_000, 11_250]);
  });

  test('start and end give the minutes and the Warsaw day; a step of the order may be named; a manager records time for someone else', async () => {
    const step = await steps.addStep(deps, manager, plainOrder, { name: 'Naprawa', description: '', ownerId: null, ownerRole: 'technician', plannedMinutes: 60, deadlineAt: null });
    const t = await uc.addTime(deps, manager, plainOrder, entry({ userId: userId(technician), stepId: step.id, startedAt: '2026-03-30T23:10:00+02:00', endedAt: '2026-03-31T00:40:00+02:00' }));
    assert.deepEqual([t.minutes, t.billedMinutes, t.workedOn, t.stepName, t.userName], [90, 90, '2026-03-30', 'Naprawa', 'Test technician']);
    assert.equal(t.startedAt, '2026-03-30T21:10:00.000Z');
  });

  test('time that is not billable is kept but bills nothing', async () => {
    const t = await uc.addTime(deps, technician, plainOrder, entry({ minutes: 20, billable: false, serviceId: null, note: 'Szkolenie' }));
    assert.deepEqual([t.billedMinutes, t.netMinor, t.vatRateCode], [0, 0, null]);
  });

  test('mistakes are refused at their field and nothing is written', async () => {
    const before = (await uc.listTime(deps, manager, plainOrder)).items.length;
    const otherStep = await steps.addStep(deps, manager, discountedOrder, { name: 'Obca', description: '', ownerId: null, ownerRole: null, plannedMinutes: 0, deadlineAt: null });
    const cases: [Partial<TimeEntryInput>, string[]][] = [
      [{ startedAt: '2026-03-30T10:00:00+02:00', endedAt: '2026-03-30T09:00:00+02:00' }, ['endedAt:orders.time_end_before_start']],
      [{}, ['minutes:orders.time_duration_required']],
      [{ minutes: 30, serviceId: '00000000-0000-4000-8000-000000000000' }, ['serviceId:orders.service_unknown']],
      [{ minutes: 30, serviceId: visit }, ['serviceId:orders.service_not_hourly']],
      [{ minutes: 30, serviceId: null }, ['serviceId:orders.service_required']],
      [{ minutes: 30, stepId: otherStep.id }, ['stepId:orders.step_not_of_order']],
      [{ minutes: 30, userId: '00000000-0000-4000-8000-000000000000' }, ['userId:orders.user_unknown']],
      [{ startedAt: '2026-03-30T10:00:00+02:00', serviceId: visit }, ['endedAt:orders.time_end_required', 'serviceId:orders.service_not_hourly']],
    ];
    for (const [input, errors] of cases) assert.deepEqual(await refusal(uc.addTime(deps, technician, plainOrder, entry(input))), errors, JSON.stringify(input));
    assert.equal((await uc.listTime(deps, manager, plainOrder)).items.length, before);
  });

  test('an entry is deleted with its history kept in the order', async () => {
    const t = await uc.addTime(deps, technician, plainOrder, entry({ minutes: 10 }));
    await uc.removeTime(deps, technician, t.id);
    assert.ok(!(await uc.listTime(deps, manager, plainOrder)).items.some((x) => x.id === t.id));
    const [audit] = await deps.database.db.select().from(auditLog).where(and(eq(auditLog.subEntityId, t.id), eq(auditLog.action, 'time_removed')));
    assert.equal(audit!.changes.minutes!.before, 10);
    assert.deepEqual(await refusal(uc.removeTime(deps, technician, t.id)), ['404 service_order_time.not_found']);
  });
});
