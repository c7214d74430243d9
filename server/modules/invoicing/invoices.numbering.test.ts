// Gap-free numbering under load: invoices issued at once from several PostgreSQL connections, mixed
// with drafts that are refused at issue, get consecutive numbers of their month with no gap and no
// duplicate (the series row is taken inside each invoice's transaction).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Ctx } from '../../deps.ts';
import { openPostgres } from '../../db/client.ts';
import { AppError } from '../../kernel/errors/app-error.ts';
import { customerInput, makeUser, setUpInstallation } from '../../test/fixtures.ts';
import { createTestDeps, usingPostgres, type TestDeps } from '../../test/test-db.ts';
import { createCustomer } from '../customers/customers.usecases.ts';
import * as drafts from './drafts.usecases.ts';
import * as issue from './issue.usecases.ts';
import { listInvoices } from './invoice-list.usecases.ts';

let deps: TestDeps;
let accountant: Ctx;
let customerId: string;

before(async () => {
  deps = await createTestDeps();
  deps.clock.set('2026-11-27T10:00:00Z');
  await setUpInstallation(deps);
  accountant = await makeUser(deps, 'accountant');
  customerId = (await createCustomer(deps, accountant, customerInput())).customer.id;
});
after(() => deps.close());

const line = (vatRateCode: string) => ({ name: 'Usługa serwisowa', quantity: '1', unit: 'usł.', unitPriceMinor: 10000, discountBp: 0, vatRateCode, gtu: null, pkwiu: null, annex15: false, sourceKind: 'free' as const, sourceId: null });

test('40 invoices issued at once from 4 connections, 8 of them refused, get numbers 1–32 of the month: no gap, no duplicate', { skip: usingPostgres() ? false : 'PGlite has one connection; runs on PostgreSQL (npm run test:pg)' }, async () => {
  // Every fifth draft has an exempt line without a legal basis: refused at issue, after others took numbers.
  const ids: { id: string; refused: boolean }[] = [];
  for (let i = 0; i < 40; i++) {
    const refused = i % 5 === 4;
    const d = await drafts.createDraft(deps, accountant, { customerId, splitPayment: false, exemptionBasis: '', lines: [line(refused ? 'zw' : '23')] });
    ids.push({ id: d.id, refused });
  }
  const pools = await Promise.all(Array.from({ length: 4 }, () => openPostgres(deps.url!, 4)));
  try {
    const results = await Promise.allSettled(ids.map(({ id }, i) => issue.issueInvoice({ ...deps, database: pools[i % 4]! }, accountant, id)));
    const issued = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.number!] : []));
    const refusals = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    assert.equal(refusals.length, 8);
    assert.ok(refusals.every((e) => e instanceof AppError && e.fields[0]?.code === 'invoices.exemption_basis_missing'), String(refusals[0]));
    assert.equal(new Set(issued).size, 32, 'no duplicates');
    const seqs = issued.map((n) => Number(n.slice(-4))).sort((a, b) => a - b);
    assert.deepEqual(seqs, Array.from({ length: 32 }, (_, i) => i + 1), 'FV/2026/11/0001 … 0032 without a gap');
    assert.ok(issued.every((n) => n.startsWith('FV/2026/11/')));
  } finally {
    await Promise.all(pools.map((p) => p.close()));
  }
  const listed = await listInvoices(deps, accountant, { status: 'issued', limit: 100 });
  assert.equal(listed.totals!.count, 32);
  assert.equal(listed.totals!.grossMinor, 32 * 12300);
});
