// Gap-free numbering against the database: a rollback gives the number back; on PostgreSQL, many
// transactions from many connections at once still get 1..N exactly once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDeps, usingPostgres, type TestDeps } from '../../test/test-db.ts';
import { nextInSeries } from './numbering.ts';
import { openPostgres } from '../../db/client.ts';

let deps: TestDeps;
before(async () => {
  deps = await createTestDeps();
});
after(() => deps.close());

test('numbers count up per series and period; a rolled-back document gives its number back', async () => {
  const db = deps.database.db;
  assert.equal(await db.transaction((tx) => nextInSeries(tx, 'service_order', '2026')), 1);
  await assert.rejects(
    db.transaction(async (tx) => {
      assert.equal(await nextInSeries(tx, 'service_order', '2026'), 2);
      throw new Error('the document failed to save');
    }),
  );
  assert.equal(await db.transaction((tx) => nextInSeries(tx, 'service_order', '2026')), 2);
  assert.equal(await db.transaction((tx) => nextInSeries(tx, 'service_order', '2027')), 1);
  assert.equal(await db.transaction((tx) => nextInSeries(tx, 'invoice:FV', '2026')), 1);
});

test('60 documents numbered at once from 6 connections get 1..60 exactly once, with failures in between leaving no gap', { skip: usingPostgres() ? false : 'PGlite has one connection; runs on PostgreSQL (npm run test:pg)' }, async () => {
  const pools = await Promise.all(Array.from({ length: 6 }, () => openPostgres(deps.url!, 2)));
  try {
    const taken: number[] = [];
    await Promise.all(
      Array.from({ length: 72 }, (_, i) =>
        pools[i % pools.length]!.db
          .transaction(async (tx) => {
            const n = await nextInSeries(tx, 'concurrent', '2026');
            await new Promise((r) => setTimeout(r, Math.random() * 5));
            if (i % 6 === 5) throw new Error('rolled back');
            taken.push(n);
          })
          .catch(() => undefined),
      ),
    );
    assert.deepEqual(taken.sort((a, b) => a - b), Array.from({ length: 60 }, (_, i) => i + 1));
  } finally {
    await Promise.all(pools.map((p) => p.close()));
  }
});
