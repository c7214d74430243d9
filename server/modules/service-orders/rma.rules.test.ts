import assert from 'node:assert/strict';
import { test } from 'node:test';
import { businessDate } from '../../kernel/time/business-date.ts';
import { addDays, custodyAfterReturn, estimateWaitingCutoff, isEstimateWaiting, isRmaLate, rmaDateRefusals, rmaLateTaskKey, rmaReturnRefusals } from './rma.rules.ts';

const codes = (e: { path: string; code: string }[]) => e.map((x) => `${x.path}:${x.code}`);

const late: [string, { expectedReturnOn: string | null; returnedOn: string | null }, string, boolean][] = [
  ['an item expected back yesterday and still out is late', { expectedReturnOn: '2026-04-09', returnedOn: null }, '2026-04-10', true],
  ['an item expected back today is not late yet', { expectedReturnOn: '2026-04-10', returnedOn: null }, '2026-04-10', false],
  ['an item expected back tomorrow is not late', { expectedReturnOn: '2026-04-11', returnedOn: null }, '2026-04-10', false],
  ['an item already returned is never late, however late it came', { expectedReturnOn: '2026-04-01', returnedOn: '2026-04-08' }, '2026-04-10', false],
  ['an item without an expected return date is never late', { expectedReturnOn: null, returnedOn: null }, '2026-12-31', false],
  ['an item expected back on 31 December is late on 1 January', { expectedReturnOn: '2026-12-31', returnedOn: null }, '2027-01-01', true],
];
for (const [name, rma, today, expected] of late) test(name, () => assert.equal(isRmaLate(rma, today), expected));

test('a return expected on 28 March is late from 00:00 Warsaw time on 29 March (23:00 UTC on the 28th), not before', () => {
  const rma = { expectedReturnOn: '2026-03-28', returnedOn: null };
  assert.equal(isRmaLate(rma, businessDate(new Date('2026-03-28T22:59:59Z'))), false);
  assert.equal(isRmaLate(rma, businessDate(new Date('2026-03-28T23:00:00Z'))), true);
});

const waiting: [string, string, string, boolean][] = [
  ['an estimate sent on Monday 30 March is waiting too long on Friday 3 April', '2026-03-30', '2026-04-03', true],
  ['an estimate sent on Monday 30 March is not waiting yet on Thursday 2 April', '2026-03-30', '2026-04-02', false],
  ['an estimate sent today is not waiting', '2026-04-03', '2026-04-03', false],
  ['an estimate sent 4 days ago across the month end is waiting', '2026-03-28', '2026-04-01', true],
];
for (const [name, sentOn, today, expected] of waiting) test(name, () => assert.equal(isEstimateWaiting(sentOn, today), expected));

test('the waiting cutoff is three calendar days back, across the DST change and the year end', () => {
  assert.equal(estimateWaitingCutoff('2026-04-01'), '2026-03-29');
  assert.equal(estimateWaitingCutoff('2027-01-02'), '2026-12-30');
  assert.equal(addDays('2028-02-28', 1), '2028-02-29');
});

test('an estimate sent at 23:30 UTC on 28 March was sent on 29 March in Warsaw: waiting from 2 April, not on 1 April', () => {
  const sentOn = businessDate(new Date('2026-03-28T23:30:00Z'));
  assert.equal(sentOn, '2026-03-29');
  assert.equal(isEstimateWaiting(sentOn, '2026-04-01'), false);
  assert.equal(isEstimateWaiting(sentOn, '2026-04-02'), true);
});

const dates: [string, { shippedOn: string; expectedReturnOn: string | null }, string, string[]][] = [
  ['shipped today, expected in two weeks: fine', { shippedOn: '2026-04-01', expectedReturnOn: '2026-04-15' }, '2026-04-01', []],
  ['shipped yesterday, no expected date: fine', { shippedOn: '2026-03-31', expectedReturnOn: null }, '2026-04-01', []],
  ['expected back on the shipping day: fine', { shippedOn: '2026-04-01', expectedReturnOn: '2026-04-01' }, '2026-04-01', []],
  ['shipped tomorrow is refused', { shippedOn: '2026-04-02', expectedReturnOn: null }, '2026-04-01', ['shippedOn:orders.rma_shipped_in_future']],
  ['expected back before it was shipped is refused', { shippedOn: '2026-03-30', expectedReturnOn: '2026-03-29' }, '2026-04-01', ['expectedReturnOn:orders.rma_return_before_shipping']],
];
for (const [name, r, today, expected] of dates) test(name, () => assert.deepEqual(codes(rmaDateRefusals(r, today)), expected));

const returns: [string, string, string, string, string[]][] = [
  ['returned today: fine', '2026-03-20', '2026-04-01', '2026-04-01', []],
  ['returned on the shipping day: fine', '2026-04-01', '2026-04-01', '2026-04-01', []],
  ['returned tomorrow is refused', '2026-03-20', '2026-04-02', '2026-04-01', ['returnedOn:orders.rma_returned_in_future']],
  ['returned before it was shipped is refused', '2026-03-20', '2026-03-19', '2026-04-01', ['returnedOn:orders.rma_returned_before_shipping']],
];
for (const [name, shippedOn, returnedOn, today, expected] of returns) test(name, () => assert.deepEqual(codes(rmaReturnRefusals(shippedOn, returnedOn, today)), expected));

const custody: [string, Parameters<typeof custodyAfterReturn>, string][] = [
  ['a shop order back for checking: the item is in the shop', ['in_repair', 'shop'], 'in_shop'],
  ['a shop order back straight to release: the item is in the shop, not at the vendor', ['ready_for_release', 'shop'], 'in_shop'],
  ['an on-site order back straight to release: with the on-site service', ['ready_for_release', 'on_site'], 'on_site_service'],
];
for (const [name, args, expected] of custody) test(name, () => assert.equal(custodyAfterReturn(...args), expected));

test('a late task is named by the RMA and its expected day: a moved date is a new event', () => {
  assert.notEqual(rmaLateTaskKey('r1', '2026-04-10'), rmaLateTaskKey('r1', '2026-04-20'));
  assert.equal(rmaLateTaskKey('r1', '2026-04-10'), 'rma-late:r1:2026-04-10');
});
