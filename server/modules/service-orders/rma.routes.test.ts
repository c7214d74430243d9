// The RMA routes over HTTP: status codes, problem codes and the response shapes.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { App } from '../../kernel/http/app-types.ts';
import { buildTestApp, customerInput, makeUser, setUpInstallation, signedInClient, USER_PASSWORD, type Client } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';

let deps: TestDeps;
let app: App;
let technician: Client;
let orderId: string;

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  app = await buildTestApp(deps);
  await makeUser(deps, 'manager', 'kierownik@serwis.pl');
  await makeUser(deps, 'technician', 'technik@serwis.pl');
  await makeUser(deps, 'front_desk', 'recepcja@serwis.pl');
  const frontDesk = await signedInClient(app, 'recepcja@serwis.pl', USER_PASSWORD);
  const manager = await signedInClient(app, 'kierownik@serwis.pl', USER_PASSWORD);
  technician = await signedInClient(app, 'technik@serwis.pl', USER_PASSWORD);
  const type = (await manager.request('POST', '/api/v1/asset-types', { name: 'Drukarka', fields: [] })).json;
  const order = await frontDesk.request('POST', '/api/v1/service-orders', {
    newCustomer: customerInput(),
    newAsset: { assetTypeId: type.id, name: 'HP LaserJet M404', custom: {} },
    reportedProblem: 'Zacina papier',
  });
  assert.equal(order.status, 201, order.body);
  orderId = order.json.id;
});
after(async () => {
  await app.close();
  await deps.close();
});

test('send, list, change, return: 201, 200s; a second open RMA is 409 orders.rma_open; a closed one 409 orders.rma_closed', async () => {
  const sent = await technician.request('POST', `/api/v1/service-orders/${orderId}/rma`, { vendor: 'HP Polska', caseNumber: 'HP-5512', expectedReturnOn: '2026-04-15' });
  assert.equal(sent.status, 201, sent.body);
  assert.deepEqual([sent.json.shippedOn, sent.json.waybill, sent.json.open, sent.json.outcome], ['2026-03-29', '', true, null]);
  assert.equal((await technician.request('GET', `/api/v1/service-orders/${orderId}`)).json.phase, 'external_service');

  const second = await technician.request('POST', `/api/v1/service-orders/${orderId}/rma`, { vendor: 'Inny serwis' });
  assert.equal(second.status, 409);
  assert.equal(second.json.code, 'orders.rma_open');

  const changed = await technician.request('PATCH', `/api/v1/service-order-rmas/${sent.json.id}`, { waybill: 'InPost 6200', expectedReturnOn: null });
  assert.equal(changed.status, 200, changed.body);
  assert.deepEqual([changed.json.waybill, changed.json.expectedReturnOn, changed.json.caseNumber], ['InPost 6200', null, 'HP-5512']);

  const badDate = await technician.request('PATCH', `/api/v1/service-order-rmas/${sent.json.id}`, { expectedReturnOn: '2026-03-01' });
  assert.equal(badDate.status, 422);
  assert.deepEqual(badDate.json.errors.map((e: { path: string; code: string }) => `${e.path}:${e.code}`), ['expectedReturnOn:orders.rma_return_before_shipping']);

  const list = await technician.request('GET', `/api/v1/service-orders/${orderId}/rmas`);
  assert.equal(list.status, 200);
  assert.deepEqual(list.json.items.map((r: { id: string }) => r.id), [sent.json.id]);

  const back = await technician.request('POST', `/api/v1/service-order-rmas/${sent.json.id}/return`, { outcome: 'returned_unrepaired', nextPhase: 'ready_for_release' });
  assert.equal(back.status, 200, back.body);
  assert.deepEqual([back.json.outcome, back.json.returnedOn, back.json.open], ['returned_unrepaired', '2026-03-29', false]);
  assert.equal((await technician.request('GET', `/api/v1/service-orders/${orderId}`)).json.phase, 'ready_for_release');

  const again = await technician.request('POST', `/api/v1/service-order-rmas/${sent.json.id}/return`, { outcome: 'repaired' });
  assert.equal(again.status, 409);
  assert.equal(again.json.code, 'orders.rma_closed');
});

test('an unknown outcome or next phase is a 400; an unknown RMA a 404', async () => {
  const none = '00000000-0000-4000-8000-000000000000';
  assert.equal((await technician.request('POST', `/api/v1/service-order-rmas/${none}/return`, { outcome: 'lost' })).status, 400);
  assert.equal((await technician.request('POST', `/api/v1/service-order-rmas/${none}/return`, { outcome: 'repaired', nextPhase: 'released' })).status, 400);
  const missing = await technician.request('POST', `/api/v1/service-order-rmas/${none}/return`, { outcome: 'repaired' });
  assert.equal(missing.status, 404);
  assert.equal(missing.json.code, 'service_order_rmas.not_found');
  assert.equal((await technician.request('GET', `/api/v1/service-orders/${none}/rmas`)).status, 404);
});
