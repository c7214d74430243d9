import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentLine, InvoiceDocument } from '../invoice-document.ts';
import { SAMPLE_23_ONLY, SAMPLE_CORRECTION, SAMPLE_INDIVIDUAL, SAMPLE_MIXED, SAMPLE_SPLIT_PAYMENT, SAMPLE_ZW_NP, SAMPLES, sampleLine } from '../invoice-document.samples.ts';
import { correctionTotals, documentTotals } from '../invoicing.rules.ts';
import { fa3Xml } from './fa3-xml.ts';
import { validateFa3 } from './xsd-validate.ts';

const render = (doc: InvoiceDocument) => fa3Xml(doc, { generatedAt: new Date('2026-11-27T10:15:00.123Z') });

/** The text of every <name> element, in document order. */
const values = (xml: string, name: string) => [...xml.matchAll(new RegExp(`<${name}>([^<]*)</${name}>`, 'g'))].map((m) => m[1]);
const value = (xml: string, name: string) => values(xml, name)[0];
const section = (xml: string, name: string) => xml.slice(xml.indexOf(`<${name}>`), xml.indexOf(`</${name}>`));

function assertValid(xml: string) {
  const r = validateFa3(xml);
  assert.ok(r.valid, r.errors);
}

/** A VAT invoice of the given lines, otherwise SAMPLE_23_ONLY. */
function invoiceOf(lines: DocumentLine[], extra: Partial<InvoiceDocument> = {}): InvoiceDocument {
  const totals = documentTotals(lines);
  return { ...SAMPLE_23_ONLY, lines, totals, payment: { ...SAMPLE_23_ONLY.payment, amountMinor: totals.grossMinor }, ...extra };
}

for (const [name, doc] of Object.entries(SAMPLES)) {
  test(`the "${name}" sample invoice is valid FA(3) under the official schema`, () => assertValid(render(doc)));
}

test('the schema check rejects an invoice without P_15, so a valid result means something', () => {
  const broken = render(SAMPLE_23_ONLY).replace(/\s*<P_15>[^<]*<\/P_15>/, '');
  const r = validateFa3(broken);
  assert.equal(r.valid, false);
  assert.match(r.errors, /Adnotacje|P_15/);
});

test('a 23% invoice sums its nets into P_13_1, the VAT into P_14_1 and the gross into P_15', () => {
  const xml = render(SAMPLE_23_ONLY);
  // 1.5 h × 120.00 + 459.00 = 639.00 net; 23% of it = 146.97.
  assert.equal(value(xml, 'P_13_1'), '639.00');
  assert.equal(value(xml, 'P_14_1'), '146.97');
  assert.equal(value(xml, 'P_15'), '785.97');
  assert.equal(value(xml, 'RodzajFaktury'), 'VAT');
  assert.deepEqual(values(xml, 'P_12'), ['23', '23']);
});

test('the header names the form FA (3) 1-0E, variant 3, and the time the XML was made', () => {
  const xml = render(SAMPLE_23_ONLY);
  assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Faktura xmlns="http:\/\/crd.gov.pl\/wzor\/2025\/06\/25\/13775\/">/);
  assert.match(xml, /<KodFormularza kodSystemowy="FA \(3\)" wersjaSchemy="1-0E">FA<\/KodFormularza>/);
  assert.equal(value(xml, 'WariantFormularza'), '3');
  assert.equal(value(xml, 'DataWytworzeniaFa'), '2026-11-27T10:15:00Z');
  assert.equal(value(xml, 'SystemInfo'), 'Serwisownia');
});

test('lines carry quantity, net unit price, discount, net value, rate, GTU and PKWiU', () => {
  const xml = render(SAMPLE_23_ONLY);
  assert.deepEqual(values(xml, 'P_8B'), ['1.5', '1']);
  assert.deepEqual(values(xml, 'P_9A'), ['120.00', '459.00']);
  assert.deepEqual(values(xml, 'P_11'), ['180.00', '459.00']);
  assert.deepEqual(values(xml, 'GTU'), ['GTU_06']);
  assert.deepEqual(values(xml, 'PKWiU'), ['26.20.40.0']);
  // A 10% discount on 199.99 is 20.00 off: the price stays before the discount, P_10 holds the discount.
  const mixed = render(SAMPLE_MIXED);
  assert.deepEqual(values(mixed, 'P_10'), ['20.00']);
  assert.equal(values(mixed, 'P_11')[0], '179.99');
});

test('mixed rates: 8% in P_13_2/P_14_2, 5% in P_13_3/P_14_3, 0% (domestic) in P_13_6_1 without VAT', () => {
  const xml = render(SAMPLE_MIXED);
  assert.equal(value(xml, 'P_13_1'), '179.99');
  assert.equal(value(xml, 'P_14_1'), '41.40');
  assert.equal(value(xml, 'P_13_2'), '24.88');
  assert.equal(value(xml, 'P_14_2'), '1.99');
  assert.equal(value(xml, 'P_13_3'), '149.70');
  assert.equal(value(xml, 'P_14_3'), '7.49');
  assert.equal(value(xml, 'P_13_6_1'), '20.00');
  assert.equal(value(xml, 'P_15'), '425.45');
  // The schema's order: P_13_1, P_14_1, P_13_2, P_14_2, P_13_3, P_14_3, P_13_6_1, P_15.
  const order = [...xml.matchAll(/<(P_1[345][_0-9]*)>/g)].map((m) => m[1]);
  assert.deepEqual(order, ['P_13_1', 'P_14_1', 'P_13_2', 'P_14_2', 'P_13_3', 'P_14_3', 'P_13_6_1', 'P_15']);
});

test('exempt and out-of-scope sales go to P_13_7 and P_13_8, and the exemption names its legal basis', () => {
  const xml = render(SAMPLE_ZW_NP);
  assert.equal(value(xml, 'P_13_7'), '500.00');
  assert.equal(value(xml, 'P_13_8'), '600.00');
  assert.equal(value(xml, 'P_19'), '1');
  assert.equal(value(xml, 'P_19A'), 'art. 43 ust. 1 pkt 29 lit. c ustawy o VAT');
  assert.equal(value(xml, 'P_19N'), undefined);
  assert.deepEqual(values(xml, 'P_12'), ['zw', 'np I', '23']);
});

test('an exempt line without a recorded basis cites art. 43 ust. 1; an invoice without exempt lines says P_19N', () => {
  const xml = render({ ...SAMPLE_ZW_NP, exemptionBasis: null });
  assert.equal(value(xml, 'P_19A'), 'art. 43 ust. 1 ustawy o VAT');
  assertValid(xml);
  assert.equal(value(render(SAMPLE_23_ONLY), 'P_19N'), '1');
  assert.equal(value(render(SAMPLE_23_ONLY), 'P_19'), undefined);
});

test('reverse charge (oo) goes to P_13_10 with the "odwrotne obciążenie" marker P_18 = 1', () => {
  const xml = render(invoiceOf([sampleLine(1, 'Złom stalowy', '100.000', 150, 'oo', { unit: 'kg' })]));
  assertValid(xml);
  assert.equal(value(xml, 'P_13_10'), '150.00');
  assert.equal(value(xml, 'P_15'), '150.00');
  assert.equal(value(xml, 'P_18'), '1');
  assert.equal(value(render(SAMPLE_23_ONLY), 'P_18'), '2');
});

test('a consumer without NIP is identified by BrakID, with no NIP in Podmiot2, and JST/GV are "no"', () => {
  const xml = render(SAMPLE_INDIVIDUAL);
  const buyer = section(xml, 'Podmiot2');
  assert.match(buyer, /<BrakID>1<\/BrakID>/);
  assert.doesNotMatch(buyer, /<NIP>/);
  assert.match(buyer, /<Nazwa>Małgorzata Wąsik<\/Nazwa>/);
  assert.match(buyer, /<JST>2<\/JST>\s*<GV>2<\/GV>/);
  assert.doesNotMatch(buyer, /m\.wasik@example\.com|600 100 200/, 'the buyer’s contact data stays out of KSeF');
  assert.equal(value(section(xml, 'Podmiot1'), 'NIP'), '5260250274');
});

test('a company buyer is identified by its NIP', () => {
  assert.equal(value(section(render(SAMPLE_23_ONLY), 'Podmiot2'), 'NIP'), '7740001454');
});

test('split payment is marked P_18A = 1, otherwise 2', () => {
  assert.equal(value(render(SAMPLE_SPLIT_PAYMENT), 'P_18A'), '1');
  assert.equal(value(render(SAMPLE_23_ONLY), 'P_18A'), '2');
});

test('payment: transfer is form 6 with the bank account, cash is form 1 with no account, card is 2', () => {
  const transfer = section(render(SAMPLE_23_ONLY), 'Platnosc');
  assert.equal(value(transfer, 'Termin'), '2026-12-11');
  assert.equal(value(transfer, 'FormaPlatnosci'), '6');
  assert.equal(value(transfer, 'NrRB'), '61109010140000071219812874');
  const cash = section(render(SAMPLE_INDIVIDUAL), 'Platnosc');
  assert.equal(value(cash, 'FormaPlatnosci'), '1');
  assert.doesNotMatch(cash, /RachunekBankowy/);
  const card = render({ ...SAMPLE_INDIVIDUAL, payment: { ...SAMPLE_INDIVIDUAL.payment, method: 'card' } });
  assert.equal(value(card, 'FormaPlatnosci'), '2');
  const other = render({ ...SAMPLE_INDIVIDUAL, payment: { ...SAMPLE_INDIVIDUAL.payment, method: 'other' } });
  assert.equal(value(other, 'PlatnoscInna'), '1');
  assertValid(other);
});

test('the sale date is P_6 only when it differs from the issue date', () => {
  assert.equal(value(render(SAMPLE_23_ONLY), 'P_6'), '2026-11-26');
  assert.equal(value(render({ ...SAMPLE_23_ONLY, saleDate: SAMPLE_23_ONLY.issueDate }), 'P_6'), undefined);
});

test('a correcting invoice lists the lines before with StanPrzed and carries the differences in its totals', () => {
  const xml = render(SAMPLE_CORRECTION);
  assert.equal(value(xml, 'RodzajFaktury'), 'KOR');
  assert.equal(value(xml, 'P_2'), 'FK/2026/12/0001');
  assert.equal(value(xml, 'PrzyczynaKorekty'), 'Błędnie naliczony czas pracy');
  assert.equal(value(xml, 'DataWystFaKorygowanej'), '2026-11-27');
  assert.equal(value(xml, 'NrFaKorygowanej'), 'FV/2026/11/0001');
  assert.equal(value(xml, 'NrKSeF'), '1');
  assert.equal(value(xml, 'NrKSeFFaKorygowanej'), '5260250274-20261127-0100A0B1C2D3-E4');
  // after − before: 120.00 − 180.00 net, 133.17 − 146.97 VAT, 712.17 − 785.97 gross.
  assert.equal(value(xml, 'P_13_1'), '-60.00');
  assert.equal(value(xml, 'P_14_1'), '-13.80');
  assert.equal(value(xml, 'P_15'), '-73.80');
  // The changed position twice under its own number: before (1.5 h, StanPrzed) and after (1 h).
  const rows = xml.match(/<FaWiersz>[\s\S]*?<\/FaWiersz>/g) ?? [];
  assert.equal(rows.length, 2, 'the unchanged position (the display) is not repeated');
  assert.match(rows[0]!, /<NrWierszaFa>1<\/NrWierszaFa>[\s\S]*<P_8B>1.5<\/P_8B>[\s\S]*<P_11>180.00<\/P_11>[\s\S]*<StanPrzed>1<\/StanPrzed>/);
  assert.match(rows[1]!, /<NrWierszaFa>1<\/NrWierszaFa>[\s\S]*<P_8B>1<\/P_8B>[\s\S]*<P_11>120.00<\/P_11>/);
  assert.doesNotMatch(rows[1]!, /StanPrzed/);
});

test('a correction that only lowers amounts takes effect at its own date (TypKorekty 2) and sets no payment term for the refund', () => {
  const xml = render(SAMPLE_CORRECTION);
  assert.equal(value(xml, 'TypKorekty'), '2');
  assert.doesNotMatch(xml, /<Platnosc>/);
});

test('a correction raising the amount leaves TypKorekty out (its effect depends on the cause) and asks for payment', () => {
  // The sample the other way round: 1 h corrected up to 1.5 h.
  const c = SAMPLE_CORRECTION.correction!;
  const totals = correctionTotals(c.totalsAfter, c.totalsBefore);
  const raised: InvoiceDocument = {
    ...SAMPLE_CORRECTION,
    lines: c.linesBefore,
    totals,
    payment: { ...SAMPLE_CORRECTION.payment, amountMinor: totals.grossMinor },
    correction: { ...c, linesBefore: SAMPLE_CORRECTION.lines, totalsBefore: c.totalsAfter, totalsAfter: c.totalsBefore },
  };
  const xml = render(raised);
  assertValid(xml);
  assert.equal(value(xml, 'TypKorekty'), undefined);
  assert.equal(value(xml, 'P_15'), '73.80');
  assert.equal(value(xml, 'Termin'), '2026-12-17');
});

test('a correction of an invoice issued outside KSeF says NrKSeFN = 1', () => {
  const xml = render({ ...SAMPLE_CORRECTION, correction: { ...SAMPLE_CORRECTION.correction!, correctedKsefNumber: null } });
  assertValid(xml);
  assert.equal(value(xml, 'NrKSeFN'), '1');
  assert.equal(value(xml, 'NrKSeFFaKorygowanej'), undefined);
});

test('names with & < > " \' are escaped, Polish letters are kept, and the XML stays valid', () => {
  const doc = { ...SAMPLE_23_ONLY, buyer: { ...SAMPLE_23_ONLY.buyer, name: 'Kowalski & Syn <Serwis> "Złota Rączka" O\'Neill' }, notes: 'Gwarancja 12 miesięcy.\nDziękujemy & zapraszamy <ponownie>.' };
  const xml = render(doc);
  assertValid(xml);
  assert.match(xml, /<Nazwa>Kowalski &amp; Syn &lt;Serwis&gt; &quot;Złota Rączka&quot; O&apos;Neill<\/Nazwa>/);
  assert.match(xml, /<StopkaFaktury>Gwarancja 12 miesięcy.\nDziękujemy &amp; zapraszamy &lt;ponownie&gt;.<\/StopkaFaktury>/);
  assert.match(xml, /<AdresL2>90-001 Łódź<\/AdresL2>/);
});

test('a draft (number null) is not exported to KSeF', () => {
  assert.throws(() => render({ ...SAMPLE_23_ONLY, number: null }), /draft/);
});
