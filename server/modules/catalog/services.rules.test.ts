import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { codeKey } from './catalog.rules.ts';
import { billableMinutes, serviceDerived } from './services.rules.ts';

describe('billable minutes round up to started increments', () => {
  const cases: [number, number | null, number, string][] = [
    [31, 15, 45, 'a started quarter hour is billed whole'],
    [30, 15, 30, 'an exact multiple is billed as worked'],
    [1, 15, 15, 'one minute starts the first quarter hour'],
    [0, 15, 0, 'no work bills nothing'],
    [0, null, 0, 'no work without an increment bills nothing'],
    [37, null, 37, 'without an increment the exact minutes are billed'],
    [61, 60, 120, 'a started hour is billed whole'],
    [60, 60, 60, 'a full hour is one hour'],
    [7, 1, 7, 'a one-minute increment bills exact minutes'],
    [241, 240, 480, 'the largest increment (240) rounds up too'],
    [100_000, 30, 100_020, 'long jobs round up the same way'],
  ];
  for (const [worked, increment, billed, fact] of cases)
    test(`${worked} min with increment ${increment ?? 'none'} → ${billed}: ${fact}`, () => assert.equal(billableMinutes(worked, increment), billed));

  test('negative or fractional worked time is a programming error', () => {
    assert.throws(() => billableMinutes(-1, 15), RangeError);
    assert.throws(() => billableMinutes(1.5, 15), RangeError);
    assert.throws(() => billableMinutes(10, 0), RangeError);
  });
});

describe('derived columns of a service', () => {
  const cases: [string, string, string][] = [
    ['  RB-01 ', 'rb-01', 'surrounding spaces are ignored'],
    ['Rb-01', 'rb-01', 'case is ignored'],
    ['ŁĄCZE-1', 'łącze-1', 'Polish letters are lower-cased, not folded'],
  ];
  for (const [code, key, fact] of cases) test(`code "${code}" has key "${key}": ${fact}`, () => assert.equal(codeKey(code), key));

  test('search text folds Polish letters of code and name', () => {
    assert.equal(serviceDerived({ code: 'RB-Ł1', name: 'Roboczogodzina — Łódź' }).searchText, 'rb-l1 | roboczogodzina — lodz');
  });
});
