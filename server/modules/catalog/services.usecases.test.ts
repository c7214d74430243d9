import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../deps.ts';
import { auditLog } from '../../kernel/audit/audit.table.ts';
import { AppError } from '../../kernel/errors/app-error.ts';
import { makeUser, setUpInstallation } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import { vatRates } from './catalog.table.ts';
import type { ServiceInput } from './services.schemas.ts';
import * as uc from './services.usecases.ts';

let deps: TestDeps;
let manager: Ctx;
let frontDesk: Ctx;

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  manager = await makeUser(deps, 'manager');
  frontDesk = await makeUser(deps, 'front_desk');
});
after(() => deps.close());

const service = (o: Partial<ServiceInput> = {}): ServiceInput => ({
  code: 'RBH',
  name: 'Roboczogodzina serwisanta',
  unit: 'hour',
  defaultPriceMinor: 15_000,
  vatRateCode: '23',
  billingIncrementMinutes: 15,
  description: '',
  ...o,
});

const auditOf = (id: string) =>
  deps.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'services'), eq(auditLog.entityId, id))).orderBy(auditLog.seq);
const list = (q: Partial<Parameters<typeof uc.listServices>[2]> = {}) => uc.listServices(deps, frontDesk, { status: 'active', sort: 'name', limit: 100, ...q });

function fieldCodes(e: unknown): string[] {
  assert.ok(e instanceof AppError, String(e));
  assert.equal(e.status, 422);
  return e.fields.map((f) => `${f.path}:${f.code}`).sort();
}

describe('creating a service', () => {
  test('stores the price as integer grosze and audits the new values', async () => {
    const s = await uc.createService(deps, manager, service({ code: 'DOJ', name: 'Dojazd', unit: 'km', defaultPriceMinor: 250, vatRateCode: '8', billingIncrementMinutes: null }));
    assert.deepEqual([s.unit, s.defaultPriceMinor, s.vatRateCode, s.billingIncrementMinutes], ['km', 250, '8', null]);
    const audit = await auditOf(s.id);
    assert.deepEqual(audit.map((a) => a.action), ['created']);
    assert.deepEqual(audit[0]!.changes.defaultPriceMinor, { before: null, after: 250 });
  });

  test('an unknown VAT rate is refused at vatRateCode, and a taken code at code, both in one answer', async () => {
    await uc.createService(deps, manager, service({ code: 'TAKEN' }));
    const e = await uc.createService(deps, manager, service({ code: 'taken', vatRateCode: '22' })).then(() => null, (x: unknown) => x);
    assert.deepEqual(fieldCodes(e), ['code:catalog.code_taken', 'vatRateCode:catalog.vat_rate_unknown']);
  });

  test('an inactive VAT rate is refused for a new service, but stays on services that already have it', async () => {
    const existing = await uc.createService(deps, manager, service({ code: 'OLD-5', name: 'Stara usługa', vatRateCode: '5' }));
    await deps.database.db.update(vatRates).set({ active: false }).where(eq(vatRates.code, '5'));
    try {
      const e = await uc.createService(deps, manager, service({ code: 'NEW-5', vatRateCode: '5' })).then(() => null, (x: unknown) => x);
      assert.deepEqual(fieldCodes(e), ['vatRateCode:catalog.vat_rate_unknown']);
      const renamed = await uc.updateService(deps, manager, existing.id, { name: 'Stara usługa (zmieniona)' });
      assert.equal(renamed.vatRateCode, '5');
      const e2 = await uc.updateService(deps, manager, existing.id, { vatRateCode: 'zz' }).then(() => null, (x: unknown) => x);
      assert.deepEqual(fieldCodes(e2), ['vatRateCode:catalog.vat_rate_unknown']);
    } finally {
      await deps.database.db.update(vatRates).set({ active: true }).where(eq(vatRates.code, '5'));
    }
  });

  test('front desk may read services but not create them', async () => {
    await assert.rejects(uc.createService(deps, frontDesk, service({ code: 'FD' })), (e: AppError) => e.code === 'auth.forbidden');
  });
});

describe('changing a service', () => {
  test('an edit records only what changed; the billing increment can be cleared to exact minutes', async () => {
    const s = await uc.createService(deps, manager, service({ code: 'EDIT', name: 'Diagnostyka' }));
    const changed = await uc.updateService(deps, manager, s.id, { defaultPriceMinor: 17_550, billingIncrementMinutes: null });
    assert.deepEqual([changed.name, changed.unit, changed.defaultPriceMinor, changed.billingIncrementMinutes], ['Diagnostyka', 'hour', 17_550, null]);
    const audit = await auditOf(s.id);
    assert.deepEqual(audit[1]!.changes, {
      defaultPriceMinor: { before: 15_000, after: 17_550 },
      billingIncrementMinutes: { before: 15, after: null },
    });
  });

  test('an edit that changes nothing writes no audit record', async () => {
    const s = await uc.createService(deps, manager, service({ code: 'NOOP' }));
    await uc.updateService(deps, manager, s.id, { defaultPriceMinor: 15_000, vatRateCode: '23' });
    assert.equal((await auditOf(s.id)).length, 1);
  });

  test('archive and restore are audited and move the service between the lists', async () => {
    const s = await uc.createService(deps, manager, service({ code: 'ARCH', name: 'Archiwalna usługa' }));
    await uc.setServiceArchived(deps, manager, s.id, true);
    assert.deepEqual((await list({ q: 'archiwalna' })).items, []);
    assert.equal((await list({ q: 'archiwalna', status: 'archived' })).items.length, 1);
    await uc.setServiceArchived(deps, manager, s.id, false);
    assert.deepEqual((await auditOf(s.id)).map((a) => a.action), ['created', 'archived', 'restored']);
  });
});

describe('listing services', () => {
  test('search folds Polish letters; keyset pages by code cover every row once', async () => {
    await uc.createService(deps, manager, service({ code: 'MONT-Ż', name: 'Montaż żurawia' }));
    assert.deepEqual((await list({ q: 'montaz zuraw' })).items.map((s) => s.name), ['Montaż żurawia']);
    assert.deepEqual((await list({ q: 'mont-z' })).items.map((s) => s.name), ['Montaż żurawia']);
    for (const sort of ['code', '-code', 'name', '-name'] as const) {
      const all = (await list({ sort })).items.map((s) => s.id);
      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await list({ sort, limit: 2, ...(cursor ? { cursor } : {}) });
        paged.push(...page.items.map((s) => s.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      assert.deepEqual(paged, all, sort);
    }
  });
});
