// QR labels for customer assets (the QR opens the asset's staff page).
//
// Two layouts, both with every element placed at computed coordinates, so a long name can never
// push a label out of its slot or into its neighbour:
// - 'single': one 62 × 29 mm label per page — Brother DK-11209 ("small address label") on the
//   QL label printers common in Polish service shops; also fits 62 mm continuous DK-22205 rolls.
// - 'sheet': A4 sheets of 3 × 8 = 24 labels of 70 × 37 mm, no gaps, 0.5 mm top margin
//   (e.g. Avery Zweckform 3474 / Herma 4453-style 70 × 37 sheets). Labels never split across pages.
// Everything prints in black: thermal label printers dither grey into unreadable dots.
import type { Content } from 'pdfmake/interfaces.js';
import { mm, renderPdf } from './render.ts';
import { createTextMeasure, type TextMeasure, type TextStyle } from './text-fit.ts';

export type LabelLang = 'pl' | 'en';
export type LabelLayout = 'single' | 'sheet';

export interface AssetLabelItem {
  /** The asset's staff page, e.g. https://serwis.example.pl/assets/<uuid>; encoded in the QR. */
  url: string;
  name: string;
  serialNumber: string;
  customerName: string;
  assetTypeName: string;
}

export interface AssetLabelsInput {
  lang: LabelLang;
  layout: LabelLayout;
  /** The service company's name, printed small at the bottom of each label. */
  company: string;
  createdAt: Date;
  items: AssetLabelItem[];
}

const LABEL_TEXTS: Record<LabelLang, { serial: string; title: string }> = {
  pl: { serial: 'Nr ser.', title: 'Etykiety urządzeń' },
  en: { serial: 'S/N', title: 'Asset labels' },
};

interface LabelGeometry {
  width: number;
  height: number;
  /** White margin inside the label: printer tolerance and the QR's quiet zone. */
  padX: number;
  padY: number;
  name: TextStyle & { maxLines: number };
  body: TextStyle & { maxLines: number };
  small: TextStyle;
  /** Vertical space between the text blocks. */
  gap: number;
}

const SINGLE: LabelGeometry = {
  width: mm(62),
  height: mm(29),
  padX: mm(2.5),
  padY: mm(2.5),
  name: { fontSize: 8, bold: true, maxLines: 2 },
  body: { fontSize: 6.5, maxLines: 2 },
  small: { fontSize: 5.5 },
  gap: 1,
};

const SHEET_LABEL: LabelGeometry = {
  width: mm(70),
  height: mm(37),
  padX: mm(4),
  padY: mm(3.5),
  name: { fontSize: 9, bold: true, maxLines: 3 },
  body: { fontSize: 7.5, maxLines: 2 },
  small: { fontSize: 6 },
  gap: 1.5,
};

export const SHEET_GRID = { columns: 3, rows: 8, top: mm(0.5), left: 0 } as const;
export const LABELS_PER_SHEET = SHEET_GRID.columns * SHEET_GRID.rows;

/** Label sizes in points, for callers and tests. */
export const LABEL_SIZES: Record<LabelLayout, { width: number; height: number }> = {
  single: { width: SINGLE.width, height: SINGLE.height },
  sheet: { width: SHEET_LABEL.width, height: SHEET_LABEL.height },
};

/**
 * One PDF with a label per item, in the order given. Callers validate and bound `items` (at least
 * one; rendering takes about 10 ms per label and blocks the event loop meanwhile).
 */
export async function renderAssetLabels(input: AssetLabelsInput): Promise<Buffer> {
  if (input.items.length === 0) throw new Error('renderAssetLabels: no items to print');
  const texts = LABEL_TEXTS[input.lang];
  const measure = createTextMeasure();
  const single = input.layout === 'single';
  const geometry = single ? SINGLE : SHEET_LABEL;
  const perPage = single ? 1 : LABELS_PER_SHEET;

  const content: Content[] = [];
  input.items.forEach((item, index) => {
    const slot = index % perPage;
    const origin = single
      ? { x: 0, y: 0 }
      : {
          x: SHEET_GRID.left + (slot % SHEET_GRID.columns) * geometry.width,
          y: SHEET_GRID.top + Math.floor(slot / SHEET_GRID.columns) * geometry.height,
        };
    const newPage = index > 0 && slot === 0;
    content.push(...labelNodes(item, input.company, texts.serial, geometry, origin, newPage, measure));
  });

  return renderPdf(
    {
      pageSize: single ? { width: SINGLE.width, height: SINGLE.height } : 'A4',
      pageMargins: 0,
      defaultStyle: { fontSize: geometry.body.fontSize, lineHeight: 1, color: '#000000' },
      content,
    },
    { createdAt: input.createdAt, lang: input.lang, title: texts.title, author: input.company },
  );
}

function labelNodes(
  item: AssetLabelItem,
  company: string,
  serialLabel: string,
  g: LabelGeometry,
  origin: { x: number; y: number },
  newPage: boolean,
  measure: TextMeasure,
): Content[] {
  const qr = chooseQr(item.url, g.height - 2 * g.padY);
  // A quiet zone of four modules left of the QR where the label allows (no more than above it).
  const qrInset = Math.max(g.padX, Math.min(4 * qr.moduleSize, (g.height - qr.size) / 2));
  const qrNode: Content = {
    qr: item.url,
    fit: qr.size,
    version: qr.version,
    eccLevel: qr.eccLevel,
    mode: 'octet',
    ...(newPage ? { pageBreak: 'before' as const } : {}),
    // Centred vertically.
    absolutePosition: { x: origin.x + qrInset, y: origin.y + (g.height - qr.size) / 2 },
  };

  // Text column right of the QR, with a gap of four modules (the quiet zone) but at least 2 mm.
  const textX = qrInset + qr.size + Math.max(4 * qr.moduleSize, mm(2));
  const textWidth = g.width - textX - g.padX;
  const innerHeight = g.height - 2 * g.padY;

  const serial = item.serialNumber.trim() ? `${serialLabel}: ${item.serialNumber.trim()}` : '';
  const companyLines = measure.fitLines(company, { ...g.small, width: textWidth, maxLines: 1 });
  const companyHeight = companyLines.length * measure.lineHeight(g.small);

  // Blocks top-down; when they do not fit above the company line, the block with the most lines
  // gives one up (on a tie the less important one: type, customer, serial, name), down to one line.
  const blocks = [
    { text: item.name, style: g.name, maxLines: g.name.maxLines },
    { text: serial, style: g.body, maxLines: g.body.maxLines },
    { text: item.customerName, style: g.body, maxLines: g.body.maxLines },
    { text: item.assetTypeName, style: g.body, maxLines: 1 },
  ];
  const fit = () => blocks.map((b) => measure.fitLines(b.text, { ...b.style, width: textWidth, maxLines: b.maxLines }));
  const heightOf = (lines: string[][]) =>
    lines.reduce((sum, blockLines, i) => {
      if (blockLines.length === 0) return sum;
      return sum + blockLines.length * measure.lineHeight(blocks[i]!.style) + g.gap;
    }, 0);
  const available = innerHeight - companyHeight;
  let lines = fit();
  while (heightOf(lines) > available) {
    let shrink = -1;
    for (let i = blocks.length - 1; i >= 0; i--) {
      const count = lines[i]!.length;
      if (count > 1 && (shrink < 0 || count > lines[shrink]!.length)) shrink = i;
    }
    if (shrink < 0) break;
    blocks[shrink]!.maxLines = lines[shrink]!.length - 1;
    lines = fit();
  }
  // Still too tall (only with absurd geometry): drop blocks from the least important up.
  for (const i of [3, 2, 1]) {
    if (heightOf(lines) > available) lines[i] = [];
  }

  const nodes: Content[] = [qrNode];
  let y = origin.y + g.padY;
  lines.forEach((blockLines, i) => {
    const style = blocks[i]!.style;
    for (const line of blockLines) {
      nodes.push(textLine(line, style, origin.x + textX, y));
      y += measure.lineHeight(style);
    }
    if (blockLines.length > 0) y += g.gap;
  });
  const companyY = origin.y + g.height - g.padY - companyHeight;
  for (const line of companyLines) nodes.push(textLine(line, g.small, origin.x + textX, companyY));
  return nodes;
}

function textLine(text: string, style: TextStyle, x: number, y: number): Content {
  // The line is already measured to fit; noWrap keeps pdfmake from second-guessing it.
  return { text, fontSize: style.fontSize, bold: style.bold ?? false, noWrap: true, absolutePosition: { x, y } };
}

// ---- QR sizing ----------------------------------------------------------------------------------
// pdfmake draws QR modules in whole points (module = floor(fit / modules)), so a QR sized "to fit"
// can shrink to half when the URL crosses a version boundary — or vanish if fit < modules. We pick
// version and error-correction level ourselves and pass a fit that is an exact multiple.

export type EccLevel = 'L' | 'M' | 'Q' | 'H';

/** Byte-mode capacity (ISO/IEC 18004, table 7) for versions 1–10. */
const BYTE_CAPACITY: Record<EccLevel, readonly number[]> = {
  L: [17, 32, 53, 78, 106, 134, 154, 192, 230, 271],
  M: [14, 26, 42, 62, 84, 106, 122, 152, 180, 213],
  Q: [11, 20, 32, 46, 60, 74, 86, 108, 130, 151],
  H: [7, 14, 24, 34, 44, 58, 64, 84, 98, 119],
};

/** The smallest QR version holding `bytes` in byte mode at this level; undefined beyond version 10. */
export function qrVersionFor(bytes: number, eccLevel: EccLevel): number | undefined {
  const index = BYTE_CAPACITY[eccLevel].findIndex((capacity) => capacity >= bytes);
  return index < 0 ? undefined : index + 1;
}

export interface QrChoice {
  version: number;
  eccLevel: EccLevel;
  modules: number;
  moduleSize: number;
  size: number;
}

/**
 * The largest QR (in whole-point modules) that fits `box` points; among equally large ones, the
 * strongest error correction (labels get scratched).
 */
export function chooseQr(data: string, box: number): QrChoice {
  const bytes = Buffer.byteLength(data, 'utf8');
  let best: QrChoice | undefined;
  for (const eccLevel of ['H', 'Q', 'M', 'L'] as const) {
    const version = qrVersionFor(bytes, eccLevel);
    if (version === undefined) continue;
    const modules = 17 + 4 * version;
    const moduleSize = Math.floor(box / modules);
    if (moduleSize < 1) continue;
    if (!best || moduleSize > best.moduleSize) {
      best = { version, eccLevel, modules, moduleSize, size: modules * moduleSize };
    }
  }
  if (!best) throw new Error(`QR data of ${bytes} bytes does not fit a ${box.toFixed(1)} pt label QR`);
  return best;
}
