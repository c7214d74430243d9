import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldText, polishSortKey } from './normalize.ts';

const folds: [string, string][] = [
  ['Łódź', 'lodz'],
  ['ZAŻÓŁĆ GĘŚLĄ JAŹŃ', 'zazolc gesla jazn'],
  ['  Kraków   Nowa Huta ', 'krakow nowa huta'],
  ['Gdańsk', 'gdansk'],
  ['Müller GmbH', 'muller gmbh'],
];
for (const [input, expected] of folds) test(`search folding: "${input}" → "${expected}"`, () => assert.equal(foldText(input), expected));

test('customer names sort in Polish alphabetical order, case-insensitively', () => {
  const names = ['Żuraw', 'Zenon', 'Łukasz', 'Lech', 'ćma', 'Cezary', 'Ąbc', 'azot', 'Źrebię', 'Ośla', 'Órla', 'ser', 'Śruba', 'Tomasz', 'Nowak', 'Ńa', 'beta'];
  const sorted = [...names].sort((a, b) => (polishSortKey(a) < polishSortKey(b) ? -1 : polishSortKey(a) > polishSortKey(b) ? 1 : 0));
  assert.deepEqual(sorted, ['azot', 'Ąbc', 'beta', 'Cezary', 'ćma', 'Lech', 'Łukasz', 'Nowak', 'Ńa', 'Ośla', 'Órla', 'ser', 'Śruba', 'Tomasz', 'Zenon', 'Źrebię', 'Żuraw']);
});

test('the sort key agrees with Intl.Collator("pl") on letters', () => {
  const words = ['ąa', 'az', 'b', 'ła', 'lz', 'm', 'óa', 'oz', 'p', 'źa', 'żb', 'zz', 'ża'];
  const collator = new Intl.Collator('pl');
  const byKey = [...words].sort((a, b) => (polishSortKey(a) < polishSortKey(b) ? -1 : 1));
  assert.deepEqual(byKey, [...words].sort(collator.compare));
});
