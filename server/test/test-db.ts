// A fresh, migrated database per test file: in-memory PGlite by default, or a new database on the
// PostgreSQL server named by TEST_DATABASE_URL (scripts/run-tests.ts --postgres sets it).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadConfig, type Config } from '../config.ts';
import { openPglite, openPostgres, type Database } from '../db/client.ts';
import { runMigrations } from '../db/migrate.ts';
import type { Deps } from '../deps.ts';
import { fixedClock } from '../kernel/time/clock.ts';

export type TestDeps = Deps & { clock: ReturnType<typeof fixedClock>; close(): Promise<void>; /** PostgreSQL only: to open more connections */ url?: string };

export const usingPostgres = () => !!process.env.TEST_DATABASE_URL;

export async function createTestDatabase(): Promise<{ database: Database; drop(): Promise<void>; url?: string }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openPglite(undefined);
    await runMigrations(database);
    return { database, drop: () => database.close() };
  }
  const name = `sw_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const database = await openPostgres(dbUrl.toString(), 8);
  await runMigrations(database);
  return {
    database,
    url: dbUrl.toString(),
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export async function createTestDeps(configOverrides: Partial<Config> = {}): Promise<TestDeps> {
  const { database, drop, url } = await createTestDatabase();
  const config = { ...loadConfig({}), ...configOverrides };
  return { database, config, clock: fixedClock('2026-03-29T00:30:00Z'), close: drop, ...(url ? { url } : {}) };
}
