import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../deps.ts';
import { auditLog } from '../../kernel/audit/audit.table.ts';
import { AppError } from '../../kernel/errors/app-error.ts';
import { makeUser, setUpInstallation } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import { isUniqueViolation } from './catalog.errors.ts';
import { products } from './catalog.table.ts';
import { productsRepository } from './products.repository.ts';
import type { ProductInput } from './products.schemas.ts';
import * as uc from './products.usecases.ts';

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

const product = (o: Partial<ProductInput> = {}): ProductInput => ({
  code: 'DRK-100',
  name: 'Drukarka laserowa',
  manufacturer: 'Brother',
  model: 'HL-1110',
  category: 'Drukarki',
  warrantyMonths: 24,
  description: '',
  ...o,
});

const auditOf = (id: string) =>
  deps.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'products'), eq(auditLog.entityId, id))).orderBy(auditLog.seq);

const list = (q: Partial<Parameters<typeof uc.listProducts>[2]> = {}) => uc.listProducts(deps, technician, { status: 'active', sort: 'name', limit: 100, ...q });

async function rejects(p: Promise<unknown>, code: string, field?: string, fieldCode?: string) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof AppError, String(e));
    assert.equal(e.code, code);
    if (field) assert.ok(e.fields.some((f) => f.path === field && (!fieldCode || f.code === fieldCode)), `no ${fieldCode ?? 'error'} at ${field}: ${JSON.stringify(e.fields)}`);
    return true;
  });
}

describe('creating a product', () => {
  test('stores the product with a lower-case code key and writes one audit record of its business fields', async () => {
    const p = await uc.createProduct(deps, manager, product({ code: ' Ekspres-01 ', name: 'Ekspres do kawy' }));
    assert.equal(p.code, 'Ekspres-01');
    assert.equal(p.archived, false);
    const [row] = await deps.database.db.select().from(products).where(eq(products.id, p.id));
    assert.equal(row!.codeKey, 'ekspres-01');
    const audit = await auditOf(p.id);
    assert.deepEqual(audit.map((a) => a.action), ['created']);
    assert.deepEqual(audit[0]!.changes.code, { before: null, after: 'Ekspres-01' });
    assert.deepEqual(audit[0]!.changes.warrantyMonths, { before: null, after: 24 });
    assert.equal(audit[0]!.changes.codeKey, undefined, 'derived columns stay out of the audit');
  });

  test('a code already taken, in any letter case, is refused at the code field and nothing is stored', async () => {
    await uc.createProduct(deps, manager, product({ code: 'TAKEN-1', name: 'Pierwszy' }));
    await rejects(uc.createProduct(deps, manager, product({ code: 'taken-1', name: 'Drugi z tym kodem' })), 'validation.failed', 'code', 'catalog.code_taken');
    assert.deepEqual((await list({ q: 'drugi z tym' })).items, []);
  });

  test('two requests racing for the same code: one wins, the other gets the same field error (unique index as last guard)', async () => {
    const results = await Promise.allSettled([
      uc.createProduct(deps, manager, product({ code: 'RACE-1', name: 'Wyścig A' })),
      uc.createProduct(deps, manager, product({ code: 'race-1', name: 'Wyścig B' })),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.ok(failed.reason instanceof AppError, String(failed.reason));
    assert.equal(failed.reason.fields[0]!.code, 'catalog.code_taken');
  });

  test('the unique index\'s violation is recognised behind the driver\'s error wrapper', async () => {
    const p = await uc.createProduct(deps, manager, product({ code: 'GUARD-1', name: 'Strażnik' }));
    const [row] = await deps.database.db.select().from(products).where(eq(products.id, p.id));
    const { id: _id, ...copy } = row!;
    const err = await productsRepository.insert(deps.database.db, copy).then(() => null, (e: unknown) => e);
    assert.ok(isUniqueViolation(err, 'products_code_uq'), String(err));
    assert.ok(!isUniqueViolation(err, 'services_code_uq'));
  });

  test('a technician may read products but not create them', async () => {
    await rejects(uc.createProduct(deps, technician, product({ code: 'TECH-1' })), 'auth.forbidden');
  });
});

describe('changing a product', () => {
  test('an edit records only the changed fields and leaves the others as they were', async () => {
    const p = await uc.createProduct(deps, manager, product({ code: 'EDIT-1', name: 'Zmywarka', category: 'AGD' }));
    const changed = await uc.updateProduct(deps, manager, p.id, { model: 'SMV-2', warrantyMonths: 36 });
    assert.equal(changed.name, 'Zmywarka');
    assert.equal(changed.category, 'AGD');
    const audit = await auditOf(p.id);
    assert.deepEqual(audit[1]!.changes, { model: { before: 'HL-1110', after: 'SMV-2' }, warrantyMonths: { before: 24, after: 36 } });
  });

  test('an edit that changes nothing writes no audit record', async () => {
    const p = await uc.createProduct(deps, manager, product({ code: 'SAME-1', name: 'Bez zmian' }));
    await uc.updateProduct(deps, manager, p.id, { name: 'Bez zmian' });
    assert.equal((await auditOf(p.id)).length, 1);
  });

  test('a product may change the letter case of its own code, but not take another product\'s code', async () => {
    const a = await uc.createProduct(deps, manager, product({ code: 'case-a', name: 'A' }));
    await uc.createProduct(deps, manager, product({ code: 'CASE-B', name: 'B' }));
    assert.equal((await uc.updateProduct(deps, manager, a.id, { code: 'CASE-A' })).code, 'CASE-A');
    await rejects(uc.updateProduct(deps, manager, a.id, { code: 'case-b', name: 'A2' }), 'validation.failed', 'code', 'catalog.code_taken');
    assert.equal((await uc.getProduct(deps, manager, a.id)).name, 'A');
  });

  test('an unknown product is a 404 with a stable code', async () => {
    await rejects(uc.updateProduct(deps, manager, '3f1c1a56-4a55-4b7b-9a3e-3d2c9d3f0a11', { name: 'x' }), 'products.not_found');
  });
});

describe('finding products', () => {
  before(async () => {
    await uc.createProduct(deps, manager, product({ code: 'KLM-ŁDZ', name: 'Klimatyzator Łódź', manufacturer: 'Żywiec-Chłód', category: 'Klimatyzacja' }));
    await uc.createProduct(deps, manager, product({ code: 'PRL-7', name: 'Pralka', manufacturer: 'Amica', model: 'WA-7', category: 'AGD' }));
  });
  const names = async (q: string) => (await list({ q })).items.map((p) => p.name);

  const cases: [string, string, string][] = [
    ['a name without Polish letters', 'lodz', 'Klimatyzator Łódź'],
    ['a name with upper-case Polish letters', 'ŁÓDŹ', 'Klimatyzator Łódź'],
    ['the manufacturer without Polish letters', 'zywiec-chlod', 'Klimatyzator Łódź'],
    ['the code in another letter case', 'prl-7', 'Pralka'],
    ['the model', 'wa-7', 'Pralka'],
    ['the category', 'klimatyzacja', 'Klimatyzator Łódź'],
  ];
  for (const [what, q, expected] of cases) test(`by ${what} ("${q}")`, async () => assert.ok((await names(q)).includes(expected), `${q} → ${await names(q)}`));

  test('% and _ in a query are literal characters', async () => {
    assert.deepEqual(await names('%'), []);
    assert.deepEqual(await names('_'), []);
  });

  test('the category filter is exact, and the categories in use come in Polish order without blanks', async () => {
    await uc.createProduct(deps, manager, product({ code: 'NO-CAT', name: 'Bez kategorii', category: '' }));
    await uc.createProduct(deps, manager, product({ code: 'CAT-Ś', name: 'Śrubokręt', category: 'Śrubokręty' }));
    await uc.createProduct(deps, manager, product({ code: 'CAT-S', name: 'Szlifierka', category: 'Szlifierki' }));
    const agd = (await list({ category: 'AGD' })).items;
    assert.ok(agd.length > 0 && agd.every((p) => p.category === 'AGD'));
    const { items } = await uc.listProductCategories(deps, technician);
    assert.ok(!items.includes(''));
    assert.equal(new Set(items).size, items.length);
    assert.ok(items.indexOf('Szlifierki') < items.indexOf('Śrubokręty'), `${items}`);
  });
});

describe('listing products', () => {
  test('keyset pages by name and by code cover every row exactly once, in both directions', async () => {
    for (const [code, name] of [['Z-1', 'Żelazko'], ['A-9', 'Zegar'], ['c-5', 'Ćwiartka'], ['C-4', 'Czajnik'], ['b-2', 'Łopata'], ['B-3', 'Lodówka']])
      await uc.createProduct(deps, manager, product({ code, name }));
    for (const sort of ['name', '-name', 'code', '-code'] as const) {
      const all = (await list({ sort, limit: 100 })).items.map((p) => p.id);
      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await list({ sort, limit: 3, ...(cursor ? { cursor } : {}) });
        paged.push(...page.items.map((p) => p.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      assert.deepEqual(paged, all, sort);
      assert.equal(new Set(paged).size, paged.length);
    }
    const byName = (await list({ limit: 100 })).items.map((p) => p.name);
    const order = ['Czajnik', 'Ćwiartka', 'Lodówka', 'Łopata', 'Zegar', 'Żelazko'];
    assert.deepEqual(byName.filter((n) => order.includes(n)), order);
    const byCode = (await list({ sort: 'code', limit: 100 })).items.map((p) => p.code);
    assert.deepEqual(byCode.filter((c) => ['Z-1', 'A-9', 'c-5', 'C-4', 'b-2', 'B-3'].includes(c)), ['A-9', 'b-2', 'B-3', 'C-4', 'c-5', 'Z-1']);
  });

  test('an archived product leaves the active list, is in the archived one, and comes back on restore', async () => {
    const p = await uc.createProduct(deps, manager, product({ code: 'ARCH-1', name: 'Archiwalny odkurzacz' }));
    await uc.setProductArchived(deps, manager, p.id, true);
    await uc.setProductArchived(deps, manager, p.id, true); // twice: no second record
    assert.deepEqual((await list({ q: 'archiwalny' })).items, []);
    assert.equal((await list({ q: 'archiwalny', status: 'archived' })).items[0]!.id, p.id);
    assert.equal((await list({ q: 'archiwalny', status: 'all' })).items.length, 1);
    const restored = await uc.setProductArchived(deps, manager, p.id, false);
    assert.equal(restored.archived, false);
    assert.deepEqual((await auditOf(p.id)).map((a) => a.action), ['created', 'archived', 'restored']);
  });

  test('a malformed cursor is refused with a field error', async () => {
    await rejects(list({ cursor: 'nope' }), 'pagination.bad_cursor', 'cursor');
  });
});
