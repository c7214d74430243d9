// Issuing, correcting and the states after issue. Issuing takes the next number of the kind's series
// inside the same transaction as everything else, so a failure (or a refused invoice) gives the number
// back: numbers have neither gaps nor duplicates. The issued content is frozen in `document`; the
// FA(3) XML is produced from it at the same moment and kept as what is (to be) sent to KSeF.
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { actorId, authorize } from '../../kernel/auth/actor.ts';
import { AppError, conflict, fieldError, invalidFields, notFound } from '../../kernel/errors/app-error.ts';
import { nextInSeries } from '../../kernel/numbering/numbering.ts';
import { formatNumber, periodOf, type Reset } from '../../kernel/numbering/numbering.rules.ts';
import { businessDate } from '../../kernel/time/business-date.ts';
import { isValidNip } from '../../kernel/pl/identifiers.ts';
import { findCompany } from '../company/company.usecases.ts';
import { numberKey } from '../service-orders/service-orders.rules.ts';
import { buyerOf, currentLinesOf, invoiceDto, invoiceSearchText, sellerOf } from './invoice-context.ts';
import type { DocumentLine } from './invoice-document.ts';
import { buildDocument, loadRates, toDocumentLine } from './invoice-view.ts';
import { addDays, issueProblems, paymentStatus, splitPaymentRequired } from './invoicing.rules.ts';
import { invoicesRepository as repo, type InvoiceRow } from './invoicing.repository.ts';
import type { InvoiceDto, KsefRecordInput } from './invoicing.schemas.ts';
import { auditView, lockDraft } from './drafts.usecases.ts';
import { fa3Xml } from './ksef/fa3-xml.ts';
import { KSEF_NUMBER, ksefResultChanges, type KsefResult } from './ksef/ksef-gateway.ts';
import { settingsOrDefaults } from './settings.usecases.ts';

const sameLines = (a: DocumentLine[], b: DocumentLine[]) => {
  const key = (l: DocumentLine) => [l.name, l.quantity, l.unit, l.unitPriceMinor, l.discountBp, l.vatRateCode, l.gtu, l.pkwiu].join('\u0001');
  return a.length === b.length && a.every((l, i) => key(l) === key(b[i]!));
};

export async function issueInvoice(deps: Deps, ctx: Ctx, id: string): Promise<InvoiceDto> {
  authorize(ctx.actor, 'invoices:issue');
  return deps.database.db.transaction(async (tx) => {
    const row = await lockDraft(tx, id);
    const now = deps.clock.now();
    const today = businessDate(now);
    const company = await findCompany(tx);
    if (!company || !company.name || !isValidNip(company.nip) || !company.street || !company.postalCode || !company.city)
      throw new AppError('invoices.seller_incomplete', 422, 'Fill in the company’s name, NIP and address before issuing invoices');
    if (row.paymentMethod === 'transfer' && !row.bankAccount) throw invalidFields([fieldError('bankAccount', 'invoices.bank_account_missing', 'A transfer needs the account to pay to')]);

    const rates = await loadRates(tx);
    const lineRows = await repo.lines(tx, id);
    const lines = lineRows.map((l) => toDocumentLine(l, rates));
    const buyer = await buyerOf(tx, row.customerId);
    let original: InvoiceRow | null = null;
    let corrected: Parameters<typeof buildDocument>[0]['corrected'] = null;
    if (row.kind === 'correction') {
      // The corrected invoice's lock orders concurrent corrections of one invoice.
      original = (await repo.findForUpdate(tx, row.correctsInvoiceId!)) ?? null;
      if (!original) throw notFound('invoices');
      corrected = { number: original.number!, issueDate: original.issueDate, ksefNumber: original.ksefNumber, linesBefore: await currentLinesOf(tx, original) };
    }
    const draftDoc = buildDocument({ row, number: null, issueDate: today, lines, seller: await sellerOf(tx, row.bankAccount), buyer, rates, corrected });
    const afterGross = draftDoc.correction ? draftDoc.correction.totalsAfter.grossMinor : draftDoc.totals.grossMinor;
    const problems = issueProblems({
      kind: row.kind as 'vat' | 'correction',
      lineCount: lines.length,
      buyerKind: buyer.kind,
      buyerNip: buyer.nip,
      buyerCountry: buyer.country,
      issueDate: today,
      dueDate: row.dueDate,
      hasExemptLine: lines.some((l) => l.vatRateCode === 'zw'),
      exemptionBasis: row.exemptionBasis,
      splitPayment: row.splitPayment,
      splitRequired: splitPaymentRequired({ buyerKind: buyer.kind, grossMinor: afterGross, anyAnnex15Line: lineRows.some((l) => l.annex15) }),
      correctionReason: row.correctionReason,
      correctionChangesNothing: corrected ? sameLines(corrected.linesBefore, lines) : false,
    });
    if (problems.length) throw invalidFields(problems.map((p) => fieldError(p.path, p.code, p.code)));

    const settings = await settingsOrDefaults(tx);
    const [pattern, reset] = row.kind === 'vat' ? [settings.vatPattern, settings.vatReset as Reset] : [settings.correctionPattern, settings.correctionReset as Reset];
    const seq = await nextInSeries(tx, `invoice:${row.kind}:${reset}`, periodOf(reset, today));
    const number = formatNumber(pattern, today, seq);
    if (await repo.byNumber(tx, number)) throw conflict('invoices.number_taken', `The number ${number} is already used; change the series pattern`, { number });
    const doc = { ...draftDoc, number };
    const xml = fa3Xml(doc, { generatedAt: now });
    const isVat = row.kind === 'vat';
    const after = await repo.update(tx, id, {
      status: 'issued',
      number,
      numberKey: numberKey(number),
      issueDate: today,
      document: doc,
      netMinor: doc.totals.netMinor,
      vatMinor: doc.totals.vatMinor,
      grossMinor: doc.totals.grossMinor,
      payableMinor: isVat ? doc.totals.grossMinor : 0,
      paymentStatus: isVat ? paymentStatus(doc.totals.grossMinor, 0) : 'paid',
      issuedAt: now,
      issuedBy: actorId(ctx.actor),
      ksefXml: xml,
      searchText: invoiceSearchText(number, buyer.name, buyer.nip),
      updatedAt: now,
    });
    await appendAudit(tx, ctx, { entity: 'invoices', entityId: id, action: 'issued', before: auditView(row), after: auditView(after) });
    if (original) {
      // The corrected invoice now asks for its corrected amount.
      const payable = original.payableMinor + doc.totals.grossMinor;
      const changed = await repo.update(tx, original.id, { payableMinor: payable, paymentStatus: paymentStatus(payable, original.paidMinor), updatedAt: now });
      await appendAudit(tx, ctx, { entity: 'invoices', entityId: original.id, action: 'corrected', sub: { entity: 'invoices', id, label: number }, before: auditView(original), after: auditView(changed) });
    }
    return invoiceDto(tx, id, today);
  });
}

/** Starts a correcting invoice of an issued VAT invoice: a draft holding the invoice's current lines. */
export async function createCorrection(deps: Deps, ctx: Ctx, id: string, input: { reason: string }): Promise<InvoiceDto> {
  authorize(ctx.actor, 'invoices:issue');
  return deps.database.db.transaction(async (tx) => {
    const original = await repo.findForUpdate(tx, id);
    if (!original) throw notFound('invoices');
    if (original.status !== 'issued' || original.kind !== 'vat') throw conflict('invoices.not_correctable', 'Only an issued VAT invoice can be corrected (correct the original invoice again to change a correction)', { status: original.status, kind: original.kind });
    const open = (await repo.corrections(tx, id)).find((c) => c.status === 'draft');
    if (open) throw conflict('invoices.correction_draft_exists', 'A correcting invoice of this invoice is already being prepared', { invoiceId: open.id });
    const now = deps.clock.now();
    const today = businessDate(now);
    const settings = await settingsOrDefaults(tx);
    const current = await currentLinesOf(tx, original);
    const originalRows = new Map((await repo.lines(tx, id)).map((l) => [l.position, l]));
    const buyer = await buyerOf(tx, original.customerId);
    const row = await repo.insert(tx, {
      kind: 'correction',
      status: 'draft',
      customerId: original.customerId,
      lang: original.lang,
      issueDate: today,
      saleDate: original.saleDate,
      dueDate: addDays(today, settings.paymentDays),
      paymentMethod: original.paymentMethod,
      bankAccount: original.bankAccount,
      splitPayment: original.splitPayment,
      exemptionBasis: original.exemptionBasis,
      placeOfIssue: original.placeOfIssue,
      notes: '',
      correctsInvoiceId: id,
      correctionReason: input.reason,
      createdBy: actorId(ctx.actor),
      createdAt: now,
      updatedAt: now,
      searchText: invoiceSearchText(null, buyer.name, buyer.nip),
    });
    await repo.replaceLines(
      tx,
      row.id,
      current.map((l) => ({ position: l.position, name: l.name, quantity: l.quantity, unit: l.unit, unitPriceMinor: l.unitPriceMinor, discountBp: l.discountBp, netMinor: l.netMinor, vatRateCode: l.vatRateCode, gtu: l.gtu, pkwiu: l.pkwiu, annex15: originalRows.get(l.position)?.annex15 ?? false, sourceKind: originalRows.get(l.position)?.sourceKind ?? 'free', sourceId: originalRows.get(l.position)?.sourceId ?? null })),
    );
    await appendAudit(tx, ctx, { entity: 'invoices', entityId: row.id, action: 'created', after: auditView(row) });
    await appendAudit(tx, ctx, { entity: 'invoices', entityId: id, action: 'correction_started', sub: { entity: 'invoices', id: row.id, label: input.reason.slice(0, 100) } });
    return invoiceDto(tx, row.id, today);
  });
}

async function lockIssued(tx: Db, id: string) {
  const row = await repo.findForUpdate(tx, id);
  if (!row) throw notFound('invoices');
  if (row.status !== 'issued') throw conflict('invoices.not_issued', 'The invoice is not issued yet', { status: row.status });
  return row;
}

/** Records that the invoice went to the buyer (by hand, post, email or KSeF). */
export async function markSent(deps: Deps, ctx: Ctx, id: string): Promise<InvoiceDto> {
  authorize(ctx.actor, 'invoices:issue');
  return deps.database.db.transaction(async (tx) => {
    const before = await lockIssued(tx, id);
    const now = deps.clock.now();
    if (!before.sentAt) {
      const after = await repo.update(tx, id, { sentAt: now, updatedAt: now });
      await appendAudit(tx, ctx, { entity: 'invoices', entityId: id, action: 'sent', before: auditView(before), after: auditView(after) });
    }
    return invoiceDto(tx, id, businessDate(now));
  });
}

/** Stores a KSeF result (from the gateway, or recorded by hand after an upload elsewhere). */
export async function recordKsefResult(deps: Deps, ctx: Ctx, id: string, input: KsefRecordInput): Promise<InvoiceDto> {
  authorize(ctx.actor, 'invoices:issue');
  if (input.status === 'accepted' && !input.ksefNumber) throw invalidFields([fieldError('ksefNumber', 'invoices.ksef_number_missing', 'An accepted invoice has a KSeF number')]);
  if (input.ksefNumber && !KSEF_NUMBER.test(input.ksefNumber)) throw invalidFields([fieldError('ksefNumber', 'invoices.ksef_number_invalid', 'A KSeF number looks like 5260250274-20261127-0100A0B1C2D3-E4', { value: input.ksefNumber })]);
  if (input.status === 'rejected' && !input.error) throw invalidFields([fieldError('error', 'invoices.ksef_error_missing', 'Say why KSeF rejected the invoice')]);
  return deps.database.db.transaction(async (tx) => {
    const before = await lockIssued(tx, id);
    if (before.ksefStatus === 'accepted') throw conflict('invoices.ksef_accepted', 'KSeF has accepted this invoice; its number cannot change', { ksefNumber: before.ksefNumber });
    const now = deps.clock.now();
    const result: KsefResult =
      input.status === 'accepted' ? { state: 'accepted', reference: input.reference, ksefNumber: input.ksefNumber! } : input.status === 'rejected' ? { state: 'rejected', reference: input.reference, error: input.error! } : { state: 'pending', reference: input.reference };
    const after = await repo.update(tx, id, { ...ksefResultChanges(result, now), updatedAt: now });
    await appendAudit(tx, ctx, { entity: 'invoices', entityId: id, action: 'ksef_recorded', before: auditView(before), after: auditView(after) });
    return invoiceDto(tx, id, businessDate(now));
  });
}
