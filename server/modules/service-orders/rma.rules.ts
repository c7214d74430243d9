// Pure rules of external service (RMA) and of the daily order watch: which dates an RMA may carry,
// when a return is late, when a sent estimate has waited too long, where the item is after it comes
// back. No I/O, no clock (today is passed in as a Warsaw business date); tested as tables.
import { fieldError, type FieldError } from '../../kernel/errors/app-error.ts';
import { custodyFor, type Custody, type Phase } from './service-orders.rules.ts';

export const RMA_OUTCOMES = ['repaired', 'replaced', 'refused', 'returned_unrepaired'] as const;
export type RmaOutcome = (typeof RMA_OUTCOMES)[number];

/** Where an order may go when its item comes back: checked again by the shop, or straight to release. */
export const RETURN_PHASES = ['in_repair', 'ready_for_release'] as const satisfies readonly Phase[];
export type ReturnPhase = (typeof RETURN_PHASES)[number];

/**
 * A sent estimate is "waiting too long" once this many whole calendar days (Warsaw) have passed after
 * the day it was sent: sent on Monday (at any hour) → the front desk calls on Friday morning. Whole
 * days, so the task comes with the morning run and does not depend on the hour of sending.
 */
export const ESTIMATE_WAITING_DAYS = 3;

/** "2026-03-29" + 3 → "2026-04-01" (calendar arithmetic on business dates; no time zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Late: still out, and the expected return day is over (a return due today is not late yet). */
export const isRmaLate = (rma: { expectedReturnOn: string | null; returnedOn: string | null }, today: string): boolean =>
  rma.returnedOn === null && rma.expectedReturnOn !== null && rma.expectedReturnOn < today;

/** Estimates sent before this Warsaw day are waiting too long (the job compares sent_at with its start). */
export const estimateWaitingCutoff = (today: string): string => addDays(today, -ESTIMATE_WAITING_DAYS);

export const isEstimateWaiting = (sentOn: string, today: string): boolean => sentOn < estimateWaitingCutoff(today);

/** The dates of a shipment: not shipped in the future, not expected back before it left. */
export function rmaDateRefusals(r: { shippedOn: string; expectedReturnOn: string | null }, today: string, shippedPath = 'shippedOn'): FieldError[] {
  const errors: FieldError[] = [];
  if (r.shippedOn > today) errors.push(fieldError(shippedPath, 'orders.rma_shipped_in_future', 'The shipping date cannot be in the future', { today }));
  if (r.expectedReturnOn !== null && r.expectedReturnOn < r.shippedOn)
    errors.push(fieldError('expectedReturnOn', 'orders.rma_return_before_shipping', 'The expected return cannot be before the shipping date', { shippedOn: r.shippedOn }));
  return errors;
}

/** A return is recorded for a day between the shipping and today. */
export function rmaReturnRefusals(shippedOn: string, returnedOn: string, today: string): FieldError[] {
  if (returnedOn > today) return [fieldError('returnedOn', 'orders.rma_returned_in_future', 'The return date cannot be in the future', { today })];
  if (returnedOn < shippedOn) return [fieldError('returnedOn', 'orders.rma_returned_before_shipping', 'The return date cannot be before the shipping date', { shippedOn })];
  return [];
}

/**
 * Where the item is once it is back. The phase rules move custody for "in repair" but not for "ready
 * for release" (custodyFor gives null there), so a return straight to release would leave the asset
 * "at the external service": it is where the order's work happens — the shop, or on site.
 */
export const custodyAfterReturn = (nextPhase: ReturnPhase, kind: 'shop' | 'on_site'): Custody => custodyFor(nextPhase, kind) ?? custodyFor('in_repair', kind)!;

// Task dedupe keys: one task per event however often the daily job runs. A moved expected date is a
// new event (a new late task once that date passes too).
export const rmaLateTaskKey = (rmaId: string, expectedReturnOn: string) => `rma-late:${rmaId}:${expectedReturnOn}`;
export const estimateWaitingTaskKey = (estimateId: string) => `estimate-waiting:${estimateId}`;

/** How the RMA is named in the order's timeline and audit: "Dell EMEA (RMA-123)". */
export const rmaLabel = (r: { vendor: string; caseNumber: string }) => (r.caseNumber ? `${r.vendor} (${r.caseNumber})` : r.vendor);
