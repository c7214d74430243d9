// The work routes over HTTP: every answer passes its response schema (a mismatch would be a 500),
// problems come as problem+json with the field to correct.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { App } from '../../kernel/http/app-types.ts';
import { ADMIN, buildTestApp, customerInput, setUpInstallation, signedInClient, type Client } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';

let deps: TestDeps;
let app: App;
let admin: Client;
const ids: Record<string, string> = {};

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  app = await buildTestApp(deps);
  admin = await signedInClient(app, ADMIN.email, ADMIN.password);
  const ok = (r: { status: number; body: string; json: any }, status = 201) => {
    assert.equal(r.status, status, r.body);
    return r.json;
  };
  const assetType = ok(await admin.request('POST', '/api/v1/asset-types', { name: 'Drukarka', fields: [] }));
  ids.path = ok(await admin.request('POST', '/api/v1/service-paths', { name: 'Naprawa drukarki', steps: [{ name: 'Diagnoza', role: 'technician' }, { name: 'Naprawa', role: 'technician' }] })).id;
  ids.order = ok(
    await admin.request('POST', '/api/v1/service-orders', { newCustomer: customerInput(), newAsset: { assetTypeId: assetType.id, name: 'HP LaserJet', custom: {} }, reportedProblem: 'Zacina papier', servicePathId: ids.path }),
  ).id;
  ids.hourly = ok(await admin.request('POST', '/api/v1/services', { code: 'RBH', name: 'Roboczogodzina', unit: 'hour', defaultPriceMinor: 12_000, vatRateCode: '23', billingIncrementMinutes: 30 })).id;
  ids.part = ok(await admin.request('POST', '/api/v1/parts', { code: 'ROLKA', name: 'Rolka pobierania papieru', salePriceMinor: 4_500 })).id;
  ids.location = (await admin.request('GET', '/api/v1/stock/locations')).json.items[0].id;
  ok(await admin.request('POST', '/api/v1/stock/movements', { partId: ids.part, kind: 'receipt', quantity: '3', locationId: ids.location }));
});
after(async () => {
  await app.close();
  await deps.close();
});

test('the order page journey: steps, time, a part and a line, then everything in one call', async () => {
  const steps = await admin.request('GET', `/api/v1/service-orders/${ids.order}/steps`);
  assert.equal(steps.status, 200, steps.body);
  const [first, second] = steps.json.items;
  assert.deepEqual([first.name, first.status, first.allowedActions], ['Diagnoza', 'todo', ['start', 'done', 'skip', 'edit']]);

  const added = await admin.request('POST', `/api/v1/service-orders/${ids.order}/steps`, { name: 'Test wydruku', ownerRole: 'technician', plannedMinutes: 10 });
  assert.equal(added.status, 201, added.body);
  const reordered = await admin.request('POST', `/api/v1/service-orders/${ids.order}/steps/reorder`, { stepIds: [first.id, added.json.id, second.id] });
  assert.deepEqual(reordered.json.items.map((s: any) => s.name), ['Diagnoza', 'Test wydruku', 'Naprawa']);
  const patched = await admin.request('PATCH', `/api/v1/service-order-steps/${second.id}`, { deadlineAt: '2026-04-01T12:00:00Z', description: 'Wymiana rolki' });
  assert.deepEqual([patched.status, patched.json.description, patched.json.deadlineAt], [200, 'Wymiana rolki', '2026-04-01T12:00:00.000Z']);
  assert.equal((await admin.request('POST', `/api/v1/service-order-steps/${first.id}/start`)).json.status, 'in_progress');
  assert.equal((await admin.request('POST', `/api/v1/service-order-steps/${first.id}/done`)).json.status, 'done');
  const noReason = await admin.request('POST', `/api/v1/service-order-steps/${added.json.id}/skip`, { reason: '' });
  assert.deepEqual([noReason.status, noReason.json.errors.map((e: any) => e.path)], [422, ['reason']]);
  assert.equal((await admin.request('POST', `/api/v1/service-order-steps/${added.json.id}/skip`, { reason: 'Klient nie chce' })).json.status, 'skipped');
  const again = await admin.request('POST', `/api/v1/service-order-steps/${first.id}/done`);
  assert.deepEqual([again.status, again.json.code], [409, 'orders.step_transition_not_allowed']);

  const time = await admin.request('POST', `/api/v1/service-orders/${ids.order}/time`, { stepId: second.id, startedAt: '2026-03-29T09:00:00+02:00', endedAt: '2026-03-29T09:40:00+02:00', serviceId: ids.hourly, note: 'Czyszczenie' });
  assert.equal(time.status, 201, time.body);
  assert.deepEqual([time.json.minutes, time.json.billedMinutes, time.json.netMinor, time.json.stepName], [40, 60, 12_000, 'Naprawa']);
  const badTime = await admin.request('POST', `/api/v1/service-orders/${ids.order}/time`, { startedAt: '2026-03-29T09:40:00+02:00', endedAt: '2026-03-29T09:00:00+02:00', serviceId: ids.hourly });
  assert.deepEqual([badTime.status, badTime.json.errors.map((e: any) => `${e.path}:${e.code}`)], [422, ['endedAt:orders.time_end_before_start']]);

  const part = await admin.request('POST', `/api/v1/service-orders/${ids.order}/parts`, { partId: ids.part, locationId: ids.location, quantity: '1' });
  assert.equal(part.status, 201, part.body);
  const tooMany = await admin.request('POST', `/api/v1/service-orders/${ids.order}/parts`, { partId: ids.part, locationId: ids.location, quantity: '3' });
  assert.deepEqual([tooMany.status, tooMany.json.code, tooMany.json.errors.map((e: any) => e.path)], [409, 'stock.insufficient', ['quantity']]);
  const line = await admin.request('POST', `/api/v1/service-orders/${ids.order}/lines`, { name: 'Dojazd', quantity: '1', unit: 'visit', unitPriceMinor: 5_000, vatRateCode: '23' });
  assert.equal(line.status, 201, line.body);

  const work = await admin.request('GET', `/api/v1/service-orders/${ids.order}/work`);
  assert.equal(work.status, 200, work.body);
  assert.deepEqual([work.json.steps.length, work.json.time.length, work.json.parts.length, work.json.lines.length], [3, 1, 1, 1]);
  assert.deepEqual(work.json.totals.rates, [{ vatRateCode: '23', netMinor: 21_500, vatMinor: 4_945, grossMinor: 26_445 }]);
  for (const list of ['time', 'parts', 'lines', 'steps']) assert.equal((await admin.request('GET', `/api/v1/service-orders/${ids.order}/${list}`)).status, 200, list);

  const removedPart = await admin.request('DELETE', `/api/v1/service-order-parts/${part.json.id}`);
  assert.deepEqual([removedPart.status, typeof removedPart.json.removedAt], [200, 'string']);
  assert.equal((await admin.request('DELETE', `/api/v1/service-order-time/${time.json.id}`)).status, 204);
  assert.equal((await admin.request('DELETE', `/api/v1/service-order-lines/${line.json.id}`)).status, 204);
  assert.equal((await admin.request('DELETE', `/api/v1/service-order-lines/${line.json.id}`)).status, 404);
  const after = await admin.request('GET', `/api/v1/service-orders/${ids.order}/work`);
  assert.deepEqual(after.json.totals, { rates: [], netMinor: 0, vatMinor: 0, grossMinor: 0 });

  const applied = await admin.request('POST', `/api/v1/service-orders/${ids.order}/apply-path`, { servicePathId: ids.path });
  assert.deepEqual([applied.status, applied.json.items.length], [200, 5]);
  const missing = await admin.request('GET', '/api/v1/service-orders/00000000-0000-4000-8000-000000000000/work');
  assert.deepEqual([missing.status, missing.json.code], [404, 'service_orders.not_found']);
});
