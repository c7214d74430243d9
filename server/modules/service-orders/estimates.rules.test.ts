import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decisionRefusal, effectiveStatus, estimateTotals, labourHours, validity, validUntilOf } from './estimates.rules.ts';
import type { EstimateLine } from './service-orders.table.ts';

const hours: [number, number | null, string, string][] = [
  [30, 15, '0.500', 'half an hour in quarter-hour blocks is half an hour'],
  [5, 15, '0.250', 'five minutes bill a started quarter hour'],
  [61, 15, '1.250', 'an hour and a minute bill five quarters'],
  [20, null, '0.333', 'twenty exact minutes are a third of an hour, to a thousandth'],
  [50, null, '0.833', 'fifty exact minutes round half away from zero to 0.833'],
  [90, 30, '1.500', 'ninety minutes in half-hour blocks'],
];
for (const [minutes, increment, expected, name] of hours)
  test(`labour hours: ${name}`, () => assert.equal(labourHours(minutes, increment), expected));

const line = (quantity: string, unitPriceMinor: number, vatRateCode: string): EstimateLine => ({ kind: 'service', itemId: null, name: 'x', quantity, unit: 'hour', unitPriceMinor, vatRateCode });
const rate = (code: string) => ({ '23': 2300, '8': 800 })[code] ?? null;

test('totals per VAT rate: VAT is computed once per rate on the summed nets, exempt lines carry none', () => {
  const t = estimateTotals([line('0.500', 15000, '23'), line('1', 45000, '23'), line('0.333', 15000, '23'), line('1', 2000, '8'), line('2', 1000, 'zw')], rate);
  // 75.00 + 450.00 + 49.95 = 574.95 at 23% → VAT 132.2385 → 132.24
  assert.deepEqual(t.rates, [
    { vatRateCode: '23', netMinor: 57495, vatMinor: 13224, grossMinor: 70719 },
    { vatRateCode: '8', netMinor: 2000, vatMinor: 160, grossMinor: 2160 },
    { vatRateCode: 'zw', netMinor: 2000, vatMinor: 0, grossMinor: 2000 },
  ]);
  assert.deepEqual([t.netMinor, t.vatMinor, t.grossMinor], [61495, 13384, 74879]);
});

test('an estimate sent on 29 March for 14 days is valid through 12 April, until Warsaw midnight', () => {
  const v = validity(new Date('2026-03-29T00:30:00Z'), 14);
  assert.equal(v.validUntil, '2026-04-12');
  assert.equal(v.expiresAt.toISOString(), '2026-04-12T22:00:00.000Z', 'CEST: midnight is 22:00 UTC');
  assert.equal(validUntilOf(v.expiresAt), '2026-04-12');
});

test('a sent estimate is expired from the instant its link runs out; decided ones never expire', () => {
  const expiresAt = new Date('2026-04-12T22:00:00Z');
  assert.equal(effectiveStatus({ status: 'sent', expiresAt }, new Date('2026-04-12T21:59:59Z')), 'sent');
  assert.equal(effectiveStatus({ status: 'sent', expiresAt }, expiresAt), 'expired');
  assert.equal(effectiveStatus({ status: 'accepted', expiresAt }, new Date('2027-01-01T00:00:00Z')), 'accepted');
});

const refusals: [Parameters<typeof decisionRefusal>[0], 'link' | 'paper', string | null][] = [
  ['sent', 'link', null],
  ['expired', 'link', 'estimates.expired'],
  ['expired', 'paper', null],
  ['draft', 'link', 'estimates.not_sent'],
  ['draft', 'paper', null],
  ['accepted', 'link', 'estimates.already_decided'],
  ['rejected', 'paper', 'estimates.already_decided'],
  ['withdrawn', 'link', 'estimates.withdrawn'],
];
for (const [status, via, code] of refusals)
  test(`${/^[aeiou]/.test(status) ? 'an' : 'a'} ${status} estimate ${code ? `is refused (${code})` : 'may be decided'} through ${via === 'link' ? 'a link' : 'a signed paper'}`, () => assert.equal(decisionRefusal(status, via)?.code ?? null, code));

test('an expired link answers 410 Gone; a second decision 409', () => {
  assert.equal(decisionRefusal('expired', 'link')?.status, 410);
  assert.equal(decisionRefusal('accepted', 'link')?.status, 409);
});
