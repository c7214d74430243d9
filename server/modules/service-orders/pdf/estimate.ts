// The cost estimate: its lines, totals per VAT rate, validity, and a place for the customer's
// decision and signature (a signed paper is recorded by staff as a paper decision).
import type { Content } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../../kernel/pdf/render.ts';
import {
  DOC_STYLES,
  DOC_TEXTS,
  amountsTable,
  assetLines,
  customerLines,
  footer,
  formatDate,
  formatDateTime,
  grossLine,
  headerBlock,
  partyBlock,
  section,
  totalsTable,
  type AmountRow,
  type DocAsset,
  type DocCompany,
  type DocLang,
  type DocParty,
  type DocTexts,
  type DocTotals,
} from './texts.ts';

export type EstimatePdfInput = {
  lang: DocLang;
  company: DocCompany;
  createdAt: Date;
  orderNumber: string;
  customer: DocParty;
  asset: DocAsset;
  estimate: {
    version: number;
    status: 'draft' | 'sent' | 'accepted' | 'rejected' | 'expired' | 'withdrawn';
    issuedAt: Date;
    /** YYYY-MM-DD, the last day the estimate may be accepted; null for a draft not sent yet. */
    validUntil: string | null;
    note: string;
    /** Formatted for the table (quantity "1,5", unit "godz.", VAT "23%"). */
    lines: AmountRow[];
    totals: DocTotals;
    decidedAt: Date | null;
    decidedVia: string | null;
    decisionComment: string;
  };
  vatLabel: (code: string) => string;
};

export async function renderEstimatePdf(input: EstimatePdfInput): Promise<Buffer> {
  const t = DOC_TEXTS[input.lang];
  const te = t.estimate;
  const e = input.estimate;
  const number = `${input.orderNumber} / ${te.version} ${e.version}`;
  const facts: [string, string][] = [
    [t.orderNumber, input.orderNumber],
    [te.version[0]!.toUpperCase() + te.version.slice(1), String(e.version)],
    [te.issuedAt, formatDateTime(e.issuedAt, input.lang)],
  ];
  if (e.validUntil) facts.push([te.validUntil, formatDate(e.validUntil, input.lang)]);

  const content: Content[] = [
    ...headerBlock(input.company, t, te.title, facts),
    ...(e.status === 'draft' ? [{ text: te.draft, color: '#b00020', bold: true, margin: [0, 0, 0, 8] } as Content] : []),
    {
      columns: [partyBlock(t.customer, customerLines(input.customer, t)), partyBlock(t.asset, assetLines(input.asset, t))],
      columnGap: 20,
      margin: [0, 0, 0, 10],
    },
    { text: te.lines, style: 'heading' },
    amountsTable(e.lines, t, input.lang),
    { text: te.totals, style: 'heading' },
    totalsTable(e.totals, input.vatLabel, t, input.lang),
    grossLine(e.totals, t, input.lang),
    ...(e.note ? [section(te.note, e.note)] : []),
    ...(e.validUntil ? [{ text: te.validity(formatDate(e.validUntil, input.lang)), fontSize: 9, margin: [0, 0, 0, 8] } as Content] : []),
    decisionBlock(input, t),
  ];

  return renderPdf(
    { content, footer: footer(input.company, number, t), styles: DOC_STYLES },
    { createdAt: input.createdAt, lang: input.lang, title: `${te.title} ${number}`, author: input.company.name },
  );
}

const box = (): Content => ({ canvas: [{ type: 'rect', x: 0, y: 1, w: 9, h: 9, lineWidth: 0.8 }], width: 16 }) as Content;

function decisionBlock(input: EstimatePdfInput, t: DocTexts): Content {
  const te = t.estimate;
  const e = input.estimate;
  if ((e.status === 'accepted' || e.status === 'rejected') && e.decidedAt) {
    const via = e.decidedVia ? ` (${te.via[e.decidedVia] ?? e.decidedVia})` : '';
    return {
      stack: [
        { text: `${te.decided[e.status]}${via}: ${formatDateTime(e.decidedAt, input.lang)}`, bold: true, color: e.status === 'accepted' ? '#1b5e20' : '#b00020' },
        ...(e.decisionComment ? [{ text: `${te.comment}: ${e.decisionComment}`, margin: [0, 2, 0, 0] } as Content] : []),
      ],
      margin: [0, 6, 0, 0],
      unbreakable: true,
    };
  }
  const sign = (caption: string): Content => ({
    width: 230,
    stack: [
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 220, y2: 0, lineWidth: 0.7, dash: { length: 2 } }], margin: [0, 34, 0, 3] },
      { text: caption, style: 'small' },
      { text: t.signatureDate, style: ['small', 'muted'] },
    ],
  }) as Content;
  return {
    stack: [
      { text: te.acceptanceTitle, style: 'heading' },
      { columns: [box(), { text: te.accept, width: '*' }], margin: [0, 0, 0, 4] },
      { columns: [box(), { text: te.reject, width: '*' }], margin: [0, 0, 0, 4] },
      { text: te.onlineNote, style: ['small', 'muted'], margin: [0, 2, 0, 0] },
      { columns: [{ width: '*', text: '' }, sign(te.signCustomer)] },
    ],
    unbreakable: true,
  };
}
