import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../deps.ts';
import type { App } from '../../kernel/http/app-types.ts';
import { auditLog } from '../../kernel/audit/audit.table.ts';
import { AppError } from '../../kernel/errors/app-error.ts';
import { sha256 } from '../../kernel/ids/tokens.ts';
import { buildTestApp, customerInput, makeUser, setUpInstallation } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import * as types from '../assets/asset-types.usecases.ts';
import { createPart } from '../catalog/parts.usecases.ts';
import { createService } from '../catalog/services.usecases.ts';
import { createServicePath } from '../service-paths/service-paths.usecases.ts';
import { createLocation } from '../stock/stock.usecases.ts';
import { tasks } from '../tasks/tasks.table.ts';
import * as est from './estimates.usecases.ts';
import { runOrderWatch } from './order-watch.job.ts';
import type { OrderInput } from './service-orders.schemas.ts';
import { serviceOrderEstimates, serviceOrderEvents, serviceOrderLines, serviceOrderParts, serviceOrders } from './service-orders.table.ts';
import * as uc from './service-orders.usecases.ts';

let deps: TestDeps;
let app: App;
let frontDesk: Ctx;
let laptopTypeId: string;
let pathId: string;
let labourId: string;
let visitId: string;
let screenId: string;
let locationId: string;
const START = '2026-03-29T00:30:00Z';

const refusal = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof AppError, String(e));
    return e.fields.length ? e.fields.map((f) => `${f.path}:${f.code}`) : [`${e.status}:${e.code}`];
  }
  assert.fail('expected a refusal');
};

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  app = await buildTestApp(deps);
  const manager = await makeUser(deps, 'manager');
  frontDesk = await makeUser(deps, 'front_desk');
  laptopTypeId = (await types.createAssetType(deps, manager, { name: 'Laptop', meterUnit: null, fields: [] })).id;
  pathId = (
    await createServicePath(deps, manager, {
      name: 'Naprawa laptopa',
      description: '',
      steps: [
        { name: 'Diagnoza', description: '', role: 'technician', plannedMinutes: 30, deadlineOffsetHours: 24 },
        { name: 'Wymiana matrycy', description: '', role: 'technician', plannedMinutes: 60, deadlineOffsetHours: 72 },
        { name: 'Test końcowy', description: '', role: 'technician', plannedMinutes: 5, deadlineOffsetHours: null },
      ],
    })
  ).id;
  labourId = (await createService(deps, manager, { code: 'RBH', name: 'Roboczogodzina serwisowa', unit: 'hour', defaultPriceMinor: 15000, vatRateCode: '23', billingIncrementMinutes: 15, description: '' })).id;
  visitId = (await createService(deps, manager, { code: 'UTYL', name: 'Utylizacja zużytej matrycy', unit: 'piece', defaultPriceMinor: 2000, vatRateCode: '8', billingIncrementMinutes: null, description: '' })).id;
  screenId = (await createPart(deps, manager, { code: 'LCD-156', name: 'Matryca 15,6" FHD IPS', unit: 'pcs', manufacturerPartNumber: '', ean: null, purchasePriceMinor: 30000, salePriceMinor: 45000, vatRateCode: '23', minStock: '0', description: '' })).id;
  locationId = (await createLocation(deps, manager, { name: 'Magazyn główny', kind: 'warehouse', notes: '' })).id;
});
after(async () => {
  await app.close();
  await deps.close();
});

const intake = (name: string, o: Partial<OrderInput> = {}): OrderInput => ({
  newCustomer: customerInput({ kind: 'individual', name, nip: null, email: 'zofia.wojcik@example.pl', phone: '+48 601 234 567', street: 'ul. Kwiatowa 7', city: 'Łódź' }),
  newAsset: { assetTypeId: laptopTypeId, productId: null, name: 'Laptop Lenovo ThinkPad T14', serialNumber: 'PF-2XK9QZ', manufacturer: 'Lenovo', model: 'T14 Gen 3', purchaseDate: null, installationDate: null, specification: '', siteId: null, position: '', contactId: null, custom: {} },
  kind: 'shop',
  siteId: null,
  reportedProblem: 'Pęknięta matryca, ekran miga.',
  accessories: 'Zasilacz',
  condition: 'Rysa na obudowie',
  priority: 'normal',
  promisedOn: '2026-04-10',
  contactId: null,
  notifyChannel: 'email',
  notifyTo: '',
  technicianId: null,
  servicePathId: pathId,
  ...o,
});

/** An order with the laptop path's steps, a screen on it and a disposal fee. */
async function orderWithWork(name: string) {
  const o = await uc.createOrder(deps, frontDesk, intake(name), 'http://serwis.test');
  await deps.database.db.insert(serviceOrderParts).values({ orderId: o.id, partId: screenId, locationId, quantity: '1', unitPriceMinor: 45000, vatRateCode: '23', createdAt: deps.clock.now() });
  await deps.database.db.insert(serviceOrderLines).values({ orderId: o.id, serviceId: visitId, name: 'Utylizacja zużytej matrycy', quantity: '1', unit: 'piece', unitPriceMinor: 2000, vatRateCode: '8', createdAt: deps.clock.now() });
  return { order: o, trackingToken: o.trackingUrl!.split('/t/')[1]! };
}

const anon = (method: 'GET' | 'POST', url: string, payload?: object) => app.inject({ method, url, ...(payload ? { payload } : {}) });
const phaseOf = async (id: string) => (await deps.database.db.select({ phase: serviceOrders.phase }).from(serviceOrders).where(eq(serviceOrders.id, id)))[0]!.phase;
const eventsOf = (id: string) => deps.database.db.select().from(serviceOrderEvents).where(eq(serviceOrderEvents.orderId, id)).orderBy(asc(serviceOrderEvents.seq));
const auditOf = (id: string) => deps.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'service_orders'), eq(auditLog.entityId, id))).orderBy(asc(auditLog.seq));

describe('building an estimate', () => {
  test("from the order's work: each step's planned time in started quarter hours × the labour rate, the screen and the disposal fee; totals per VAT rate", async () => {
    const { order } = await orderWithWork('Zofia Wójcik');
    const e = await est.createEstimate(deps, frontDesk, order.id, { labourServiceId: labourId, note: 'Matryca oryginalna.' });
    assert.equal(e.version, 1);
    assert.equal(e.status, 'draft');
    assert.deepEqual(
      e.lines.map((l) => [l.kind, l.name, l.quantity, l.unit, l.unitPriceMinor, l.vatRateCode, l.netMinor]),
      [
        ['labour', 'Diagnoza', '0.500', 'hour', 15000, '23', 7500],
        ['labour', 'Wymiana matrycy', '1.000', 'hour', 15000, '23', 15000],
        ['labour', 'Test końcowy', '0.250', 'hour', 15000, '23', 3750],
        ['part', 'Matryca 15,6" FHD IPS', '1.000', 'pcs', 45000, '23', 45000],
        ['service', 'Utylizacja zużytej matrycy', '1.000', 'piece', 2000, '8', 2000],
      ],
    );
    // 23%: 712.50 net → 163.875 → 163.88 VAT; 8%: 20.00 → 1.60
    assert.deepEqual(e.totals, {
      rates: [
        { vatRateCode: '23', netMinor: 71250, vatMinor: 16388, grossMinor: 87638 },
        { vatRateCode: '8', netMinor: 2000, vatMinor: 160, grossMinor: 2160 },
      ],
      netMinor: 73250,
      vatMinor: 16548,
      grossMinor: 89798,
    });
    const [row] = await deps.database.db.select().from(serviceOrderEstimates).where(eq(serviceOrderEstimates.id, e.id));
    assert.deepEqual([row!.netMinor, row!.vatMinor, row!.grossMinor], [73250, 16548, 89798], 'the totals are stored with the estimate');
    const second = await est.createEstimate(deps, frontDesk, order.id, { labourServiceId: labourId, note: '' });
    assert.equal(second.version, 2, 'the next version per order');
  });

  test("steps with planned time need the labour service that prices them", async () => {
    const { order } = await orderWithWork('Adam Żak');
    assert.deepEqual(await refusal(est.createEstimate(deps, frontDesk, order.id, { labourServiceId: null, note: '' })), ['labourServiceId:estimates.labour_service_required']);
    assert.deepEqual(await refusal(est.createEstimate(deps, frontDesk, order.id, { labourServiceId: visitId, note: '' })), ['labourServiceId:estimates.labour_not_hourly']);
  });

  test('explicit lines take name, unit, price and VAT from the catalogue item; lines without one must say everything', async () => {
    const { order } = await orderWithWork('Ewa Łęcka');
    const e = await est.createEstimate(deps, frontDesk, order.id, {
      labourServiceId: null,
      note: '',
      lines: [
        { kind: 'labour', itemId: labourId, quantity: '1,5' },
        { kind: 'service', itemId: null, name: 'Czyszczenie wentylatora', quantity: '1', unit: 'piece', unitPriceMinor: 5000, vatRateCode: '23' },
      ],
    });
    assert.deepEqual(e.lines.map((l) => [l.name, l.quantity, l.unitPriceMinor, l.netMinor]), [['Roboczogodzina serwisowa', '1.500', 15000, 22500], ['Czyszczenie wentylatora', '1.000', 5000, 5000]]);
    assert.deepEqual(
      await refusal(est.createEstimate(deps, frontDesk, order.id, { labourServiceId: null, note: '', lines: [{ kind: 'service', itemId: null, name: 'Coś', quantity: '0', vatRateCode: 'xx' }] })),
      ['lines.0.unit:estimates.line_incomplete', 'lines.0.unitPriceMinor:estimates.line_incomplete', 'lines.0.vatRateCode:estimates.vat_unknown', 'lines.0.quantity:estimates.quantity_invalid'],
    );
  });

  test('a draft changes; a sent estimate is frozen', async () => {
    const { order } = await orderWithWork('Piotr Nowicki');
    const e = await est.createEstimate(deps, frontDesk, order.id, { labourServiceId: labourId, note: '' });
    const changed = await est.updateEstimate(deps, frontDesk, order.id, e.id, { note: 'Cena z montażem', lines: [{ kind: 'part', itemId: screenId, quantity: '1' }] });
    assert.equal(changed.note, 'Cena z montażem');
    assert.equal(changed.totals.grossMinor, 55350);
    await est.sendEstimate(deps, frontDesk, order.id, e.id, { validDays: 14 }, 'http://serwis.test');
    assert.deepEqual(await refusal(est.updateEstimate(deps, frontDesk, order.id, e.id, { note: 'x' })), ['409:estimates.not_draft']);
  });
});

describe('sending and deciding through the link', () => {
  let orderId: string;
  let estimateId: string;
  let acceptUrl: string;

  test('sending stores only the hash of a 32-byte token, sets the validity and moves the order to "waiting for approval"', async () => {
    const { order } = await orderWithWork('Katarzyna Gołąb');
    orderId = order.id;
    const e = await est.createEstimate(deps, frontDesk, order.id, { labourServiceId: labourId, note: 'Ważne 14 dni.' });
    estimateId = e.id;
    const sent = await est.sendEstimate(deps, frontDesk, order.id, e.id, { validDays: 14 }, 'http://serwis.test');
    acceptUrl = sent.acceptUrl;
    assert.match(acceptUrl, /^http:\/\/serwis\.test\/e\/[A-Za-z0-9_-]{43}$/);
    assert.equal(sent.estimate.status, 'sent');
    assert.equal(sent.estimate.validUntil, '2026-04-12');
    const [row] = await deps.database.db.select().from(serviceOrderEstimates).where(eq(serviceOrderEstimates.id, e.id));
    assert.equal(row!.tokenHash, sha256(acceptUrl.split('/e/')[1]!));
    assert.ok(!JSON.stringify(row).includes(acceptUrl.split('/e/')[1]!), 'the token itself is not stored');
    assert.equal(await phaseOf(order.id), 'awaiting_approval');
    const kinds = (await eventsOf(order.id)).map((ev) => [ev.kind, ev.public]);
    assert.deepEqual(kinds.slice(-2), [['estimate_sent', true], ['status', true]]);
    assert.ok((await auditOf(order.id)).some((a) => a.action === 'estimate_sent' && a.subEntityId === e.id && !JSON.stringify(a.changes).includes(row!.tokenHash!)));
  });

  test('the link opens the estimate without a session: lines, totals, validity — and nothing about the customer', async () => {
    const res = await anon('GET', `/api/v1/public/estimates/${acceptUrl.split('/e/')[1]}`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    const body = res.json();
    assert.equal(body.status, 'sent');
    assert.equal(body.totals.grossMinor, 89798);
    assert.equal(body.validUntil, '2026-04-12');
    assert.equal(body.company.name, 'Serwis Łódź sp. z o.o.');
    assert.equal(body.vatLabels['23'].pl, '23%');
    for (const secret of ['Gołąb', 'zofia.wojcik@example.pl', '601 234 567', 'Kwiatowa']) assert.ok(!res.body.includes(secret), `leaks ${secret}`);
    assert.equal((await anon('GET', '/api/v1/public/estimates/' + 'x'.repeat(43))).json().code, 'estimates.not_found');
  });

  test('accepting moves the order to repair, with history and audit by "Klient (link)"; a second decision is refused with 409', async () => {
    const token = acceptUrl.split('/e/')[1]!;
    const res = await anon('POST', `/api/v1/public/estimates/${token}/decision`, { decision: 'accepted', comment: 'Proszę naprawić.' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().status, 'accepted');
    assert.equal(await phaseOf(orderId), 'in_repair');
    const events = await eventsOf(orderId);
    const decided = events.find((ev) => ev.kind === 'estimate_accepted')!;
    assert.equal(decided.actorName, 'Klient (link)');
    assert.deepEqual([decided.data.via, decided.data.comment], ['link', 'Proszę naprawić.']);
    const move = events.at(-1)!;
    assert.deepEqual([move.kind, move.data.to, move.data.reason, move.actorName], ['status', 'in_repair', 'estimate_accepted', 'Klient (link)']);
    const audit = await auditOf(orderId);
    const a = audit.find((r) => r.action === 'estimate_accepted')!;
    assert.equal(a.actorLabel, 'Klient (link)');
    assert.equal(a.actorId, null);
    assert.deepEqual(a.changes.status, { before: 'sent', after: 'accepted' });
    assert.ok(audit.some((r) => r.action === 'status_changed' && r.actorLabel === 'Klient (link)'));
    const again = await anon('POST', `/api/v1/public/estimates/${token}/decision`, { decision: 'rejected', comment: '' });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'estimates.already_decided');
    assert.equal((await anon('GET', `/api/v1/public/estimates/${token}`)).json().status, 'accepted', 'a decided estimate stays readable');
    const paper = await refusal(est.recordPaperDecision(deps, frontDesk, orderId, estimateId, { decision: 'rejected', comment: '' }));
    assert.deepEqual(paper, ['409:estimates.already_decided']);
  });

  test('after its validity the link answers 410 estimates.expired and nothing changes', async () => {
    const { order } = await orderWithWork('Marek Śliwa');
    const e = await est.createEstimate(deps, frontDesk, order.id, { labourServiceId: labourId, note: '' });
    const { acceptUrl: url } = await est.sendEstimate(deps, frontDesk, order.id, e.id, { validDays: 1 }, 'http://serwis.test');
    const token = url.split('/e/')[1]!;
    const snapshot = async () => JSON.stringify([await deps.database.db.select().from(serviceOrderEstimates).where(eq(serviceOrderEstimates.orderId, order.id)), await deps.database.db.select().from(serviceOrders).where(eq(serviceOrders.id, order.id)), (await eventsOf(order.id)).length, (await auditOf(order.id)).length]);
    deps.clock.set('2026-03-30T21:59:59Z'); // 23:59:59 on 30 March in Warsaw: still valid
    assert.equal((await anon('GET', `/api/v1/public/estimates/${token}`)).statusCode, 200);
    deps.clock.set('2026-03-30T22:00:00Z');
    try {
      const before = await snapshot();
      const get = await anon('GET', `/api/v1/public/estimates/${token}`);
      assert.deepEqual([get.statusCode, get.json().code], [410, 'estimates.expired']);
      const post = await anon('POST', `/api/v1/public/estimates/${token}/decision`, { decision: 'accepted', comment: '' });
      assert.deepEqual([post.statusCode, post.json().code], [410, 'estimates.expired']);
      assert.equal(await snapshot(), before);
      assert.equal((await est.getEstimate(deps, frontDesk, order.id, e.id)).status, 'expired');
    } finally {
      deps.clock.set(START);
    }
  });

  test('sending a new version withdraws the earlier one: its link says so and refuses a decision', async () => {
    const { order } = await orderWithWork('Olga Kurek');
    const v1 = await est.createEstimate(deps, frontDesk, order.id, { labourServiceId: labourId, note: '' });
    const s1 = await est.sendEstimate(deps, frontDesk, order.id, v1.id, { validDays: 14 }, 'http://serwis.test');
    const v2 = await est.createEstimate(deps, frontDesk, order.id, { labourServiceId: labourId, note: 'Bez utylizacji' });
    await est.sendEstimate(deps, frontDesk, order.id, v2.id, { validDays: 14 }, 'http://serwis.test');
    const t1 = s1.acceptUrl.split('/e/')[1]!;
    assert.equal((await anon('GET', `/api/v1/public/estimates/${t1}`)).json().status, 'withdrawn');
    const post = await anon('POST', `/api/v1/public/estimates/${t1}/decision`, { decision: 'accepted', comment: '' });
    assert.deepEqual([post.statusCode, post.json().code], [409, 'estimates.withdrawn']);
  });
  test("the customer's decision closes the front desk's task to chase an estimate left unanswered", async () => {
    const { order } = await orderWithWork('Beata Żmuda');
    const e = await est.createEstimate(deps, frontDesk, order.id, { labourServiceId: labourId, note: '' });
    const { acceptUrl: url } = await est.sendEstimate(deps, frontDesk, order.id, e.id, { validDays: 14 }, 'http://serwis.test');
    deps.clock.set('2026-04-03T08:00:00Z');
    try {
      await runOrderWatch(deps);
      const waiting = () => deps.database.db.select().from(tasks).where(and(eq(tasks.sourceId, e.id), eq(tasks.kind, 'estimate_waiting')));
      assert.deepEqual((await waiting()).map((t) => t.status), ['open']);
      assert.equal((await anon('POST', `/api/v1/public/estimates/${url.split('/e/')[1]}/decision`, { decision: 'accepted', comment: '' })).statusCode, 200);
      assert.deepEqual((await waiting()).map((t) => t.status), ['done']);
    } finally {
      deps.clock.set(START);
    }
  });
});

describe('rejection and paper', () => {
  test('rejecting on the tracking page sends the order to the return flow: ready for release with the front desk’s task and the comment in the history', async () => {
    const { order, trackingToken } = await orderWithWork('Tomasz Ćwik');
    const e = await est.createEstimate(deps, frontDesk, order.id, { labourServiceId: labourId, note: '' });
    await est.sendEstimate(deps, frontDesk, order.id, e.id, { validDays: 14 }, 'http://serwis.test');
    const page = (await anon('GET', `/api/v1/public/tracking/${trackingToken}`)).json();
    assert.equal(page.pendingEstimate.id, e.id);
    const res = await anon('POST', `/api/v1/public/tracking/${trackingToken}/estimate-decision`, { estimateId: e.id, decision: 'rejected', comment: 'Za drogo, odbiorę bez naprawy.' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(await phaseOf(order.id), 'ready_for_release');
    const move = (await eventsOf(order.id)).at(-1)!;
    assert.deepEqual([move.kind, move.data.to, move.data.note, move.data.reason], ['status', 'ready_for_release', 'Za drogo, odbiorę bez naprawy.', 'estimate_rejected']);
    const release = await deps.database.db.select().from(tasks).where(and(eq(tasks.subjectId, order.id), eq(tasks.kind, 'order_release')));
    assert.deepEqual(release.map((t) => t.status), ['open']);
    assert.equal((await anon('GET', `/api/v1/public/tracking/${trackingToken}`)).json().pendingEstimate, null);
  });

  test('a signed paper on a draft is recorded by the front desk and moves the order to repair', async () => {
    const { order } = await orderWithWork('Halina Źróbek');
    const e = await est.createEstimate(deps, frontDesk, order.id, { labourServiceId: labourId, note: '' });
    const decided = await est.recordPaperDecision(deps, frontDesk, order.id, e.id, { decision: 'accepted', comment: 'Podpisany w punkcie.' });
    assert.deepEqual([decided.status, decided.decidedVia], ['accepted', 'paper']);
    assert.equal(await phaseOf(order.id), 'in_repair');
    const a = (await auditOf(order.id)).find((r) => r.action === 'estimate_accepted')!;
    assert.equal(a.actorLabel, 'Test front_desk <front_desk@serwis.pl>');
  });
});

describe('the tracking page', () => {
  test('shows status, timeline and the expected date — and no customer name, email, phone or address, no staff, no internal notes', async () => {
    const { order, trackingToken } = await orderWithWork('Zofia Wójcik-Kowalczyk');
    await uc.updateOrder(deps, frontDesk, order.id, { promisedOn: '2026-04-15' });
    const e = await est.createEstimate(deps, frontDesk, order.id, { labourServiceId: labourId, note: '' });
    await est.sendEstimate(deps, frontDesk, order.id, e.id, { validDays: 14 }, 'http://serwis.test');
    const res = await anon('GET', `/api/v1/public/tracking/${trackingToken}`);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.deepEqual([body.orderNumber, body.assetName, body.status.namePl, body.status.phase, body.promisedOn, body.receivedOn], [order.number, 'Laptop Lenovo ThinkPad T14', 'Czeka na akceptację kosztorysu', 'awaiting_approval', '2026-04-15', '2026-03-29']);
    assert.deepEqual(body.timeline.map((x: { kind: string; statusNamePl: string | null; promisedOn: string | null }) => [x.kind, x.statusNamePl ?? x.promisedOn]), [
      ['status', 'Czeka na akceptację kosztorysu'],
      ['estimate_sent', null],
      ['promised', '2026-04-15'],
      ['created', 'Przyjęte'],
    ]);
    assert.equal(body.pendingEstimate.totals.grossMinor, 89798);
    for (const secret of ['Wójcik', 'zofia.wojcik@example.pl', '601 234 567', '48601234567', 'Kwiatowa', 'Test front_desk', 'Pęknięta matryca', 'Rysa', 'PF-2XK9QZ'])
      assert.ok(!res.body.includes(secret), `the tracking answer leaks ${secret}`);
  });

  test('a revoked link and an unknown one get the same 404', async () => {
    const { order, trackingToken } = await orderWithWork('Jan Rewoka');
    assert.equal((await anon('GET', `/api/v1/public/tracking/${trackingToken}`)).statusCode, 200);
    const { revokeOrderTrackingLink } = await import('./public.usecases.ts');
    assert.deepEqual(await revokeOrderTrackingLink(deps, frontDesk, order.id), { revoked: 1 });
    const revoked = await anon('GET', `/api/v1/public/tracking/${trackingToken}`);
    const unknown = await anon('GET', `/api/v1/public/tracking/${'A'.repeat(32)}`);
    assert.deepEqual([revoked.statusCode, revoked.json().code], [404, 'tracking.not_found']);
    assert.deepEqual([unknown.statusCode, unknown.json().code, unknown.json().detail], [404, revoked.json().code, revoked.json().detail]);
    const post = await anon('POST', `/api/v1/public/tracking/${trackingToken}/estimate-decision`, { estimateId: '00000000-0000-4000-8000-000000000000', decision: 'accepted', comment: '' });
    assert.equal(post.statusCode, 404);
    assert.ok((await auditOf(order.id)).some((a) => a.action === 'tracking_link_revoked'));
    assert.deepEqual(await revokeOrderTrackingLink(deps, frontDesk, order.id), { revoked: 0 }, 'revoking again changes nothing');
  });
});
