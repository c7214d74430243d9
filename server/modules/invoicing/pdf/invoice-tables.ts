// The tables of the invoice PDF: the lines, the totals per VAT rate, and on a correcting invoice the
// per-rate comparison before / after / difference. Columns that only some invoices need (discount)
// appear only when a line uses them, so a plain invoice keeps a wide name column.
import type { Content, CustomTableLayout, TableCell } from 'pdfmake/interfaces.js';
import type { DocumentLine, DocumentTotals, Lang } from '../invoice-document.ts';
import { formatAmount, formatPercent, formatQty, unitText, vatRateLabel, type InvoiceTexts } from './invoice-texts.ts';

const LINE_COLOR = '#c8c8c8';
const HEADER_FILL = '#eeeeee';

/** Thin horizontal rules, no vertical ones, tight padding: the look of the order documents, denser. */
export const TABLE_LAYOUT: CustomTableLayout = {
  hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.8 : 0.5),
  vLineWidth: () => 0,
  hLineColor: (i, node) => (i === 0 || i === node.table.body.length ? '#888888' : LINE_COLOR),
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

type Align = 'left' | 'right' | 'center';
const cell = (text: string | Content, extra: Record<string, unknown> = {}): TableCell =>
  (typeof text === 'string' ? { text, ...extra } : { stack: [text], ...extra }) as TableCell;
const header = (text: string, alignment: Align = 'left'): TableCell => ({ text, style: 'tableHeader', alignment, fontSize: 7.5 }) as TableCell;

/** The name with PKWiU and GTU under it in small print, when the line has them. */
function nameCell(line: DocumentLine, t: InvoiceTexts): TableCell {
  const codes = [line.pkwiu && `${t.pkwiu} ${line.pkwiu}`, line.gtu].filter(Boolean).join(' · ');
  if (!codes) return cell(line.name);
  return { stack: [{ text: line.name }, { text: codes, fontSize: 7, color: '#555555', margin: [0, 1, 0, 0] }] } as TableCell;
}

/** The invoice lines (art. 106e ust. 1 pkt 7–12): Lp., name, quantity, unit, unit net price, discount, net value, VAT rate. */
export function linesTable(lines: DocumentLine[], t: InvoiceTexts, lang: Lang): Content {
  const withDiscount = lines.some((l) => l.discountBp !== 0 || l.discountMinor !== 0);
  const right = { alignment: 'right' };
  const headers = [header(t.lp), header(t.name), header(t.quantity, 'right'), header(t.unit), header(t.unitPrice, 'right')];
  const widths: (number | string)[] = [16, '*', 36, 28, 62];
  if (withDiscount) {
    headers.push(header(t.discount, 'right'));
    widths.push(52);
  }
  headers.push(header(t.net, 'right'), header(t.vatRate, 'right'));
  widths.push(66, 44);
  const body: TableCell[][] = lines.map((l) => {
    const row = [
      cell(`${l.position}.`),
      nameCell(l, t),
      cell(formatQty(l.quantity, lang), right),
      cell(unitText(l.unit, lang)),
      cell(formatAmount(l.unitPriceMinor, lang), { ...right, noWrap: true }),
    ];
    if (withDiscount) {
      row.push(
        l.discountMinor === 0 && l.discountBp === 0
          ? cell('—', right)
          : ({ stack: [{ text: formatPercent(l.discountBp, lang) }, { text: formatAmount(-l.discountMinor, lang), fontSize: 7, color: '#555555', noWrap: true }], alignment: 'right' } as TableCell),
      );
    }
    row.push(cell(formatAmount(l.netMinor, lang), { ...right, noWrap: true }), cell(vatRateLabel(l.vatRateCode), right));
    return row;
  });
  return {
    table: { headerRows: 1, keepWithHeaderRows: 1, dontBreakRows: true, widths, body: [headers, ...body] },
    layout: TABLE_LAYOUT,
    fontSize: 8.5,
    margin: [0, 0, 0, 6],
  };
}

const RATE_ORDER = ['zw', 'np', 'oo'];
/** Rates as an invoice reader expects them: 23%, 8%, 5%, 0%, then zw, np, oo. */
export function byRateOrder<T extends { vatRateCode: string }>(rates: T[]): T[] {
  const key = (code: string) => (/^\d+$/.test(code) ? -Number(code) : 1000 + (RATE_ORDER.indexOf(code) + 1 || 99));
  return [...rates].sort((a, b) => key(a.vatRateCode) - key(b.vatRateCode));
}

const amountCells = (r: { netMinor: number; vatMinor: number; grossMinor: number }, lang: Lang, extra: Record<string, unknown> = {}): TableCell[] =>
  [r.netMinor, r.vatMinor, r.grossMinor].map((v) => cell(formatAmount(v, lang), { alignment: 'right', noWrap: true, ...extra }));

/** Net, VAT and gross per rate (art. 106e ust. 1 pkt 13–14) and the sum, right-aligned under the lines, with its heading. */
export function rateTotalsTable(totals: DocumentTotals, t: InvoiceTexts, lang: Lang): Content {
  return {
    stack: [
      { text: t.totals, style: 'heading', alignment: 'right' },
      {
        columns: [
          { width: '*', text: '' },
          {
            width: 'auto',
            table: {
              headerRows: 1,
              widths: [60, 80, 80, 86],
              body: [
                [header(t.vatRate), header(t.net, 'right'), header(t.vatAmount, 'right'), header(t.gross, 'right')],
                ...byRateOrder(totals.rates).map((r) => [cell(vatRateLabel(r.vatRateCode)), ...amountCells(r, lang)]),
                [cell(t.total, { bold: true }), ...amountCells(totals, lang, { bold: true })],
              ],
            },
            layout: TABLE_LAYOUT,
            fontSize: 8.5,
          },
        ],
      },
    ],
    unbreakable: true,
    margin: [0, 0, 0, 8],
  };
}

/**
 * A correcting invoice's amounts, with their heading: for every rate in either state the sums before
 * and after the correction and their difference, then the same for the whole invoice.
 */
export function correctionTotalsTable(before: DocumentTotals, after: DocumentTotals, difference: DocumentTotals, t: InvoiceTexts, lang: Lang): Content {
  const tc = t.correction;
  const zero = { netMinor: 0, vatMinor: 0, grossMinor: 0 };
  const rows: TableCell[][] = [];
  for (const d of byRateOrder(difference.rates)) {
    const b = before.rates.find((r) => r.vatRateCode === d.vatRateCode) ?? zero;
    const a = after.rates.find((r) => r.vatRateCode === d.vatRateCode) ?? zero;
    rows.push(
      [cell(vatRateLabel(d.vatRateCode), { rowSpan: 3, bold: true }), cell(tc.before, { color: '#555555' }), ...amountCells(b, lang)],
      [cell(''), cell(tc.after, { color: '#555555' }), ...amountCells(a, lang)],
      [cell(''), cell(tc.difference, { bold: true }), ...amountCells(d, lang, { bold: true })],
    );
  }
  const totalRow = (label: string, r: DocumentTotals, bold: boolean): TableCell[] => [cell(label, { colSpan: 2, bold, fillColor: '#f6f6f6' }), cell(''), ...amountCells(r, lang, { bold, fillColor: '#f6f6f6' })];
  return {
    stack: [
      { text: tc.summary, style: 'heading' },
      {
        columns: [
          { width: '*', text: '' },
          {
            width: 'auto',
            table: {
              headerRows: 1,
              dontBreakRows: true,
              widths: [44, 86, 80, 80, 86],
              body: [
                [header(t.vatRate), header(tc.state), header(t.net, 'right'), header(t.vatAmount, 'right'), header(t.gross, 'right')],
                ...rows,
                totalRow(tc.totalBefore, before, false),
                totalRow(tc.totalAfter, after, false),
                totalRow(tc.totalDifference, difference, true),
              ],
            },
            layout: TABLE_LAYOUT,
            fontSize: 8.5,
          },
        ],
      },
    ],
    // At most seven rates: the whole comparison fits one page and reads best unbroken.
    unbreakable: true,
    margin: [0, 0, 0, 8],
  };
}
