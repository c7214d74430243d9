// Measures and fits text with the same font engine pdfmake draws with (pdfkit + the embedded
// Roboto), so fixed-size layouts (labels, table cells) can wrap and truncate text themselves
// instead of letting it grow past its box.
//
// pdfkit is pdfmake's own dependency; it is loaded from pdfmake's location so we measure with
// exactly the copy pdfmake renders with. Its per-font layout cache grows with every distinct word,
// so a measurer lives for one document: create one per render, never one per process.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PDF_FONT_FILES, fontVariant, type FontVariant } from './fonts.ts';

interface PdfKitMeasuringDoc {
  registerFont(name: string, src: Buffer): PdfKitMeasuringDoc;
  font(name: string): PdfKitMeasuringDoc;
  fontSize(size: number): PdfKitMeasuringDoc;
  widthOfString(text: string): number;
  currentLineHeight(includeGap?: boolean): number;
}
type PdfKitConstructor = new (options: { autoFirstPage: boolean; compress: boolean }) => PdfKitMeasuringDoc;

const requireFromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
const PdfKitDocument = requireFromPdfmake('pdfkit') as PdfKitConstructor;

const fontBytes = new Map<FontVariant, Buffer>();
function fontBuffer(variant: FontVariant): Buffer {
  let bytes = fontBytes.get(variant);
  if (!bytes) {
    bytes = readFileSync(PDF_FONT_FILES[variant]);
    fontBytes.set(variant, bytes);
  }
  return bytes;
}

export const ELLIPSIS = '…';

export interface TextStyle {
  fontSize: number;
  bold?: boolean;
  italics?: boolean;
}

export interface FitOptions extends TextStyle {
  /** Width of the box in points. */
  width: number;
  /** Lines beyond this are dropped and the last kept line ends with "…". */
  maxLines: number;
}

export interface TextMeasure {
  /** Advance width in points, as pdfmake measures a text inline (no character spacing). */
  width(text: string, style: TextStyle): number;
  /** Height pdfmake gives one line of this style with `lineHeight: 1`. */
  lineHeight(style: TextStyle): number;
  /**
   * Word-wraps `text` into at most `maxLines` lines no wider than `width`. Breaks after spaces,
   * hyphens and slashes; a word wider than the box is cut between characters. Whitespace runs
   * collapse to one space. Empty text gives no lines.
   */
  fitLines(text: string, options: FitOptions): string[];
}

export function createTextMeasure(): TextMeasure {
  const doc = new PdfKitDocument({ autoFirstPage: false, compress: false });
  const registered = new Set<FontVariant>();
  const use = (style: TextStyle): PdfKitMeasuringDoc => {
    const variant = fontVariant(style);
    if (!registered.has(variant)) {
      // Registered by name so pdfkit parses each font once per measurer.
      doc.registerFont(variant, fontBuffer(variant));
      registered.add(variant);
    }
    return doc.font(variant).fontSize(style.fontSize);
  };

  const width = (text: string, style: TextStyle): number => (text === '' ? 0 : use(style).widthOfString(text));
  const lineHeight = (style: TextStyle): number => use(style).currentLineHeight(false);

  const fitLines = (text: string, options: FitOptions): string[] => {
    const fits = (line: string): boolean => width(line, options) <= options.width;
    const pieces = breakablePieces(text.normalize('NFC'));
    const lines: string[] = [];
    let current = '';
    for (const piece of pieces) {
      const candidate = current === '' ? piece.text : current + piece.glue + piece.text;
      if (fits(candidate)) {
        current = candidate;
        continue;
      }
      let rest = piece.text;
      if (!fits(rest) && current !== '') {
        // Too wide for any line (a long serial number): fill this line first, then cut.
        const head = longestFittingPrefix(rest, (s) => fits(current + piece.glue + s), false);
        if (head !== '') {
          current += piece.glue + head;
          rest = rest.slice(head.length);
        }
      }
      if (current !== '') lines.push(current);
      current = '';
      // What is left may still be wider than a line: cut it between characters.
      while (rest !== '' && !fits(rest) && lines.length <= options.maxLines) {
        const head = longestFittingPrefix(rest, fits);
        lines.push(head);
        rest = rest.slice(head.length);
      }
      current = rest;
      // Enough to know the text overflows: a huge name costs no more than a long one.
      if (lines.length > options.maxLines) break;
    }
    if (current !== '') lines.push(current);
    if (lines.length <= options.maxLines) return lines;
    const kept = lines.slice(0, Math.max(options.maxLines, 0));
    if (kept.length === 0) return kept;
    kept[kept.length - 1] = withEllipsis(kept[kept.length - 1] ?? '', fits);
    return kept;
  };

  return { width, lineHeight, fitLines };
}

interface Piece {
  text: string;
  /** What joins this piece to the previous one on the same line: a space, or nothing after a hyphen. */
  glue: '' | ' ';
}

function breakablePieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  for (const word of text.split(/\s+/)) {
    if (word === '') continue;
    // Break opportunities after "-" and "/" inside a word ("Bielsko-Biała", "DN15/20").
    const parts = word.match(/[^-/]*[-/]+|[^-/]+/g) ?? [word];
    parts.forEach((part, i) => pieces.push({ text: part, glue: i === 0 ? ' ' : '' }));
  }
  return pieces;
}

const graphemes = new Intl.Segmenter('pl', { granularity: 'grapheme' });

function longestFittingPrefix(text: string, fits: (line: string) => boolean, atLeastOne = true): string {
  let prefix = '';
  for (const { segment } of graphemes.segment(text)) {
    if (!fits(prefix + segment)) break;
    prefix += segment;
  }
  // A line of its own always takes one character, even one wider than the box, to make progress.
  if (prefix === '' && atLeastOne) return [...graphemes.segment(text)][0]?.segment ?? text;
  return prefix;
}

function withEllipsis(line: string, fits: (line: string) => boolean): string {
  const chars = [...graphemes.segment(line)].map((s) => s.segment);
  while (chars.length > 0) {
    const candidate = chars.join('').trimEnd() + ELLIPSIS;
    if (fits(candidate)) return candidate;
    chars.pop();
  }
  return ELLIPSIS;
}
