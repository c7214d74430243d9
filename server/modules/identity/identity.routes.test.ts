import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { App } from '../../kernel/http/app-types.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import { ADMIN, buildTestApp, setUpInstallation, signedInClient, type Client } from '../../test/fixtures.ts';
import { apiTokens, sessions, users } from './identity.table.ts';

let deps: TestDeps;
let app: App;
let admin: Client;

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  app = await buildTestApp(deps);
  admin = await signedInClient(app, ADMIN.email, ADMIN.password);
});
after(async () => {
  await app.close();
  await deps.close();
});

const signIn = (email: string, password: string, ip = '10.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password }, remoteAddress: ip });

describe('signing in', () => {
  test('sets an HttpOnly, SameSite session cookie and stores only a hash of it', async () => {
    const res = await signIn(ADMIN.email.toUpperCase(), ADMIN.password);
    assert.equal(res.statusCode, 200);
    const cookie = String(res.headers['set-cookie']);
    assert.match(cookie, /^sw_session=[\w-]{43};/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    const token = cookie.split(';')[0]!.split('=')[1]!;
    const rows = await deps.database.db.select().from(sessions);
    assert.ok(rows.every((r) => r.idHash !== token));
    assert.equal(res.json().user.role, 'administrator');
    assert.ok(res.json().permissions.includes('users:manage'));
  });

  test('a wrong password gets the same answer as an unknown email', async () => {
    const a = await signIn(ADMIN.email, 'wrong-password-1', '10.0.0.2');
    const b = await signIn('nobody@serwis.pl', 'wrong-password-1', '10.0.0.3');
    assert.equal(a.statusCode, 401);
    assert.equal(b.statusCode, 401);
    assert.equal(a.json().code, 'auth.invalid_credentials');
    assert.equal(b.json().code, 'auth.invalid_credentials');
  });

  test('after five failures for one email the sixth locks it, even with the right password, and says when to retry', async () => {
    const email = 'locked@serwis.pl';
    await admin.request('POST', '/api/v1/users', { email, name: 'Zablokowany', role: 'technician' });
    for (let i = 0; i < 6; i++) assert.equal((await signIn(email, 'bad-password-x', `10.1.0.${i}`)).statusCode, 401);
    const locked = await signIn(email, 'bad-password-x', '10.1.1.1');
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json().code, 'auth.throttled');
    assert.equal(locked.headers['retry-after'], '60');
    deps.clock.advance(61_000);
    assert.equal((await signIn(email, 'bad-password-x', '10.1.1.2')).statusCode, 401);
  });
});

describe('the session', () => {
  test('a cookie-authenticated write without the CSRF token is refused and changes nothing', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/customers', headers: { cookie: admin.cookie }, payload: { kind: 'company', name: 'Bez CSRF' } });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().code, 'auth.csrf');
    const list = await admin.request('GET', '/api/v1/customers?q=bez%20csrf');
    assert.equal(list.json.items.length, 0);
  });

  test('signing out ends the session on the server', async () => {
    const c = await signedInClient(app, ADMIN.email, ADMIN.password);
    assert.equal((await c.request('POST', '/api/v1/auth/sign-out')).status, 204);
    assert.equal((await c.request('GET', '/api/v1/auth/session')).status, 401);
  });

  test('an idle session expires', async () => {
    const c = await signedInClient(app, ADMIN.email, ADMIN.password);
    deps.clock.advance(13 * 3600_000);
    assert.equal((await c.request('GET', '/api/v1/auth/session')).status, 401);
    admin = await signedInClient(app, ADMIN.email, ADMIN.password);
  });
});

describe('staff users', () => {
  test('an invited user signs in with the one-time password, must change it first, then works normally', async () => {
    const created = await admin.request('POST', '/api/v1/users', { email: 'Tech@Serwis.pl', name: 'Tomasz Technik', role: 'technician', language: 'pl' });
    assert.equal(created.status, 201);
    assert.equal(created.json.user.email, 'tech@serwis.pl');
    const temp = created.json.temporaryPassword as string;
    assert.equal(temp.length, 14);
    const row = (await deps.database.db.select().from(users).where(eq(users.email, 'tech@serwis.pl')))[0]!;
    assert.match(row.passwordHash, /^\$argon2id\$/);

    const tech = await signedInClient(app, 'tech@serwis.pl', temp);
    const blocked = await tech.request('GET', '/api/v1/customers');
    assert.equal(blocked.status, 403);
    assert.equal(blocked.json.code, 'auth.password_change_required');

    const weak = await tech.request('PUT', '/api/v1/auth/password', { currentPassword: temp, newPassword: 'short' });
    assert.equal(weak.status, 422);
    assert.equal(weak.json.errors[0].path, 'newPassword');
    assert.equal(weak.json.errors[0].code, 'password.too_short');

    const wrong = await tech.request('PUT', '/api/v1/auth/password', { currentPassword: 'nope-nope-nope', newPassword: 'Nowe-hasło-serwisanta-1' });
    assert.equal(wrong.status, 422);
    assert.equal(wrong.json.errors[0].path, 'currentPassword');

    assert.equal((await tech.request('PUT', '/api/v1/auth/password', { currentPassword: temp, newPassword: 'Nowe-hasło-serwisanta-1' })).status, 204);
    assert.equal((await tech.request('GET', '/api/v1/customers')).status, 200);
    assert.equal((await signIn('tech@serwis.pl', temp, '10.2.0.1')).statusCode, 401);
    assert.equal((await signIn('tech@serwis.pl', 'Nowe-hasło-serwisanta-1', '10.2.0.2')).statusCode, 200);
  });

  test('a technician may not invite users', async () => {
    const tech = await signedInClient(app, 'tech@serwis.pl', 'Nowe-hasło-serwisanta-1');
    const res = await tech.request('POST', '/api/v1/users', { email: 'x@serwis.pl', name: 'X', role: 'administrator' });
    assert.equal(res.status, 403);
    assert.equal(res.json.code, 'auth.forbidden');
  });

  test('an administrator reset signs the user out everywhere and issues a new temporary password', async () => {
    const tech = await signedInClient(app, 'tech@serwis.pl', 'Nowe-hasło-serwisanta-1');
    const id = (await tech.request('GET', '/api/v1/auth/session')).json.user.id;
    const reset = await admin.request('POST', `/api/v1/users/${id}/reset-password`);
    assert.equal(reset.status, 200);
    assert.equal(reset.json.user.mustChangePassword, true);
    assert.equal((await tech.request('GET', '/api/v1/auth/session')).status, 401);
    assert.equal((await signIn('tech@serwis.pl', reset.json.temporaryPassword, '10.3.0.1')).statusCode, 200);
  });

  test('the last administrator cannot be demoted', async () => {
    const me = (await admin.request('GET', '/api/v1/auth/session')).json.user.id;
    const res = await admin.request('PATCH', `/api/v1/users/${me}`, { role: 'manager' });
    assert.equal(res.status, 409);
    assert.equal(res.json.code, 'users.last_administrator');
  });

  test('inviting an email that is taken names the email field', async () => {
    const res = await admin.request('POST', '/api/v1/users', { email: ADMIN.email, name: 'Duplikat', role: 'manager' });
    assert.equal(res.status, 422);
    assert.deepEqual(res.json.errors.map((e: { path: string }) => e.path), ['email']);
  });
});

describe('API tokens', () => {
  test('a token is shown once, stored hashed, works as Bearer without CSRF, and stops working when revoked', async () => {
    const created = await admin.request('POST', '/api/v1/api-tokens', { name: 'Integracja ERP' });
    assert.equal(created.status, 201);
    const secret = created.json.secret as string;
    assert.match(secret, /^swt_\w{8}_[\w-]{43}$/);
    const stored = (await deps.database.db.select().from(apiTokens).where(eq(apiTokens.id, created.json.token.id)))[0]!;
    assert.notEqual(stored.tokenHash, secret);
    assert.ok(!JSON.stringify((await admin.request('GET', '/api/v1/api-tokens')).json).includes(secret));

    const bearer = { authorization: `Bearer ${secret}` };
    const made = await app.inject({ method: 'POST', url: '/api/v1/customers', headers: bearer, payload: { kind: 'company', name: 'Z API' } });
    assert.equal(made.statusCode, 201);

    assert.equal((await admin.request('DELETE', `/api/v1/api-tokens/${created.json.token.id}`)).status, 200);
    const after = await app.inject({ method: 'GET', url: '/api/v1/customers', headers: bearer });
    assert.equal(after.statusCode, 401);
    assert.equal(after.json().code, 'auth.invalid_token');
  });
});
