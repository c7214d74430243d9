// Pure rules of estimates: labour hours from planned minutes, line amounts and totals, validity,
// the effective status and what a decision may do. No I/O, no clock: "now" is passed in.
import { divRound } from '../../kernel/money/money.ts';
import { formatQuantity, parseQuantity } from '../../kernel/money/quantity.ts';
import { businessDate, nextBusinessDate, startOfBusinessDay } from '../../kernel/time/business-date.ts';
import type { EstimateLine } from './service-orders.table.ts';
import { lineNet, totalsByRate, type Phase } from './service-orders.rules.ts';

export type EstimateStatus = 'draft' | 'sent' | 'accepted' | 'rejected' | 'expired' | 'withdrawn';

/**
 * Planned minutes as hours for a labour line: rounded up to the service's billing increment (a
 * started quarter hour when it is 15), then to a thousandth of an hour, half away from zero.
 */
export function labourHours(minutes: number, incrementMinutes: number | null): string {
  const billed = incrementMinutes && incrementMinutes > 0 ? Math.ceil(minutes / incrementMinutes) * incrementMinutes : minutes;
  return formatQuantity(divRound(BigInt(billed) * 1000n, 60n));
}

/** The line's net: quantity × unit price, rounded to the grosz (the order's one line rule). */
export function estimateLineNet(l: Pick<EstimateLine, 'quantity' | 'unitPriceMinor'>): number {
  const q = parseQuantity(l.quantity);
  if (q === null) throw new Error(`not a quantity: ${l.quantity}`);
  return lineNet({ quantityThousandths: q, unitPriceMinor: l.unitPriceMinor });
}

/** Totals per VAT rate of the estimate's lines (rate in basis points; null = no VAT). */
export function estimateTotals(lines: EstimateLine[], rateBp: (code: string) => number | null) {
  return totalsByRate(lines.map((l) => ({ netMinor: estimateLineNet(l), vatRateCode: l.vatRateCode, rateBp: rateBp(l.vatRateCode) })));
}

/** The last valid day (Warsaw) and the instant the link stops working: the end of that day. */
export function validity(now: Date, validDays: number): { validUntil: string; expiresAt: Date } {
  let day = businessDate(now);
  for (let i = 0; i < validDays; i++) day = nextBusinessDate(day);
  return { validUntil: day, expiresAt: startOfBusinessDay(nextBusinessDate(day)) };
}

/** The last valid day of an expiry instant (the day before the Warsaw midnight it falls on). */
export const validUntilOf = (expiresAt: Date | null): string | null => (expiresAt ? businessDate(new Date(expiresAt.getTime() - 1)) : null);

/** A sent estimate whose link has run out is expired, though nothing was written when it ran out. */
export function effectiveStatus(e: { status: string; expiresAt: Date | null }, now: Date): EstimateStatus {
  if (e.status === 'sent' && e.expiresAt && e.expiresAt.getTime() <= now.getTime()) return 'expired';
  return e.status as EstimateStatus;
}

export type DecisionRefusal = { code: string; status: 409 | 410; message: string } | null;

/**
 * May the customer (through a link) or staff (a signed paper) decide now? Through a link only a
 * sent estimate within its validity; on paper also a draft printed and signed at the desk, and a
 * paper signed before the link ran out.
 */
export function decisionRefusal(status: EstimateStatus, via: 'link' | 'paper'): DecisionRefusal {
  switch (status) {
    case 'sent':
      return null;
    case 'draft':
      return via === 'paper' ? null : { code: 'estimates.not_sent', status: 409, message: 'This estimate has not been sent' };
    case 'expired':
      return via === 'paper' ? null : { code: 'estimates.expired', status: 410, message: 'The estimate is no longer valid; ask the shop for a new one' };
    case 'accepted':
    case 'rejected':
      return { code: 'estimates.already_decided', status: 409, message: `The estimate was already ${status}` };
    case 'withdrawn':
      return { code: 'estimates.withdrawn', status: 409, message: 'The shop replaced or withdrew this estimate' };
  }
}

/** Where the order goes on a decision: repair on acceptance, the return flow on rejection. */
export const phaseAfterDecision = (decision: 'accepted' | 'rejected'): Phase => (decision === 'accepted' ? 'in_repair' : 'ready_for_release');

export const isClosedPhase = (phase: string) => phase === 'released' || phase === 'cancelled';
