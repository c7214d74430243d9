// Payments against issued VAT invoices (a correcting invoice changes what its invoice asks for). The
// invoice row is locked, so concurrent payments add up; paid ≥ payable makes it paid. Overpaying is
// refused at the amount, naming the balance.
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { actorId, authorize } from '../../kernel/auth/actor.ts';
import { conflict, fieldError, invalidFields, notFound } from '../../kernel/errors/app-error.ts';
import { formatMinor } from '../../kernel/money/money.ts';
import { businessDate } from '../../kernel/time/business-date.ts';
import { auditView } from './drafts.usecases.ts';
import { paymentStatus } from './invoicing.rules.ts';
import { invoicesRepository as repo, type PaymentRow } from './invoicing.repository.ts';
import type { PaymentDto, PaymentInput } from './invoicing.schemas.ts';

const toDto = (p: PaymentRow, createdByName: string | null): PaymentDto => ({
  id: p.id,
  invoiceId: p.invoiceId,
  paidOn: p.paidOn,
  amountMinor: p.amountMinor,
  method: p.method as PaymentDto['method'],
  reference: p.reference,
  source: p.source as PaymentDto['source'],
  createdByName,
  createdAt: p.createdAt.toISOString(),
});
const paymentLabel = (p: PaymentRow) => `${p.paidOn} ${formatMinor(p.amountMinor)}`;

export async function listPayments(deps: Deps, ctx: Ctx, invoiceId: string) {
  authorize(ctx.actor, 'invoices:read');
  const db = deps.database.db;
  if (!(await repo.find(db, invoiceId))) throw notFound('invoices');
  return { items: (await repo.payments(db, invoiceId)).map((r) => toDto(r.p, r.createdByName)) };
}

/** Records a payment inside the caller's transaction (bank-statement import records many in one). */
export async function recordPaymentIn(tx: Db, deps: Deps, ctx: Ctx, invoiceId: string, input: PaymentInput, source: 'manual' | 'bank_statement' = 'manual'): Promise<PaymentRow> {
  const before = await repo.findForUpdate(tx, invoiceId);
  if (!before) throw notFound('invoices');
  if (before.status !== 'issued' || before.kind !== 'vat') throw conflict('invoices.not_payable', 'Payments are recorded against issued VAT invoices', { status: before.status, kind: before.kind });
  const now = deps.clock.now();
  const today = businessDate(now);
  const paidOn = input.paidOn ?? today;
  const balance = before.payableMinor - before.paidMinor;
  if (paidOn > today) throw invalidFields([fieldError('paidOn', 'invoices.payment_in_future', 'A payment cannot be dated in the future', { value: paidOn })]);
  if (input.amountMinor > balance) throw invalidFields([fieldError('amountMinor', 'invoices.payment_exceeds_balance', 'The amount is more than the invoice’s balance', { balance: formatMinor(balance) })]);
  const payment = await repo.insertPayment(tx, { invoiceId, paidOn, amountMinor: input.amountMinor, method: input.method, reference: input.reference, source, createdBy: actorId(ctx.actor), createdAt: now });
  const paid = before.paidMinor + input.amountMinor;
  const after = await repo.update(tx, invoiceId, { paidMinor: paid, paymentStatus: paymentStatus(before.payableMinor, paid), updatedAt: now });
  await appendAudit(tx, ctx, { entity: 'invoices', entityId: invoiceId, action: 'payment_recorded', sub: { entity: 'invoice_payments', id: payment.id, label: paymentLabel(payment) }, before: auditView(before), after: { ...auditView(after), payment: { paidOn, amountMinor: input.amountMinor, method: input.method, reference: input.reference, source } } });
  return payment;
}

export async function recordPayment(deps: Deps, ctx: Ctx, invoiceId: string, input: PaymentInput): Promise<PaymentDto> {
  authorize(ctx.actor, 'invoices:pay');
  return deps.database.db.transaction(async (tx) => toDto(await recordPaymentIn(tx, deps, ctx, invoiceId, input), null));
}

/** Removes a payment recorded by mistake; the invoice's balance and state follow. */
export async function removePayment(deps: Deps, ctx: Ctx, paymentId: string): Promise<void> {
  authorize(ctx.actor, 'invoices:pay');
  await deps.database.db.transaction(async (tx) => {
    const payment = await repo.findPayment(tx, paymentId);
    if (!payment) throw notFound('invoice_payments');
    const before = (await repo.findForUpdate(tx, payment.invoiceId))!;
    await repo.deletePayment(tx, paymentId);
    const paid = before.paidMinor - payment.amountMinor;
    const after = await repo.update(tx, before.id, { paidMinor: paid, paymentStatus: paymentStatus(before.payableMinor, paid), updatedAt: deps.clock.now() });
    await appendAudit(tx, ctx, { entity: 'invoices', entityId: before.id, action: 'payment_removed', sub: { entity: 'invoice_payments', id: payment.id, label: paymentLabel(payment) }, before: auditView(before), after: auditView(after) });
  });
}
