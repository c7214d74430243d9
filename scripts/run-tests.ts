// Runs the server test suite with Node's test runner.
//   node scripts/run-tests.ts              → every test on an in-memory PGlite database per file
//   node scripts/run-tests.ts --postgres   → the same tests, each file on a fresh database of the
//                                            PostgreSQL server in DATABASE_URL (default: local server)
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const env = { ...process.env };
if (args.includes('--postgres')) {
  env.TEST_DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  console.log(`Tests on PostgreSQL: ${env.TEST_DATABASE_URL.replace(/:[^:@/]*@/, ':***@')}`);
} else {
  delete env.TEST_DATABASE_URL;
  console.log('Tests on embedded PGlite');
}
const files = args.filter((a) => !a.startsWith('--'));
const result = spawnSync(
  process.execPath,
  ['--test', '--test-concurrency=2', ...(files.length ? files : ['server/**/*.test.ts'])],
  { stdio: 'inherit', env },
);
process.exit(result.status ?? 1);
