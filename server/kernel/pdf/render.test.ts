import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { renderPdf } from './render.ts';
import { pdfFonts, pdfInfo, pdfText } from './pdf-test-tools.ts';

const createdAt = new Date('2026-11-20T10:00:00Z');
const polish = 'Zażółć gęślą jaźń: ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ';
const onePixelPng =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

test('Polish letters ąćęłńóśźż ĄĆĘŁŃÓŚŹŻ come out of the PDF exactly as written, in regular and bold', async () => {
  const pdf = await renderPdf({ content: [polish, { text: polish, bold: true }] }, { createdAt });
  assert.equal(pdfText(pdf), `${polish} ${polish}`);
});

test('the text is set in embedded Roboto, never in a standard PDF font', async () => {
  const pdf = await renderPdf({ content: [polish, { text: polish, bold: true, italics: true }] }, { createdAt });
  const fonts = pdfFonts(pdf);
  assert.ok(fonts.length >= 2);
  for (const font of fonts) {
    assert.match(font.name, /Roboto/);
    assert.ok(font.embedded, `${font.name} is embedded`);
  }
});

test('the same definition and creation date render to identical bytes', async () => {
  const doc = () => ({ content: [{ text: polish, style: 'title' }, { qr: 'https://example.pl/assets/1' }] });
  const a = await renderPdf(doc(), { createdAt, title: 'Test' });
  const b = await renderPdf(doc(), { createdAt, title: 'Test' });
  assert.ok(a.equals(b));
});

test('the creation date, title and language come from the metadata, and the default page is A4', async () => {
  const pdf = await renderPdf({ content: ['x'] }, { createdAt, title: 'Potwierdzenie przyjęcia', lang: 'pl' });
  const info = pdfInfo(pdf);
  assert.equal(info.CreationDate, '2026-11-20T10:00:00Z');
  assert.equal(info.Title, 'Potwierdzenie przyjęcia');
  assert.equal(info.Creator, 'Serwisownia');
  assert.match(info['Page size'] ?? '', /\(A4\)/);
});

test('an image URL is refused and nothing is fetched from the network', async (t) => {
  let requests = 0;
  const server = createServer((_req, res) => {
    requests += 1;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => server.close());
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/logo.png`;
  await assert.rejects(renderPdf({ content: [{ image: 'logo' }], images: { logo: url } }, { createdAt }), /denied/);
  await assert.rejects(renderPdf({ content: [{ image: url }] }, { createdAt }), /denied/);
  assert.equal(requests, 0);
});

test('a local file as image is refused: the fonts are the only files pdfmake may read', async () => {
  await assert.rejects(renderPdf({ content: [{ image: import.meta.filename }] }, { createdAt }), /denied/);
});

test('an image given as a data URL is embedded', async () => {
  const pdf = await renderPdf({ content: [{ image: onePixelPng, width: 10 }, 'ok'] }, { createdAt });
  assert.equal(pdfText(pdf), 'ok');
});
