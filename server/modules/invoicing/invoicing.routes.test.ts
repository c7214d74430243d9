// Invoicing over HTTP: a finished service order becomes a draft once, the draft is issued, its PDF and
// FA(3) XML are served, the list filters and sums, and the export carries what the accountant needs.
// Every answer passes its response schema (a mismatch would be a 500).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { App } from '../../kernel/http/app-types.ts';
import { pdfText } from '../../kernel/pdf/pdf-test-tools.ts';
import { ADMIN, buildTestApp, customerInput, makeUser, setUpInstallation, signedInClient, USER_PASSWORD, type Client } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import { validateFa3 } from './ksef/xsd-validate.ts';

let deps: TestDeps;
let app: App;
let admin: Client;
const ids: Record<string, string> = {};
const ok = (r: { status: number; body: string; json: any }, status = 201) => {
  assert.equal(r.status, status, r.body);
  return r.json;
};

before(async () => {
  deps = await createTestDeps();
  deps.clock.set('2026-11-27T09:00:00Z');
  await setUpInstallation(deps);
  app = await buildTestApp(deps);
  admin = await signedInClient(app, ADMIN.email, ADMIN.password);
  const assetType = ok(await admin.request('POST', '/api/v1/asset-types', { name: 'Drukarka', fields: [] }));
  const order = ok(await admin.request('POST', '/api/v1/service-orders', { newCustomer: customerInput(), newAsset: { assetTypeId: assetType.id, name: 'HP LaserJet', custom: {} }, reportedProblem: 'Zacina papier' }));
  ids.order = order.id;
  ids.customer = order.customerId;
  ids.hourly = ok(await admin.request('POST', '/api/v1/services', { code: 'RBH', name: 'Roboczogodzina', unit: 'hour', defaultPriceMinor: 12_000, vatRateCode: '23', billingIncrementMinutes: 15 })).id;
  ids.part = ok(await admin.request('POST', '/api/v1/parts', { code: 'ROLKA', name: 'Rolka pobierania papieru', salePriceMinor: 4_500 })).id;
  ids.location = (await admin.request('GET', '/api/v1/stock/locations')).json.items[0].id;
  ok(await admin.request('POST', '/api/v1/stock/movements', { partId: ids.part, kind: 'receipt', quantity: '3', locationId: ids.location }));
  ok(await admin.request('POST', `/api/v1/service-orders/${ids.order}/time`, { minutes: 40, serviceId: ids.hourly }));
  ok(await admin.request('POST', `/api/v1/service-orders/${ids.order}/parts`, { partId: ids.part, locationId: ids.location, quantity: '2' }));
  ok(await admin.request('POST', `/api/v1/service-orders/${ids.order}/lines`, { name: 'Dojazd do klienta', quantity: '1', unitPriceMinor: 5_000, vatRateCode: '8' }));
});
after(async () => {
  await app.close();
  await deps.close();
});

test('an order still in progress cannot be invoiced', async () => {
  const r = await admin.request('POST', `/api/v1/service-orders/${ids.order}/invoice`);
  assert.deepEqual([r.status, r.json.code], [422, 'invoices.order_not_finished']);
});

test('a finished order becomes one draft with its labour, parts and lines at the order’s prices; a second click is refused', async () => {
  const statuses = (await admin.request('GET', '/api/v1/service-order-statuses')).json.items;
  const ready = statuses.find((s: any) => s.phase === 'ready_for_release');
  for (const phase of ['diagnosis', 'in_repair']) ok(await admin.request('POST', `/api/v1/service-orders/${ids.order}/status`, { statusId: statuses.find((s: any) => s.phase === phase).id }), 200);
  ok(await admin.request('POST', `/api/v1/service-orders/${ids.order}/status`, { statusId: ready.id }), 200);
  const work = ok(await admin.request('GET', `/api/v1/service-orders/${ids.order}/work`), 200);
  const draft = ok(await admin.request('POST', `/api/v1/service-orders/${ids.order}/invoice`));
  ids.invoice = draft.id;
  assert.deepEqual(
    draft.lines.map((l: any) => [l.name, l.quantity, l.unit, l.unitPriceMinor, l.vatRateCode, l.sourceKind]),
    [
      ['Roboczogodzina', '0.750', 'godz.', 12_000, '23', 'labour'],
      ['Rolka pobierania papieru', '2.000', 'szt.', 4_500, '23', 'part'],
      ['Dojazd do klienta', '1.000', 'szt.', 5_000, '8', 'free'],
    ],
  );
  assert.equal(draft.totals.grossMinor, work.totals.grossMinor, 'the same amount as on the order');
  assert.equal(draft.serviceOrderNumber, (await admin.request('GET', `/api/v1/service-orders/${ids.order}`)).json.number);
  const again = await admin.request('POST', `/api/v1/service-orders/${ids.order}/invoice`);
  assert.deepEqual([again.status, again.json.code, again.json.invoiceId], [409, 'invoices.order_invoiced', draft.id]);
  const ofOrder = ok(await admin.request('GET', `/api/v1/invoices?serviceOrderId=${ids.order}`), 200);
  assert.deepEqual(ofOrder.items.map((i: any) => i.id), [draft.id], 'the order shows its invoice');
});

test('issuing over HTTP, then the PDF and the FA(3) XML; a technician cannot see invoices', async () => {
  const issued = ok(await admin.request('POST', `/api/v1/invoices/${ids.invoice}/issue`), 200);
  assert.equal(issued.number, 'FV/2026/11/0001');
  const pdf = await app.inject({ method: 'GET', url: `/api/v1/invoices/${ids.invoice}/pdf`, headers: { cookie: admin.cookie } });
  assert.equal(pdf.statusCode, 200);
  assert.equal(pdf.headers['content-type'], 'application/pdf');
  const text = pdfText(pdf.rawPayload);
  for (const s of ['FV/2026/11/0001', 'Rolka pobierania papieru', 'Łódzkie Zakłady Naprawcze S.A.', 'Serwis Łódź sp. z o.o.']) assert.ok(text.includes(s), `${s} in the PDF`);
  const xml = await app.inject({ method: 'GET', url: `/api/v1/invoices/${ids.invoice}/ksef.xml`, headers: { cookie: admin.cookie } });
  assert.equal(xml.statusCode, 200);
  assert.match(String(xml.headers['content-disposition']), /FV_2026_11_0001\.xml/);
  assert.ok(validateFa3(xml.body).valid, validateFa3(xml.body).errors);

  await makeUser(deps, 'technician');
  const tech = await signedInClient(app, 'technician@serwis.pl', USER_PASSWORD);
  assert.equal((await tech.request('GET', '/api/v1/invoices')).status, 403);
});

test('KSeF: an accepted state needs a well-formed KSeF number; then the PDF carries it with the verification code', async () => {
  const missing = await admin.request('PUT', `/api/v1/invoices/${ids.invoice}/ksef`, { status: 'accepted' });
  assert.deepEqual([missing.status, missing.json.errors[0].path], [422, 'ksefNumber']);
  const accepted = ok(await admin.request('PUT', `/api/v1/invoices/${ids.invoice}/ksef`, { status: 'accepted', ksefNumber: '5260250995-20261127-0100A0B1C2D3-E4', reference: '20261127-SO-1' }), 200);
  assert.deepEqual([accepted.ksefStatus, accepted.ksefNumber], ['accepted', '5260250995-20261127-0100A0B1C2D3-E4']);
  const pdf = await app.inject({ method: 'GET', url: `/api/v1/invoices/${ids.invoice}/pdf`, headers: { cookie: admin.cookie } });
  assert.ok(pdfText(pdf.rawPayload).includes('5260250995-20261127-0100A0B1C2D3-E4'));
});

test('the list filters, sums the whole filtered set and exports with KSeF columns', async () => {
  ok(await admin.request('POST', '/api/v1/invoices', { customerId: ids.customer, lines: [{ name: 'Diagnoza', quantity: '1', unitPriceMinor: 10_000, vatRateCode: '23' }] }));
  const all = ok(await admin.request('GET', '/api/v1/invoices?limit=1'), 200);
  assert.equal(all.items.length, 1);
  assert.ok(all.nextCursor);
  assert.equal(all.totals.count, 2, 'the totals are of the set, not of the page');
  assert.equal(all.totals.capped, false);
  const next = ok(await admin.request('GET', `/api/v1/invoices?limit=1&cursor=${all.nextCursor}`), 200);
  assert.equal(next.items.length, 1);
  assert.equal(next.totals, null, 'later pages of the same set carry no totals');
  const drafts = ok(await admin.request('GET', '/api/v1/invoices?status=draft'), 200);
  assert.deepEqual([drafts.totals.count, drafts.totals.grossMinor, drafts.totals.balanceMinor], [1, 12_300, 0]);
  for (const q of ['FV/2026/11/0001', 'fv2026110001', 'fv 2026 11 0001', 'FV-2026-11-1', 'fv 2026 11 1']) {
    const byNumber = ok(await admin.request('GET', `/api/v1/invoices?q=${encodeURIComponent(q)}`), 200);
    assert.deepEqual([byNumber.items.map((i: any) => i.number), byNumber.totals.count], [['FV/2026/11/0001'], 1], q);
  }
  const csv = await app.inject({ method: 'GET', url: '/api/v1/invoices/export?format=csv&status=issued', headers: { cookie: admin.cookie } });
  assert.equal(csv.statusCode, 200);
  const rows = csv.body.replace(/^\uFEFF/, '').trim().split('\n');
  assert.match(rows[0]!, /Numer;Rodzaj;Status;.*Status KSeF;Numer KSeF/);
  assert.equal(rows.length, 2);
  assert.match(rows[1]!, /FV\/2026\/11\/0001;VAT;wystawiona;.*accepted;5260250995-20261127-0100A0B1C2D3-E4/);
});
