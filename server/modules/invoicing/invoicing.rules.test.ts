// Invoice amounts as tables: per-line nets, VAT per rate on the summed nets (and where that differs from
// rounding VAT per line), correction differences, split payment, payment states and overdue.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { divRound } from '../../kernel/money/money.ts';
import { parseQuantity } from '../../kernel/money/quantity.ts';
import { sampleLine } from './invoice-document.samples.ts';
import { addDays, correctionTotals, daysBetween, documentTotals, isOverdue, issueProblems, lineAmounts, paymentStatus, splitPaymentRequired } from './invoicing.rules.ts';
import { labourLine } from './order-invoice.usecases.ts';

describe('the net of a line', () => {
  const cases: [string, string, number, number, number, number][] = [
    // quantity, unit price, discount bp → net, discount
    ['one piece', '1', 12345, 0, 12345, 0],
    ['an exact decimal quantity: 12,5 km at 1,99 zł', '12.5', 199, 0, 2488, 0], // 24.875 → 24.88
    ['three decimals: 0,333 h at 120 zł', '0.333', 12000, 0, 3996, 0],
    ['a 10% discount', '1', 19999, 1000, 17999, 2000], // 179.991 → 179.99
    ['a discount rounded half away from zero', '3', 333, 1500, 849, 150], // 999 × 0.85 = 849.15
    ['a 100% discount', '2', 5000, 10000, 0, 10000],
    ['half a grosz rounds up', '0.5', 1, 0, 1, 0],
    ['zero quantity on a correction', '0', 9999, 0, 0, 0],
  ];
  for (const [name, q, price, bp, net, discount] of cases)
    test(name, () => {
      const a = lineAmounts(parseQuantity(q)!, price, bp);
      assert.equal(a.netMinor, net);
      assert.equal(a.discountMinor, discount);
      assert.equal(a.beforeDiscountMinor, a.netMinor + a.discountMinor);
    });
});

describe('totals per rate: VAT once on each rate’s summed nets', () => {
  test('mixed rates: each rate its own net, VAT and gross; zw and np carry no VAT', () => {
    const t = documentTotals([sampleLine(1, 'a', '1', 10000, '23'), sampleLine(2, 'b', '2', 5000, '8'), sampleLine(3, 'c', '1', 3000, 'zw'), sampleLine(4, 'd', '1', 2000, 'np'), sampleLine(5, 'e', '1', 999, '23')]);
    const by = Object.fromEntries(t.rates.map((r) => [r.vatRateCode, [r.netMinor, r.vatMinor, r.grossMinor]]));
    assert.deepEqual(by, { '23': [10999, 2530, 13529], '8': [10000, 800, 10800], zw: [3000, 0, 3000], np: [2000, 0, 2000] });
    assert.deepEqual([t.netMinor, t.vatMinor, t.grossMinor], [25999, 3330, 29329]);
    assert.equal(t.rates.find((r) => r.vatRateCode === 'np')!.ksefRateCode, 'np I');
  });

  const perLine = (nets: number[], bp: number) => nets.reduce((s, n) => s + Number(divRound(BigInt(n) * BigInt(bp), 10_000n)), 0);
  const cases: [string, number[], number, number, number][] = [
    // lines' nets, rate bp → VAT on the sum (ours), VAT summed per line (not used)
    ['three lines of 0,02 zł at 23%: 0,01 zł, not 0,03 zł', [2, 2, 2], 2300, 1, 0],
    ['ten lines of 0,10 zł at 5%', Array(10).fill(10), 500, 5, 10],
    ['two lines at 23% that round down each', [1002, 1002], 2300, 461, 460],
    ['identical when no line has a half', [10000, 20000], 2300, 6900, 6900],
  ];
  for (const [name, nets, bp, sumVat, lineVat] of cases)
    test(name, () => {
      const code = bp === 500 ? '5' : '23';
      const t = documentTotals(nets.map((n, i) => ({ ...sampleLine(i + 1, 'x', '1', n, code) })));
      assert.equal(t.vatMinor, sumVat);
      assert.equal(perLine(nets, bp), lineVat, 'the per-line method would give this instead');
    });
});

describe('a correcting invoice’s amounts', () => {
  test('are after − before for every rate present in either state, including a rate that disappears', () => {
    const before = documentTotals([sampleLine(1, 'a', '1', 10000, '23'), sampleLine(2, 'b', '1', 5000, '8')]);
    const after = documentTotals([sampleLine(1, 'a', '1', 8000, '23'), sampleLine(2, 'c', '1', 1000, '5')]);
    const d = correctionTotals(before, after);
    const by = Object.fromEntries(d.rates.map((r) => [r.vatRateCode, [r.netMinor, r.vatMinor, r.grossMinor]]));
    assert.deepEqual(by, { '23': [-2000, -460, -2460], '8': [-5000, -400, -5400], '5': [1000, 50, 1050] });
    assert.equal(d.grossMinor, after.grossMinor - before.grossMinor);
  });
});

describe('split payment (mechanizm podzielonej płatności)', () => {
  const cases: [string, 'company' | 'individual', number, boolean, boolean][] = [
    ['a business buyer, 15 000 zł gross, an annex 15 line', 'company', 1_500_000, true, true],
    ['just under 15 000 zł', 'company', 1_499_999, true, false],
    ['no annex 15 line', 'company', 9_000_000, false, false],
    ['a consumer', 'individual', 9_000_000, true, false],
  ];
  for (const [name, buyerKind, grossMinor, anyAnnex15Line, required] of cases) test(`${name}: ${required ? 'required' : 'not required'}`, () => assert.equal(splitPaymentRequired({ buyerKind, grossMinor, anyAnnex15Line }), required));
});

describe('payment state and overdue', () => {
  const cases: [number, number, string][] = [
    [10000, 0, 'unpaid'],
    [10000, 1, 'partially_paid'],
    [10000, 9999, 'partially_paid'],
    [10000, 10000, 'paid'],
    [0, 0, 'paid'], // corrected down to nothing
    [-500, 0, 'paid'], // a refund is owed to the buyer, nothing by them
  ];
  for (const [payable, paid, status] of cases) test(`payable ${payable}, paid ${paid}: ${status}`, () => assert.equal(paymentStatus(payable, paid), status));
  test('the due day itself is on time; the next day is overdue; a paid invoice never is', () => {
    assert.equal(isOverdue({ paymentStatus: 'unpaid', dueDate: '2026-12-04' }, '2026-12-04'), false);
    assert.equal(isOverdue({ paymentStatus: 'partially_paid', dueDate: '2026-12-04' }, '2026-12-05'), true);
    assert.equal(isOverdue({ paymentStatus: 'paid', dueDate: '2026-12-04' }, '2027-01-05'), false);
  });
  test('days across the change to winter time count as calendar days', () => {
    assert.equal(daysBetween('2026-10-24', '2026-10-26'), 2);
    assert.equal(addDays('2026-03-28', 2), '2026-03-30');
    assert.equal(addDays('2026-12-20', 14), '2027-01-03');
  });
});

describe('labour from a service order as an invoice line', () => {
  test('45 minutes at 120 zł/h is 0,750 h at 120 zł', () => assert.deepEqual([labourLine('Naprawa', 45, 12000, '23', null).quantity, labourLine('Naprawa', 45, 12000, '23', null).unitPriceMinor], ['0.750', 12000]));
  test('37 minutes (not a whole thousandth of an hour) is one service at the order’s exact amount', () => {
    const l = labourLine('Naprawa', 37, 12000, '23', null);
    assert.deepEqual([l.quantity, l.unit, l.unitPriceMinor, l.name], ['1.000', 'usł.', 7400, 'Naprawa (37 min)']);
  });
});

describe('what stops an invoice from being issued', () => {
  const ok: Parameters<typeof issueProblems>[0] = { kind: 'vat', lineCount: 1, buyerKind: 'company' as const, buyerNip: '7740001454', buyerCountry: 'PL', issueDate: '2026-11-27', dueDate: '2026-12-11', hasExemptLine: false, exemptionBasis: '', splitPayment: false, splitRequired: false, correctionReason: '', correctionChangesNothing: false };
  const cases: [string, Partial<Parameters<typeof issueProblems>[0]>, string[]][] = [
    ['a complete invoice', {}, []],
    ['no lines', { lineCount: 0 }, ['lines:invoices.no_lines']],
    ['a Polish company without NIP', { buyerNip: null }, ['customerId:invoices.buyer_nip_missing']],
    ['a foreign company without a Polish NIP', { buyerNip: null, buyerCountry: 'DE' }, []],
    ['an individual without NIP', { buyerKind: 'individual', buyerNip: null }, []],
    ['due before issue', { dueDate: '2026-11-26' }, ['dueDate:invoices.due_before_issue']],
    ['exempt line without basis', { hasExemptLine: true }, ['exemptionBasis:invoices.exemption_basis_missing']],
    ['split payment required but not marked', { splitRequired: true }, ['splitPayment:invoices.split_payment_required']],
    ['a correction without a reason that changes nothing', { kind: 'correction', correctionChangesNothing: true }, ['correctionReason:invoices.correction_reason_missing', 'lines:invoices.correction_changes_nothing']],
  ];
  for (const [name, change, expected] of cases) test(name, () => assert.deepEqual(issueProblems({ ...ok, ...change }).map((p) => `${p.path}:${p.code}`), expected));
});
