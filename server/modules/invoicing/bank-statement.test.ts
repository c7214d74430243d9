// A bank statement from the bank's CSV export: transfers whose titles name an invoice (however the
// payer wrote the number) become payments after the accountant's review; outgoing transfers, unknown
// titles and overpayments are shown and left out; importing the same statement twice records nothing twice.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Ctx } from '../../deps.ts';
import { AppError } from '../../kernel/errors/app-error.ts';
import { customerInput, makeUser, setUpInstallation } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import { createCustomer } from '../customers/customers.usecases.ts';
import { candidateNumberKeys, statementAmount, statementColumns, statementDate } from './bank-statement.rules.ts';
import { commitStatement, previewStatement } from './bank-statement.usecases.ts';
import * as drafts from './drafts.usecases.ts';
import * as issue from './issue.usecases.ts';

describe('reading a statement', () => {
  test('columns are found by the bank’s header names, with or without Polish letters', () => {
    assert.deepEqual(statementColumns(['#Data operacji', '#Opis operacji', '#Rachunek', '#Kategoria', '#Kwota']), { date: 0, amount: 4, title: 1, counterparty: null });
    assert.deepEqual(statementColumns(['Data księgowania', 'Nadawca / Odbiorca', 'Tytuł', 'Kwota']), { date: 0, amount: 3, title: 2, counterparty: 1 });
    assert.equal(statementColumns(['Saldo', 'Waluta']), null);
  });
  const dates: [string, string | null][] = [
    ['2026-11-27', '2026-11-27'],
    ['27.11.2026', '2026-11-27'],
    ['27-11-2026', '2026-11-27'],
    ['31.11.2026', null],
    ['wczoraj', null],
  ];
  for (const [s, d] of dates) test(`date "${s}" → ${d}`, () => assert.equal(statementDate(s), d));
  const amounts: [string, number | null][] = [
    ['1 234,56', 123456],
    ['+250,00 PLN', 25000],
    ['-99.90', -9990],
    ['abc', null],
  ];
  for (const [s, a] of amounts) test(`amount "${s}" → ${a}`, () => assert.equal(statementAmount(s), a));
  test('an invoice number is found in the title however it was typed, a bare date is not taken for one', () => {
    for (const title of ['Zapłata za FV/2026/11/0001', 'fv 2026 11 0001 dziękuję', 'FV-2026-11-0001', 'FAKTURA FV2026110001']) assert.ok(candidateNumberKeys(title).includes('FV2026110001'), title);
    assert.ok(!candidateNumberKeys('przelew 2026-11-27').some((k) => /^\d+$/.test(k)));
  });
});

describe('importing a statement', () => {
  let deps: TestDeps;
  let accountant: Ctx;
  let first: { id: string; gross: number };
  let second: { id: string; gross: number };
  const csv = (rows: string[]) => Buffer.from(['Wyciąg z rachunku 61 1090 1014 0000 0712 1981 2874', '', 'Data operacji;Nadawca;Tytuł;Kwota', ...rows].join('\r\n'), 'utf8').toString('base64');

  before(async () => {
    deps = await createTestDeps();
    deps.clock.set('2026-11-27T10:00:00Z');
    await setUpInstallation(deps);
    accountant = await makeUser(deps, 'accountant');
    const customerId = (await createCustomer(deps, accountant, customerInput())).customer.id;
    const make = async (price: number) => {
      const d = await drafts.createDraft(deps, accountant, { customerId, splitPayment: false, lines: [{ name: 'Usługa', quantity: '1', unit: 'usł.', unitPriceMinor: price, discountBp: 0, vatRateCode: '23', gtu: null, pkwiu: null, annex15: false, sourceKind: 'free', sourceId: null }] });
      const i = await issue.issueInvoice(deps, accountant, d.id);
      return { id: i.id, gross: i.grossMinor };
    };
    first = await make(10000); // FV/2026/11/0001, 123,00 zł
    second = await make(20000); // FV/2026/11/0002, 246,00 zł
  });
  after(() => deps.close());

  test('the preview matches, flags and writes nothing; the commit records the kept rows; a second import finds them recorded', async () => {
    const file = csv([
      '27.11.2026;Łódzkie Zakłady Naprawcze;Zapłata fv 2026 11 0001;123,00',
      '27.11.2026;Łódzkie Zakłady Naprawcze;FV/2026/11/0002 część;100,00',
      '27.11.2026;Łódzkie Zakłady Naprawcze;FV/2026/11/0002 nadpłata;500,00',
      '26.11.2026;Dostawca;Zakup części;-50,00',
      '26.11.2026;Ktoś;Darowizna;10,00',
      'zła data;X;FV/2026/11/0001;1,00',
    ]);
    const preview = await previewStatement(deps, accountant, file);
    assert.deepEqual(
      preview.rows.map((r) => [r.row, r.state, r.invoiceNumber]),
      [
        [4, 'matched', 'FV/2026/11/0001'],
        [5, 'matched', 'FV/2026/11/0002'],
        [6, 'exceeds_balance', 'FV/2026/11/0002'],
        [7, 'outgoing', null],
        [8, 'no_invoice', null],
        [9, 'unreadable', null],
      ],
    );
    assert.equal((await drafts.getInvoice(deps, accountant, first.id)).paidMinor, 0, 'the preview writes nothing');
    const keep = preview.rows.filter((r) => r.state === 'matched').map((r) => ({ invoiceId: r.invoiceId!, paidOn: r.paidOn!, amountMinor: r.amountMinor!, reference: r.title }));
    assert.deepEqual(await commitStatement(deps, accountant, keep), { recorded: 2 });
    assert.equal((await drafts.getInvoice(deps, accountant, first.id)).displayStatus, 'paid');
    assert.equal((await drafts.getInvoice(deps, accountant, second.id)).balanceMinor, second.gross - 10000);
    const again = await previewStatement(deps, accountant, file);
    assert.deepEqual(again.rows.slice(0, 2).map((r) => r.state), ['already_recorded', 'already_recorded']);
  });

  test('a commit with one row that no longer fits records none of them and names the row', async () => {
    const before = await drafts.getInvoice(deps, accountant, second.id);
    try {
      await commitStatement(deps, accountant, [
        { invoiceId: second.id, paidOn: '2026-11-27', amountMinor: 100, reference: 'a' },
        { invoiceId: first.id, paidOn: '2026-11-27', amountMinor: 100, reference: 'b' },
      ]);
      assert.fail('expected a refusal');
    } catch (e) {
      assert.ok(e instanceof AppError);
      assert.deepEqual(e.fields.map((f) => `${f.path}:${f.code}`), ['rows.1.amountMinor:invoices.payment_exceeds_balance']);
    }
    assert.equal((await drafts.getInvoice(deps, accountant, second.id)).paidMinor, before.paidMinor);
  });

  test('a file without the columns is refused at the file', async () => {
    await assert.rejects(previewStatement(deps, accountant, Buffer.from('a;b\n1;2').toString('base64')), (e: AppError) => e.fields[0]?.path === 'contentBase64' && e.code === 'invoices.statement_unreadable');
  });
});
