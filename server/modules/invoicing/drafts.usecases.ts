// Drafts: prepared by anyone who invoices (front desk, manager, accountant), edited freely, cancelled
// without leaving a gap (a draft has no number). Every change is audited in its transaction.
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { actorId, authorize } from '../../kernel/auth/actor.ts';
import { conflict, fieldError, invalidFields, notFound } from '../../kernel/errors/app-error.ts';
import { formatQuantity, parseQuantity } from '../../kernel/money/quantity.ts';
import { businessDate } from '../../kernel/time/business-date.ts';
import { findCompany } from '../company/company.usecases.ts';
import { buyerOf, invoiceDto, invoiceSearchText } from './invoice-context.ts';
import { loadRates } from './invoice-view.ts';
import { addDays, lineAmounts, lineProblems } from './invoicing.rules.ts';
import { invoicesRepository as repo, type InvoiceRow } from './invoicing.repository.ts';
import type { InvoiceDraftInput, InvoiceDraftPatch, InvoiceDto, InvoiceLineInput } from './invoicing.schemas.ts';
import { settingsOrDefaults } from './settings.usecases.ts';

/** Checks lines against the VAT rates and turns them into rows (positions 1…n, net per line). */
export async function lineRows(db: Db, lines: InvoiceLineInput[], kind: 'vat' | 'correction') {
  const rates = await loadRates(db);
  const active = new Set([...rates.entries()].filter(([, r]) => r.active).map(([c]) => c));
  const parsed = lines.map((l) => ({ ...l, q: parseQuantity(l.quantity) }));
  const problems = lineProblems(
    parsed.map((l) => ({ quantityThousandths: l.q, vatRateCode: l.vatRateCode })),
    active,
    kind,
  );
  if (problems.length) throw invalidFields(problems.map((p) => fieldError(`lines.${p.index}.${p.field}`, p.code, `Line ${p.index + 1}: ${p.code}`, { line: p.index + 1, value: String(lines[p.index]![p.field as keyof InvoiceLineInput] ?? '') })));
  return parsed.map((l, i) => ({
    position: i + 1,
    name: l.name,
    quantity: formatQuantity(l.q!),
    unit: l.unit,
    unitPriceMinor: l.unitPriceMinor,
    discountBp: l.discountBp,
    netMinor: lineAmounts(l.q!, l.unitPriceMinor, l.discountBp).netMinor,
    vatRateCode: l.vatRateCode,
    gtu: l.gtu,
    pkwiu: l.pkwiu || null,
    annex15: l.annex15,
    sourceKind: l.sourceKind,
    sourceId: l.sourceId,
  }));
}

/** Business fields of an invoice row: what the audit compares. */
export const auditView = (r: InvoiceRow) => {
  const { createdAt: _c, updatedAt: _u, searchText: _s, document: _d, ksefXml: _x, ...rest } = r;
  return rest;
};

/** Stores the totals of a draft's current content (the list shows and sums them). */
export async function refreshDraftTotals(db: Db, id: string, today: string) {
  const dto = await invoiceDto(db, id, today);
  await repo.update(db, id, { netMinor: dto.totals.netMinor, vatMinor: dto.totals.vatMinor, grossMinor: dto.totals.grossMinor });
}

export async function createDraftIn(tx: Db, deps: Deps, ctx: Ctx, input: InvoiceDraftInput & { serviceOrderId?: string | null }): Promise<InvoiceRow> {
  const now = deps.clock.now();
  const today = businessDate(now);
  const settings = await settingsOrDefaults(tx);
  const company = await findCompany(tx);
  const buyer = await buyerOf(tx, input.customerId);
  const rows = await lineRows(tx, input.lines, 'vat');
  const row = await repo.insert(tx, {
    kind: 'vat',
    status: 'draft',
    customerId: input.customerId,
    lang: input.lang ?? (settings.language === 'en' ? 'en' : 'pl'),
    issueDate: today,
    saleDate: input.saleDate ?? today,
    dueDate: input.dueDate ?? addDays(today, settings.paymentDays),
    paymentMethod: input.paymentMethod ?? settings.paymentMethod,
    bankAccount: input.bankAccount ?? settings.bankAccounts[0]?.account ?? company?.bankAccount ?? '',
    splitPayment: input.splitPayment,
    exemptionBasis: input.exemptionBasis ?? settings.exemptionBasis,
    placeOfIssue: input.placeOfIssue ?? (settings.placeOfIssue || company?.city || ''),
    notes: input.notes ?? settings.notes,
    serviceOrderId: input.serviceOrderId ?? null,
    createdBy: actorId(ctx.actor),
    createdAt: now,
    updatedAt: now,
    searchText: invoiceSearchText(null, buyer.name, buyer.nip),
  });
  await repo.replaceLines(tx, row.id, rows);
  await refreshDraftTotals(tx, row.id, today);
  const saved = (await repo.find(tx, row.id))!;
  await appendAudit(tx, ctx, { entity: 'invoices', entityId: row.id, action: 'created', after: { ...auditView(saved), lines: rows } });
  return saved;
}

export async function createDraft(deps: Deps, ctx: Ctx, input: InvoiceDraftInput): Promise<InvoiceDto> {
  authorize(ctx.actor, 'invoices:draft');
  return deps.database.db.transaction(async (tx) => {
    const row = await createDraftIn(tx, deps, ctx, input);
    return invoiceDto(tx, row.id, businessDate(deps.clock.now()));
  });
}

/** A draft for update, or the reason it cannot change (issued and cancelled invoices are frozen). */
export async function lockDraft(tx: Db, id: string) {
  const row = await repo.findForUpdate(tx, id);
  if (!row) throw notFound('invoices');
  if (row.status !== 'draft') throw conflict('invoices.not_draft', 'Only a draft can change; an issued invoice is changed by a correcting invoice', { status: row.status });
  return row;
}

export async function updateDraft(deps: Deps, ctx: Ctx, id: string, patch: InvoiceDraftPatch): Promise<InvoiceDto> {
  authorize(ctx.actor, 'invoices:draft');
  return deps.database.db.transaction(async (tx) => {
    const before = await lockDraft(tx, id);
    const today = businessDate(deps.clock.now());
    if (patch.correctionReason !== undefined && before.kind !== 'correction') throw invalidFields([fieldError('correctionReason', 'invoices.not_correction', 'Only a correcting invoice has a reason')]);
    if (patch.customerId !== undefined && before.kind === 'correction' && patch.customerId !== before.customerId)
      throw invalidFields([fieldError('customerId', 'invoices.correction_buyer_fixed', 'A correcting invoice keeps the corrected invoice’s buyer')]);
    const oldLines = await repo.lines(tx, id);
    const rows = patch.lines ? await lineRows(tx, patch.lines, before.kind as 'vat' | 'correction') : null;
    const customerId = patch.customerId ?? before.customerId;
    const buyer = await buyerOf(tx, customerId);
    const { lines: _l, ...fields } = patch;
    await repo.update(tx, id, { ...fields, customerId, searchText: invoiceSearchText(null, buyer.name, buyer.nip), updatedAt: deps.clock.now() });
    if (rows) await repo.replaceLines(tx, id, rows);
    await refreshDraftTotals(tx, id, today);
    const after = (await repo.find(tx, id))!;
    await appendAudit(tx, ctx, { entity: 'invoices', entityId: id, action: 'updated', before: { ...auditView(before), lines: oldLines.map(({ id: _i, invoiceId: _v, ...l }) => l) }, after: { ...auditView(after), lines: rows ?? oldLines.map(({ id: _i, invoiceId: _v, ...l }) => l) } });
    return invoiceDto(tx, id, today);
  });
}

export async function cancelDraft(deps: Deps, ctx: Ctx, id: string): Promise<InvoiceDto> {
  authorize(ctx.actor, 'invoices:draft');
  return deps.database.db.transaction(async (tx) => {
    const before = await lockDraft(tx, id);
    const now = deps.clock.now();
    const after = await repo.update(tx, id, { status: 'cancelled', cancelledAt: now, updatedAt: now });
    await appendAudit(tx, ctx, { entity: 'invoices', entityId: id, action: 'cancelled', before: auditView(before), after: auditView(after) });
    return invoiceDto(tx, id, businessDate(now));
  });
}

export async function getInvoice(deps: Deps, ctx: Ctx, id: string): Promise<InvoiceDto> {
  authorize(ctx.actor, 'invoices:read');
  return invoiceDto(deps.database.db, id, businessDate(deps.clock.now()));
}
