// The life of an invoice on a seeded database, driven by a test clock: a draft is prepared and edited,
// issued with the next number of its monthly series (a cancelled draft leaves no gap), frozen, paid in
// part, overdue after its due date, and corrected by a correcting invoice whose amounts are the
// difference; every issued document's FA(3) XML is valid against the official schema.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../deps.ts';
import { auditLog } from '../../kernel/audit/audit.table.ts';
import { customerInput, makeUser, setUpInstallation, refusal } from '../../test/fixtures.ts';
import { createTestDeps, type TestDeps } from '../../test/test-db.ts';
import { createCustomer, deleteCustomer, updateCustomer } from '../customers/customers.usecases.ts';
import './invoicing.references.ts';
import * as drafts from './drafts.usecases.ts';
import * as issue from './issue.usecases.ts';
import * as payments from './payments.usecases.ts';
import { listInvoices } from './invoice-list.usecases.ts';
import { invoicesRepository } from './invoicing.repository.ts';
import { invoiceXmlFile } from './invoice-files.ts';
import { updateInvoiceSettings } from './settings.usecases.ts';
import type { InvoiceLineInput } from './invoicing.schemas.ts';
import { validateFa3 } from './ksef/xsd-validate.ts';

let deps: TestDeps;
let accountant: Ctx;
let frontDesk: Ctx;
let companyId: string;
let personId: string;

const line = (name: string, quantity: string, unitPriceMinor: number, vatRateCode = '23', extra: Partial<InvoiceLineInput> = {}): InvoiceLineInput => ({
  name,
  quantity,
  unit: 'szt.',
  unitPriceMinor,
  discountBp: 0,
  vatRateCode,
  gtu: null,
  pkwiu: null,
  annex15: false,
  sourceKind: 'free',
  sourceId: null,
  ...extra,
});

before(async () => {
  deps = await createTestDeps();
  deps.clock.set('2026-11-20T09:00:00Z');
  await setUpInstallation(deps);
  accountant = await makeUser(deps, 'accountant');
  frontDesk = await makeUser(deps, 'front_desk');
  companyId = (await createCustomer(deps, frontDesk, customerInput())).customer.id;
  personId = (await createCustomer(deps, frontDesk, customerInput({ kind: 'individual', name: 'Małgorzata Wąsik', nip: null }))).customer.id;
});
after(() => deps.close());

describe('a VAT invoice from draft to paid', () => {
  let id: string;

  test('the front desk prepares a draft: no number, dates and terms from the settings, totals per rate', async () => {
    const d = await drafts.createDraft(deps, frontDesk, { customerId: companyId, splitPayment: false, lines: [line('Wymiana matrycy', '1', 45900), line('Dojazd', '12,5', 199, '8', { unit: 'km' })] });
    id = d.id;
    assert.equal(d.number, null);
    assert.equal(d.displayStatus, 'draft');
    assert.equal(d.issueDate, '2026-11-20');
    assert.equal(d.dueDate, '2026-12-04', '14 days by default');
    assert.equal(d.placeOfIssue, 'Łódź', 'the company’s city');
    assert.deepEqual(
      d.totals.rates.map((r) => [r.vatRateLabel, r.netMinor, r.vatMinor, r.grossMinor]),
      [
        ['23%', 45900, 10557, 56457],
        ['8%', 2488, 199, 2687],
      ],
    );
    assert.equal(d.lines[1]!.quantity, '12.500');
  });

  test('a line with an unknown VAT rate is refused at its field and changes nothing', async () => {
    assert.deepEqual(await refusal(drafts.updateDraft(deps, frontDesk, id, { lines: [line('X', '1', 100, '17')] })), ['lines.0.vatRateCode:invoices.vat_rate_unknown']);
    assert.equal((await drafts.getInvoice(deps, frontDesk, id)).lines.length, 2);
  });

  test('editing a line recomputes the totals with a 10% discount', async () => {
    const d = await drafts.updateDraft(deps, frontDesk, id, { lines: [line('Wymiana matrycy', '1', 45900, '23', { discountBp: 1000 }), line('Dojazd', '12.5', 199, '8', { unit: 'km' })] });
    assert.equal(d.lines[0]!.netMinor, 41310);
    assert.equal(d.lines[0]!.discountMinor, 4590);
    assert.equal(d.totals.netMinor, 41310 + 2488);
  });

  test('only accountants and administrators issue', async () => {
    assert.deepEqual(await refusal(issue.issueInvoice(deps, frontDesk, id)), ['auth.forbidden']);
  });

  test('a cancelled draft leaves no gap: the next invoice issued takes number 0001 of the month', async () => {
    const other = await drafts.createDraft(deps, frontDesk, { customerId: companyId, splitPayment: false, lines: [line('Diagnoza', '1', 10000)] });
    await drafts.cancelDraft(deps, frontDesk, other.id);
    deps.clock.set('2026-11-27T10:00:00Z');
    const issued = await issue.issueInvoice(deps, accountant, id);
    assert.equal(issued.number, 'FV/2026/11/0001');
    assert.equal(issued.issueDate, '2026-11-27', 'the day it is issued');
    assert.equal(issued.displayStatus, 'issued');
    assert.equal(issued.payableMinor, issued.grossMinor);
  });

  test('an issued invoice is frozen: a change is refused (only a correcting invoice changes it)', async () => {
    assert.deepEqual(await refusal(drafts.updateDraft(deps, frontDesk, id, { notes: 'x' })), ['invoices.not_draft']);
    assert.deepEqual(await refusal(drafts.cancelDraft(deps, frontDesk, id)), ['invoices.not_draft']);
  });

  test('its FA(3) XML is valid against the official schema and carries the number', async () => {
    const { xml } = await invoiceXmlFile(deps, frontDesk, id);
    const v = validateFa3(xml);
    assert.ok(v.valid, v.errors);
    assert.match(xml, /<P_2>FV\/2026\/11\/0001<\/P_2>/);
  });

  test('a partial payment leaves a balance; more than the balance is refused at the amount', async () => {
    const before = await drafts.getInvoice(deps, accountant, id);
    assert.deepEqual(await refusal(payments.recordPayment(deps, frontDesk, id, { amountMinor: 100, method: 'transfer', reference: '' })), ['auth.forbidden']);
    await payments.recordPayment(deps, accountant, id, { amountMinor: 20000, method: 'transfer', reference: 'FV/2026/11/0001 przelew' });
    const inv = await drafts.getInvoice(deps, accountant, id);
    assert.equal(inv.displayStatus, 'partially_paid');
    assert.equal(inv.balanceMinor, before.grossMinor - 20000);
    assert.deepEqual(await refusal(payments.recordPayment(deps, accountant, id, { amountMinor: inv.balanceMinor + 1, method: 'transfer', reference: '' })), ['amountMinor:invoices.payment_exceeds_balance']);
  });

  test('after the due date the rest is overdue, listed as such for the customer with the days and the balance', async () => {
    deps.clock.set('2026-12-04T22:30:00Z'); // 23:30 on 4 December in Warsaw: the due day itself is still on time
    assert.equal((await drafts.getInvoice(deps, accountant, id)).overdue, false);
    deps.clock.set('2026-12-04T23:30:00Z'); // 00:30 on 5 December in Warsaw
    const inv = await drafts.getInvoice(deps, accountant, id);
    assert.equal(inv.displayStatus, 'overdue');
    assert.equal(inv.daysOverdue, 1);
    const overdue = await listInvoices(deps, frontDesk, { customerId: companyId, overdue: true, limit: 25 });
    assert.deepEqual(overdue.items.map((i) => i.number), ['FV/2026/11/0001']);
    assert.equal(overdue.totals!.balanceMinor, inv.balanceMinor);
    assert.equal((await listInvoices(deps, frontDesk, { status: 'overdue', limit: 25 })).items.length, 1);
    const all = { pattern: null, numberKey: null, looseKey: null, today: '2026-12-05' };
    assert.deepEqual(await invoicesRepository.totals(deps.database.db, all, 1), { capped: true, count: 1, netMinor: null, vatMinor: null, grossMinor: null, balanceMinor: null }, 'a set over the cap gives no sums, only that it is larger');
  });

  test('a correcting invoice lowers the amount: its totals are the difference, the invoice asks for less, both XMLs are valid', async () => {
    const before = await drafts.getInvoice(deps, accountant, id);
    const k = await issue.createCorrection(deps, accountant, id, { reason: 'Rabat 20% zamiast 10%' });
    assert.equal(k.kind, 'correction');
    assert.equal(k.lines.length, 2, 'starts from the invoice’s lines');
    assert.deepEqual(await refusal(issue.createCorrection(deps, accountant, id, { reason: 'x' })), ['invoices.correction_draft_exists']);
    assert.deepEqual(await refusal(issue.issueInvoice(deps, accountant, k.id)), ['lines:invoices.correction_changes_nothing']);
    await drafts.updateDraft(deps, accountant, k.id, { lines: [line('Wymiana matrycy', '1', 45900, '23', { discountBp: 2000 }), line('Dojazd', '12.5', 199, '8', { unit: 'km' })] });
    const issued = await issue.issueInvoice(deps, accountant, k.id);
    assert.equal(issued.number, 'FK/2026/12/0001', 'its own monthly series');
    assert.equal(issued.totals.netMinor, -4590);
    assert.equal(issued.totals.vatMinor, 8446 - 9501, "VAT after minus VAT before, each on its rate’s net");
    assert.equal(issued.correctsNumber, 'FV/2026/11/0001');
    const corrected = await drafts.getInvoice(deps, accountant, id);
    assert.equal(corrected.payableMinor, before.payableMinor - 4590 - 1055);
    assert.deepEqual(corrected.corrections.map((c) => c.number), ['FK/2026/12/0001']);
    const xml = (await invoiceXmlFile(deps, accountant, k.id)).xml;
    const v = validateFa3(xml);
    assert.ok(v.valid, v.errors);
    assert.match(xml, /<RodzajFaktury>KOR<\/RodzajFaktury>/);
    assert.match(xml, /<NrFaKorygowanej>FV\/2026\/11\/0001<\/NrFaKorygowanej>/);
  });

  test('paying the rest makes it paid', async () => {
    const inv = await drafts.getInvoice(deps, accountant, id);
    await payments.recordPayment(deps, accountant, id, { amountMinor: inv.balanceMinor, method: 'transfer', reference: '' });
    const paid = await drafts.getInvoice(deps, accountant, id);
    assert.equal(paid.displayStatus, 'paid');
    assert.equal(paid.balanceMinor, 0);
    assert.equal((await listInvoices(deps, frontDesk, { customerId: companyId, overdue: true, limit: 25 })).items.length, 0);
  });

  test('every step is in the audit trail of the invoice', async () => {
    const actions = (await deps.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'invoices'), eq(auditLog.entityId, id)))).map((a) => a.action);
    for (const a of ['created', 'updated', 'issued', 'payment_recorded', 'correction_started', 'corrected']) assert.ok(actions.includes(a), `${a} in ${actions.join(', ')}`);
  });
});

describe('what stops an invoice from being issued', () => {
  test('a company buyer without NIP, a zw line without a legal basis, and a due date before the issue date are named at their fields', async () => {
    const noNip = (await createCustomer(deps, frontDesk, customerInput({ name: 'Firma bez NIP', nip: null }))).customer.id;
    const d = await drafts.createDraft(deps, frontDesk, { customerId: noNip, splitPayment: false, dueDate: '2026-11-01', exemptionBasis: '', lines: [line('Szkolenie', '1', 50000, 'zw')] });
    assert.deepEqual((await refusal(issue.issueInvoice(deps, accountant, d.id))).sort(), ['customerId:invoices.buyer_nip_missing', 'dueDate:invoices.due_before_issue', 'exemptionBasis:invoices.exemption_basis_missing']);
    assert.equal((await drafts.getInvoice(deps, accountant, d.id)).number, null, 'nothing changed');
  });

  test('split payment is required from 15 000 zł gross with an annex 15 line for a business buyer', async () => {
    const d = await drafts.createDraft(deps, frontDesk, { customerId: companyId, splitPayment: false, lines: [line('Dyski SSD', '20', 89900, '23', { annex15: true, gtu: 'GTU_06' })] });
    assert.equal(d.splitPaymentRequired, true);
    assert.deepEqual(await refusal(issue.issueInvoice(deps, accountant, d.id)), ['splitPayment:invoices.split_payment_required']);
    await drafts.updateDraft(deps, frontDesk, d.id, { splitPayment: true });
    const issued = await issue.issueInvoice(deps, accountant, d.id);
    const xml = (await invoiceXmlFile(deps, accountant, d.id)).xml;
    assert.ok(validateFa3(xml).valid);
    assert.match(xml, /<P_18A>1<\/P_18A>/);
    assert.match(xml, /<P_12_Zal_15>1<\/P_12_Zal_15>/, 'the annex 15 line is marked');
    assert.match(issued.number!, /^FV\/2026\/12\/\d{4}$/);
  });

  test('an individual without NIP gets an invoice whose XML says the buyer has no tax id', async () => {
    const d = await drafts.createDraft(deps, frontDesk, { customerId: personId, splitPayment: false, paymentMethod: 'cash', lines: [line('Wymiana baterii', '1', 16260)] });
    await issue.issueInvoice(deps, accountant, d.id);
    const xml = (await invoiceXmlFile(deps, accountant, d.id)).xml;
    assert.ok(validateFa3(xml).valid, validateFa3(xml).errors);
    assert.match(xml, /<BrakID>1<\/BrakID>/);
  });

  test('the series follows the settings: a yearly pattern restarts counting in its own series', async () => {
    await updateInvoiceSettings(deps, accountant, { placeOfIssue: 'Łódź', paymentDays: 7, paymentMethod: 'transfer', bankAccounts: [{ account: '61 1090 1014 0000 0712 1981 2874', label: 'PKO' }], language: 'pl', vatPattern: 'F/{NNNNN}/{YYYY}', vatReset: 'yearly', correctionPattern: 'KOR/{NNNNN}/{YYYY}', correctionReset: 'yearly', exemptionBasis: 'art. 43 ust. 1 pkt 29 lit. c ustawy o VAT', notes: '' });
    const d = await drafts.createDraft(deps, frontDesk, { customerId: companyId, splitPayment: false, lines: [line('Diagnoza', '1', 10000, 'zw')] });
    assert.equal(d.exemptionBasis, 'art. 43 ust. 1 pkt 29 lit. c ustawy o VAT');
    assert.equal(d.bankAccount, '61109010140000071219812874');
    assert.equal((await issue.issueInvoice(deps, accountant, d.id)).number, 'F/00001/2026');
    assert.deepEqual(
      await refusal(updateInvoiceSettings(deps, accountant, { placeOfIssue: '', paymentDays: 7, paymentMethod: 'transfer', bankAccounts: [], language: 'pl', vatPattern: 'FV/{NNNN}', vatReset: 'monthly', correctionPattern: 'FV/{NNNN}', correctionReset: 'yearly', exemptionBasis: '', notes: '' })),
      ['vatPattern:numbering.month_missing', 'correctionPattern:numbering.year_missing', 'correctionPattern:invoices.patterns_collide'],
    );
  });
});

describe('the customer behind the invoices', () => {
  test('a renamed customer’s invoices are found by the new name and by the name printed on them; the customer can no longer be deleted', async () => {
    const id = (await createCustomer(deps, frontDesk, customerInput({ name: 'Stara Nazwa sp. z o.o.', nip: '5260250274' }))).customer.id;
    const d = await drafts.createDraft(deps, frontDesk, { customerId: id, splitPayment: false, lines: [line('Przegląd', '1', 10000)] });
    await issue.issueInvoice(deps, accountant, d.id);
    await updateCustomer(deps, frontDesk, id, { name: 'Nowa Nazwa S.A.' });
    for (const q of ['nowa nazwa', 'stara nazwa', '5260250274']) assert.deepEqual((await listInvoices(deps, frontDesk, { q, limit: 25 })).items.map((i) => i.id), [d.id], q);
    assert.deepEqual(await refusal(deleteCustomer(deps, (await makeUser(deps, 'administrator', 'admin2@serwis.pl')), id)), ['customers.referenced']);
  });
});
