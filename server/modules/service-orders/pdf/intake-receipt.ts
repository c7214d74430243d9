// The intake receipt: what was handed in, in what state, with what problem, on which terms — and a QR
// code to the order's public tracking page (when the caller has the link: tokens are not stored).
import type { Content } from 'pdfmake/interfaces.js';
import { chooseQr } from '../../../kernel/pdf/asset-labels.ts';
import { mm, renderPdf } from '../../../kernel/pdf/render.ts';
import {
  DOC_STYLES,
  DOC_TEXTS,
  assetLines,
  customerLines,
  footer,
  formatDate,
  formatDateTime,
  headerBlock,
  partyBlock,
  section,
  signatureBlock,
  type DocAsset,
  type DocCompany,
  type DocLang,
  type DocParty,
} from './texts.ts';

export type IntakeReceiptInput = {
  lang: DocLang;
  company: DocCompany;
  createdAt: Date;
  order: {
    number: string;
    receivedAt: Date;
    kind: 'shop' | 'on_site';
    siteName: string | null;
    reportedProblem: string;
    accessories: string;
    condition: string;
    promisedOn: string | null;
    notifyChannel: 'email' | 'sms' | 'none';
    notifyTo: string;
    receivedBy: string | null;
  };
  customer: DocParty;
  contact: { name: string; phone: string; email: string } | null;
  asset: DocAsset;
  /** The public tracking page; null prints the receipt without a QR code. */
  trackingUrl: string | null;
};

export async function renderIntakeReceipt(input: IntakeReceiptInput): Promise<Buffer> {
  const t = DOC_TEXTS[input.lang];
  const ti = t.intake;
  const o = input.order;
  const notify = o.notifyChannel === 'none' ? ti.notifyNone : `${o.notifyChannel === 'email' ? ti.notifyEmail : ti.notifySms}: ${o.notifyTo}`;
  const contact = input.contact ? [input.contact.name, input.contact.phone, input.contact.email].filter(Boolean).join(' · ') : '';

  const content: Content[] = [
    ...headerBlock(input.company, t, ti.title, [
      [t.orderNumber, o.number],
      [ti.receivedAt, formatDateTime(o.receivedAt, input.lang)],
    ]),
    {
      columns: [
        partyBlock(t.customer, [...customerLines(input.customer, t), contact && { text: `${t.contact}: ${contact}`, margin: [0, 2, 0, 0] }]),
        partyBlock(t.asset, [...assetLines(input.asset, t), `${t.accessories}: ${o.accessories || t.none}`]),
      ],
      columnGap: 20,
      margin: [0, 0, 0, 10],
    },
    section(ti.problem, o.reportedProblem),
    section(ti.condition, o.condition || t.none),
    {
      columns: [
        ...(o.kind === 'on_site' ? [section(ti.site, o.siteName ? `${ti.kindOnSite}: ${o.siteName}` : ti.kindOnSite)] : []),
        section(ti.promisedOn, o.promisedOn ? formatDate(o.promisedOn, input.lang) : '—'),
        section(ti.notify, notify),
      ],
      columnGap: 20,
    },
    trackingBlock(input.trackingUrl, ti),
    {
      stack: [{ text: ti.termsTitle, style: 'label' }, { ol: ti.terms.map((x) => ({ text: x })), fontSize: 8, color: '#333333' }],
      margin: [0, 4, 0, 6],
    },
    o.receivedBy ? { text: [{ text: `${ti.receivedBy}: `, style: 'muted' }, o.receivedBy], fontSize: 9 } : { text: '' },
    signatureBlock(ti.signCustomer, ti.signStaff, t),
  ];

  return renderPdf(
    { content, footer: footer(input.company, o.number, t), styles: DOC_STYLES },
    { createdAt: input.createdAt, lang: input.lang, title: `${ti.title} ${o.number}`, author: input.company.name },
  );
}

function trackingBlock(url: string | null, ti: (typeof DOC_TEXTS)['pl']['intake']): Content {
  if (!url) return { stack: [{ text: ti.trackingTitle, style: 'label' }, { text: ti.trackingNone, fontSize: 8, color: '#555555' }], margin: [0, 2, 0, 8] };
  const qr = chooseQr(url, mm(30));
  return {
    table: {
      widths: [qr.size + 8, '*'],
      body: [
        [
          { qr: url, fit: qr.size, version: qr.version, eccLevel: qr.eccLevel, mode: 'octet', margin: [0, 2, 0, 2] },
          {
            stack: [
              { text: ti.trackingTitle, bold: true, margin: [0, 0, 0, 3] },
              { text: ti.trackingText, fontSize: 9, margin: [0, 0, 0, 4] },
              { text: url, fontSize: 8, color: '#1a4f8b' },
            ],
            margin: [4, 6, 0, 0],
          },
        ],
      ],
    },
    layout: { hLineWidth: () => 0.7, vLineWidth: () => 0, hLineColor: () => '#bbbbbb', paddingLeft: () => 0 },
    unbreakable: true,
    margin: [0, 4, 0, 8],
  } as Content;
}
