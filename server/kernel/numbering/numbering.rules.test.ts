import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatNumber, patternProblem, periodOf } from './numbering.rules.ts';

const formats: [string, string, number, string][] = [
  ['SO/{YYYY}/{NNNNNN}', '2026-11-27', 123, 'SO/2026/000123'],
  ['FV/{YYYY}/{MM}/{NNNN}', '2027-01-02', 7, 'FV/2027/01/0007'],
  ['{NN}/{YY}', '2026-03-29', 1234, '1234/26'],
];
for (const [pattern, date, seq, out] of formats) test(`${pattern} on ${date}, number ${seq} → ${out}`, () => assert.equal(formatNumber(pattern, date, seq), out));

test('yearly series restart on 1 January, monthly on the 1st, never-reset ones never', () => {
  assert.equal(periodOf('yearly', '2026-12-31'), '2026');
  assert.equal(periodOf('monthly', '2026-12-31'), '2026-12');
  assert.equal(periodOf('never', '2026-12-31'), '');
});

const problems: [string, 'yearly' | 'monthly' | 'never', string | null][] = [
  ['FV/{YYYY}/{NNNN}', 'yearly', null],
  ['FV/{NNNN}', 'yearly', 'numbering.year_missing'],
  ['FV/{YYYY}/{NNNN}', 'monthly', 'numbering.month_missing'],
  ['FV/{YYYY}', 'yearly', 'numbering.sequence_missing'],
  ['{NNNNNN}', 'never', null],
];
for (const [pattern, reset, problem] of problems)
  test(`pattern ${pattern} reset ${reset}: ${problem ?? 'fine'}`, () => assert.equal(patternProblem(pattern, reset), problem));
