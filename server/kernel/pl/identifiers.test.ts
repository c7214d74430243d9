import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatBankAccount, isValidNip, isValidPesel, isValidPolishBankAccount, isValidPolishPostalCode, isValidRegon, normalizeNip } from './identifiers.ts';

const nips: [string, boolean, string][] = [
  ['5260250995', true, 'a real NIP'],
  ['7740001454', true, 'another real NIP'],
  ['1234563218', true, 'a textbook NIP'],
  ['526-025-09-95', true, 'dashes are separators'],
  ['526 025 09 95', true, 'spaces are separators'],
  ['PL5260250995', true, 'the EU VAT prefix is accepted'],
  ['pl 526-025-09-95', true, 'lower-case prefix with spaces'],
  ['5260250996', false, 'wrong check digit'],
  ['1234567890', false, 'checksum remainder 10 is never valid'],
  ['526025099', false, 'nine digits'],
  ['52602509955', false, 'eleven digits'],
  ['0000000000', false, 'all zeros'],
  ['52602509a5', false, 'a letter inside'],
  ['', false, 'empty'],
];
for (const [nip, ok, why] of nips) test(`NIP ${JSON.stringify(nip)} is ${ok ? 'valid' : 'invalid'}: ${why}`, () => assert.equal(isValidNip(nip), ok));

test('NIP normalization strips the PL prefix and separators', () => assert.equal(normalizeNip(' PL 526-025-09-95 '), '5260250995'));

const regons: [string, boolean, string][] = [
  ['123456785', true, '9-digit REGON'],
  ['732065814', true, 'another 9-digit REGON'],
  ['12345678512347', true, '14-digit REGON of a local unit'],
  ['123456786', false, 'wrong 9-digit check digit'],
  ['12345678512348', false, 'wrong 14-digit check digit'],
  ['12345678', false, 'eight digits'],
];
for (const [r, ok, why] of regons) test(`REGON ${r} is ${ok ? 'valid' : 'invalid'}: ${why}`, () => assert.equal(isValidRegon(r), ok));

const pesels: [string, boolean, string][] = [
  ['44051401359', true, 'born 1944-05-14'],
  ['02070803625', false, 'wrong check digit (valid is 02070803628, born 1902-07-08)'],
  ['02070803628', true, 'born 1902-07-08'],
  ['02270803624', true, 'born 2002-07-08 (month + 20 for the 2000s)'],
  ['44051401358', false, 'wrong check digit'],
  ['44053201357', false, 'day 32 does not exist'],
  ['4405140135', false, 'ten digits'],
  ['00000000000', false, 'month 00 does not exist'],
];
for (const [p, ok, why] of pesels) test(`PESEL ${p} is ${ok ? 'valid' : 'invalid'}: ${why}`, () => assert.equal(isValidPesel(p), ok));

const accounts: [string, boolean, string][] = [
  ['61109010140000071219812874', true, 'NRB of 26 digits'],
  ['PL61 1090 1014 0000 0712 1981 2874', true, 'IBAN with spaces'],
  ['61109010140000071219812875', false, 'wrong checksum'],
  ['6110901014000007121981287', false, '25 digits'],
];
for (const [a, ok, why] of accounts) test(`bank account ${a} is ${ok ? 'valid' : 'invalid'}: ${why}`, () => assert.equal(isValidPolishBankAccount(a), ok));

test('a bank account is shown in groups of four after the check digits', () =>
  assert.equal(formatBankAccount('61109010140000071219812874'), '61 1090 1014 0000 0712 1981 2874'));

for (const [code, ok] of [['90-001', true], ['90001', false], ['9-001', false], ['00-950', true]] as const)
  test(`Polish postal code ${code} is ${ok ? 'valid' : 'invalid'}`, () => assert.equal(isValidPolishPostalCode(code), ok));
