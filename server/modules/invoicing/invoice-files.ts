// The invoice as files: the PDF (an issued invoice from its frozen document; a draft as a marked
// preview) and the KSeF FA(3) XML kept at issue.
import type { Ctx, Deps } from '../../deps.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { conflict, notFound } from '../../kernel/errors/app-error.ts';
import { documentOf } from './invoice-context.ts';
import { loadRates } from './invoice-view.ts';
import { invoicesRepository as repo } from './invoicing.repository.ts';
import { KSEF_QR_BASE, ksefVerificationUrl } from './ksef/ksef-gateway.ts';
import { invoicePdf } from './pdf/invoice-pdf.ts';

const fileStem = (number: string | null, id: string) => (number ? number.replace(/[^\w-]+/g, '_') : `projekt-${id.slice(0, 8)}`);

export async function invoicePdfFile(deps: Deps, ctx: Ctx, id: string): Promise<{ pdf: Buffer; fileName: string }> {
  authorize(ctx.actor, 'invoices:read');
  const db = deps.database.db;
  const row = await repo.find(db, id);
  if (!row) throw notFound('invoices');
  const doc = await documentOf(db, row, await repo.lines(db, id), await loadRates(db));
  // KOD I is printed once KSeF knows the invoice (its number), from the XML that was sent.
  const ksefQrUrl = row.ksefNumber && row.ksefXml && doc.seller.nip ? ksefVerificationUrl(KSEF_QR_BASE, doc.seller.nip, doc.issueDate, row.ksefXml) : null;
  return { pdf: await invoicePdf(doc, { ksefQrUrl }), fileName: `${fileStem(row.number, row.id)}.pdf` };
}

export async function invoiceXmlFile(deps: Deps, ctx: Ctx, id: string): Promise<{ xml: string; fileName: string }> {
  authorize(ctx.actor, 'invoices:read');
  const row = await repo.find(deps.database.db, id);
  if (!row) throw notFound('invoices');
  if (row.status !== 'issued' || !row.ksefXml) throw conflict('invoices.not_issued', 'Only an issued invoice has its KSeF XML', { status: row.status });
  return { xml: row.ksefXml, fileName: `${fileStem(row.number, row.id)}.xml` };
}
