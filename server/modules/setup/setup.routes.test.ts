import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { App } from '../../kernel/http/app-types.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import { ADMIN, COMPANY, buildTestApp } from '../../test/fixtures.ts';
import { auditLog } from '../../kernel/audit/audit.table.ts';
import { company } from '../company/company.table.ts';

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

const post = (payload: unknown) => app.inject({ method: 'POST', url: '/api/v1/setup', payload: payload as object });

describe('first run', () => {
  test('an empty database asks for setup and nothing else is reachable', async () => {
    assert.deepEqual((await app.inject({ url: '/api/v1/setup/status' })).json(), { needsSetup: true });
    assert.equal((await app.inject({ url: '/api/v1/customers' })).statusCode, 401);
  });

  test('bad company data is refused field by field and nothing is created', async () => {
    const res = await post({
      company: { ...COMPANY, nip: '1234567890', bankAccount: '61109010140000071219812875', postalCode: '90001' },
      admin: { ...ADMIN, password: 'short' },
    });
    assert.equal(res.statusCode, 422);
    assert.deepEqual(res.json().errors.map((e: { path: string }) => e.path).sort(), ['admin.password', 'company.bankAccount', 'company.nip', 'company.postalCode']);
    assert.equal((await deps.database.db.select().from(company)).length, 0);
    assert.deepEqual((await app.inject({ url: '/api/v1/setup/status' })).json(), { needsSetup: true });
  });

  test('a missing field is named in the 400 answer', async () => {
    const res = await post({ company: { ...COMPANY, name: undefined }, admin: ADMIN });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'request.invalid');
    assert.ok(res.json().errors.some((e: { path: string }) => e.path === 'company.name'), JSON.stringify(res.json().errors));
  });

  test('creates the company and the administrator, signs them in, and audits both', async () => {
    const res = await post({ company: COMPANY, admin: ADMIN });
    assert.equal(res.statusCode, 201);
    assert.equal(res.json().user.email, ADMIN.email);
    assert.match(String(res.headers['set-cookie']), /sw_session=/);
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const stored = (await deps.database.db.select().from(company))[0]!;
    assert.equal(stored.nip, '5260250995');
    assert.equal(stored.bankAccount, '61109010140000071219812874');
    const audit = await deps.database.db.select().from(auditLog);
    assert.deepEqual(audit.map((a) => `${a.entity}:${a.action}:${a.actorLabel}`).sort(), ['company:created:first-run setup', 'users:created:first-run setup']);

    const guide = await app.inject({ url: '/api/v1/setup/guide', headers: { cookie } });
    assert.deepEqual(guide.json().steps.map((s: { key: string; done: boolean }) => [s.key, s.done]), [
      ['company', true],
      ['profile', false],
      ['users', false],
      ['services', false],
      ['price_lists', false],
      ['service_paths', false],
      ['customers', false],
    ]);
  });

  test('setup cannot run twice', async () => {
    const res = await post({ company: COMPANY, admin: { ...ADMIN, email: 'intruz@example.com' } });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, 'setup.already_done');
    assert.deepEqual((await app.inject({ url: '/api/v1/setup/status' })).json(), { needsSetup: false });
  });
});

describe('the setup guide adapts to the company profile', () => {
  const keys = async (cookie: string) =>
    (await app.inject({ url: '/api/v1/setup/guide', headers: { cookie } })).json().steps.map((s: { key: string; done: boolean }) => `${s.key}${s.done ? '✓' : ''}`);

  test('a repair shop gets parts and stock; field service adds products and resources; each step ticks from real data', async () => {
    const signIn = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: ADMIN.email, password: ADMIN.password } });
    const cookie = String(signIn.headers['set-cookie']).split(';')[0]!;
    const csrf = signIn.json().csrfToken as string;
    const put = (profiles: string[]) => app.inject({ method: 'PUT', url: '/api/v1/company/profiles', headers: { cookie, 'x-csrf-token': csrf }, payload: { profiles } });

    assert.equal((await put(['repair_shop'])).json().profiles[0], 'repair_shop');
    assert.deepEqual(await keys(cookie), ['company✓', 'profile✓', 'users', 'parts', 'stock', 'services', 'price_lists', 'service_paths', 'customers']);

    await app.inject({ method: 'POST', url: '/api/v1/parts', headers: { cookie, 'x-csrf-token': csrf }, payload: { code: 'P1', name: 'Ekran' } });
    assert.ok((await keys(cookie)).includes('parts✓'));

    await put(['field_service', 'repair_shop', 'field_service']);
    assert.deepEqual(await keys(cookie), ['company✓', 'profile✓', 'users', 'products', 'parts✓', 'stock', 'services', 'price_lists', 'service_paths', 'resources', 'customers']);
    const company = await app.inject({ url: '/api/v1/company', headers: { cookie } });
    assert.deepEqual(company.json().profiles, ['repair_shop', 'field_service']);
  });
});
