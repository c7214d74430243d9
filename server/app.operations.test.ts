import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { App } from './kernel/http/app-types.ts';
import { createTestDeps, type TestDeps } from './test/test-db.ts';
import { buildTestApp } from './test/fixtures.ts';
import { sql } from 'drizzle-orm';

let deps: TestDeps;
let app: App;
before(async () => {
  deps = await createTestDeps();
  app = await buildTestApp(deps);
});
after(async () => {
  await app.close();
  await deps.close();
});

test('/health answers without touching the database', async () => {
  assert.deepEqual((await app.inject({ url: '/health' })).json(), { status: 'ok' });
});

test('/ready reports the database kind once every migration is applied', async () => {
  const res = await app.inject({ url: '/ready' });
  assert.equal(res.statusCode, 200);
  assert.equal(res.json().database, process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite');
});

test('/ready answers 503 when a migration is missing', async () => {
  await deps.database.query('delete from drizzle.__drizzle_migrations where id = (select max(id) from drizzle.__drizzle_migrations)');
  const res = await app.inject({ url: '/ready' });
  assert.equal(res.statusCode, 503);
  assert.equal(res.json().code, 'not_ready.migrations');
});

test('the OpenAPI 3.1 document and the interactive docs are public', async () => {
  const doc = await app.inject({ url: '/api/openapi.json' });
  assert.equal(doc.statusCode, 200);
  assert.equal(doc.json().openapi, '3.1.0');
  assert.ok(doc.json().paths['/api/v1/customers'].get);
  const ui = await app.inject({ url: '/api/docs/' });
  assert.equal(ui.statusCode, 200);
  assert.match(ui.headers['content-type'] as string, /text\/html/);
});

test('a request id from the caller is echoed back; otherwise one is made', async () => {
  const given = await app.inject({ url: '/health', headers: { 'x-request-id': 'erp-42' } });
  assert.equal(given.headers['x-request-id'], 'erp-42');
  const made = await app.inject({ url: '/health' });
  assert.match(String(made.headers['x-request-id']), /^[0-9a-f-]{36}$/);
});

test('an unknown API path is a 404 problem', async () => {
  const res = await app.inject({ url: '/api/v1/nothing-here' });
  assert.equal(res.statusCode, 404);
  assert.equal(res.json().code, 'route.not_found');
});

test('a database error wrapped by the ORM still maps to its problem (a malformed value is a 400, not a 500)', async () => {
  const probe = await buildTestApp(deps);
  probe.get('/probe-db-error', { config: { public: true } }, async () => deps.database.db.execute(sql`select 'not-a-uuid'::uuid`));
  const res = await probe.inject({ url: '/probe-db-error' });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().code, 'request.invalid');
  await probe.close();
});
