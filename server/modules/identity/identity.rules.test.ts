import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lockRemainingMs, newSessionTimes, registerFailure, THROTTLE, touchSession, type FailureState } from './identity.rules.ts';

const t0 = new Date('2026-11-27T10:00:00Z');
const at = (s: number) => new Date(t0.getTime() + s * 1000);

test('five failed sign-ins in a window are allowed without a lock', () => {
  let s: FailureState | undefined;
  for (let i = 0; i < THROTTLE.freeFailures; i++) s = registerFailure(s, at(i));
  assert.equal(s!.failures, 5);
  assert.equal(lockRemainingMs(s, at(5)), 0);
});

const locks: [number, number][] = [
  [6, 60],
  [7, 120],
  [8, 240],
  [9, 480],
  [13, 3600], // capped at one hour
];
for (const [failures, seconds] of locks)
  test(`failure number ${failures} in a window locks sign-in for ${seconds} s`, () => {
    let s: FailureState | undefined;
    for (let i = 0; i < failures; i++) s = registerFailure(s, t0);
    assert.equal(lockRemainingMs(s, t0), seconds * 1000);
  });

test('a failure after the window has passed starts counting again', () => {
  let s: FailureState | undefined;
  for (let i = 0; i < 6; i++) s = registerFailure(s, t0);
  s = registerFailure(s, at(16 * 60));
  assert.equal(s.failures, 1);
  assert.equal(s.lockedUntil, null);
});

test('a lock ends by itself', () => {
  let s: FailureState | undefined;
  for (let i = 0; i < 6; i++) s = registerFailure(s, t0);
  assert.equal(lockRemainingMs(s, at(61)), 0);
});

test('a session slides with use but never past its absolute limit', () => {
  const times = newSessionTimes(t0, 12, 1);
  assert.equal(times.expiresAt.toISOString(), '2026-11-27T22:00:00.000Z');
  const later = touchSession(times, at(11 * 3600), 12)!;
  assert.equal(later.expiresAt.toISOString(), '2026-11-28T09:00:00.000Z');
  const latest = touchSession(later, at(20 * 3600), 12)!;
  assert.equal(latest.expiresAt.toISOString(), '2026-11-28T10:00:00.000Z'); // capped by the 1-day limit
  assert.equal(touchSession(latest, at(24 * 3600), 12), null);
});

test('an idle session is over after its idle time', () => {
  const times = newSessionTimes(t0, 12, 30);
  assert.equal(touchSession(times, at(12 * 3600), 12), null);
  assert.ok(touchSession(times, at(12 * 3600 - 1), 12));
});
