import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../deps.ts';
import { auditLog } from '../../kernel/audit/audit.table.ts';
import { AppError } from '../../kernel/errors/app-error.ts';
import { makeUser, setUpInstallation } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import type { StepInput } from './service-paths.schemas.ts';
import * as uc from './service-paths.usecases.ts';

let deps: TestDeps;
let manager: Ctx;
let consultant: Ctx;

before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
  manager = await makeUser(deps, 'manager');
  consultant = await makeUser(deps, 'consultant');
});
after(() => deps.close());

const step = (name: string, o: Partial<StepInput> = {}): StepInput => ({ name, description: '', role: null, plannedMinutes: 0, deadlineOffsetHours: null, ...o });
const names = (d: { steps: { name: string; position: number }[] }) => d.steps.map((s) => `${s.position}:${s.name}`);
const auditOf = (id: string) =>
  deps.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'service_paths'), eq(auditLog.entityId, id))).orderBy(auditLog.seq);
const newPath = (name: string, steps: string[]) =>
  uc.createServicePath(deps, manager, { name, description: '', steps: steps.map((s) => step(s, { plannedMinutes: 10 })) });

async function rejects(p: Promise<unknown>, code: string, field?: string, fieldCode?: string) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof AppError, String(e));
    assert.equal(e.code, code);
    if (field) assert.ok(e.fields.some((f) => f.path === field && (!fieldCode || f.code === fieldCode)), JSON.stringify(e.fields));
    return true;
  });
}

describe('creating a service path', () => {
  test('initial steps get positions 0..n-1 in the order given; the creation is one audit record naming them', async () => {
    const p = await uc.createServicePath(deps, manager, {
      name: 'Naprawa laptopa',
      description: 'Standard',
      steps: [step('Przyjęcie', { role: 'front_desk', plannedMinutes: 15 }), step('Diagnoza', { role: 'technician', plannedMinutes: 60, deadlineOffsetHours: 48 }), step('Wydanie')],
    });
    assert.deepEqual(names(p), ['0:Przyjęcie', '1:Diagnoza', '2:Wydanie']);
    assert.deepEqual([p.stepCount, p.plannedMinutes], [3, 75]);
    assert.deepEqual([p.steps[1]!.role, p.steps[1]!.deadlineOffsetHours], ['technician', 48]);
    const audit = await auditOf(p.id);
    assert.deepEqual(audit.map((a) => a.action), ['created']);
    assert.deepEqual(audit[0]!.changes.steps, { before: null, after: ['Przyjęcie', 'Diagnoza', 'Wydanie'] });
  });

  test('a consultant may read paths but not create them', async () => {
    await rejects(uc.createServicePath(deps, consultant, { name: 'X', description: '', steps: [] }), 'auth.forbidden');
  });
});

describe('steps of a path', () => {
  test('a step appended, inserted first and inserted in the middle keeps positions 0..n-1 without gaps', async () => {
    const p = await newPath('Wstawianie', ['A', 'B', 'C']);
    assert.deepEqual(names(await uc.addStep(deps, manager, p.id, step('D'))), ['0:A', '1:B', '2:C', '3:D']);
    assert.deepEqual(names(await uc.addStep(deps, manager, p.id, { ...step('Start'), position: 0 })), ['0:Start', '1:A', '2:B', '3:C', '4:D']);
    assert.deepEqual(names(await uc.addStep(deps, manager, p.id, { ...step('Środek'), position: 2 })), ['0:Start', '1:A', '2:Środek', '3:B', '4:C', '5:D']);
    assert.deepEqual(names(await uc.addStep(deps, manager, p.id, { ...step('Koniec'), position: 99 })).at(-1), '6:Koniec');
    const audit = await auditOf(p.id);
    assert.deepEqual(audit.slice(1).map((a) => [a.action, a.subEntity, a.subLabel]), [
      ['step_added', 'step', 'D'],
      ['step_added', 'step', 'Start'],
      ['step_added', 'step', 'Środek'],
      ['step_added', 'step', 'Koniec'],
    ]);
    assert.deepEqual(audit[3]!.changes.position, { before: null, after: 2 });
  });

  test('removing a step closes the gap; the removal is audited under the path with the step\'s name', async () => {
    const p = await newPath('Usuwanie', ['A', 'B', 'C', 'D']);
    const b = p.steps[1]!;
    const after = await uc.removeStep(deps, manager, p.id, b.id);
    assert.deepEqual(names(after), ['0:A', '1:C', '2:D']);
    assert.deepEqual(names(await uc.removeStep(deps, manager, p.id, after.steps[2]!.id)), ['0:A', '1:C']);
    const audit = await auditOf(p.id);
    assert.deepEqual([audit[1]!.action, audit[1]!.subEntityId, audit[1]!.subLabel], ['step_removed', b.id, 'B']);
    assert.deepEqual(audit[1]!.changes.name, { before: 'B', after: null });
  });

  test('changing a step records only its changed fields; role and deadline can be cleared', async () => {
    const p = await uc.createServicePath(deps, manager, { name: 'Edycja', description: '', steps: [step('Diagnoza', { role: 'technician', deadlineOffsetHours: 24 })] });
    const s = p.steps[0]!;
    const after = await uc.updateStep(deps, manager, p.id, s.id, { plannedMinutes: 45, role: null, deadlineOffsetHours: null });
    assert.deepEqual([after.steps[0]!.name, after.steps[0]!.plannedMinutes, after.steps[0]!.role, after.steps[0]!.deadlineOffsetHours], ['Diagnoza', 45, null, null]);
    const audit = await auditOf(p.id);
    assert.deepEqual([audit[1]!.action, audit[1]!.subLabel], ['step_updated', 'Diagnoza']);
    assert.deepEqual(audit[1]!.changes, {
      role: { before: 'technician', after: null },
      plannedMinutes: { before: 0, after: 45 },
      deadlineOffsetHours: { before: 24, after: null },
    });
  });

  test('a step of another path is not found through this path', async () => {
    const a = await newPath('Ścieżka A', ['A1']);
    const b = await newPath('Ścieżka B', ['B1']);
    await rejects(uc.updateStep(deps, manager, b.id, a.steps[0]!.id, { name: 'Przejęty' }), 'service_path_steps.not_found');
    await rejects(uc.removeStep(deps, manager, b.id, a.steps[0]!.id), 'service_path_steps.not_found');
    assert.deepEqual(names(await uc.getServicePath(deps, manager, a.id)), ['0:A1']);
  });
});

describe('reordering steps', () => {
  test('a full permutation is applied in one go and audited as the order before and after', async () => {
    const p = await newPath('Kolejność', ['A', 'B', 'C', 'D']);
    const [a, b, c, d] = p.steps.map((s) => s.id) as [string, string, string, string];
    const after = await uc.reorderSteps(deps, manager, p.id, [d, a, c, b]);
    assert.deepEqual(names(after), ['0:D', '1:A', '2:C', '3:B']);
    assert.deepEqual(after.steps.map((s) => s.id), [d, a, c, b]);
    const audit = await auditOf(p.id);
    assert.deepEqual(audit.at(-1)!.action, 'steps_reordered');
    assert.deepEqual(audit.at(-1)!.changes, { order: { before: ['A', 'B', 'C', 'D'], after: ['D', 'A', 'C', 'B'] } });
  });

  test('the same order changes nothing and writes no audit record', async () => {
    const p = await newPath('Bez zmiany kolejności', ['A', 'B']);
    await uc.reorderSteps(deps, manager, p.id, p.steps.map((s) => s.id));
    assert.equal((await auditOf(p.id)).length, 1);
  });

  const mismatches: [string, (ids: string[], foreign: string) => string[]][] = [
    ['a missing step', (ids) => ids.slice(1)],
    ['a step twice', (ids) => [ids[0]!, ids[0]!, ids[1]!]],
    ['a step of another path', (ids, foreign) => [ids[0]!, ids[1]!, foreign]],
    ['an extra step', (ids, foreign) => [...ids, foreign]],
  ];
  for (const [what, build] of mismatches)
    test(`an order with ${what} is refused at stepIds and changes nothing`, async () => {
      const p = await newPath(`Zła kolejność: ${what}`, ['A', 'B', 'C']);
      const other = await newPath('Obca', ['X']);
      await rejects(uc.reorderSteps(deps, manager, p.id, build(p.steps.map((s) => s.id), other.steps[0]!.id)), 'validation.failed', 'stepIds', 'service_paths.order_mismatch');
      assert.deepEqual(names(await uc.getServicePath(deps, manager, p.id)), ['0:A', '1:B', '2:C']);
    });
});

describe('copying, renaming, archiving and listing', () => {
  test('a copy gets " (2)", then " (3)"; its steps are new rows with the same content and order', async () => {
    const p = await uc.createServicePath(deps, manager, { name: 'Przegląd kotła', description: 'Co rok', steps: [step('Czyszczenie', { role: 'technician', plannedMinutes: 30 }), step('Protokół')] });
    const copy = await uc.copyServicePath(deps, manager, p.id, {});
    assert.equal(copy.name, 'Przegląd kotła (2)');
    assert.equal(copy.description, 'Co rok');
    assert.deepEqual(names(copy), ['0:Czyszczenie', '1:Protokół']);
    assert.equal(copy.steps[0]!.role, 'technician');
    assert.ok(copy.steps.every((s) => !p.steps.some((o) => o.id === s.id)));
    assert.equal((await uc.copyServicePath(deps, manager, copy.id, {})).name, 'Przegląd kotła (3)');
    assert.equal((await uc.copyServicePath(deps, manager, p.id, { name: 'Przegląd pieca' })).name, 'Przegląd pieca');
    const audit = await auditOf(copy.id);
    assert.deepEqual(audit.map((a) => a.action), ['copied']);
    assert.deepEqual(audit[0]!.changes.copiedFrom, { before: null, after: { id: p.id, name: 'Przegląd kotła' } });
    // the original is untouched
    assert.deepEqual(names(await uc.getServicePath(deps, manager, p.id)), ['0:Czyszczenie', '1:Protokół']);
  });

  test('renaming is audited; archive hides the path and restore brings it back', async () => {
    const p = await newPath('Montaż klimatyzacji', ['A']);
    await uc.updateServicePath(deps, manager, p.id, { name: 'Montaż klimatyzatora' });
    await uc.setServicePathArchived(deps, manager, p.id, true);
    const list = (q: Partial<Parameters<typeof uc.listServicePaths>[2]>) => uc.listServicePaths(deps, consultant, { status: 'active', sort: 'name', limit: 100, ...q });
    assert.deepEqual((await list({ q: 'klimatyzatora' })).items, []);
    assert.equal((await list({ q: 'klimatyzatora', status: 'archived' })).items[0]!.archived, true);
    await uc.setServicePathArchived(deps, manager, p.id, false);
    const audit = await auditOf(p.id);
    assert.deepEqual(audit.map((a) => a.action), ['created', 'updated', 'archived', 'restored']);
    assert.deepEqual(audit[1]!.changes, { name: { before: 'Montaż klimatyzacji', after: 'Montaż klimatyzatora' } });
  });

  test('the list finds "Łódź" by "lodz", shows step counts and planned time, and pages cover every path once', async () => {
    await newPath('Serwis Łódź-Bałuty', ['A', 'B', 'C']);
    const list = (q: Partial<Parameters<typeof uc.listServicePaths>[2]>) => uc.listServicePaths(deps, consultant, { status: 'all', sort: 'name', limit: 100, ...q });
    const found = (await list({ q: 'lodz' })).items;
    assert.deepEqual(found.map((p) => [p.name, p.stepCount, p.plannedMinutes]), [['Serwis Łódź-Bałuty', 3, 30]]);
    assert.deepEqual((await list({ q: 'ŁÓDŹ' })).items.map((p) => p.name), ['Serwis Łódź-Bałuty']);
    for (const sort of ['name', '-name'] as const) {
      const all = (await list({ sort })).items.map((p) => p.id);
      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await list({ sort, limit: 3, ...(cursor ? { cursor } : {}) });
        paged.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      assert.deepEqual(paged, all);
      assert.ok(all.length > 6);
    }
  });
});
