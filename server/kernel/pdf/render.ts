// The one place that talks to pdfmake: every PDF of the product (asset labels, intake receipts,
// estimates, invoices) is a pdfmake document definition rendered here.
//
// pdfmake's Node entry point is a process-wide singleton (fonts and access policies are global),
// so this module configures it once and nothing else may import 'pdfmake' at runtime.
// - Fonts: Roboto from pdfmake's package (see fonts.ts), so Polish letters render.
// - No network: pdfmake would fetch any http(s) URL given as an image, font or attachment.
// - No local files except the fonts: pdfmake would read any local path given as an image or
//   attachment. Images must be passed as data URLs ("data:image/png;base64,…").
import pdfmake from 'pdfmake';
import type {
  Margins,
  StyleDictionary,
  Style,
  TDocumentDefinitions,
  TDocumentInformation,
} from 'pdfmake/interfaces.js';
import { PDF_FONT_FAMILY, PDF_FONT_FILES } from './fonts.ts';

const allowedLocalFiles = new Set<string>(Object.values(PDF_FONT_FILES));

pdfmake.setFonts({ [PDF_FONT_FAMILY]: { ...PDF_FONT_FILES } });
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => allowedLocalFiles.has(path));

export type PdfDocumentDefinition = Omit<TDocumentDefinitions, 'info' | 'language'>;

export interface PdfMetadata {
  /** Becomes CreationDate/ModDate and seeds the file ID: the same input gives the same bytes. */
  createdAt: Date;
  title?: string;
  subject?: string;
  author?: string;
  keywords?: string;
  lang?: 'pl' | 'en';
}

/** Millimetres to PDF points (1/72 inch). */
export function mm(millimetres: number): number {
  return (millimetres * 72) / 25.4;
}

export const A4 = { width: mm(210), height: mm(297) } as const;

/** [left, top, right, bottom] for A4 business documents (receipts, estimates, invoices). */
export const A4_PAGE_MARGINS: Margins = [mm(15), mm(15), mm(15), mm(18)];

export const PDF_DEFAULT_STYLE: Style = { font: PDF_FONT_FAMILY, fontSize: 10, lineHeight: 1.15 };

/** Shared named styles; a document may add its own through `styles`. */
export const PDF_STYLES: StyleDictionary = {
  title: { fontSize: 16, bold: true, margin: [0, 0, 0, 6] },
  heading: { fontSize: 12, bold: true, margin: [0, 8, 0, 4] },
  small: { fontSize: 8 },
  muted: { color: '#555555' },
  tableHeader: { bold: true, fillColor: '#eeeeee' },
  right: { alignment: 'right' },
};

/**
 * Renders a pdfmake document definition to PDF bytes. Defaults: A4 portrait, the margins, fonts and
 * styles above (the document's own `defaultStyle`/`styles` are merged over them).
 * pdfmake annotates the nodes it lays out: build a fresh definition for every call.
 */
export async function renderPdf(doc: PdfDocumentDefinition, meta: PdfMetadata): Promise<Buffer> {
  const info: TDocumentInformation = {
    creationDate: meta.createdAt,
    modDate: meta.createdAt,
    creator: 'Serwisownia',
    producer: 'Serwisownia (pdfmake)',
  };
  if (meta.title) info.title = meta.title;
  if (meta.subject) info.subject = meta.subject;
  if (meta.author) info.author = meta.author;
  if (meta.keywords) info.keywords = meta.keywords;
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: A4_PAGE_MARGINS,
    ...doc,
    defaultStyle: { ...PDF_DEFAULT_STYLE, ...doc.defaultStyle },
    styles: { ...PDF_STYLES, ...doc.styles },
    info,
    language: meta.lang === 'en' ? 'en-GB' : 'pl-PL',
  };
  try {
    return await pdfmake.createPdf(definition).getBuffer();
  } catch (error) {
    // pdfmake throws bare strings from some paths (e.g. "too large data for the Qr format").
    if (error instanceof Error) throw error;
    throw new Error(`PDF rendering failed: ${String(error)}`);
  }
}
