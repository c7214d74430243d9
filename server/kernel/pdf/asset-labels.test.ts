import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { LABEL_SIZES, LABELS_PER_SHEET, SHEET_GRID, chooseQr, qrVersionFor, renderAssetLabels, type AssetLabelItem } from './asset-labels.ts';
import { mm } from './render.ts';
import { decodeCodes, hasCommand, pdfInfo, pdfPageGray, pdfText, pdfWords, type GrayImage, type Word } from './pdf-test-tools.ts';

const createdAt = new Date('2026-11-20T10:00:00Z');
const company = 'Serwis Ciepła Ząbki Sp. z o.o.';
const zbarMissing = hasCommand('zbarimg') ? false : 'zbarimg (apt package zbar-tools) is not installed';

const boiler: AssetLabelItem = {
  url: 'https://serwis.example.pl/assets/6f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f',
  name: 'Kocioł gazowy Łódź Żółć',
  serialNumber: 'VC206-ŻŹ-0042',
  customerName: 'Zakład Ślusarski Gęś',
  assetTypeName: 'Kocioł dwufunkcyjny',
};

const assetUrl = (i: number) => `https://serwis.example.pl/assets/6f1c2d3e-4b5a-4c6d-8e7f-${String(i).padStart(12, '0')}`;
const sheetItems: AssetLabelItem[] = Array.from({ length: 30 }, (_, i) => ({
  ...boiler,
  url: assetUrl(i + 1),
  name: `Etykieta${String(i + 1).padStart(2, '0')} Kocioł gazowy Łódź Żółć`,
}));

// Every field far longer than a label can hold.
const overlong: AssetLabelItem = {
  url: assetUrl(999),
  name: 'Kocioł gazowy kondensacyjny Vaillant ecoTEC plus VC 206/5-5 z zasobnikiem ciepłej wody użytkowej 150 l i sterownikiem pogodowym',
  serialNumber: 'SN-2024-000123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-ŻÓŁĆ-0123456789-ABCDEFGHIJ',
  customerName: 'Przedsiębiorstwo Wielobranżowe „Źdźbło” Spółka z ograniczoną odpowiedzialnością Spółka komandytowa w Łodzi',
  assetTypeName: 'Urządzenie grzewcze gazowe kondensacyjne dwufunkcyjne z zamkniętą komorą spalania',
};
const overlongCompany = 'Zakład Usług Technicznych „Ciepło i Woda” Serwis Grzewczy Ząbkowice Śląskie Spółka z o.o.';

const single = await renderAssetLabels({ lang: 'pl', layout: 'single', company, createdAt, items: [boiler] });
const sheet = await renderAssetLabels({ lang: 'pl', layout: 'sheet', company, createdAt, items: sheetItems });

test('a single label is one 62 × 29 mm page', () => {
  const info = pdfInfo(single);
  assert.equal(info.Pages, '1');
  assert.equal(info['Page size'], '175.748 x 82.2047 pts');
});

test('a Polish label prints name, "Nr ser.", customer, type and company with Polish letters intact', () => {
  const text = pdfText(single);
  for (const expected of [
    'Kocioł gazowy Łódź Żółć',
    'Nr ser.: VC206-ŻŹ-0042',
    'Zakład Ślusarski Gęś',
    'Kocioł dwufunkcyjny',
    'Serwis Ciepła Ząbki Sp. z o.o.',
  ]) {
    assert.ok(text.includes(expected), `"${expected}" in "${text}"`);
  }
});

test('an English label says "S/N" where a Polish one says "Nr ser."', async () => {
  const pdf = await renderAssetLabels({ lang: 'en', layout: 'single', company, createdAt, items: [boiler] });
  const text = pdfText(pdf);
  assert.ok(text.includes('S/N: VC206-ŻŹ-0042'), text);
  assert.ok(!text.includes('Nr ser.'));
  assert.equal(pdfInfo(pdf).Title, 'Asset labels');
});

test('single labels print one asset per page', async () => {
  const pdf = await renderAssetLabels({ lang: 'pl', layout: 'single', company, createdAt, items: sheetItems.slice(0, 3) });
  assert.equal(pdfInfo(pdf).Pages, '3');
  assert.ok(pdfText(pdf, 2).startsWith('Etykieta02'));
});

test('the QR of a single label decodes to the asset URL', { skip: zbarMissing }, () => {
  assert.deepEqual(decodeCodes(single, 1), [boiler.url]);
});

test('a sheet of 30 labels takes two A4 pages', () => {
  const info = pdfInfo(sheet);
  assert.equal(info.Pages, '2');
  assert.match(info['Page size'] ?? '', /\(A4\)/);
});

test('the first sheet holds labels 1–24 in reading order and the second labels 25–30', () => {
  const expected = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => `Etykieta${String(from + i).padStart(2, '0')}`);
  const byPosition = (page: number) =>
    pdfWords(sheet, page)
      .filter((w) => w.text.startsWith('Etykieta'))
      .sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)
      .map((w) => w.text);
  assert.deepEqual(byPosition(1), expected(1, 24));
  assert.deepEqual(byPosition(2), expected(25, 30));
});

test('every QR on a sheet decodes to its own asset URL', { skip: zbarMissing }, () => {
  assert.deepEqual(decodeCodes(sheet, 1).sort(), sheetItems.slice(0, 24).map((i) => i.url).sort());
  assert.deepEqual(decodeCodes(sheet, 2).sort(), sheetItems.slice(24).map((i) => i.url).sort());
});

test('labels sit on the 70 × 37 mm grid: each name starts at the same place in its cell', () => {
  const { width, height } = LABEL_SIZES.sheet;
  const starts = pdfWords(sheet, 1)
    .filter((w) => w.text.startsWith('Etykieta'))
    .map((w) => {
      const n = Number(w.text.slice('Etykieta'.length)) - 1;
      const cellX = SHEET_GRID.left + (n % SHEET_GRID.columns) * width;
      const cellY = SHEET_GRID.top + Math.floor(n / SHEET_GRID.columns) * height;
      return { dx: w.xMin - cellX, dy: w.yMin - cellY };
    });
  assert.equal(starts.length, LABELS_PER_SHEET);
  for (const s of starts) {
    assert.ok(Math.abs(s.dx - starts[0]!.dx) < 0.01 && Math.abs(s.dy - starts[0]!.dy) < 0.01, JSON.stringify(s));
  }
  assert.ok(starts[0]!.dx > mm(25) && starts[0]!.dy > mm(2), 'the name starts right of the QR, inside the label');
});

/** Dark pixels of a cell that are not inside any word box: the QR code. */
function qrBox(image: GrayImage, cell: { x: number; y: number; width: number; height: number }, words: Word[]) {
  const px = (points: number) => points / image.scale;
  const masked = (x: number, y: number) =>
    words.some((w) => x >= px(w.xMin) - 2 && x <= px(w.xMax) + 2 && y >= px(w.yMin) - 2 && y <= px(w.yMax) + 2);
  let box: { xMin: number; yMin: number; xMax: number; yMax: number } | undefined;
  for (let y = Math.floor(px(cell.y)); y < Math.ceil(px(cell.y + cell.height)) && y < image.height; y++) {
    for (let x = Math.floor(px(cell.x)); x < Math.ceil(px(cell.x + cell.width)) && x < image.width; x++) {
      if (image.pixels[y * image.width + x]! >= 128 || masked(x, y)) continue;
      box = box
        ? { xMin: Math.min(box.xMin, x), yMin: Math.min(box.yMin, y), xMax: Math.max(box.xMax, x), yMax: Math.max(box.yMax, y) }
        : { xMin: x, yMin: y, xMax: x, yMax: y };
    }
  }
  assert.ok(box, 'the cell has a QR code');
  const pt = (pixels: number) => pixels * image.scale;
  return { xMin: pt(box.xMin), yMin: pt(box.yMin), xMax: pt(box.xMax + 1), yMax: pt(box.yMax + 1) };
}

function assertLabelFits(cell: { x: number; y: number; width: number; height: number }, words: Word[], qr: ReturnType<typeof qrBox>) {
  const margin = mm(1);
  assert.ok(words.length >= 5, 'the label has its texts');
  assert.ok(qr.xMax - qr.xMin >= mm(20) && Math.abs(qr.xMax - qr.xMin - (qr.yMax - qr.yMin)) < 1.5, `a square QR of at least 20 mm: ${JSON.stringify(qr)}`);
  assert.ok(qr.xMin >= cell.x + margin && qr.yMin >= cell.y + margin && qr.yMax <= cell.y + cell.height - margin, 'QR inside the label');
  for (const w of words) {
    assert.ok(w.xMin >= qr.xMax + mm(2), `"${w.text}" starts right of the QR`);
    assert.ok(w.xMax <= cell.x + cell.width - margin, `"${w.text}" ends inside the label`);
    assert.ok(w.yMin >= cell.y + margin && w.yMax <= cell.y + cell.height - margin, `"${w.text}" inside the label vertically`);
  }
  const overlap = (a: Word, b: Word) =>
    Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin) > 0.5 && Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) > 0.5;
  words.forEach((a, i) => {
    for (const b of words.slice(i + 1)) assert.ok(!overlap(a, b), `"${a.text}" and "${b.text}" do not overlap`);
  });
}

test('overlong texts on a single label are cut with "…" and overlap neither the QR, each other nor the label edge', async () => {
  const pdf = await renderAssetLabels({ lang: 'pl', layout: 'single', company: overlongCompany, createdAt, items: [overlong] });
  const words = pdfWords(pdf, 1);
  const cell = { x: 0, y: 0, ...LABEL_SIZES.single };
  assertLabelFits(cell, words, qrBox(pdfPageGray(pdf, 1, 150), cell, words));
  const text = pdfText(pdf);
  assert.ok(text.includes('…'));
  assert.ok(text.startsWith('Kocioł gazowy'));
  assert.ok(text.includes('Nr ser.: SN-2024-'));
});

test('on a full sheet of overlong texts every label stays in its cell, its texts clear of the QR and of each other', async () => {
  const items = Array.from({ length: LABELS_PER_SHEET }, () => overlong);
  const pdf = await renderAssetLabels({ lang: 'pl', layout: 'sheet', company: overlongCompany, createdAt, items });
  assert.equal(pdfInfo(pdf).Pages, '1');
  const words = pdfWords(pdf, 1);
  const image = pdfPageGray(pdf, 1, 100);
  const { width, height } = LABEL_SIZES.sheet;
  let seen = 0;
  for (let n = 0; n < LABELS_PER_SHEET; n++) {
    const cell = {
      x: SHEET_GRID.left + (n % SHEET_GRID.columns) * width,
      y: SHEET_GRID.top + Math.floor(n / SHEET_GRID.columns) * height,
      width,
      height,
    };
    const inCell = words.filter((w) => w.xMin >= cell.x && w.xMin < cell.x + width && w.yMin >= cell.y && w.yMin < cell.y + height);
    seen += inCell.length;
    assertLabelFits(cell, inCell, qrBox(image, cell, inCell));
  }
  assert.equal(seen, words.length, 'no word outside the grid');
});

test('a 200-character URL still gives a readable QR on the small label', { skip: zbarMissing }, async () => {
  const url = `https://serwis.example.pl/assets/${'x'.repeat(200 - 'https://serwis.example.pl/assets/'.length)}`;
  const pdf = await renderAssetLabels({ lang: 'pl', layout: 'single', company, createdAt, items: [{ ...boiler, url }] });
  assert.deepEqual(decodeCodes(pdf, 1), [url]);
});

test('a URL too long for a label QR is refused with an error', async () => {
  const url = `https://serwis.example.pl/assets/${'x'.repeat(400)}`;
  await assert.rejects(renderAssetLabels({ lang: 'pl', layout: 'single', company, createdAt, items: [{ ...boiler, url }] }), /QR data/);
});

test('an empty list of labels is refused rather than printed as a blank page', async () => {
  await assert.rejects(renderAssetLabels({ lang: 'pl', layout: 'sheet', company, createdAt, items: [] }), /no items/);
});

test('the same labels and date render to identical bytes', async () => {
  const again = await renderAssetLabels({ lang: 'pl', layout: 'sheet', company, createdAt, items: sheetItems });
  assert.ok(again.equals(sheet));
});

const qrChoices: { name: string; bytes: number; box: number; expected: Partial<ReturnType<typeof chooseQr>> }[] = [
  { name: 'a 76-byte URL on the 62 × 29 mm label: version 4, ECC L, 2 pt modules', bytes: 76, box: mm(24), expected: { version: 4, eccLevel: 'L', moduleSize: 2, size: 66 } },
  { name: 'a 76-byte URL on the 70 × 37 mm label: version 5, ECC M, 2 pt modules', bytes: 76, box: mm(30), expected: { version: 5, eccLevel: 'M', moduleSize: 2, size: 74 } },
  { name: 'a 50-byte URL on the 62 × 29 mm label: ECC M at the same size', bytes: 50, box: mm(24), expected: { version: 4, eccLevel: 'M', size: 66 } },
  { name: 'a 200-byte URL on the 62 × 29 mm label: 1 pt modules rather than none', bytes: 200, box: mm(24), expected: { moduleSize: 1 } },
];
for (const c of qrChoices) {
  test(`QR choice: ${c.name}`, () => {
    const choice = chooseQr('h'.repeat(c.bytes), c.box);
    for (const [key, value] of Object.entries(c.expected)) assert.equal(choice[key as keyof typeof choice], value, key);
  });
}

test("the QR capacity table matches pdfmake's own encoder for 1–271 bytes at every ECC level", () => {
  // pdfmake's QR encoder is internal; this pins our table to the installed pdfmake.
  const require = createRequire(import.meta.url);
  const qrEnc = require(require.resolve('pdfmake/js/qrEnc.js')) as {
    default: { measure(node: { qr: string; eccLevel: string; mode: string }): { _width: number } };
  };
  for (const eccLevel of ['L', 'M', 'Q', 'H'] as const) {
    for (let bytes = 1; bytes <= 271; bytes++) {
      const version = qrVersionFor(bytes, eccLevel);
      if (version === undefined) continue;
      const data = 'h'.repeat(bytes);
      // Without `fit` pdfmake draws 5 pt per module.
      const modules = qrEnc.default.measure({ qr: data, eccLevel, mode: 'octet' })._width / 5;
      assert.equal(17 + 4 * version, modules, `${bytes} bytes at ECC ${eccLevel}`);
    }
  }
});
