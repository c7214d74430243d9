import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPercent, divRound, formatMinor, grossFromNet, netFromGross, parseMoney } from './money.ts';
import { formatQuantity, parseQuantity } from './quantity.ts';

const money: [string, number | null][] = [
  ['12', 1200], ['12,5', 1250], ['12.05', 1205], ['1 234,56', 123456], ['1\u00a0234,56 zł', 123456], ['-3,10', -310],
  ['12,345', null], ['abc', null], ['', null], ['1.2.3', null],
];
for (const [input, expected] of money) test(`money "${input}" parses to ${expected} grosze`, () => assert.equal(parseMoney(input), expected));

const quantities: [string, bigint | null][] = [
  ['1', 1000n], ['1,5', 1500n], ['0.001', 1n], ['2.25', 2250n], ['-4', -4000n], ['1.2345', null], ['1e3', null], ['', null],
];
for (const [input, expected] of quantities) test(`quantity "${input}" parses to ${expected} thousandths`, () => assert.equal(parseQuantity(input), expected));

test('quantities print with three decimals', () => {
  assert.equal(formatQuantity(1500n), '1.500');
  assert.equal(formatQuantity(-1n), '-0.001');
});

const rounding: [bigint, bigint, bigint][] = [[5n, 2n, 3n], [-5n, 2n, -3n], [4n, 3n, 1n], [5n, 3n, 2n], [-5n, 3n, -2n]];
for (const [n, d, q] of rounding) test(`${n}/${d} rounds half away from zero to ${q}`, () => assert.equal(divRound(n, d), q));

const vat: [number, number, number, string][] = [
  [10000, 2300, 12300, '23% of 100.00'],
  [1, 2300, 1, '23% of 0.01 rounds down to 0.00 VAT'],
  [3, 2300, 4, '23% of 0.03 = 0.0069 rounds up'],
  [8130, 800, 8780, '8% of 81.30 = 6.504'],
];
for (const [net, bp, gross, why] of vat) test(`gross from net: ${why}`, () => assert.equal(grossFromNet(net, bp), gross));
test('net from gross: 123.00 gross at 23% is 100.00 net', () => assert.equal(netFromGross(12300, 2300), 10000));
test('a 10% discount on 99.99 is 89.99 (89.991 rounded)', () => assert.equal(applyPercent(9999, -1000), 8999));
test('a 15% markup on 0.10 is 0.12 (0.115 rounded half up)', () => assert.equal(applyPercent(10, 1500), 12));
test('minor units print as decimals', () => assert.equal(formatMinor(-123456), '-1234.56'));
