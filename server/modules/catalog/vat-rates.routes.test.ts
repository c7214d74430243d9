import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { App } from '../../kernel/http/app-types.ts';
import { buildTestApp, makeUser, setUpInstallation, signedInClient, USER_PASSWORD } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';

let deps: TestDeps;
let app: App;

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  app = await buildTestApp(deps);
});
after(async () => {
  await app.close();
  await deps.close();
});

test('every role reads the VAT rates in display order, with their KSeF codes and both labels', async () => {
  await makeUser(deps, 'technician', 'tech@vat.pl');
  const tech = await signedInClient(app, 'tech@vat.pl', USER_PASSWORD);
  const res = await tech.request('GET', '/api/v1/vat-rates');
  assert.equal(res.status, 200);
  assert.deepEqual(res.json.items.map((r: any) => r.code), ['23', '8', '5', '0', 'zw', 'np', 'oo']);
  assert.deepEqual(res.json.items[0], { code: '23', rateBp: 2300, ksefCode: '23', labelPl: '23%', labelEn: '23%', position: 1, active: true });
  const zw = res.json.items.find((r: any) => r.code === 'zw');
  assert.deepEqual([zw.rateBp, zw.ksefCode, zw.labelEn], [null, 'zw', 'zw — exempt']);
  assert.equal(res.json.items.find((r: any) => r.code === '0').ksefCode, '0 KR');
});

test('without signing in the VAT rates are refused with 401', async () => {
  assert.equal((await app.inject({ url: '/api/v1/vat-rates' })).statusCode, 401);
});
