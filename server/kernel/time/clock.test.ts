import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shiftedClock } from './clock.ts';

test('a shifted clock starts at the given instant and runs on at real speed', () => {
  let real = 1_000_000;
  const clock = shiftedClock(new Date('2027-01-02T05:00:00Z'), () => real);
  assert.equal(clock.now().toISOString(), '2027-01-02T05:00:00.000Z');
  real += 90_000;
  assert.equal(clock.now().toISOString(), '2027-01-02T05:01:30.000Z');
});
