import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../kernel/audit/audit.table.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import { customerInput, makeUser, setUpInstallation } from '../../test/fixtures.ts';
import type { Ctx } from '../../deps.ts';
import { AppError } from '../../kernel/errors/app-error.ts';
import * as uc from './customers.usecases.ts';
import { customers } from './customers.table.ts';
import { registerCustomerReference } from './customers.references.ts';

let deps: TestDeps;
let admin: Ctx;
let frontDesk: Ctx;
let technician: Ctx;

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  admin = await makeUser(deps, 'administrator', 'admin2@serwis.pl');
  frontDesk = await makeUser(deps, 'front_desk');
  technician = await makeUser(deps, 'technician');
});
after(() => deps.close());

const auditOf = (id: string) =>
  deps.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'customers'), eq(auditLog.entityId, id))).orderBy(auditLog.seq);

const listAll = (q: Partial<Parameters<typeof uc.listCustomers>[2]> = {}) =>
  uc.listCustomers(deps, frontDesk, { status: 'active', sort: 'name', limit: 100, ...q });

async function rejects(p: Promise<unknown>, code: string, field?: string) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof AppError, String(e));
    assert.equal(e.code, code);
    if (field) assert.ok(e.fields.some((f) => f.path === field), `no error at ${field}: ${JSON.stringify(e.fields)}`);
    return true;
  });
}

describe('creating a customer', () => {
  test('stores the NIP without separators and writes one audit record with the new values', async () => {
    const { customer, warnings } = await uc.createCustomer(deps, frontDesk, customerInput({ name: 'Alfa Serwis', nip: 'PL 526-025-09-95' }));
    assert.equal(customer.nip, '5260250995');
    assert.deepEqual(warnings, []);
    const audit = await auditOf(customer.id);
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.action, 'created');
    assert.equal(audit[0]!.actorLabel, 'Test front_desk <front_desk@serwis.pl>');
    assert.deepEqual(audit[0]!.changes.name, { before: null, after: 'Alfa Serwis' });
  });

  test('a NIP with a wrong checksum is refused at the nip field and nothing is stored', async () => {
    const before = (await listAll({ q: 'Beta Wrong' })).items.length;
    await rejects(uc.createCustomer(deps, frontDesk, customerInput({ name: 'Beta Wrong', nip: '1234567890' })), 'validation.failed', 'nip');
    assert.equal((await listAll({ q: 'Beta Wrong' })).items.length, before);
  });

  test('a second customer with the same NIP is saved with a duplicate warning naming the first', async () => {
    const first = await uc.createCustomer(deps, frontDesk, customerInput({ name: 'Gamma Jeden', nip: '1234563218' }));
    const second = await uc.createCustomer(deps, frontDesk, customerInput({ name: 'Gamma Dwa', nip: '123-456-32-18' }));
    assert.equal(second.warnings.length, 1);
    assert.equal(second.warnings[0]!.code, 'customers.duplicate_nip');
    assert.deepEqual(second.warnings[0]!.customers, [{ id: first.customer.id, name: 'Gamma Jeden' }]);
  });

  test('PESEL is accepted for an individual and refused for a company', async () => {
    const ok = await uc.createCustomer(deps, frontDesk, customerInput({ kind: 'individual', name: 'Jan Kowalski', nip: null, pesel: '44051401359' }));
    assert.equal(ok.customer.pesel, '44051401359');
    await rejects(uc.createCustomer(deps, frontDesk, customerInput({ name: 'Firma z PESEL', pesel: '44051401359' })), 'validation.failed', 'pesel');
    await rejects(uc.createCustomer(deps, frontDesk, customerInput({ kind: 'individual', name: 'Zły PESEL', nip: null, pesel: '44051401358' })), 'validation.failed', 'pesel');
  });

  test('a technician may read customers but not create them', async () => {
    await rejects(uc.createCustomer(deps, technician, customerInput({ name: 'Nie wolno' })), 'auth.forbidden');
  });
});

describe('searching customers', () => {
  before(async () => {
    await uc.createCustomer(deps, frontDesk, customerInput({ name: 'Zakład Usług Łódź-Bałuty', nip: null, phone: '42 633-44-55', email: 'baluty@example.pl', city: 'Łódź' }));
    await uc.createCustomer(deps, frontDesk, customerInput({ name: 'Śląskie Centrum Napraw', nip: '5260250995', phone: '', email: 'slask@example.pl', city: 'Katowice' }));
  });
  const names = async (q: string) => (await listAll({ q })).items.map((c) => c.name);

  const cases: [string, string, string][] = [
    ['a name fragment with Polish letters', 'Bałuty', 'Zakład Usług Łódź-Bałuty'],
    ['a name fragment without Polish letters', 'baluty', 'Zakład Usług Łódź-Bałuty'],
    ['upper-case Polish letters', 'ŁÓDŹ-BAŁ', 'Zakład Usług Łódź-Bałuty'],
    ['ASCII for a word starting with Ś', 'slaskie', 'Śląskie Centrum Napraw'],
    ['a phone number with other separators', '42 633 44 55', 'Zakład Usług Łódź-Bałuty'],
    ['a phone number fragment', '6334455', 'Zakład Usług Łódź-Bałuty'],
    ['a NIP with dashes', '526-025-09-95', 'Śląskie Centrum Napraw'],
    ['an email', 'slask@example', 'Śląskie Centrum Napraw'],
  ];
  for (const [what, q, expected] of cases)
    test(`finds a customer by ${what} ("${q}")`, async () => assert.ok((await names(q)).includes(expected), `${q} → ${await names(q)}`));

  test('a search for a contact person\'s name finds their customer', async () => {
    const { customer } = await uc.createCustomer(deps, frontDesk, customerInput({ name: 'Kontaktowa Firma', nip: null }));
    await uc.addContact(deps, frontDesk, customer.id, { name: 'Grzegorz Brzęczyszczykiewicz', role: 'Kierownik', email: 'gb@kf.pl', phone: '+48 501 502 503', language: 'pl', portalAccess: true, notes: '' });
    assert.deepEqual(await names('brzeczyszczykiewicz'), ['Kontaktowa Firma']);
    assert.deepEqual(await names('501502503'), ['Kontaktowa Firma']);
  });

  test('% and _ in a query are literal characters, not wildcards', async () => {
    assert.deepEqual(await names('%'), []);
    assert.deepEqual(await names('_'), []);
  });
});

describe('listing customers', () => {
  test('names come in Polish alphabetical order and keyset pages cover every row exactly once', async () => {
    for (const name of ['Ćwierć', 'Cebula', 'Dąb', 'Łata', 'Lato', 'Żaba', 'Zebra', 'Źródło'])
      await uc.createCustomer(deps, frontDesk, customerInput({ name, nip: null }));
    const all = (await listAll({ limit: 100 })).items.map((c) => c.name);
    const order = ['Cebula', 'Ćwierć', 'Dąb', 'Lato', 'Łata', 'Zebra', 'Źródło', 'Żaba'];
    assert.deepEqual(all.filter((n) => order.includes(n)), order);

    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAll({ limit: 3, ...(cursor ? { cursor } : {}) });
      paged.push(...page.items.map((c) => c.name));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    assert.deepEqual(paged, all);

    const desc = (await listAll({ sort: '-name' })).items.map((c) => c.name);
    assert.deepEqual(desc, [...all].reverse());
  });

  test('newest-first paging returns every row once even when rows share a creation time', async () => {
    const all = (await listAll({ sort: '-createdAt', limit: 100 })).items.map((c) => c.id);
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAll({ sort: '-createdAt', limit: 4, ...(cursor ? { cursor } : {}) });
      paged.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    assert.deepEqual(paged, all);
    assert.equal(new Set(paged).size, paged.length);
  });

  test('the kind filter returns only individuals', async () => {
    const items = (await listAll({ kind: 'individual' })).items;
    assert.ok(items.length > 0);
    assert.ok(items.every((c) => c.kind === 'individual'));
  });

  test('a malformed cursor is refused with a field error', async () => {
    await rejects(listAll({ cursor: 'not-a-cursor' }), 'pagination.bad_cursor', 'cursor');
  });
});

describe('changing, archiving and deleting', () => {
  test('an edit records only the changed fields, before and after', async () => {
    const { customer } = await uc.createCustomer(deps, frontDesk, customerInput({ name: 'Edytowana', nip: null, city: 'Poznań' }));
    await uc.updateCustomer(deps, frontDesk, customer.id, { city: 'Gdańsk', phone: '+48 58 000 00 00' });
    const audit = await auditOf(customer.id);
    assert.equal(audit.length, 2);
    assert.deepEqual(audit[1]!.changes, {
      city: { before: 'Poznań', after: 'Gdańsk' },
      phone: { before: '+48 600 100 200', after: '+48 58 000 00 00' },
    });
  });

  test('an invalid edit changes nothing and writes no audit record', async () => {
    const { customer } = await uc.createCustomer(deps, frontDesk, customerInput({ name: 'Niezmienna', nip: null }));
    await rejects(uc.updateCustomer(deps, frontDesk, customer.id, { name: 'Inna nazwa', nip: '111' }), 'validation.failed', 'nip');
    const detail = await uc.getCustomer(deps, frontDesk, customer.id);
    assert.equal(detail.name, 'Niezmienna');
    assert.equal((await auditOf(customer.id)).length, 1);
  });

  test('an archived customer leaves the active list, shows in the archived one and comes back on restore', async () => {
    const { customer } = await uc.createCustomer(deps, admin, customerInput({ name: 'Archiwalna Sp. z o.o.', nip: null }));
    await uc.setArchived(deps, admin, customer.id, true);
    assert.deepEqual((await listAll({ q: 'archiwalna' })).items, []);
    assert.equal((await listAll({ q: 'archiwalna', status: 'archived' })).items[0]!.id, customer.id);
    await uc.setArchived(deps, admin, customer.id, false);
    assert.equal((await listAll({ q: 'archiwalna' })).items.length, 1);
    assert.deepEqual((await auditOf(customer.id)).map((a) => a.action), ['created', 'archived', 'restored']);
  });

  test('front desk may not archive', async () => {
    const { customer } = await uc.createCustomer(deps, frontDesk, customerInput({ name: 'Nie archiwizuj', nip: null }));
    await rejects(uc.setArchived(deps, frontDesk, customer.id, true), 'auth.forbidden');
  });

  test('a customer another record refers to cannot be deleted, only archived', async () => {
    const { customer } = await uc.createCustomer(deps, admin, customerInput({ name: 'Z referencją', nip: null }));
    registerCustomerReference({ kind: 'test_reference', count: async (_db, id) => (id === customer.id ? 2 : 0) });
    await assert.rejects(uc.deleteCustomer(deps, admin, customer.id), (e: AppError) => e.code === 'customers.referenced' && e.status === 409);
    assert.ok(await uc.getCustomer(deps, admin, customer.id));
  });

  test('an unreferenced customer is deleted, with its contacts, and the deletion is audited', async () => {
    const { customer } = await uc.createCustomer(deps, admin, customerInput({ name: 'Do usunięcia', nip: null }));
    await uc.addContact(deps, admin, customer.id, { name: 'Ewa', role: '', email: '', phone: '', language: 'pl', portalAccess: false, notes: '' });
    await uc.deleteCustomer(deps, admin, customer.id);
    assert.equal((await deps.database.db.select().from(customers).where(eq(customers.id, customer.id))).length, 0);
    assert.deepEqual((await auditOf(customer.id)).map((a) => a.action), ['created', 'contact_added', 'deleted']);
  });
});

describe('contacts, sites and notes', () => {
  test('appear on the detail page and in the customer\'s audit trail with their own label', async () => {
    const { customer } = await uc.createCustomer(deps, frontDesk, customerInput({ name: 'Z oddziałami', nip: null }));
    const contact = await uc.addContact(deps, frontDesk, customer.id, { name: 'Zofia Wójcik', role: 'Księgowa', email: 'zofia@zo.pl', phone: '', language: 'en', portalAccess: true, notes: '' });
    await uc.updateContact(deps, frontDesk, customer.id, contact.id, { email: 'z.wojcik@zo.pl' });
    const site = await uc.addSite(deps, frontDesk, customer.id, { name: 'Magazyn Gdynia', street: 'ul. Portowa 3', postalCode: '81-001', city: 'Gdynia', country: 'PL', notes: '' });
    await uc.updateSite(deps, frontDesk, customer.id, site.id, { archived: true });
    await uc.addNote(deps, frontDesk, customer.id, 'Klient woli kontakt mailowy.');

    const detail = await uc.getCustomer(deps, frontDesk, customer.id);
    assert.deepEqual(detail.contacts.map((c) => [c.name, c.email, c.language, c.portalAccess]), [['Zofia Wójcik', 'z.wojcik@zo.pl', 'en', true]]);
    assert.deepEqual(detail.sites.map((s) => [s.name, s.archived]), [['Magazyn Gdynia', true]]);
    assert.deepEqual(detail.notesLog.map((n) => [n.body, n.authorName]), [['Klient woli kontakt mailowy.', 'Test front_desk']]);

    const audit = await auditOf(customer.id);
    assert.deepEqual(audit.map((a) => [a.action, a.subLabel]), [
      ['created', null],
      ['contact_added', 'Zofia Wójcik'],
      ['contact_updated', 'Zofia Wójcik'],
      ['site_added', 'Magazyn Gdynia'],
      ['site_archived', 'Magazyn Gdynia'],
      ['note_added', 'Klient woli kontakt mailowy.'],
    ]);
    assert.deepEqual(audit[2]!.changes, { email: { before: 'zofia@zo.pl', after: 'z.wojcik@zo.pl' } });
  });

  test('a contact of another customer cannot be changed through this customer', async () => {
    const a = await uc.createCustomer(deps, frontDesk, customerInput({ name: 'A', nip: null }));
    const b = await uc.createCustomer(deps, frontDesk, customerInput({ name: 'B', nip: null }));
    const contact = await uc.addContact(deps, frontDesk, a.customer.id, { name: 'Cudzy', role: '', email: '', phone: '', language: 'pl', portalAccess: false, notes: '' });
    await rejects(uc.updateContact(deps, frontDesk, b.customer.id, contact.id, { name: 'Przejęty' }), 'contacts.not_found');
  });
});

describe('search paging in two steps (walk in list order, then the trigram index)', () => {
  test('every walk size and match cap gives the same pages as a plain filtered scan, in every sort order', async () => {
    const { customersRepository } = await import('./customers.repository.ts');
    for (let i = 0; i < 12; i++) await uc.createCustomer(deps, frontDesk, customerInput({ name: `${i % 3 === 0 ? 'Ślusarstwo' : 'Zakład'} Próbny ${String(i).padStart(2, '0')}`, nip: null }));
    for (const sort of ['name', '-name', 'createdAt', '-createdAt'] as const)
      for (const pattern of ['slusarstwo', 'probny', 'zaklad probny 1', 'nie-ma']) {
        const collect = async (walk: number, matchCap = 5000) => {
          const out: string[] = [];
          let after: unknown[] | null = null;
          for (;;) {
            const { rows, cursorOf } = await customersRepository.list(deps.database.db, { pattern, status: 'active', sort }, after, 2, { walk, matchCap });
            out.push(...rows.slice(0, 2).map((r) => r.name));
            if (rows.length <= 2) return out;
            after = cursorOf(rows[1]!);
          }
        };
        const reference = await collect(1_000_000); // one step only: the walk sees every row
        for (const walk of [1, 2, 3, 5, 8])
          for (const cap of [0, 1, 3, 1000]) assert.deepEqual(await collect(walk, cap), reference, `${sort} ${pattern} walk ${walk} cap ${cap}`);
        if (pattern === 'slusarstwo') assert.equal(reference.length, 4);
      }
  });
});

test('a search over every status with no other filter works on the first page', async () => {
  const page = await uc.listCustomers(deps, frontDesk, { status: 'all', sort: 'name', limit: 5, q: 'probny' });
  assert.equal(page.items.length, 5);
});
