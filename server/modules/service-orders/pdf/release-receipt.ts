// The release receipt: who collected the item and when, what was done (steps, labour, parts,
// services) and what it comes to, with signatures of both sides.
import type { Content } from 'pdfmake/interfaces.js';
import { renderPdf } from '../../../kernel/pdf/render.ts';
import { businessDate } from '../../../kernel/time/business-date.ts';
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
  signatureBlock,
  totalsTable,
  type AmountRow,
  type DocAsset,
  type DocCompany,
  type DocLang,
  type DocParty,
  type DocTotals,
} from './texts.ts';

export type ReleaseReceiptInput = {
  lang: DocLang;
  company: DocCompany;
  createdAt: Date;
  order: {
    number: string;
    receivedAt: Date;
    releasedAt: Date;
    releasedTo: string;
    releasedBy: string | null;
    reportedProblem: string;
    accessories: string;
  };
  customer: DocParty;
  asset: DocAsset;
  steps: { name: string; doneAt: Date | null }[];
  /** Rows already formatted for the table (quantity "1 h 20 min", unit label…). */
  labour: AmountRow[];
  parts: AmountRow[];
  services: AmountRow[];
  totals: DocTotals;
  /** The last decided estimate, if any. */
  estimate: { version: number; status: 'accepted' | 'rejected'; decidedAt: Date } | null;
  vatLabel: (code: string) => string;
};

export async function renderReleaseReceipt(input: ReleaseReceiptInput): Promise<Buffer> {
  const t = DOC_TEXTS[input.lang];
  const tr = t.release;
  const o = input.order;
  const groups: [string, AmountRow[]][] = [
    [tr.labour, input.labour],
    [tr.parts, input.parts],
    [tr.services, input.services],
  ];
  const charged = groups.filter(([, rows]) => rows.length > 0);

  const content: Content[] = [
    ...headerBlock(input.company, t, tr.title, [
      [t.orderNumber, o.number],
      [tr.receivedAt, formatDateTime(o.receivedAt, input.lang)],
      [tr.releasedAt, formatDateTime(o.releasedAt, input.lang)],
    ]),
    {
      columns: [partyBlock(t.customer, customerLines(input.customer, t)), partyBlock(t.asset, [...assetLines(input.asset, t), `${t.accessories}: ${o.accessories || t.none}`])],
      columnGap: 20,
      margin: [0, 0, 0, 10],
    },
    {
      columns: [section(tr.releasedTo, { text: o.releasedTo, bold: true }), section(tr.releasedBy, o.releasedBy ?? '—')],
      columnGap: 20,
    },
    section(tr.problem, o.reportedProblem),
    { text: tr.workTitle, style: 'heading' },
    section(
      tr.stepsDone,
      input.steps.length
        ? { ul: input.steps.map((s) => ({ text: [s.name, s.doneAt ? { text: ` — ${formatDate(businessDate(s.doneAt), input.lang)}`, color: '#555555' } : ''] })) }
        : { text: tr.noSteps, color: '#555555' },
    ),
    ...(input.estimate
      ? [{ text: tr.estimate(input.estimate.version, input.estimate.status, formatDate(businessDate(input.estimate.decidedAt), input.lang)), fontSize: 9, margin: [0, 0, 0, 6] } as Content]
      : []),
    ...charged.flatMap(([title, rows]): Content[] => [{ text: title, bold: true, margin: [0, 4, 0, 2] }, amountsTable(rows, t, input.lang)]),
    ...(charged.length
      ? [{ text: tr.totals, style: 'heading' } as Content, totalsTable(input.totals, input.vatLabel, t, input.lang), grossLine(input.totals, t, input.lang)]
      : [{ text: tr.noCharges, color: '#555555', margin: [0, 0, 0, 8] } as Content]),
    { text: tr.confirmation(o.accessories), margin: [0, 6, 0, 0] },
    signatureBlock(tr.signStaff, tr.signCustomer, t),
  ];

  return renderPdf(
    { content, footer: footer(input.company, o.number, t), styles: DOC_STYLES },
    { createdAt: input.createdAt, lang: input.lang, title: `${tr.title} ${o.number}`, author: input.company.name },
  );
}
