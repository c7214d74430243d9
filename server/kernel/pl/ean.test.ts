import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isValidEan } from './ean.ts';

const cases: [string, boolean, string][] = [
  ['5901234123457', true, 'EAN-13 with a Polish prefix'],
  ['5901234123458', false, 'EAN-13 with a wrong check digit'],
  ['96385074', true, 'EAN-8'],
  ['96385075', false, 'EAN-8 with a wrong check digit'],
  ['036000291452', true, 'UPC-A / GTIN-12'],
  ['590123412345', false, 'twelve digits with a wrong check digit'],
  ['59012341234a', false, 'a letter'],
  ['123', false, 'too short'],
];
for (const [ean, ok, why] of cases) test(`EAN ${ean} is ${ok ? 'valid' : 'invalid'}: ${why}`, () => assert.equal(isValidEan(ean), ok));
