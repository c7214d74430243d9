import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../deps.ts';
import { auditLog } from '../../kernel/audit/audit.table.ts';
import { AppError } from '../../kernel/errors/app-error.ts';
import { makeUser, setUpInstallation } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import type { ResourceInput } from './resources.schemas.ts';
import * as uc from './resources.usecases.ts';

let deps: TestDeps;
let manager: Ctx;
let technician: Ctx;

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  manager = await makeUser(deps, 'manager');
  technician = await makeUser(deps, 'technician');
});
after(() => deps.close());

const resource = (o: Partial<ResourceInput> = {}): ResourceInput => ({ name: 'Fiat Ducato', kind: 'vehicle', identifier: 'EL 1234X', notes: '', active: true, ...o });
const auditOf = (id: string) =>
  deps.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'resources'), eq(auditLog.entityId, id))).orderBy(auditLog.seq);
const list = (q: Partial<Parameters<typeof uc.listResources>[2]> = {}) => uc.listResources(deps, technician, { status: 'active', sort: 'name', limit: 100, ...q });

describe('resources', () => {
  test('a new resource is active and its creation is audited', async () => {
    const r = await uc.createResource(deps, manager, resource({ name: 'Bus serwisowy' }));
    assert.equal(r.active, true);
    assert.deepEqual((await auditOf(r.id)).map((a) => [a.action, a.changes.name?.after]), [['created', 'Bus serwisowy']]);
  });

  test('switching a resource off is audited as such, hides it from the active list, and it can come back', async () => {
    const r = await uc.createResource(deps, manager, resource({ name: 'Podnośnik koszowy', kind: 'equipment', identifier: 'SN-77' }));
    assert.equal((await uc.updateResource(deps, manager, r.id, { active: false })).active, false);
    assert.deepEqual((await list({ q: 'podnosnik' })).items, []);
    assert.equal((await list({ q: 'podnosnik', status: 'inactive' })).items.length, 1);
    await uc.updateResource(deps, manager, r.id, { active: true, notes: 'Po przeglądzie UDT' });
    const audit = await auditOf(r.id);
    assert.deepEqual(audit.map((a) => a.action), ['created', 'deactivated', 'updated']);
    assert.deepEqual(audit[1]!.changes, { active: { before: true, after: false } });
  });

  test('search finds Polish names without diacritics and registration numbers with or without the space', async () => {
    await uc.createResource(deps, manager, resource({ name: 'Dźwig Łódź', kind: 'equipment', identifier: 'DZ-2024/1' }));
    await uc.createResource(deps, manager, resource({ name: 'Renault Master', identifier: 'WI 5555A' }));
    const names = async (q: string) => (await list({ q, status: 'all' })).items.map((r) => r.name);
    assert.deepEqual(await names('dzwig lodz'), ['Dźwig Łódź']);
    assert.deepEqual(await names('wi5555a'), ['Renault Master']);
    assert.deepEqual(await names('WI 5555'), ['Renault Master']);
    assert.ok((await list({ kind: 'equipment', status: 'all' })).items.every((r) => r.kind === 'equipment'));
  });

  test('keyset pages by name cover every resource once, in Polish order, both directions', async () => {
    for (const name of ['Żuraw', 'Zamiatarka', 'Łopata', 'Laweta', 'Ćma'] ) await uc.createResource(deps, manager, resource({ name, identifier: '' }));
    const all = (await list({ status: 'all' })).items.map((r) => r.name);
    const order = ['Ćma', 'Laweta', 'Łopata', 'Zamiatarka', 'Żuraw'];
    assert.deepEqual(all.filter((n) => order.includes(n)), order);
    for (const sort of ['name', '-name'] as const) {
      const full = (await list({ status: 'all', sort })).items.map((r) => r.id);
      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await list({ status: 'all', sort, limit: 2, ...(cursor ? { cursor } : {}) });
        paged.push(...page.items.map((r) => r.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      assert.deepEqual(paged, full);
    }
  });

  test('a technician may read resources but not add them', async () => {
    await assert.rejects(uc.createResource(deps, technician, resource()), (e: AppError) => e.code === 'auth.forbidden');
  });
});
