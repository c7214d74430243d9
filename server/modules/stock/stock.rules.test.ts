import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyDelta, isLowStock, ledgerEffects, validateMovement, type MovementRequest } from './stock.rules.ts';

const A = 'loc-a';
const B = 'loc-b';

const effects: [string, MovementRequest, [string, bigint, string][]][] = [
  ['a receipt adds to its location', { kind: 'receipt', quantity: 5000n, locationId: A }, [[A, 5000n, 'receipt']]],
  ['an issue takes from its location', { kind: 'issue', quantity: 1500n, locationId: A }, [[A, -1500n, 'issue']]],
  ['a return adds back', { kind: 'return', quantity: 1000n, locationId: A }, [[A, 1000n, 'return']]],
  ['a negative adjustment takes away', { kind: 'adjustment', quantity: -2000n, locationId: A, reason: 'Uszkodzone' }, [[A, -2000n, 'adjustment']]],
  ['a transfer takes from one location and adds to the other', { kind: 'transfer', quantity: 3000n, locationId: A, toLocationId: B }, [[A, -3000n, 'transfer_out'], [B, 3000n, 'transfer_in']]],
];
for (const [why, m, expected] of effects)
  test(`ledger: ${why}`, () => assert.deepEqual(ledgerEffects(m).map((e) => [e.locationId, e.delta, e.kind]), expected));

const invalid: [string, MovementRequest, string[]][] = [
  ['a receipt of zero', { kind: 'receipt', quantity: 0n, locationId: A }, ['stock.quantity_not_positive']],
  ['a negative issue', { kind: 'issue', quantity: -1n, locationId: A }, ['stock.quantity_not_positive']],
  ['an adjustment without a reason', { kind: 'adjustment', quantity: 1000n, locationId: A, reason: ' ' }, ['stock.reason_required']],
  ['an adjustment of zero', { kind: 'adjustment', quantity: 0n, locationId: A, reason: 'x' }, ['stock.quantity_zero']],
  ['a transfer without a target', { kind: 'transfer', quantity: 1n, locationId: A }, ['stock.transfer_target_required']],
  ['a transfer to the same location', { kind: 'transfer', quantity: 1n, locationId: A, toLocationId: A }, ['stock.transfer_same_location']],
];
for (const [why, m, codes] of invalid)
  test(`ledger refuses ${why}`, () => assert.deepEqual(validateMovement(m).map((e) => e.code), codes));

test('a valid transfer passes validation', () => assert.deepEqual(validateMovement({ kind: 'transfer', quantity: 1n, locationId: A, toLocationId: B }), []));

const deltas: [bigint, bigint, bigint | null][] = [
  [5000n, -5000n, 0n],
  [5000n, -5001n, null],
  [0n, 1n, 1n],
  [0n, -1n, null],
];
for (const [onHand, delta, expected] of deltas)
  test(`on hand ${onHand} with ${delta} becomes ${expected ?? 'refused (never negative)'}`, () => assert.equal(applyDelta(onHand, delta), expected));

const low: [bigint, bigint, boolean][] = [
  [2000n, 2000n, true],
  [2001n, 2000n, false],
  [0n, 0n, false],
  [0n, 1n, true],
];
for (const [onHand, min, expected] of low)
  test(`on hand ${onHand} with minimum ${min} is ${expected ? '' : 'not '}low stock`, () => assert.equal(isLowStock(onHand, min), expected));
