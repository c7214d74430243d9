import assert from 'node:assert/strict';
import { AppError } from '../kernel/errors/app-error.ts';
// Builders for tests: a set-up installation, users of every role, signed-in HTTP clients.
import type { Ctx } from '../deps.ts';
import type { App } from '../kernel/http/app-types.ts';
import { buildApp } from '../app.ts';
import type { Role } from '../kernel/auth/permissions.ts';
import { performSetup } from '../modules/setup/setup.usecases.ts';
import { identityRepository } from '../modules/identity/identity.repository.ts';
import { hashPassword } from '../kernel/auth/password.ts';
import { userActor } from '../modules/identity/identity.usecases.ts';
import type { TestDeps } from './test-db.ts';
import type { CustomerInput } from '../modules/customers/customers.schemas.ts';

export const ADMIN = { name: 'Anna Nowak', email: 'anna@serwis.pl', password: 'Zażółć-gęślą-jaźń-42', language: 'pl' as const };

export const COMPANY = {
  name: 'Serwis Łódź sp. z o.o.',
  nip: '526-025-09-95',
  street: 'ul. Piotrkowska 1',
  postalCode: '90-001',
  city: 'Łódź',
  country: 'PL',
  bankAccount: 'PL61 1090 1014 0000 0712 1981 2874',
  email: 'biuro@serwis.pl',
  phone: '+48 42 000 00 00',
  defaultLanguage: 'pl' as const,
};

export async function setUpInstallation(deps: TestDeps) {
  return performSetup(deps, { company: COMPANY, admin: ADMIN }, { ip: '127.0.0.1' });
}

const hashCache = new Map<string, Promise<string>>();
const cachedHash = (pw: string) => {
  let h = hashCache.get(pw);
  if (!h) hashCache.set(pw, (h = hashPassword(pw)));
  return h;
};

export const USER_PASSWORD = 'Hasło-testowe-123';

/** Inserts an active user of the role directly (no temporary password), returning a use-case context. */
export async function makeUser(deps: TestDeps, role: Role, email = `${role}@serwis.pl`): Promise<Ctx> {
  const now = deps.clock.now();
  const user = await identityRepository.insertUser(deps.database.db, {
    email,
    name: `Test ${role}`,
    role,
    passwordHash: await cachedHash(USER_PASSWORD),
    createdAt: now,
    updatedAt: now,
  });
  return { actor: userActor(user, 'session') };
}

export type Client = {
  cookie: string;
  csrf: string;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; json: any; headers: Record<string, unknown>; body: string }>;
};

/** Signs in through the API, as the browser would, and returns a client that sends cookie + CSRF. */
export async function signedInClient(app: App, email: string, password: string): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const setCookie = String(res.headers['set-cookie']);
  const cookie = setCookie.split(';')[0]!;
  const csrf = res.json().csrfToken as string;
  return {
    cookie,
    csrf,
    async request(method, url, body, headers = {}) {
      const r = await app.inject({
        method: method as 'GET',
        url,
        headers: { cookie, 'x-csrf-token': csrf, ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      let json: unknown = null;
      try {
        json = r.json();
      } catch {
        json = null;
      }
      return { status: r.statusCode, json, headers: r.headers as Record<string, unknown>, body: r.body };
    },
  };
}

export async function buildTestApp(deps: TestDeps) {
  return buildApp(deps, { serveWeb: false });
}

export function customerInput(overrides: Partial<CustomerInput> = {}): CustomerInput {
  return {
    kind: 'company',
    name: 'Łódzkie Zakłady Naprawcze S.A.',
    nip: '7740001454',
    regon: null,
    pesel: null,
    email: 'kontakt@lzn.pl',
    phone: '+48 600 100 200',
    street: 'ul. Żeromskiego 5',
    postalCode: '90-002',
    city: 'Łódź',
    country: 'PL',
    notes: '',
    ...overrides,
  };
}

/**
 * What a use case refused, for assertions: its field errors as `path:code`, or the error itself —
 * its code, or `status code` with `withStatus`. Fails the test when nothing was refused.
 */
export async function refusal(p: Promise<unknown>, opts: { withStatus?: boolean } = {}): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof AppError, String(e));
    return e.fields.length ? e.fields.map((f) => `${f.path}:${f.code}`) : [opts.withStatus ? `${e.status} ${e.code}` : e.code];
  }
  assert.fail('expected a refusal');
}
