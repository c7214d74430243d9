// The order's billable amounts: labour (billed minutes × hourly price), parts and other lines, summed
// per VAT rate by the one totals rule.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { quantityFromDb } from '../../kernel/money/quantity.ts';
import { vatRates } from '../catalog/catalog.table.ts';
import { labourNet, lineNet, totalsByRate } from './service-orders.rules.ts';
import { serviceOrderLines, serviceOrderParts, serviceOrderTime } from './service-orders.table.ts';

export async function orderTotals(db: Db, orderId: string) {
  const rates = new Map((await db.select({ code: vatRates.code, rateBp: vatRates.rateBp }).from(vatRates)).map((r) => [r.code, r.rateBp]));
  // One after another: inside a transaction they share one connection (node-postgres refuses overlap).
  const time = await db.select().from(serviceOrderTime).where(and(eq(serviceOrderTime.orderId, orderId), eq(serviceOrderTime.billable, true)));
  const parts = await db.select().from(serviceOrderParts).where(and(eq(serviceOrderParts.orderId, orderId), isNull(serviceOrderParts.removedAt)));
  const lines = await db.select().from(serviceOrderLines).where(eq(serviceOrderLines.orderId, orderId));
  const priced = [
    ...time.filter((t) => t.vatRateCode).map((t) => ({ netMinor: labourNet(t.billedMinutes, t.unitPriceMinor), vatRateCode: t.vatRateCode!, rateBp: rates.get(t.vatRateCode!) ?? null })),
    ...parts.map((p) => ({ netMinor: lineNet({ quantityThousandths: quantityFromDb(p.quantity), unitPriceMinor: p.unitPriceMinor }), vatRateCode: p.vatRateCode, rateBp: rates.get(p.vatRateCode) ?? null })),
    ...lines.map((l) => ({ netMinor: lineNet({ quantityThousandths: quantityFromDb(l.quantity), unitPriceMinor: l.unitPriceMinor }), vatRateCode: l.vatRateCode, rateBp: rates.get(l.vatRateCode) ?? null })),
  ];
  return totalsByRate(priced);
}
