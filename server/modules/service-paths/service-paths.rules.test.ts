import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { copyName, insertPosition, isSameStepSet, pathSearchPattern, pathSortKey } from './service-paths.rules.ts';

describe('the name of a copy', () => {
  const cases: [string, string, string][] = [
    ['Przegląd roczny', 'Przegląd roczny (2)', 'the first copy gets (2)'],
    ['Przegląd roczny (2)', 'Przegląd roczny (3)', 'a copy of a copy counts on'],
    ['Naprawa (9)', 'Naprawa (10)', 'numbers carry over ten'],
    ['(2)', '(2) (2)', 'a name that is only a number in brackets gets its own suffix'],
    ['Wymiana (a)', 'Wymiana (a) (2)', 'a bracket that is not a number is part of the name'],
    ['x'.repeat(200), 'x'.repeat(196) + ' (2)', 'the copy\'s name stays within 200 characters'],
  ];
  for (const [name, copy, fact] of cases) test(`"${name.slice(0, 30)}" → "${copy.slice(-30)}": ${fact}`, () => assert.equal(copyName(name), copy));
});

describe('searching paths by name', () => {
  const cases: [string, string, string][] = [
    ['Łódź', 'lodz', 'Polish letters in the query are folded'],
    ['ŁÓDŹ', 'lodz', 'upper case too'],
    ['lodz', 'lodz', 'an ASCII query stays as it is'],
  ];
  for (const [q, pattern, fact] of cases) test(`query "${q}" searches for "${pattern}": ${fact}`, () => assert.equal(pathSearchPattern(q), pattern));

  test('the folded sort key of a name contains its folded query', () => {
    assert.ok(pathSortKey('Serwis Łódź-Bałuty').replace(/[{|]/g, '').includes(pathSearchPattern('łódź')!));
  });
  test('an empty query searches for nothing', () => assert.equal(pathSearchPattern('  '), null));
});

describe('step positions', () => {
  const cases: [number | undefined, number, number, string][] = [
    [undefined, 3, 3, 'no position appends'],
    [0, 3, 0, 'position 0 puts the step first'],
    [1, 3, 1, 'a middle position inserts there'],
    [7, 3, 3, 'a position past the end appends'],
    [undefined, 0, 0, 'the first step of an empty path is at 0'],
  ];
  for (const [requested, count, pos, fact] of cases)
    test(`insert at ${requested ?? 'end'} of ${count} steps → ${pos}: ${fact}`, () => assert.equal(insertPosition(requested, count), pos));
});

describe('a new step order', () => {
  const cur = ['a', 'b', 'c'];
  const cases: [string[], boolean, string][] = [
    [['c', 'a', 'b'], true, 'every step once in another order is accepted'],
    [['a', 'b', 'c'], true, 'the same order is accepted'],
    [['a', 'b'], false, 'a missing step is refused'],
    [['a', 'b', 'c', 'd'], false, 'an extra step is refused'],
    [['a', 'a', 'b'], false, 'a step twice is refused'],
    [['a', 'b', 'x'], false, 'a step of another path is refused'],
  ];
  for (const [req, ok, fact] of cases) test(`[${req}] for [${cur}]: ${fact}`, () => assert.equal(isSameStepSet(cur, req), ok));
});
