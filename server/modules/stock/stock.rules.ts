// Pure rules of the stock ledger. Quantities are BigInt thousandths (kernel/money/quantity.ts).
import { fieldError, type FieldError } from '../../kernel/errors/app-error.ts';

export const MOVEMENT_KINDS = ['receipt', 'issue', 'return', 'adjustment', 'transfer'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export type MovementRequest = {
  kind: MovementKind;
  quantity: bigint; // positive, except an adjustment, which is signed
  locationId: string;
  toLocationId?: string | null | undefined; // transfer only
  reason?: string | undefined;
};

/** Ledger rows a request produces: (location, signed delta, stored kind). */
export type LedgerEffect = { locationId: string; delta: bigint; kind: 'receipt' | 'issue' | 'return' | 'adjustment' | 'transfer_out' | 'transfer_in' };

export function validateMovement(m: MovementRequest): FieldError[] {
  const errors: FieldError[] = [];
  if (m.kind === 'adjustment') {
    if (m.quantity === 0n) errors.push(fieldError('quantity', 'stock.quantity_zero', 'An adjustment changes the quantity by something other than zero'));
    if (!m.reason?.trim()) errors.push(fieldError('reason', 'stock.reason_required', 'Say why the stock is adjusted'));
  } else if (m.quantity <= 0n) {
    errors.push(fieldError('quantity', 'stock.quantity_not_positive', 'The quantity must be greater than zero'));
  }
  if (m.kind === 'transfer') {
    if (!m.toLocationId) errors.push(fieldError('toLocationId', 'stock.transfer_target_required', 'Choose where the stock goes'));
    else if (m.toLocationId === m.locationId) errors.push(fieldError('toLocationId', 'stock.transfer_same_location', 'A transfer needs two different locations'));
  }
  return errors;
}

export function ledgerEffects(m: MovementRequest): LedgerEffect[] {
  switch (m.kind) {
    case 'receipt':
      return [{ locationId: m.locationId, delta: m.quantity, kind: 'receipt' }];
    case 'return':
      return [{ locationId: m.locationId, delta: m.quantity, kind: 'return' }];
    case 'issue':
      return [{ locationId: m.locationId, delta: -m.quantity, kind: 'issue' }];
    case 'adjustment':
      return [{ locationId: m.locationId, delta: m.quantity, kind: 'adjustment' }];
    case 'transfer':
      return [
        { locationId: m.locationId, delta: -m.quantity, kind: 'transfer_out' },
        { locationId: m.toLocationId!, delta: m.quantity, kind: 'transfer_in' },
      ];
  }
}

/** The new on-hand after a delta, or null when it would go below zero. */
export function applyDelta(onHand: bigint, delta: bigint): bigint | null {
  const next = onHand + delta;
  return next < 0n ? null : next;
}

/** A part is low when its total on hand is at or below a positive minimum level. */
export const isLowStock = (totalOnHand: bigint, minStock: bigint) => minStock > 0n && totalOnHand <= minStock;
