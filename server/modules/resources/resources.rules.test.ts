import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resourceSearchText } from './resources.rules.ts';

const cases: [{ name: string; identifier: string }, string, string][] = [
  [{ name: 'Dźwig Łódź', identifier: '' }, 'dzwig lodz', 'Polish letters are folded'],
  [{ name: 'Bus', identifier: 'EL 1234X' }, 'el1234x', 'a registration number matches without its space'],
  [{ name: 'Bus', identifier: 'EL 1234X' }, 'el 1234x', 'and with it'],
  [{ name: 'Miernik', identifier: 'SN-00-17' }, 'sn0017', 'a serial number matches without dashes'],
];
for (const [r, q, fact] of cases)
  test(`"${q}" finds ${r.name} ${r.identifier}: ${fact}`, () => assert.ok(resourceSearchText(r).includes(q), resourceSearchText(r)));
