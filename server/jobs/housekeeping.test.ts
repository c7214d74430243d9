import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDeps, type TestDeps } from '../test/test-db.ts';
import { ADMIN, setUpInstallation } from '../test/fixtures.ts';
import { signIn } from '../modules/identity/identity.usecases.ts';
import { sweepExpired } from './housekeeping.ts';

let deps: TestDeps;
before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
});
after(() => deps.close());

test('the nightly sweep removes ended sessions and stale failure counters, keeps live ones, and is idempotent', async () => {
  await signIn(deps, { email: ADMIN.email, password: ADMIN.password, ip: '10.0.0.1' }); // live session
  await assert.rejects(signIn(deps, { email: 'nikt@x.pl', password: 'zle-haslo-123', ip: '10.0.0.9' }));
  assert.deepEqual(await sweepExpired(deps), { sessions: 0, signInFailures: 0, importUploads: 0 });
  deps.clock.advance(13 * 3600_000); // the idle limit passed for both sessions (setup's and the sign-in's)
  assert.deepEqual(await sweepExpired(deps), { sessions: 2, signInFailures: 2, importUploads: 0 });
  assert.deepEqual(await sweepExpired(deps), { sessions: 0, signInFailures: 0, importUploads: 0 });
});
