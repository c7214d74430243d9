// Invoicing a finished service order: its billable labour, parts and other lines become a draft for
// the order's customer at the prices already computed on the order. The order's row lock and a unique
// index make "an order is invoiced once" hold under concurrent clicks; cancelling the draft frees it.
import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx, Deps } from '../../deps.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { AppError, conflict, notFound } from '../../kernel/errors/app-error.ts';
import { formatQuantity, quantityFromDb } from '../../kernel/money/quantity.ts';
import { businessDate } from '../../kernel/time/business-date.ts';
import { parts, services } from '../catalog/catalog.table.ts';
import { appendOrderEvent } from '../service-orders/order-events.ts';
import { labourNet } from '../service-orders/service-orders.rules.ts';
import { ordersRepository as orders } from '../service-orders/service-orders.repository.ts';
import { serviceOrderLines, serviceOrderParts, serviceOrderTime } from '../service-orders/service-orders.table.ts';
import { createDraftIn } from './drafts.usecases.ts';
import { invoiceDto } from './invoice-context.ts';
import { invoiceUnit } from './invoicing.rules.ts';
import { invoicesRepository as repo } from './invoicing.repository.ts';
import type { InvoiceDto, InvoiceLineInput } from './invoicing.schemas.ts';

/** Phases in which the work is finished and can be billed. */
const INVOICEABLE = new Set(['ready_for_release', 'released']);

/**
 * Labour of one service at one rate and VAT, as one line: whole hours to the thousandth when the
 * billed minutes allow it (45 min = 0,750 h), otherwise one service at the exact amount, so the
 * invoice's net equals the order's to the grosz.
 */
export function labourLine(name: string, billedMinutes: number, hourlyMinor: number, vatRateCode: string, serviceId: string | null): InvoiceLineInput {
  const base = { vatRateCode, discountBp: 0, gtu: null, pkwiu: null, annex15: false, sourceKind: 'labour' as const, sourceId: serviceId };
  if ((billedMinutes * 1000) % 60 === 0) return { ...base, name, quantity: formatQuantity(BigInt((billedMinutes * 1000) / 60)), unit: 'godz.', unitPriceMinor: hourlyMinor };
  return { ...base, name: `${name} (${billedMinutes} min)`, quantity: '1.000', unit: 'usł.', unitPriceMinor: labourNet(billedMinutes, hourlyMinor) };
}

export async function invoiceServiceOrder(deps: Deps, ctx: Ctx, orderId: string): Promise<InvoiceDto> {
  authorize(ctx.actor, 'invoices:draft');
  return deps.database.db.transaction(async (tx) => {
    const order = await orders.findForUpdate(tx, orderId);
    if (!order) throw notFound('service_orders');
    if (!INVOICEABLE.has(order.phase)) throw new AppError('invoices.order_not_finished', 422, 'Only a finished order (ready for release or released) can be invoiced', { extra: { phase: order.phase } });
    const existing = await repo.activeOfOrder(tx, orderId);
    if (existing) throw conflict('invoices.order_invoiced', 'This order already has an invoice', { invoiceId: existing.id, number: existing.number });

    const time = await tx
      .select({ t: serviceOrderTime, serviceName: services.name })
      .from(serviceOrderTime)
      .leftJoin(services, eq(services.id, serviceOrderTime.serviceId))
      .where(and(eq(serviceOrderTime.orderId, orderId), eq(serviceOrderTime.billable, true)))
      .orderBy(serviceOrderTime.workedOn, serviceOrderTime.createdAt)
      .limit(1000);
    const used = await tx
      .select({ p: serviceOrderParts, partName: parts.name, unit: parts.unit })
      .from(serviceOrderParts)
      .innerJoin(parts, eq(parts.id, serviceOrderParts.partId))
      .where(and(eq(serviceOrderParts.orderId, orderId), isNull(serviceOrderParts.removedAt)))
      .orderBy(serviceOrderParts.createdAt)
      .limit(1000);
    const other = await tx.select().from(serviceOrderLines).where(eq(serviceOrderLines.orderId, orderId)).orderBy(serviceOrderLines.createdAt).limit(1000);

    // Labour grouped by service, rate and VAT: one line per kind of work.
    const labour = new Map<string, { name: string; minutes: number; price: number; vat: string; serviceId: string | null }>();
    for (const { t, serviceName } of time) {
      if (!t.vatRateCode || t.billedMinutes === 0) continue;
      const key = [t.serviceId, t.unitPriceMinor, t.vatRateCode].join('|');
      const g = labour.get(key) ?? { name: serviceName ?? (order.lang === 'en' ? 'Labour' : 'Robocizna'), minutes: 0, price: t.unitPriceMinor, vat: t.vatRateCode, serviceId: t.serviceId };
      g.minutes += t.billedMinutes;
      labour.set(key, g);
    }
    const lines: InvoiceLineInput[] = [
      ...[...labour.values()].map((g) => labourLine(g.name, g.minutes, g.price, g.vat, g.serviceId)),
      ...used.map(({ p, partName, unit }) => ({ name: partName, quantity: formatQuantity(quantityFromDb(p.quantity)), unit: invoiceUnit(unit), unitPriceMinor: p.unitPriceMinor, discountBp: 0, vatRateCode: p.vatRateCode, gtu: null, pkwiu: null, annex15: false, sourceKind: 'part' as const, sourceId: p.partId })),
      ...other.map((l) => ({ name: l.name, quantity: formatQuantity(quantityFromDb(l.quantity)), unit: invoiceUnit(l.unit), unitPriceMinor: l.unitPriceMinor, discountBp: 0, vatRateCode: l.vatRateCode, gtu: null, pkwiu: null, annex15: false, sourceKind: l.serviceId ? ('service' as const) : ('free' as const), sourceId: l.serviceId })),
    ];
    const now = deps.clock.now();
    const saleDate = businessDate(order.releasedAt ?? order.readyAt ?? now);
    const row = await createDraftIn(tx, deps, ctx, { customerId: order.customerId, lang: order.lang === 'en' ? 'en' : 'pl', saleDate, splitPayment: false, lines, serviceOrderId: orderId, notes: `${order.lang === 'en' ? 'Service order' : 'Zlecenie serwisowe'} ${order.number}` });
    await appendOrderEvent(tx, ctx, now, orderId, 'invoice_drafted', { invoiceId: row.id });
    return invoiceDto(tx, row.id, businessDate(now));
  });
}
