// The invoice PDF: everything art. 106e of the VAT act asks an invoice (and art. 106j a correcting
// invoice) to say, rendered from the frozen InvoiceDocument — so the PDF shows exactly what was issued
// (and sent to KSeF) however the company or customer change later. A draft (number null) renders the
// same layout marked as a draft. With the KSeF verification URL the invoice carries its QR code ("KOD I").
import type { Column, Content, ContextPageSize, DynamicContent, TableCell } from 'pdfmake/interfaces.js';
import { chooseQr } from '../../../kernel/pdf/asset-labels.ts';
import { mm, renderPdf } from '../../../kernel/pdf/render.ts';
import { DOC_STYLES, rule } from '../../service-orders/pdf/texts.ts';
import { amountInWordsEn, amountInWordsPl } from '../amount-in-words.ts';
import type { DocumentParty, InvoiceDocument } from '../invoice-document.ts';
import { correctionTotalsTable, linesTable, rateTotalsTable } from './invoice-tables.ts';
import { INVOICE_TEXTS, formatAmount, formatBankAccount, formatInvoiceDate, formatNip, type InvoiceTexts } from './invoice-texts.ts';

export type InvoicePdfOptions = {
  /** The KSeF verification link ("KOD I"); printed as a QR code with the KSeF number under it. */
  ksefQrUrl?: string | null;
  /** PDF creation date; defaults to noon of the issue date, so the same document always gives the same bytes. */
  createdAt?: Date;
};

const RED = '#b00020';
const MUTED = '#555555';

export async function invoicePdf(doc: InvoiceDocument, opts: InvoicePdfOptions): Promise<Buffer> {
  const t = INVOICE_TEXTS[doc.lang];
  const lang = doc.lang;
  const title = t.title[doc.kind];
  const shownNumber = doc.number ?? t.draft;
  const allLines = [...doc.lines, ...(doc.correction?.linesBefore ?? [])];
  const rateCodes = new Set(allLines.map((l) => l.vatRateCode));

  const content: Content[] = [
    headerBlock(doc, t),
    rule(),
    { columns: [partyBlock(t.seller, doc.seller, t), partyBlock(t.buyer, doc.buyer, t)], columnGap: 24, margin: [0, 0, 0, 8] },
    ...(doc.correction
      ? [
          correctionBlock(doc, t),
          heading(t.correction.linesBefore),
          linesTable(doc.correction.linesBefore, t, lang),
          heading(t.correction.linesAfter),
          linesTable(doc.lines, t, lang),
          correctionTotalsTable(doc.correction.totalsBefore, doc.correction.totalsAfter, doc.totals, t, lang),
        ]
      : [
          heading(t.lines),
          linesTable(doc.lines, t, lang),
          rateTotalsTable(doc.totals, t, lang),
        ]),
    paymentBlock(doc, t),
    ...legalNotes(doc, t, rateCodes),
    ...(doc.notes.trim() ? [labelled(t.notes, doc.notes)] : []),
    ...(opts.ksefQrUrl ? [qrBlock(opts.ksefQrUrl, doc.ksefNumber, t)] : []),
  ];

  const createdAt = opts.createdAt ?? new Date(`${doc.issueDate}T12:00:00Z`);
  return renderPdf(
    {
      content,
      footer: footer(doc.seller.name, shownNumber, t),
      // A heading left last on a page moves to the next one, with its table.
      pageBreakBefore: (node, nodes) => node.headlineLevel === 1 && nodes.getFollowingNodesOnPage().length === 0,
      styles: { ...DOC_STYLES, heading: { fontSize: 10, bold: true, margin: [0, 4, 0, 3] } },
      ...(doc.number === null ? { watermark: { text: t.watermark, color: RED, opacity: 0.07, bold: true, fontSize: 110 } } : {}),
    },
    { createdAt, lang, title: `${title} ${shownNumber}`, author: doc.seller.name, subject: title },
  );
}

const heading = (text: string): Content => ({ text, style: 'heading', headlineLevel: 1 });

/** Title and number on the left (the draft marker in place of a number), dates and place on the right. */
function headerBlock(doc: InvoiceDocument, t: InvoiceTexts): Content {
  const lang = doc.lang;
  const subtitle = t.subtitle[doc.kind];
  const facts: [string, string][] = [
    [t.issueDate, formatInvoiceDate(doc.issueDate, lang)],
    [t.placeOfIssue, doc.placeOfIssue],
    [t.saleDate, formatInvoiceDate(doc.saleDate, lang)],
  ];
  if (doc.ksefNumber) facts.push([t.ksefNumber, doc.ksefNumber]);
  const number: Content[] =
    doc.number === null
      ? [
          { text: t.draft, fontSize: 14, bold: true, color: RED, margin: [0, 2, 0, 0] },
          { text: t.draftNote, fontSize: 8.5, color: RED },
        ]
      : [{ text: [{ text: `${t.number} `, color: MUTED, bold: false }, doc.number], fontSize: 14, bold: true, margin: [0, 2, 0, 0] }];
  return {
    columns: [
      {
        width: '*',
        stack: [
          { text: t.title[doc.kind], fontSize: 20, bold: true },
          ...(subtitle ? [{ text: subtitle, fontSize: 10, color: MUTED } as Content] : []),
          ...number,
        ],
      },
      {
        width: 'auto',
        table: { body: facts.map(([label, value]): TableCell[] => [{ text: label, color: MUTED, alignment: 'right' }, { text: value, bold: true }]) },
        layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 4, paddingRight: () => 0, paddingTop: () => 1, paddingBottom: () => 1 },
        fontSize: 9,
        margin: [0, 4, 0, 0],
      },
    ],
    columnGap: 16,
  };
}

function addressLines(p: DocumentParty): string[] {
  return [p.street, [p.postalCode, p.city].filter(Boolean).join(' ') + (p.country && p.country !== 'PL' ? `, ${p.country}` : '')].filter((x) => x.trim() !== '');
}

/** A party with its address and NIP (art. 106e ust. 1 pkt 3–5); no NIP line for a buyer without one. */
function partyBlock(label: string, p: DocumentParty, t: InvoiceTexts): Column {
  const contact = [p.phone && `${t.phone} ${p.phone}`, p.email && `${t.email} ${p.email}`].filter(Boolean).join(' · ');
  return {
    width: '*',
    stack: [
      { text: label.toUpperCase(), style: 'label', characterSpacing: 0.5 },
      { text: p.name, bold: true, fontSize: 10.5, margin: [0, 1, 0, 1] },
      ...addressLines(p),
      ...(p.nip ? [{ text: [{ text: `${t.nip}: `, color: MUTED }, { text: formatNip(p.nip), bold: true }] } as Content] : []),
      ...(contact ? [{ text: contact, fontSize: 8, color: MUTED, margin: [0, 1, 0, 0] } as Content] : []),
    ],
  };
}

/** The corrected invoice and the reason (art. 106j ust. 2). */
function correctionBlock(doc: InvoiceDocument, t: InvoiceTexts): Content {
  const c = doc.correction!;
  const tc = t.correction;
  const rows: [string, string][] = [[tc.corrected, tc.correctedRef(c.correctedNumber, formatInvoiceDate(c.correctedIssueDate, doc.lang))]];
  if (c.correctedKsefNumber) rows.push([tc.correctedKsef, c.correctedKsefNumber]);
  rows.push([tc.reason, c.reason]);
  return {
    table: {
      widths: [150, '*'],
      body: rows.map(([label, value]): TableCell[] => [{ text: label, color: MUTED }, { text: value, bold: true }]),
    },
    layout: {
      hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.8 : 0),
      vLineWidth: (i, node) => (i === 0 || i === node.table.widths!.length ? 0.8 : 0),
      hLineColor: () => '#999999',
      vLineColor: () => '#999999',
      fillColor: () => '#fafafa',
      paddingLeft: () => 6,
      paddingRight: () => 6,
      paddingTop: (i) => (i === 0 ? 5 : 1),
      paddingBottom: (i, node) => (i === node.table.body.length - 1 ? 5 : 1),
    },
    fontSize: 9,
    margin: [0, 0, 0, 6],
  };
}

/** Payment terms on the left, the amount due in digits and in words on the right. */
function paymentBlock(doc: InvoiceDocument, t: InvoiceTexts): Content {
  const lang = doc.lang;
  const p = doc.payment;
  const refund = p.amountMinor < 0;
  const amount = Math.abs(p.amountMinor);
  const terms: [string, string][] = [
    [t.paymentMethod, t.methods[p.method]],
    [t.dueDate, formatInvoiceDate(p.dueDate, lang)],
  ];
  if (p.bankAccount) terms.push([t.bankAccount, formatBankAccount(p.bankAccount)]);
  const words: Content[] =
    lang === 'pl'
      ? [{ text: [{ text: `${t.inWords}: `, color: MUTED }, amountInWordsPl(amount)] }]
      : [{ text: [{ text: `${t.inWords}: `, color: MUTED }, amountInWordsEn(amount)] }, { text: [{ text: `${t.inWordsPl}: `, color: MUTED }, amountInWordsPl(amount)], margin: [0, 1, 0, 0] }];
  return {
    columns: [
      {
        width: '*',
        stack: [
          { text: t.payment.toUpperCase(), style: 'label', characterSpacing: 0.5 },
          {
            table: { body: terms.map(([label, value]): TableCell[] => [{ text: `${label}:`, color: MUTED }, { text: value, bold: true, noWrap: true }]) },
            layout: { hLineWidth: () => 0, vLineWidth: () => 0, paddingLeft: () => 0, paddingRight: () => 6, paddingTop: () => 1, paddingBottom: () => 1 },
            fontSize: 9,
          },
          ...(doc.splitPayment ? [{ text: t.splitPayment, bold: true, fontSize: 10, margin: [0, 5, 0, 0] } as Content] : []),
        ],
      },
      {
        width: 250,
        table: {
          widths: ['*'],
          body: [
            [
              {
                stack: [
                  {
                    columns: [
                      { text: refund ? t.toRefund : t.amountDue, fontSize: 11, bold: true, width: '*', margin: [0, 3, 0, 0] },
                      { text: formatAmount(amount, lang), fontSize: 16, bold: true, width: 'auto', noWrap: true },
                    ],
                  },
                  { stack: words, fontSize: 8.5, margin: [0, 4, 0, 0] },
                ],
              },
            ],
          ],
        },
        layout: { hLineWidth: () => 0, vLineWidth: () => 0, fillColor: () => '#eef2f7', paddingLeft: () => 8, paddingRight: () => 8, paddingTop: () => 6, paddingBottom: () => 7 },
      },
    ],
    columnGap: 16,
    unbreakable: true,
    margin: [0, 0, 0, 8],
  };
}

/** Exemption basis (pkt 19) and the meaning of the non-numeric rates (pkt 18: "odwrotne obciążenie"). */
function legalNotes(doc: InvoiceDocument, t: InvoiceTexts, rateCodes: Set<string>): Content[] {
  const notes: Content[] = [];
  if (rateCodes.has('zw') && doc.exemptionBasis) notes.push(labelled(t.exemptionBasis, doc.exemptionBasis));
  const legend = ['zw', 'np', 'oo'].filter((code) => rateCodes.has(code)).map((code) => t.rateLegend[code]!);
  if (legend.length) notes.push({ text: legend.join('; '), fontSize: 8, color: MUTED, margin: [0, 0, 0, 6] });
  return notes;
}

const labelled = (label: string, body: string): Content => ({ text: [{ text: `${label}: `, color: MUTED }, body], fontSize: 9, margin: [0, 0, 0, 6] });

/** The KSeF verification code ("KOD I"): the QR of the link, the KSeF number under it (OFFLINE before KSeF accepted it). */
function qrBlock(url: string, ksefNumber: string | null, t: InvoiceTexts): Content {
  const qr = chooseQr(url, mm(32));
  const side = Math.max(qr.size, 150);
  return {
    table: {
      widths: [side, '*'],
      body: [
        [
          {
            stack: [
              { qr: url, fit: qr.size, version: qr.version, eccLevel: qr.eccLevel, mode: 'octet', alignment: 'center' },
              { text: ksefNumber ?? t.qr.offline, fontSize: 7, alignment: 'center', margin: [0, 1, 0, 0] },
            ],
          },
          {
            stack: [
              { text: [{ text: `${t.qr.label} · `, bold: true }, { text: t.qr.title, bold: true }], margin: [0, 0, 0, 3] },
              { text: t.qr.text, fontSize: 8.5, margin: [0, 0, 0, 4] },
              { text: url, fontSize: 7, color: '#1a4f8b' },
            ],
            margin: [6, 8, 0, 0],
          },
        ],
      ],
    },
    layout: { hLineWidth: () => 0.7, vLineWidth: () => 0, hLineColor: () => '#bbbbbb', paddingLeft: () => 0, paddingTop: () => 5, paddingBottom: () => 4 },
    unbreakable: true,
    margin: [0, 4, 0, 0],
  } as Content;
}

function footer(seller: string, number: string, t: InvoiceTexts): DynamicContent {
  return (current: number, count: number, _size: ContextPageSize): Content => ({
    columns: [
      { text: `${seller} · ${number}`, style: ['small', 'muted'] },
      { text: t.page(current, count), style: ['small', 'muted'], alignment: 'right', width: 'auto' },
    ],
    margin: [mm(15), 16, mm(15), 0],
  });
}
