import assert from 'node:assert/strict';
import { test } from 'node:test';
import { businessDate, nextBusinessDate, startOfBusinessDay } from './business-date.ts';

const cases: [string, string, string][] = [
  ['winter: 23:30 UTC is already the next day in Warsaw (UTC+1)', '2026-01-14T23:30:00Z', '2026-01-15'],
  ['winter: 22:59 UTC is still the same day', '2026-01-14T22:59:59Z', '2026-01-14'],
  ['summer: 22:00 UTC is midnight in Warsaw (UTC+2)', '2026-07-01T22:00:00Z', '2026-07-02'],
  ['summer: 21:59 UTC is the same day', '2026-07-01T21:59:59Z', '2026-07-01'],
  ['spring-forward night (29 March 2026): 00:30 UTC is 01:30 CET', '2026-03-29T00:30:00Z', '2026-03-29'],
  ['spring-forward night: 01:30 UTC is 03:30 CEST', '2026-03-29T01:30:00Z', '2026-03-29'],
  ['the evening before spring-forward: 22:30 UTC is 23:30 CET', '2026-03-28T22:30:00Z', '2026-03-28'],
  ['fall-back night (25 October 2026): 00:30 UTC is 02:30 CEST', '2026-10-25T00:30:00Z', '2026-10-25'],
  ['fall-back night: 01:30 UTC is 02:30 CET (the repeated hour)', '2026-10-25T01:30:00Z', '2026-10-25'],
  ['the last evening of October time change: 22:59 UTC is 23:59 CET', '2026-10-25T22:59:00Z', '2026-10-25'],
  ['New Year in Warsaw starts at 23:00 UTC', '2026-12-31T23:00:00Z', '2027-01-01'],
];

for (const [name, instant, expected] of cases) {
  test(`business date in Europe/Warsaw — ${name}`, () => {
    assert.equal(businessDate(new Date(instant)), expected);
  });
}

test('a Warsaw day starts at 23:00 UTC in winter and 22:00 UTC in summer, also on the days the clocks change', () => {
  assert.equal(startOfBusinessDay('2026-01-15').toISOString(), '2026-01-14T23:00:00.000Z');
  assert.equal(startOfBusinessDay('2026-07-15').toISOString(), '2026-07-14T22:00:00.000Z');
  assert.equal(startOfBusinessDay('2026-03-29').toISOString(), '2026-03-28T23:00:00.000Z'); // clocks go forward at 02:00 that day
  assert.equal(startOfBusinessDay('2026-03-30').toISOString(), '2026-03-29T22:00:00.000Z');
  assert.equal(startOfBusinessDay('2026-10-25').toISOString(), '2026-10-24T22:00:00.000Z'); // clocks go back at 03:00 that day
  assert.equal(startOfBusinessDay('2026-10-26').toISOString(), '2026-10-25T23:00:00.000Z');
});

test('the day after 31 December is 1 January of the next year', () => assert.equal(nextBusinessDate('2026-12-31'), '2027-01-01'));
