import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asciiFileName, cleanFileName, contentDisposition, showsInline, sniffDocumentType, type SniffResult } from './documents.rules.ts';

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const ftyp = (major: string, ...compatible: string[]) => {
  const size = 16 + 4 * compatible.length;
  const b = Buffer.alloc(size + 8);
  b.writeUInt32BE(size, 0);
  b.write('ftyp', 4, 'latin1');
  b.write(major, 8, 'latin1');
  compatible.forEach((c, i) => b.write(c, 16 + 4 * i, 'latin1'));
  return b;
};
const ok = (contentType: string): SniffResult => ({ allowed: true, contentType });
const refused = (type: string): SniffResult => ({ allowed: false, type });

const sniffCases: [string, Buffer, string, SniffResult][] = [
  ['a PDF is a PDF', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'), 'karta.pdf', ok('application/pdf')],
  ['a PDF is recognised by its bytes whatever its name', bytes('%PDF-1.4\n'), 'skan', ok('application/pdf')],
  ['a JPEG photo', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), 'IMG_0001.JPG', ok('image/jpeg')],
  ['a PNG screenshot', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR'), 'ekran.png', ok('image/png')],
  ['a WebP image', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'foto.webp', ok('image/webp')],
  ['an iPhone HEIC photo', ftyp('heic', 'mif1', 'heic'), 'IMG_1234.HEIC', ok('image/heic')],
  ['a HEIF image with the mif1 brand only', ftyp('mif1', 'mif1'), 'obraz.heif', ok('image/heif')],
  ['an AVIF image is refused', ftyp('avif', 'mif1', 'avif'), 'obraz.avif', refused('image/avif')],
  ['an MP4 film is refused', ftyp('isom', 'isom', 'mp41'), 'film.mp4', refused('video/mp4')],
  ['a DOCX is a zip with the .docx extension', bytes('PK', [3, 4, 20, 0]), 'Protokół.docx', ok('application/vnd.openxmlformats-officedocument.wordprocessingml.document')],
  ['an XLSX is a zip with the .xlsx extension (any case)', bytes('PK', [3, 4, 20, 0]), 'CENNIK.XLSX', ok('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')],
  ['an ODT is a zip with the .odt extension', bytes('PK', [3, 4, 10, 0], 'mimetypeapplication/vnd.oasis.opendocument.text'), 'pismo.odt', ok('application/vnd.oasis.opendocument.text')],
  ['a plain zip is refused', bytes('PK', [3, 4, 20, 0]), 'archiwum.zip', refused('application/zip')],
  ['a .docx name on something that is not a zip is refused', bytes('<html><script>'), 'faktura.docx', refused('.docx')],
  ['a Windows program is refused', bytes('MZ', [0x90, 0, 3, 0]), 'setup.exe', refused('application/x-msdownload')],
  ['a Windows program named .pdf is still refused', bytes('MZ', [0x90, 0, 3, 0]), 'faktura.pdf', refused('application/x-msdownload')],
  ['a Windows program named .txt is refused by its bytes', bytes('MZ', [0x90, 0, 3, 0]), 'readme.txt', refused('application/x-msdownload')],
  ['a Linux program is refused', bytes([0x7f], 'ELF', [2, 1, 1]), 'run', refused('application/x-executable')],
  ['an old Word .doc is refused and named', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'umowa.doc', refused('application/msword')],
  ['a GIF is refused', bytes('GIF89a'), 'anim.gif', refused('image/gif')],
  ['a text note by its extension', bytes('Wymieniono uszczelkę.\n'), 'notatka.txt', ok('text/plain')],
  ['a UTF-8 CSV with a byte-order mark keeps its charset', bytes([0xef, 0xbb, 0xbf], 'kod;nazwa\n'), 'lista.csv', ok('text/csv; charset=utf-8')],
  ['a Windows-1250 CSV is text without a declared charset', bytes('kod;nazwa\nK1;Kocio', [0xb3], '\n'), 'lista.csv', ok('text/csv')],
  ['a UTF-16 text (Excel "Unicode text") is text despite its NUL bytes', bytes([0xff, 0xfe], 'a', [0], 'b', [0]), 'eksport.txt', ok('text/plain; charset=utf-16le')],
  ['binary data named .txt is refused', bytes('abc', [0, 1, 2]), 'dane.txt', refused('.txt')],
  ['text under another extension is refused', bytes('<svg onload="alert(1)">'), 'logo.svg', refused('image/svg+xml')],
  ['HTML is refused even though it is text', bytes('<!doctype html>'), 'strona.html', refused('text/html')],
  ['an unknown file without an extension is refused', bytes([1, 2, 3]), 'plik', refused('application/octet-stream')],
];
for (const [name, head, fileName, expected] of sniffCases)
  test(`sniffing: ${name}`, () => assert.deepEqual(sniffDocumentType(head, fileName), expected));

const nameCases: [string, string, string | null][] = [
  ['a Polish name is kept as it is', 'Karta gwarancyjna Łódź.pdf', 'Karta gwarancyjna Łódź.pdf'],
  ['a Windows path keeps only the name', 'C:\\Users\\Jan\\Pulpit\\faktura.pdf', 'faktura.pdf'],
  ['a path climbing up keeps only the name', '../../etc/passwd', 'passwd'],
  ['control characters are dropped', 'a\u0000b\r\nc.pdf', 'abc.pdf'],
  ['a right-to-left override cannot disguise the extension', 'zdjecie\u202Egpj.exe', 'zdjeciegpj.exe'],
  ['whitespace is collapsed and trimmed', '  protokół   odbioru .pdf ', 'protokół odbioru .pdf'],
  ['decomposed letters are composed (macOS names)', 'Lo\u0301dz\u0301.pdf', 'Lódź.pdf'],
  ['a name that is only a folder is refused', 'dokumenty/', null],
  ['a name of dots is refused', '..', null],
  ['a name of invisible characters is refused', '\u200B\u200E', null],
];
for (const [name, raw, expected] of nameCases) test(`file name: ${name}`, () => assert.equal(cleanFileName(raw), expected));

test('download: a PDF opens inline with the UTF-8 name in filename* and an ASCII fallback', () => {
  assert.equal(
    contentDisposition('Karta gwarancyjna Łódź.pdf', 'application/pdf'),
    `inline; filename="Karta gwarancyjna Lodz.pdf"; filename*=UTF-8''Karta%20gwarancyjna%20%C5%81%C3%B3d%C5%BA.pdf`,
  );
});

test('download: a spreadsheet is an attachment; quotes, apostrophes and parentheses are escaped', () => {
  assert.equal(
    contentDisposition('Cennik "2026" (O\'Neil).xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
    `attachment; filename="Cennik _2026_ (O'Neil).xlsx"; filename*=UTF-8''Cennik%20%222026%22%20%28O%27Neil%29.xlsx`,
  );
});

test('download: images show inline, text and office files download', () => {
  assert.deepEqual(
    ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf', 'text/plain; charset=utf-8', 'text/csv', 'application/vnd.oasis.opendocument.text'].map(showsInline),
    [true, true, true, true, true, false, false, false],
  );
});

test('the ASCII fallback name keeps Polish words readable and drops what is not ASCII', () => {
  assert.equal(asciiFileName('Zażółć gęślą jaźń — ŁÓDŹ 100%.txt'), 'Zazolc gesla jazn _ LODZ 100_.txt');
});
