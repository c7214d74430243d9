import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canMove, custodyFor, labourNet, lineNet, numberKey, orderSearchText, totalsByRate, type Phase } from './service-orders.rules.ts';

const moves: [Phase, Phase, boolean][] = [
  ['new', 'diagnosis', true],
  ['new', 'released', false],
  ['diagnosis', 'awaiting_approval', true],
  ['awaiting_approval', 'in_repair', true],
  ['awaiting_approval', 'ready_for_release', true], // a rejected estimate: the return flow
  ['awaiting_approval', 'external_service', false],
  ['in_repair', 'external_service', true],
  ['external_service', 'in_repair', true],
  ['in_repair', 'cancelled', false],
  ['ready_for_release', 'released', true],
  ['ready_for_release', 'in_repair', true],
  ['released', 'in_repair', false],
  ['cancelled', 'new', false],
  ['in_repair', 'in_repair', true], // another status of the same phase
  ['released', 'released', false],
];
for (const [from, to, ok] of moves) test(`an order ${ok ? 'may' : 'may not'} move from ${from} to ${to}`, () => assert.equal(canMove(from, to), ok));

const custody: [Phase, 'shop' | 'on_site', string][] = [
  ['new', 'shop', 'in_shop'],
  ['new', 'on_site', 'on_site_service'],
  ['external_service', 'shop', 'external_service'],
  ['ready_for_release', 'shop', 'in_shop'], // back from the external service straight to release
  ['released', 'shop', 'with_customer'],
  ['cancelled', 'on_site', 'with_customer'],
];
for (const [phase, kind, where] of custody) test(`in phase ${phase} (${kind}) the asset is ${where}`, () => assert.equal(custodyFor(phase, kind), where));

test('a line is quantity × unit price rounded half up to the grosz: 1.5 × 0.33 zł = 0.50 zł', () => assert.equal(lineNet({ quantityThousandths: 1500n, unitPriceMinor: 33 }), 50));
test('45 billed minutes at 120 zł an hour are 90 zł; 7 minutes at 100 zł are 11.67 zł', () => {
  assert.equal(labourNet(45, 12000), 9000);
  assert.equal(labourNet(7, 10000), 1167);
});

test('VAT is computed once per rate on the sum of nets, not per line', () => {
  // Three lines of 0.33 zł at 23%: per line 0.08 VAT each (0.24); on the sum 0.99 → 0.23.
  const t = totalsByRate([
    { netMinor: 33, vatRateCode: '23', rateBp: 2300 },
    { netMinor: 33, vatRateCode: '23', rateBp: 2300 },
    { netMinor: 33, vatRateCode: '23', rateBp: 2300 },
    { netMinor: 1000, vatRateCode: '8', rateBp: 800 },
    { netMinor: 500, vatRateCode: 'zw', rateBp: null },
  ]);
  assert.deepEqual(t.rates, [
    { vatRateCode: '23', netMinor: 99, vatMinor: 23, grossMinor: 122 },
    { vatRateCode: '8', netMinor: 1000, vatMinor: 80, grossMinor: 1080 },
    { vatRateCode: 'zw', netMinor: 500, vatMinor: 0, grossMinor: 500 },
  ]);
  assert.deepEqual([t.netMinor, t.vatMinor, t.grossMinor], [1599, 103, 1702]);
});

test('an order number is searchable with and without its zeros', () => {
  assert.equal(numberKey('SO/2026/000123'), 'SO2026000123');
  const text = orderSearchText({ number: 'SO/2026/000123', customerName: 'Łukasz Żak', assetName: 'Laptop', serialNumber: 'SN-1', reportedProblem: 'Nie działa' });
  assert.ok(text.includes('so/2026/123') && text.includes('so/2026/000123') && text.includes('lukasz zak'));
});
