import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countSmsSegments, normalizePhone, transliterateForGsm, type SmsSegments } from './sms.rules.ts';

const a = (n: number) => 'a'.repeat(n);
const ą = (n: number) => 'ą'.repeat(n);

const segmentCases: [string, string, SmsSegments][] = [
  ['an empty text costs nothing', '', { encoding: 'GSM-7', segments: 0, characters: 0 }],
  ['plain ASCII is GSM-7', 'Dzien dobry', { encoding: 'GSM-7', segments: 1, characters: 11 }],
  ['160 GSM-7 characters fit in one segment', a(160), { encoding: 'GSM-7', segments: 1, characters: 160 }],
  ['161 GSM-7 characters need two segments of 153', a(161), { encoding: 'GSM-7', segments: 2, characters: 161 }],
  ['153 × 2 GSM-7 characters fill exactly two parts', a(306), { encoding: 'GSM-7', segments: 2, characters: 306 }],
  ['153 × 2 + 1 GSM-7 characters need a third part', a(307), { encoding: 'GSM-7', segments: 3, characters: 307 }],
  ['an extension character (€) counts 2 septets', '10 €', { encoding: 'GSM-7', segments: 1, characters: 5 }],
  ['159 characters plus € are 161 septets: two segments', `${a(159)}€`, { encoding: 'GSM-7', segments: 2, characters: 161 }],
  ['an escape sequence is not split: 152 + € + 152 needs three parts', `${a(152)}€${a(152)}`, { encoding: 'GSM-7', segments: 3, characters: 306 }],
  ['GSM-7 accented letters (é, ü, Ø) stay one septet', 'Café über Øresund', { encoding: 'GSM-7', segments: 1, characters: 17 }],
  ['a Polish letter makes the whole message UCS-2', 'Zażółć', { encoding: 'UCS-2', segments: 1, characters: 6 }],
  ['70 UCS-2 characters fit in one segment', ą(70), { encoding: 'UCS-2', segments: 1, characters: 70 }],
  ['71 UCS-2 characters need two segments of 67', ą(71), { encoding: 'UCS-2', segments: 2, characters: 71 }],
  ['67 × 2 UCS-2 characters fill exactly two parts', ą(134), { encoding: 'UCS-2', segments: 2, characters: 134 }],
  ['67 × 2 + 1 UCS-2 characters need a third part', ą(135), { encoding: 'UCS-2', segments: 3, characters: 135 }],
  ['an emoji is a surrogate pair: 2 UCS-2 units', 'OK 👍', { encoding: 'UCS-2', segments: 1, characters: 5 }],
  ['69 letters plus an emoji are 71 units: two segments', `${ą(69)}👍`, { encoding: 'UCS-2', segments: 2, characters: 71 }],
  ['a surrogate pair is not split: 66 + emoji + 66 needs three parts', `${ą(66)}👍${ą(66)}`, { encoding: 'UCS-2', segments: 3, characters: 134 }],
  ['typographic quotes are not GSM-7', '„Tak”', { encoding: 'UCS-2', segments: 1, characters: 5 }],
];

for (const [name, text, expected] of segmentCases) test(`segments: ${name}`, () => assert.deepEqual(countSmsSegments(text), expected));

const foldCases: [string, string][] = [
  ['Zażółć gęślą jaźń', 'Zazolc gesla jazn'],
  ['ŁÓDŹ, ŚWIĘTOKRZYSKIE', 'LODZ, SWIETOKRZYSKIE'],
  ['„Serwis” – termin…', '"Serwis" - termin...'],
  ['Café über', 'Café über'],
  ['1\u00a0234,56 zł', '1 234,56 zl'],
];
for (const [input, expected] of foldCases)
  test(`transliteration: "${input}" → "${expected}" (and stays GSM-7)`, () => {
    const out = transliterateForGsm(input);
    assert.equal(out, expected);
    assert.equal(countSmsSegments(out).encoding, 'GSM-7');
  });

const phoneCases: [string, string | null][] = [
  ['600 100 200', '+48600100200'],
  ['600-100-200', '+48600100200'],
  ['+48 600 100 200', '+48600100200'],
  ['0048 600 100 200', '+48600100200'],
  ['48600100200', '+48600100200'],
  ['(42) 630 12 34', '+48426301234'],
  ['+49 30 1234567', '+49301234567'],
  ['+48 600 100 20', null],
  ['+48 600 100 2000', null],
  ['60010020', null],
  ['tel. 600100200', null],
  ['', null],
  ['+0 123 456 789', null],
];
for (const [input, expected] of phoneCases)
  test(`phone "${input}" → ${expected ?? 'invalid'}`, () => assert.equal(normalizePhone(input), expected));
