// Walks every operation in the OpenAPI document: each must be public or name a permission; without
// credentials it answers 401; a role lacking the permission gets 403 — before any body is read.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { App } from './kernel/http/app-types.ts';
import { can, PERMISSIONS, ROLES, type Permission, type Role } from './kernel/auth/permissions.ts';
import { createTestDeps, type TestDeps } from './test/test-db.ts';
import { buildTestApp, makeUser, setUpInstallation, signedInClient, USER_PASSWORD, type Client } from './test/fixtures.ts';
import { fillPath, operations, type Operation } from './test/openapi.ts';

let deps: TestDeps;
let app: App;
let ops: Operation[];
const clients = new Map<Role, Client>();

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  app = await buildTestApp(deps);
  for (const role of ROLES) {
    await makeUser(deps, role, `${role}@perm.pl`);
    clients.set(role, await signedInClient(app, `${role}@perm.pl`, USER_PASSWORD));
  }
  ops = (await operations(app)).ops;
});
after(async () => {
  await app.close();
  await deps.close();
});

test('the OpenAPI document lists the API and every operation is public or names a known permission', () => {
  assert.ok(ops.length >= 25, `only ${ops.length} operations`);
  for (const op of ops) {
    assert.ok(op.isPublic || (op.permission && (PERMISSIONS as readonly string[]).includes(op.permission)), `${op.method} ${op.path}`);
  }
});

test("only sign-in, first-run setup and its status, and the customer's links (tracking page, estimate) are public", () => {
  const publicOps = ops.filter((o) => o.isPublic).map((o) => `${o.method} ${o.path}`).sort();
  assert.deepEqual(publicOps, [
    'GET /api/v1/public/estimates/{token}',
    'GET /api/v1/public/tracking/{token}',
    'GET /api/v1/setup/status',
    'POST /api/v1/auth/sign-in',
    'POST /api/v1/public/estimates/{token}/decision',
    'POST /api/v1/public/tracking/{token}/estimate-decision',
    'POST /api/v1/setup',
  ]);
});

test('every non-public operation refuses a request without credentials with 401', async () => {
  for (const op of ops.filter((o) => !o.isPublic)) {
    const res = await app.inject({ method: op.method as 'GET', url: fillPath(op.path, {}), ...(op.bodySchema ? { payload: {} } : {}) });
    assert.equal(res.statusCode, 401, `${op.method} ${op.path} → ${res.statusCode}`);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
  }
});

test('every non-public operation refuses a forged or revoked bearer token with 401', async () => {
  for (const op of ops.filter((o) => !o.isPublic)) {
    const res = await app.inject({ method: op.method as 'GET', url: fillPath(op.path, {}), headers: { authorization: 'Bearer swt_forged00_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' } });
    assert.equal(res.statusCode, 401, `${op.method} ${op.path}`);
  }
});

test('every role is refused with 403 on each operation whose permission it lacks', async () => {
  let checked = 0;
  for (const op of ops.filter((o) => !o.isPublic))
    for (const role of ROLES) {
      if (can(role, op.permission as Permission)) continue;
      const res = await clients.get(role)!.request(op.method, fillPath(op.path, {}), op.bodySchema ? {} : undefined);
      assert.equal(res.status, 403, `${role} ${op.method} ${op.path} → ${res.status}`);
      assert.equal(res.json.code, 'auth.forbidden');
      checked++;
    }
  assert.ok(checked > 20, `only ${checked} refusals checked`);
});

test('a role with the permission gets past the guard (no 401/403) on every operation', async () => {
  for (const op of ops.filter((o) => !o.isPublic)) {
    if (op.path === '/api/v1/auth/sign-out') continue; // would end the session the other checks use
    const role = ROLES.find((r) => can(r, op.permission as Permission))!;
    const res = await clients.get(role)!.request(op.method, fillPath(op.path, {}), op.bodySchema ? {} : undefined);
    assert.ok(res.status !== 401 && res.status !== 403, `${role} ${op.method} ${op.path} → ${res.status} ${res.body}`);
  }
});
