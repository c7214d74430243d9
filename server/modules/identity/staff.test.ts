import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makeUser, setUpInstallation } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import { listStaff } from './staff.ts';
import { users } from './identity.table.ts';
import { eq } from 'drizzle-orm';

let deps: TestDeps;
before(async () => {
  deps = await createTestDeps();
  await setUpInstallation(deps);
});
after(() => deps.close());

test('a technician can list active colleagues by role, without their emails; deactivated ones are left out', async () => {
  const technician = await makeUser(deps, 'technician');
  await makeUser(deps, 'technician', 'drugi@serwis.pl');
  const gone = await makeUser(deps, 'technician', 'byly@serwis.pl');
  await deps.database.db.update(users).set({ active: false }).where(eq(users.email, 'byly@serwis.pl'));
  const r = await listStaff(deps, technician, { role: 'technician' });
  assert.equal(r.items.length, 2);
  assert.ok(r.items.every((u) => u.role === 'technician' && !('email' in u)));
  assert.ok(!r.items.some((u) => gone.actor.kind === 'user' && u.id === gone.actor.userId));
});
