import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../deps.ts';
import { AppError } from '../../kernel/errors/app-error.ts';
import { customerInput, makeUser, setUpInstallation } from '../../test/fixtures.ts';
import { createTestDeps, usingPostgres, type TestDeps } from '../../test/test-db.ts';
import { openPostgres } from '../../db/client.ts';
import * as types from '../assets/asset-types.usecases.ts';
import * as assets from '../assets/assets.usecases.ts';
import { createServicePath } from '../service-paths/service-paths.usecases.ts';
import { listTasks } from '../tasks/tasks.usecases.ts';
import { tasks } from '../tasks/tasks.table.ts';
import { messages } from '../messaging/messaging.table.ts';
import * as uc from './service-orders.usecases.ts';
import { listStatuses } from './statuses.usecases.ts';
import { stepsOf } from './steps.usecases.ts';
import { saveStatusTemplate } from './templates.usecases.ts';
import { createEstimate, sendEstimate } from './estimates.usecases.ts';
import type { OrderInput } from './service-orders.schemas.ts';

let deps: TestDeps;
let frontDesk: Ctx;
let technician: Ctx;
let laptopTypeId: string;
let pathId: string;

const fieldErrors = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof AppError, String(e));
    return e.fields.length ? e.fields.map((f) => `${f.path}:${f.code}`) : [e.code];
  }
  assert.fail('expected a refusal');
};

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  const manager = await makeUser(deps, 'manager');
  frontDesk = await makeUser(deps, 'front_desk');
  technician = await makeUser(deps, 'technician');
  laptopTypeId = (await types.createAssetType(deps, manager, { name: 'Laptop', meterUnit: null, fields: [] })).id;
  pathId = (
    await createServicePath(deps, manager, {
      name: 'Naprawa laptopa',
      description: '',
      steps: [
        { name: 'Diagnoza', description: '', role: 'technician', plannedMinutes: 30, deadlineOffsetHours: 24 },
        { name: 'Naprawa', description: '', role: 'technician', plannedMinutes: 60, deadlineOffsetHours: 72 },
        { name: 'Wydanie', description: '', role: 'front_desk', plannedMinutes: 5, deadlineOffsetHours: null },
      ],
    })
  ).id;
});
after(() => deps.close());

const intake = (o: Partial<OrderInput> = {}): OrderInput => ({
  newCustomer: customerInput({ kind: 'individual', name: 'Jan Kowalski', nip: null, email: 'jan.kowalski@example.pl', phone: '+48 600 100 200' }),
  newAsset: { assetTypeId: laptopTypeId, productId: null, name: 'Laptop Dell Latitude 5540', serialNumber: 'CN-0XYZ-123', manufacturer: 'Dell', model: 'Latitude 5540', purchaseDate: null, installationDate: null, specification: '', siteId: null, position: '', contactId: null, custom: {} },
  kind: 'shop',
  siteId: null,
  reportedProblem: 'Nie włącza się po zalaniu klawiatury.',
  accessories: 'Zasilacz, torba',
  condition: 'Rysy na klapie',
  priority: 'normal',
  promisedOn: '2026-04-10',
  contactId: null,
  notifyChannel: 'email',
  notifyTo: '',
  technicianId: null,
  servicePathId: pathId,
  ...o,
});

describe('intake', () => {
  test('an order for a new customer and a new laptop is created in one go, numbered SO/2026/000001, and the laptop goes into the shop', async () => {
    const o = await uc.createOrder(deps, frontDesk, intake(), 'http://serwis.test');
    assert.equal(o.number, 'SO/2026/000001');
    assert.equal(o.customerName, 'Jan Kowalski');
    assert.equal(o.phase, 'new');
    assert.equal(o.notifyTo, 'jan.kowalski@example.pl', "the customer's email when no contact is chosen");
    assert.match(o.trackingUrl!, /^http:\/\/serwis\.test\/t\/[\w-]{30,}$/);
    assert.equal((await assets.getAsset(deps, frontDesk, o.assetId)).custody, 'in_shop');
    const steps = await stepsOf(deps.database.db, o.id);
    assert.deepEqual(steps.map((s) => [s.name, s.ownerRole, s.status]), [['Diagnoza', 'technician', 'todo'], ['Naprawa', 'technician', 'todo'], ['Wydanie', 'front_desk', 'todo']]);
    const mine = await listTasks(deps, technician, { scope: 'mine', status: 'open', limit: 10 });
    assert.deepEqual(mine.items.map((t) => [t.kind, t.params.stepName]), [['order_step', 'Diagnoza']], 'the first step is in the technicians\' list');
  });
  test('a failing intake leaves nothing behind: no customer, no asset, and the number is not used up', async () => {
    assert.deepEqual(await fieldErrors(uc.createOrder(deps, frontDesk, intake({ notifyChannel: 'sms', newCustomer: customerInput({ kind: 'individual', name: 'Bez Telefonu', nip: null, phone: '' }) }), 'http://serwis.test')), ['notifyTo:orders.phone_missing']);
    const next = await uc.createOrder(deps, frontDesk, intake({ newCustomer: customerInput({ kind: 'individual', name: 'Anna Nowak', nip: null }), servicePathId: null }), 'http://serwis.test');
    assert.equal(next.number, 'SO/2026/000002');
  });
  test('errors in the new customer point into newCustomer.*', async () => {
    assert.deepEqual(await fieldErrors(uc.createOrder(deps, frontDesk, intake({ newCustomer: customerInput({ nip: '1234567890' }) }), 'http://x')), ['newCustomer.nip:customers.nip_invalid']);
  });
  test('choosing both an existing and a new customer is refused', async () => {
    assert.deepEqual(await fieldErrors(uc.createOrder(deps, frontDesk, intake({ customerId: '00000000-0000-4000-8000-000000000000' }), 'http://x')), ['customerId:orders.customer_required']);
  });
});

describe('status', () => {
  test('the phase rules decide; ready for release gives the front desk a task; release returns the laptop to the customer', async () => {
    const o = await uc.createOrder(deps, frontDesk, intake({ newCustomer: customerInput({ kind: 'individual', name: 'Ewa Zielińska', nip: null }), servicePathId: null }), 'http://x');
    const st = (await listStatuses(deps, frontDesk, false)).items;
    const byPhase = (p: string) => st.find((s) => s.phase === p)!.id;
    assert.deepEqual(await fieldErrors(uc.changeStatus(deps, technician, o.id, { statusId: byPhase('released'), note: '' })), ['statusId:orders.release_required']);
    await uc.changeStatus(deps, technician, o.id, { statusId: byPhase('diagnosis'), note: '' });
    await uc.changeStatus(deps, technician, o.id, { statusId: byPhase('in_repair'), note: '' });
    await assert.rejects(uc.releaseOrder(deps, frontDesk, o.id, { releasedTo: 'Ewa Zielińska', note: '' }), { code: 'orders.not_ready' });
    const ready = await uc.changeStatus(deps, technician, o.id, { statusId: byPhase('ready_for_release'), note: 'Wymieniono płytę' });
    assert.deepEqual(ready.allowedPhases, ['in_repair', 'released']);
    const fd = await listTasks(deps, frontDesk, { scope: 'mine', status: 'open', limit: 50 });
    assert.ok(fd.items.some((t) => t.kind === 'order_release' && t.subjectId === o.id));
    await assert.rejects(uc.releaseOrder(deps, technician, o.id, { releasedTo: 'x', note: '' }), { code: 'auth.forbidden' });
    const released = await uc.releaseOrder(deps, frontDesk, o.id, { releasedTo: 'Ewa Zielińska (dowód osobisty)', note: '' });
    assert.equal(released.phase, 'released');
    assert.equal((await assets.getAsset(deps, frontDesk, o.assetId)).custody, 'with_customer');
    const releaseTasks = await deps.database.db.select().from(tasks).where(and(eq(tasks.subjectId, o.id), eq(tasks.kind, 'order_release')));
    assert.deepEqual(releaseTasks.map((t) => t.status), ['done']);
    const history = await assets.listAssetEvents(deps, frontDesk, o.assetId, { limit: 20 });
    assert.deepEqual(history.items.map((e) => e.kind).slice(0, 2), ['order_released', 'custody']);
    assert.deepEqual(await fieldErrors(uc.changeStatus(deps, technician, o.id, { statusId: byPhase('in_repair'), note: '' })), ['statusId:orders.transition_not_allowed']);
  });
});

describe('list', () => {
  test('search finds an order by its number without zeros, by serial number and by customer without Polish letters', async () => {
    const ids = async (q: string) => (await uc.listOrders(deps, frontDesk, { q, sort: '-created', limit: 20 })).items.map((o) => o.number);
    assert.deepEqual(await ids('SO/2026/1'), ['SO/2026/000001']);
    assert.ok((await ids('cn-0xyz')).includes('SO/2026/000001'));
    assert.deepEqual(await ids('zielinska'), ['SO/2026/000003']);
  });
  test('filters: open orders only, received on a Warsaw date', async () => {
    const open = await uc.listOrders(deps, frontDesk, { phase: 'open', sort: '-created', limit: 20 });
    assert.ok(open.items.every((o) => o.phase !== 'released'));
    const day = await uc.listOrders(deps, frontDesk, { from: '2026-03-29', to: '2026-03-29', sort: '-created', limit: 20 });
    assert.equal(day.items.length, 3, 'the test clock is 01:30 on 29 March in Warsaw');
    const dayBefore = await uc.listOrders(deps, frontDesk, { to: '2026-03-28', sort: '-created', limit: 20 });
    assert.equal(dayBefore.items.length, 0);
  });
});

test('orders created at once from several connections get consecutive numbers', { skip: usingPostgres() ? false : 'PGlite has one connection; runs on PostgreSQL (npm run test:pg)' }, async () => {
  const pools = await Promise.all(Array.from({ length: 4 }, () => openPostgres(deps.url!, 3)));
  try {
    const made = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        uc.createOrder({ ...deps, database: pools[i % 4]! }, frontDesk, intake({ newCustomer: customerInput({ kind: 'individual', name: `Klient ${i}`, nip: null }), servicePathId: null }), 'http://x'),
      ),
    );
    const numbers = made.map((o) => Number(o.number.slice(-6))).sort((a, b) => a - b);
    assert.deepEqual(numbers, Array.from({ length: 12 }, (_, i) => numbers[0]! + i));
  } finally {
    await Promise.all(pools.map((p) => p.close()));
  }
});

describe('notifications', () => {
  test('statuses that notify queue one message in the order language to the order address; others queue none', async () => {
    const o = await uc.createOrder(deps, frontDesk, intake({ newCustomer: customerInput({ kind: 'individual', name: 'Piotr Wiśniewski', nip: null, email: 'piotr@example.pl' }), servicePathId: null }), 'http://serwis.test');
    const sent = () => deps.database.db.select().from(messages).where(eq(messages.relatedId, o.id));
    const first = await sent();
    assert.equal(first.length, 1, '"Przyjęte" notifies by email');
    assert.equal(first[0]!.to, 'piotr@example.pl');
    assert.match(first[0]!.subject ?? '', /Zlecenie SO\/2026\/\d{6}: Przyjęte/);
    assert.ok(first[0]!.body.includes(o.trackingUrl!), 'the message carries the tracking link');
    const st = (await listStatuses(deps, frontDesk, false)).items;
    await uc.changeStatus(deps, technician, o.id, { statusId: st.find((s) => s.phase === 'diagnosis')!.id, note: '' });
    assert.equal((await sent()).length, 1, '"Diagnoza" does not notify');
    await uc.changeStatus(deps, technician, o.id, { statusId: st.find((s) => s.phase === 'in_repair')!.id, note: '' });
    const after = await sent();
    assert.equal(after.length, 2);
    assert.ok(after.some((m) => m.body.includes('W naprawie') && m.body.includes(o.trackingUrl!)), 'later messages carry the same link');
  });
});

describe('message wording', () => {
  test("a saved template replaces the built-in wording; an unknown placeholder is refused at its field", async () => {
    const manager = await makeUser(deps, 'manager', 'kierownik2@serwis.pl');
    const received = (await listStatuses(deps, manager, false)).items.find((s) => s.phase === 'new')!;
    assert.deepEqual(
      await fieldErrors(saveStatusTemplate(deps, manager, received.id, 'email', 'pl', { subject: 'Zlecenie {{numerZlecenia}}', body: 'Treść' })),
      ['subject:messaging.template_unknown_placeholder'],
    );
    const saved = await saveStatusTemplate(deps, manager, received.id, 'email', 'pl', { subject: 'Przyjęliśmy {{orderNumber}}', body: 'Dziękujemy! Śledzenie: {{trackingUrl}}' });
    assert.equal(saved.isDefault, false);
    const o = await uc.createOrder(deps, frontDesk, intake({ newCustomer: customerInput({ kind: 'individual', name: 'Marta Kowalczyk', nip: null, email: 'marta@example.pl' }), servicePathId: null }), 'http://serwis.test');
    const [m] = await deps.database.db.select().from(messages).where(eq(messages.relatedId, o.id));
    assert.equal(m!.subject, `Przyjęliśmy ${o.number}`);
    assert.equal(m!.body, `Dziękujemy! Śledzenie: ${o.trackingUrl}`);
  });
});

describe('estimate email', () => {
  test('sending an estimate emails its acceptance link to the order address, once per send', async () => {
    const o = await uc.createOrder(deps, frontDesk, intake({ newCustomer: customerInput({ kind: 'individual', name: 'Tomasz Lis', nip: null, email: 'tomasz@example.pl' }), servicePathId: null }), 'http://serwis.test');
    const e = await createEstimate(deps, frontDesk, o.id, { labourServiceId: null, note: '', lines: [{ kind: 'service', itemId: null, name: 'Wymiana płyty głównej', quantity: '1', unit: 'szt.', unitPriceMinor: 45000, vatRateCode: '23' }] });
    const { acceptUrl } = await sendEstimate(deps, frontDesk, o.id, e.id, { validDays: 14 }, 'http://serwis.test');
    const mails = (await deps.database.db.select().from(messages).where(eq(messages.relatedId, o.id))).filter((m) => (m.correlation as { event?: string }).event === 'estimate_sent');
    assert.equal(mails.length, 1);
    assert.equal(mails[0]!.to, 'tomasz@example.pl');
    assert.ok(mails[0]!.body.includes(acceptUrl));
    assert.ok(mails[0]!.body.includes('553,50 zł'), 'the gross total, formatted the Polish way');
  });
});

test('releasing an order closes the tasks of steps nobody finished', async () => {
  const o = await uc.createOrder(deps, frontDesk, intake({ newCustomer: customerInput({ kind: 'individual', name: 'Adam Nowicki', nip: null }) }), 'http://x');
  const st = (await listStatuses(deps, frontDesk, false)).items;
  await uc.changeStatus(deps, technician, o.id, { statusId: st.find((s) => s.phase === 'ready_for_release')!.id, note: '' });
  await uc.releaseOrder(deps, frontDesk, o.id, { releasedTo: 'Adam Nowicki', note: '' });
  const open = await deps.database.db.select().from(tasks).where(and(eq(tasks.subjectId, o.id), eq(tasks.status, 'open')));
  assert.deepEqual(open, []);
});
