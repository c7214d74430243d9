// The TrueType fonts every PDF of the product embeds. The standard 14 PDF fonts have no
// ą/ć/ę/ł/ń/ó/ś/ź/ż, so PDFs always embed a Unicode font. pdfmake ships Roboto (Latin Extended-A
// included) inside its npm package; we resolve it from node_modules at runtime — nothing is
// downloaded and no system font is needed. pdfmake's own convention maps "bold" to Roboto Medium.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const robotoDir = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

export const PDF_FONT_FAMILY = 'Roboto';

export type FontVariant = 'normal' | 'bold' | 'italics' | 'bolditalics';

export const PDF_FONT_FILES: Readonly<Record<FontVariant, string>> = {
  normal: join(robotoDir, 'Roboto-Regular.ttf'),
  bold: join(robotoDir, 'Roboto-Medium.ttf'),
  italics: join(robotoDir, 'Roboto-Italic.ttf'),
  bolditalics: join(robotoDir, 'Roboto-MediumItalic.ttf'),
};

for (const file of Object.values(PDF_FONT_FILES)) {
  // Fail at start-up, not on the first PDF a customer asks for.
  if (!existsSync(file)) throw new Error(`PDF font missing: ${file} (is pdfmake installed?)`);
}

export function fontVariant(style: { bold?: boolean; italics?: boolean }): FontVariant {
  if (style.bold && style.italics) return 'bolditalics';
  if (style.bold) return 'bold';
  if (style.italics) return 'italics';
  return 'normal';
}
