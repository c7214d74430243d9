// Test helpers: look at rendered PDFs the way a reader would, with poppler-utils (pdftotext,
// pdfinfo, pdftoppm) and zbar-tools (zbarimg). Used by the *.test.ts files of this folder only.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** Runs `fn` with the PDF written to a fresh temporary directory, removed afterwards. */
export function withPdfFile<T>(pdf: Buffer, fn: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-test-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return fn(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The text of the PDF (or of one page), whitespace runs collapsed to single spaces. */
export function pdfText(pdf: Buffer, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return withPdfFile(pdf, (file) => run('pdftotext', [...range, '-enc', 'UTF-8', file, '-']))
    .replace(/\s+/g, ' ')
    .trim();
}

export function pdfInfo(pdf: Buffer): Record<string, string> {
  const out = withPdfFile(pdf, (file) => run('pdfinfo', ['-isodates', file]));
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) info[match[1]!.trim()] = match[2]!.trim();
  }
  return info;
}

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of a page with its box in points (origin top-left), from `pdftotext -bbox`. */
export function pdfWords(pdf: Buffer, page: number): Word[] {
  const html = withPdfFile(pdf, (file) =>
    run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), '-enc', 'UTF-8', file, '-']),
  );
  const words: Word[] = [];
  const pattern = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of html.matchAll(pattern)) {
    words.push({
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
      text: m[5]!.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&'),
    });
  }
  return words;
}

export interface GrayImage {
  width: number;
  height: number;
  /** Points per pixel, to map pixel boxes back to PDF coordinates. */
  scale: number;
  pixels: Uint8Array;
}

/** One page rendered to 8-bit grey (`pdftoppm -gray`), 0 = black. */
export function pdfPageGray(pdf: Buffer, page: number, dpi: number): GrayImage {
  return withPdfFile(pdf, (file, dir) => {
    run('pdftoppm', ['-r', String(dpi), '-gray', '-f', String(page), '-l', String(page), file, join(dir, 'page')]);
    const name = readdirSync(dir).find((f) => f.endsWith('.pgm'));
    if (!name) throw new Error('pdftoppm wrote no image');
    const bytes = readFileSync(join(dir, name));
    // Binary PGM: "P5" width height maxval, single whitespace, then one byte per pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
    if (!header) throw new Error('unexpected pdftoppm output');
    const width = Number(header[1]);
    const height = Number(header[2]);
    return { width, height, scale: 72 / dpi, pixels: bytes.subarray(header[0].length, header[0].length + width * height) };
  });
}

/** Decoded QR/bar codes of one page (rendered at 300 dpi) with `zbarimg --raw`. */
export function decodeCodes(pdf: Buffer, page: number): string[] {
  return withPdfFile(pdf, (file, dir) => {
    run('pdftoppm', ['-r', '300', '-png', '-f', String(page), '-l', String(page), file, join(dir, 'page')]);
    const name = readdirSync(dir).find((f) => f.endsWith('.png'));
    if (!name) throw new Error('pdftoppm wrote no image');
    const result = spawnSync('zbarimg', ['--raw', '-q', join(dir, name)], { encoding: 'utf8' });
    // zbarimg exits 4 when it finds nothing; that is an empty result, not a failure.
    if (result.status !== 0 && result.status !== 4) throw new Error(`zbarimg failed: ${result.stderr}`);
    return result.stdout.split('\n').filter((line) => line !== '');
  });
}

/** `pdffonts` rows: font name, whether embedded. */
export function pdfFonts(pdf: Buffer): { name: string; embedded: boolean }[] {
  const out = withPdfFile(pdf, (file) => run('pdffonts', [file]));
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      // name type… encoding emb sub uni object ID: "emb" is the 5th column from the end.
      return { name: cols[0] ?? '', embedded: cols[cols.length - 5] === 'yes' };
    });
}
