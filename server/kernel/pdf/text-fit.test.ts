import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ELLIPSIS, createTextMeasure } from './text-fit.ts';

const measure = createTextMeasure();
const style = { fontSize: 9 };

test('a Polish word is measured with real glyph widths ("ł" is narrower than "Ł")', () => {
  assert.ok(measure.width('ł', style) > 0);
  assert.ok(measure.width('ł', style) < measure.width('Ł', style));
  assert.ok(measure.width('Żółć', { ...style, bold: true }) > measure.width('Żółć', style));
});

test('a 9 pt line is as high as pdfmake lays it out (Roboto: 1.171875 × size)', () => {
  assert.equal(measure.lineHeight(style), 9 * 1.171875);
});

const cases: { name: string; text: string; width: number; maxLines: number; expected: string[] }[] = [
  { name: 'short text stays on one line', text: 'Kocioł gazowy', width: 200, maxLines: 2, expected: ['Kocioł gazowy'] },
  { name: 'empty text gives no lines', text: '   ', width: 200, maxLines: 2, expected: [] },
  { name: 'whitespace runs collapse to one space', text: ' Pompa \n  ciepła\t', width: 200, maxLines: 2, expected: ['Pompa ciepła'] },
  { name: 'text wraps at spaces', text: 'Kocioł gazowy Łódź Żółć', width: 60, maxLines: 3, expected: ['Kocioł gazowy', 'Łódź Żółć'] },
  { name: 'a hyphenated word breaks after the hyphen', text: 'Bielsko-Biała', width: 40, maxLines: 2, expected: ['Bielsko-', 'Biała'] },
  { name: 'text beyond maxLines ends with an ellipsis', text: 'Kocioł gazowy Łódź Żółć', width: 70, maxLines: 1, expected: [`Kocioł gazowy${ELLIPSIS}`] },
];
for (const c of cases) {
  test(`fitLines: ${c.name}`, () => {
    assert.deepEqual(measure.fitLines(c.text, { ...style, width: c.width, maxLines: c.maxLines }), c.expected);
  });
}

test('a serial number longer than a line fills the line and is cut between characters', () => {
  const lines = measure.fitLines('Nr ser.: SN-2024-000123456789ABCDEFGHIJ', { ...style, width: 90, maxLines: 3 });
  assert.ok(lines.length >= 2);
  assert.equal(lines.join('').replaceAll(' ', ''), 'Nrser.:SN-2024-000123456789ABCDEFGHIJ');
  for (const line of lines) assert.ok(measure.width(line, style) <= 90, line);
});

test('every fitted line is within the width, however long the text', () => {
  const text = 'Przedsiębiorstwo Wielobranżowe „Źdźbło” Spółka z ograniczoną odpowiedzialnością '.repeat(50);
  const lines = measure.fitLines(text, { fontSize: 7.5, width: 80, maxLines: 3 });
  assert.equal(lines.length, 3);
  assert.ok(lines[2]!.endsWith(ELLIPSIS));
  for (const line of lines) assert.ok(measure.width(line, { fontSize: 7.5 }) <= 80, line);
});
