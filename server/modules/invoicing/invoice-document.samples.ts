// Representative invoice documents for tests of the renderers (PDF, FA(3) XML): 23% only, mixed rates,
// exempt and out-of-scope lines, an individual buyer without NIP, split payment, a correcting invoice.
// Amounts come from the same rules as real invoices.
import { parseQuantity } from '../../kernel/money/quantity.ts';
import type { DocumentLine, InvoiceDocument } from './invoice-document.ts';
import { correctionTotals, documentTotals, lineAmounts } from './invoicing.rules.ts';

const RATES: Record<string, { rateBp: number | null; ksef: string }> = {
  '23': { rateBp: 2300, ksef: '23' },
  '8': { rateBp: 800, ksef: '8' },
  '5': { rateBp: 500, ksef: '5' },
  '0': { rateBp: 0, ksef: '0 KR' },
  zw: { rateBp: null, ksef: 'zw' },
  np: { rateBp: null, ksef: 'np I' },
  oo: { rateBp: null, ksef: 'oo' },
};

export function sampleLine(position: number, name: string, quantity: string, unitPriceMinor: number, vatRateCode: string, extra: Partial<DocumentLine> = {}): DocumentLine {
  const discountBp = extra.discountBp ?? 0;
  const a = lineAmounts(parseQuantity(quantity)!, unitPriceMinor, discountBp);
  const r = RATES[vatRateCode]!;
  return { position, name, unit: 'szt.', quantity, unitPriceMinor, discountBp, discountMinor: a.discountMinor, netMinor: a.netMinor, vatRateCode, ksefRateCode: r.ksef, rateBp: r.rateBp, gtu: null, pkwiu: null, ...extra };
}

const seller = { name: 'Serwis Komputerowy „Bajt” Sp. z o.o.', nip: '5260250274', street: 'ul. Świętokrzyska 12/4', postalCode: '00-916', city: 'Warszawa', country: 'PL', email: 'biuro@bajt.example', phone: '+48 22 123 45 67', bankAccount: '61109010140000071219812874' };
const companyBuyer = { kind: 'company' as const, name: 'Zakład Usług Różnych Łukasz Żółć', nip: '7740001454', street: 'ul. Źródlana 5', postalCode: '90-001', city: 'Łódź', country: 'PL', email: 'faktury@zolc.example', phone: '' };
const individualBuyer = { kind: 'individual' as const, name: 'Małgorzata Wąsik', nip: null, street: 'ul. Kwiatowa 3 m. 7', postalCode: '31-001', city: 'Kraków', country: 'PL', email: 'm.wasik@example.com', phone: '+48 600 100 200' };

function vatInvoice(number: string, lines: DocumentLine[], extra: Partial<InvoiceDocument> = {}): InvoiceDocument {
  const totals = documentTotals(lines);
  return {
    kind: 'vat',
    number,
    lang: 'pl',
    issueDate: '2026-11-27',
    saleDate: '2026-11-26',
    placeOfIssue: 'Warszawa',
    currency: 'PLN',
    seller,
    buyer: companyBuyer,
    lines,
    totals,
    payment: { method: 'transfer', dueDate: '2026-12-11', bankAccount: seller.bankAccount, amountMinor: totals.grossMinor },
    splitPayment: false,
    exemptionBasis: null,
    notes: '',
    ksefNumber: null,
    correction: null,
    ...extra,
  };
}

export const SAMPLE_23_ONLY = vatInvoice('FV/2026/11/0001', [
  sampleLine(1, 'Naprawa laptopa — wymiana matrycy (robocizna)', '1.500', 12000, '23', { unit: 'h' }),
  sampleLine(2, 'Matryca 15,6" FHD IPS', '1.000', 45900, '23', { gtu: 'GTU_06', pkwiu: '26.20.40.0' }),
]);

export const SAMPLE_MIXED = vatInvoice('FV/2026/11/0002', [
  sampleLine(1, 'Przegląd serwisowy ekspresu', '1.000', 19999, '23', { unit: 'usł.', discountBp: 1000 }),
  sampleLine(2, 'Kawa ziarnista 1 kg', '3.000', 4990, '5'),
  sampleLine(3, 'Dojazd do klienta', '12.500', 199, '8', { unit: 'km' }),
  sampleLine(4, 'Eksport części', '2.000', 1000, '0'),
]);

export const SAMPLE_ZW_NP = vatInvoice(
  'FV/2026/11/0003',
  [
    sampleLine(1, 'Szkolenie z obsługi urządzenia', '1.000', 50000, 'zw', { unit: 'usł.' }),
    sampleLine(2, 'Usługa serwisowa świadczona za granicą', '2.000', 30000, 'np', { unit: 'usł.' }),
    sampleLine(3, 'Materiały eksploatacyjne', '4.000', 1234, '23'),
  ],
  { exemptionBasis: 'art. 43 ust. 1 pkt 29 lit. c ustawy o VAT' },
);

export const SAMPLE_INDIVIDUAL = vatInvoice('FV/2026/11/0004', [sampleLine(1, 'Wymiana baterii w telefonie', '1.000', 16260, '23', { unit: 'usł.' })], {
  buyer: individualBuyer,
  lang: 'en',
  payment: { method: 'cash', dueDate: '2026-11-27', bankAccount: '', amountMinor: 20000 },
});

export const SAMPLE_SPLIT_PAYMENT = vatInvoice('FV/2026/11/0005', [sampleLine(1, 'Dysk twardy SSD 4 TB — dostawa 40 szt.', '40.000', 89900, '23', { gtu: 'GTU_06', annex15: true })], { splitPayment: true });

function correctionOf(original: InvoiceDocument, number: string, after: DocumentLine[], reason: string, correctedKsefNumber: string | null): InvoiceDocument {
  const totalsBefore = original.totals;
  const totalsAfter = documentTotals(after);
  const totals = correctionTotals(totalsBefore, totalsAfter);
  return {
    ...original,
    kind: 'correction',
    number,
    issueDate: '2026-12-03',
    lines: after,
    totals,
    payment: { ...original.payment, dueDate: '2026-12-17', amountMinor: totals.grossMinor },
    correction: { reason, correctedNumber: original.number!, correctedIssueDate: original.issueDate, correctedKsefNumber, linesBefore: original.lines, totalsBefore, totalsAfter },
  };
}

/** Lowers the hours of SAMPLE_23_ONLY from 1.5 to 1 (a refund), corrected invoice known in KSeF. */
export const SAMPLE_CORRECTION = correctionOf(
  SAMPLE_23_ONLY,
  'FK/2026/12/0001',
  [{ ...SAMPLE_23_ONLY.lines[0]!, ...sampleLine(1, 'Naprawa laptopa — wymiana matrycy (robocizna)', '1.000', 12000, '23', { unit: 'h' }) }, SAMPLE_23_ONLY.lines[1]!],
  'Błędnie naliczony czas pracy',
  '5260250274-20261127-0100A0B1C2D3-E4',
);

export const SAMPLES: Record<string, InvoiceDocument> = {
  '23-only': SAMPLE_23_ONLY,
  mixed: SAMPLE_MIXED,
  'zw-np': SAMPLE_ZW_NP,
  individual: SAMPLE_INDIVIDUAL,
  'split-payment': SAMPLE_SPLIT_PAYMENT,
  correction: SAMPLE_CORRECTION,
};
