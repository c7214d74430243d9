import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  addMonths,
  dueReason,
  fieldKeyFromLabel,
  nextServiceDate,
  normalizeCustomValues,
  readingRefusal,
  remindOnFor,
  serialKey,
  validateFieldDefinitions,
} from './assets.rules.ts';
import type { FieldDto } from './assets.schemas.ts';

const field = (key: string, kind: FieldDto['kind'], o: Partial<FieldDto> = {}): FieldDto => ({ key, label: key, kind, unit: '', required: false, options: [], position: 0, ...o });
const FIELDS: FieldDto[] = [
  field('moc', 'number', { unit: 'kW', required: true }),
  field('paliwo', 'choice', { options: ['Gaz ziemny', 'Olej opałowy', 'Pellet'] }),
  field('przeglad_do', 'date'),
  field('na_gwarancji', 'boolean'),
  field('uwagi', 'text'),
];

const cases: [string, Record<string, string | number | boolean | null>, Record<string, unknown> | null, string | null][] = [
  // [fact, given, stored values (null = refused), error code]
  ['a number given as Polish text "24,5" is stored as 24.5', { moc: '24,5' }, { moc: 24.5 }, null],
  ['a missing required field is refused', { uwagi: 'x' }, null, 'assets.field_required'],
  ['an empty string counts as missing', { moc: ' ' }, null, 'assets.field_required'],
  ['a word in a number field is refused', { moc: 'dużo' }, null, 'assets.field_not_number'],
  ['a choice matches without case and Polish letters and is stored as spelled in the type', { moc: 20, paliwo: 'olej opalowy' }, { moc: 20, paliwo: 'Olej opałowy' }, null],
  ['a value outside the choices is refused', { moc: 20, paliwo: 'Węgiel' }, null, 'assets.field_not_choice'],
  ['31 February is not a date', { moc: 20, przeglad_do: '2026-02-31' }, null, 'assets.field_not_date'],
  ['a real date is kept', { moc: 20, przeglad_do: '2026-02-28' }, { moc: 20, przeglad_do: '2026-02-28' }, null],
  ['"tak" is yes and "nie" is no', { moc: 1, na_gwarancji: 'tak' }, { moc: 1, na_gwarancji: true }, null],
  ['"może" is neither yes nor no', { moc: 1, na_gwarancji: 'może' }, null, 'assets.field_not_boolean'],
  ['a key the type does not have is refused', { moc: 1, kolor: 'czerwony' }, null, 'assets.field_unknown'],
  ['text is trimmed', { moc: 1, uwagi: '  kocioł w piwnicy ' }, { moc: 1, uwagi: 'kocioł w piwnicy' }, null],
];
for (const [fact, given, stored, code] of cases)
  test(`custom values: ${fact}`, () => {
    const r = normalizeCustomValues(FIELDS, given);
    if (stored) {
      assert.deepEqual(r.errors, []);
      assert.deepEqual(r.values, stored);
    } else assert.equal(r.errors[0]?.code, code);
  });

test('custom values: values of a retired field stay on the asset', () => {
  const r = normalizeCustomValues(FIELDS, { moc: 3 }, { stary_numer: 'A-1', moc: 2 });
  assert.deepEqual(r.values, { stary_numer: 'A-1', moc: 3 });
});

test('field errors point at custom.<key>', () => {
  assert.equal(normalizeCustomValues(FIELDS, { moc: 'x' }).errors[0]?.path, 'custom.moc');
});

test('field keys come from labels without Polish letters and stay unique', () => {
  assert.equal(fieldKeyFromLabel('Moc grzewcza (kW)', new Set()), 'moc_grzewcza_kw');
  assert.equal(fieldKeyFromLabel('Moc grzewcza (kW)', new Set(['moc_grzewcza_kw'])), 'moc_grzewcza_kw_2');
  assert.equal(fieldKeyFromLabel('Żółć', new Set()), 'zolc');
  assert.equal(fieldKeyFromLabel('2 obiegi', new Set()), 'f_2_obiegi');
});

test('a kept field cannot change its kind, a choice needs options, labels are distinct', () => {
  const errors = validateFieldDefinitions(
    [
      { key: 'moc', label: 'Moc', kind: 'text', unit: '', required: false, options: [] },
      { label: 'Paliwo', kind: 'choice', unit: '', required: false, options: [] },
      { label: 'moc', kind: 'number', unit: '', required: false, options: [] },
    ],
    new Map([['moc', field('moc', 'number')]]),
  );
  assert.deepEqual(
    errors.map((e) => [e.path, e.code]),
    [
      ['fields.0.kind', 'assets.field_kind_locked'],
      ['fields.1.options', 'assets.field_options_missing'],
      ['fields.2.label', 'assets.field_label_duplicate'],
    ],
  );
});

test('serial numbers compare without case, spaces, dashes, dots and slashes', () => {
  assert.equal(serialKey(' sn 12-34/a.b '), 'SN1234AB');
});

const readings: [string, { readOn: string; value: bigint } | null, string, bigint, boolean, string | null][] = [
  ['the first reading is always accepted', null, '2026-03-01', 5n, false, null],
  ['a higher reading is accepted', { readOn: '2026-03-01', value: 1000_000n }, '2026-03-02', 1200_000n, false, null],
  ['the same value again is accepted (the machine stood still)', { readOn: '2026-03-01', value: 1000_000n }, '2026-03-02', 1000_000n, false, null],
  ['a lower reading is refused', { readOn: '2026-03-01', value: 1000_000n }, '2026-03-02', 999_000n, false, 'assets.reading_lower'],
  ['a lower reading marked as a meter replacement is accepted', { readOn: '2026-03-01', value: 1000_000n }, '2026-03-02', 0n, true, null],
  ['a reading dated before the last one is refused', { readOn: '2026-03-05', value: 1000_000n }, '2026-03-04', 2000_000n, false, 'assets.reading_before_last'],
];
for (const [fact, last, on, value, replacement, code] of readings)
  test(`meter: ${fact}`, () => assert.equal(readingRefusal(last, on, value, replacement)?.code ?? null, code));

test('the lower-reading refusal names both values', () => {
  assert.deepEqual(readingRefusal({ readOn: '2026-03-01', value: 12500_500n }, '2026-03-02', 12000_000n, false)?.params, { value: '12000', previous: '12500.5' });
});

const months: [string, number, string][] = [
  ['2026-01-31', 1, '2026-02-28'],
  ['2028-01-31', 1, '2028-02-29'],
  ['2026-11-15', 3, '2027-02-15'],
  ['2026-03-29', 12, '2027-03-29'],
  ['2026-05-31', -1, '2026-04-30'],
];
for (const [from, n, to] of months) test(`${from} + ${n} months = ${to}`, () => assert.equal(addMonths(from, n), to));

test('the reminder day is the due day minus the lead time, across month and year ends', () => {
  assert.equal(remindOnFor('2027-01-10', 14), '2026-12-27');
  assert.equal(remindOnFor('2026-03-29', 0), '2026-03-29');
});

test('a recurring date follows N months after completion and N meter units after the reading at completion', () => {
  assert.deepEqual(nextServiceDate({ recurrenceMonths: 12, meterInterval: 10_000_000n }, '2026-06-10', 48_200_000n), { dueOn: '2027-06-10', meterDueAt: 58_200_000n });
  assert.equal(nextServiceDate({ recurrenceMonths: null, meterInterval: null }, '2026-06-10', null), null);
});

const due: [string, { remindOn: string; meterDueAt: bigint | null }, string, bigint | null, 'date' | 'meter' | null][] = [
  ['not yet: the reminder day is tomorrow', { remindOn: '2026-03-30', meterDueAt: null }, '2026-03-29', null, null],
  ['due on the reminder day itself', { remindOn: '2026-03-29', meterDueAt: null }, '2026-03-29', null, 'date'],
  ['due by the meter before the date (whichever first)', { remindOn: '2026-12-01', meterDueAt: 10_000_000n }, '2026-03-29', 10_000_000n, 'meter'],
  ['not due while the meter is below the threshold', { remindOn: '2026-12-01', meterDueAt: 10_000_000n }, '2026-03-29', 9_999_999n, null],
];
for (const [fact, sd, today, meter, reason] of due) test(`due check: ${fact}`, () => assert.equal(dueReason(sd, today, meter), reason));
