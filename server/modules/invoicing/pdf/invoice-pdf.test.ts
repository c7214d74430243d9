import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeCodes, hasCommand, pdfInfo, pdfText, pdfWords, type Word } from '../../../kernel/pdf/pdf-test-tools.ts';
import type { InvoiceDocument } from '../invoice-document.ts';
import { SAMPLES, SAMPLE_23_ONLY, SAMPLE_CORRECTION, SAMPLE_INDIVIDUAL, SAMPLE_MIXED, SAMPLE_SPLIT_PAYMENT, SAMPLE_ZW_NP } from '../invoice-document.samples.ts';
import { invoicePdf } from './invoice-pdf.ts';
import { formatAmount, formatBankAccount, formatInvoiceDate, formatPercent, vatRateLabel } from './invoice-texts.ts';

const zbarMissing = hasCommand('zbarimg') ? false : 'zbarimg (apt package zbar-tools) is not installed';
const KSEF_URL = 'https://ksef-test.mf.gov.pl/client-app/invoice/5260250274/27-11-2026/UtQp9Gpc51y-u3xApZjIjgkpZ01js-J8KflSPW8WzIE';
const KSEF_NUMBER = '5260250274-20261127-0100A0B1C2D3-E4';

/**
 * The PDF as a reader sees it: pdftotext's text, which follows columns (a paragraph stays whole), and
 * its rows — words that overlap vertically, left to right, one row a line — so a table row reads
 * "23% 639,00 zł 146,97 zł 785,97 zł".
 */
type Read = { text: string; rows: string };

async function readPdf(pdf: Buffer): Promise<Read> {
  const pages = Number(pdfInfo(pdf).Pages);
  const rows: string[] = [];
  for (let page = 1; page <= pages; page++) rows.push(...visualRows(pdfWords(pdf, page)));
  return { text: pdfText(pdf), rows: rows.join('\n') };
}

function visualRows(words: Word[]): string[] {
  const rows: { top: number; bottom: number; words: Word[] }[] = [];
  for (const w of [...words].sort((a, b) => a.yMin + a.yMax - (b.yMin + b.yMax))) {
    const mid = (w.yMin + w.yMax) / 2;
    const row = rows.find((r) => mid >= r.top && mid <= r.bottom);
    if (row) row.words.push(w);
    else rows.push({ top: w.yMin, bottom: w.yMax, words: [w] });
  }
  return rows.map((r) => r.words.sort((a, b) => a.xMin - b.xMin).map((w) => w.text).join(' '));
}

const reads = new Map<InvoiceDocument, Promise<Read>>();
/** What a document's PDF says, rendered once per test file. */
function textOf(doc: InvoiceDocument): Promise<Read> {
  if (!reads.has(doc)) reads.set(doc, invoicePdf(doc, {}).then(readPdf));
  return reads.get(doc)!;
}

/** Found in the running text or in one visual row ("\n" in `expected` separates rows). */
function assertHas(read: Read, ...expected: string[]) {
  for (const e of expected) {
    const want = e.replace(/[ \u00a0]+/g, ' ');
    assert.ok(read.text.includes(want) || read.rows.includes(want), `expected "${e}" in:\n${read.rows}`);
  }
}

const lacks = (read: Read, unwanted: string) => !read.text.includes(unwanted);

describe('every sample invoice states the facts art. 106e asks for', () => {
  for (const [name, doc] of Object.entries(SAMPLES)) {
    const pl = doc.lang === 'pl';
    test(`${name}: number, issue and sale dates, place of issue`, async () => {
      const text = await textOf(doc);
      assertHas(text, doc.number!, formatInvoiceDate(doc.issueDate, doc.lang), formatInvoiceDate(doc.saleDate, doc.lang), doc.placeOfIssue);
      assertHas(text, pl ? `Data wystawienia ${formatInvoiceDate(doc.issueDate, 'pl')}` : `Issue date ${doc.issueDate}`);
    });

    test(`${name}: seller and buyer with their addresses and NIPs`, async () => {
      const text = await textOf(doc);
      assertHas(text, doc.seller.name, doc.seller.street, `${doc.seller.postalCode} ${doc.seller.city}`, '526-025-02-74');
      assertHas(text, doc.buyer.name, doc.buyer.street, `${doc.buyer.postalCode} ${doc.buyer.city}`);
      if (doc.buyer.nip) assertHas(text, '774-000-14-54');
    });

    test(`${name}: every line's name, with its Polish letters`, async () => {
      const text = await textOf(doc);
      for (const line of [...doc.lines, ...(doc.correction?.linesBefore ?? [])]) assertHas(text, line.name);
    });

    test(`${name}: net, VAT and gross of every rate and of the whole invoice`, async () => {
      const text = await textOf(doc);
      const totals = doc.correction ? [doc.totals, doc.correction.totalsBefore, doc.correction.totalsAfter] : [doc.totals];
      for (const t of totals) {
        for (const r of t.rates) assertHas(text, `${vatRateLabel(r.vatRateCode)} `, formatAmount(r.netMinor, doc.lang));
        for (const amount of [t.netMinor, t.vatMinor, t.grossMinor]) assertHas(text, formatAmount(amount, doc.lang));
      }
    });

    test(`${name}: the amount due in digits and in Polish words, and the payment terms`, async () => {
      const text = await textOf(doc);
      const amount = Math.abs(doc.payment.amountMinor);
      assertHas(text, formatAmount(amount, doc.lang), formatInvoiceDate(doc.payment.dueDate, doc.lang));
      assertHas(text, `Słownie: `);
      if (doc.payment.bankAccount) assertHas(text, 'PL61 1090 1014 0000 0712 1981 2874');
    });
  }
});

describe('amounts and words of particular invoices', () => {
  test('a 23% invoice of 639,00 zł net is 785,97 zł to pay: "siedemset osiemdziesiąt pięć złotych 97/100"', async () => {
    const text = await textOf(SAMPLE_23_ONLY);
    assertHas(text, '23% 639,00 zł 146,97 zł 785,97 zł', 'Do zapłaty 785,97 zł', 'Słownie: siedemset osiemdziesiąt pięć złotych 97/100');
  });

  test('PKWiU and GTU codes are printed with the line that has them', async () => {
    assertHas(await textOf(SAMPLE_23_ONLY), 'Matryca 15,6" FHD IPS 1 szt. 459,00 zł 459,00 zł 23%\nPKWiU 26.20.40.0 · GTU_06');
  });

  test('the lines table shows quantity, unit and unit net price (1,5 h at 120,00 zł is 180,00 zł net)', async () => {
    assertHas(await textOf(SAMPLE_23_ONLY), '1,5 h 120,00 zł 180,00 zł 23%');
  });

  test('a mixed-rate invoice lists 23%, 8%, 5% and 0%, highest first, each with its own net, VAT and gross', async () => {
    const read = await textOf(SAMPLE_MIXED);
    assertHas(read, '23% 179,99 zł 41,40 zł 221,39 zł', '8% 24,88 zł 1,99 zł 26,87 zł', '5% 149,70 zł 7,49 zł 157,19 zł', '0% 20,00 zł 0,00 zł 20,00 zł', 'Razem 374,57 zł 50,88 zł 425,45 zł');
    assertHas(read, '23% 179,99 zł 41,40 zł 221,39 zł\n8% 24,88 zł 1,99 zł 26,87 zł\n5% 149,70 zł 7,49 zł 157,19 zł\n0% 20,00 zł 0,00 zł 20,00 zł');
  });

  test('a discounted line shows the discount in percent and in money, only on an invoice that has one', async () => {
    assertHas(await textOf(SAMPLE_MIXED), 'Rabat', 'Przegląd serwisowy ekspresu 1 usł. 199,99 zł 10% 179,99 zł 23%\n−20,00 zł');
    assert.ok(lacks(await textOf(SAMPLE_23_ONLY), 'Rabat'));
  });

  test('an exempt line brings the legal basis of the exemption and the meaning of "zw" and "np"', async () => {
    const text = await textOf(SAMPLE_ZW_NP);
    assertHas(text, 'Podstawa zwolnienia z podatku: art. 43 ust. 1 pkt 29 lit. c ustawy o VAT', 'zw — sprzedaż zwolniona z podatku', 'np — sprzedaż niepodlegająca opodatkowaniu w kraju');
    assertHas(text, 'zw 500,00 zł 0,00 zł 500,00 zł', 'np 600,00 zł 0,00 zł 600,00 zł');
    assert.ok(lacks(await textOf(SAMPLE_23_ONLY), 'Podstawa zwolnienia'));
  });

  test('a split-payment invoice says "mechanizm podzielonej płatności"; others do not', async () => {
    assertHas(await textOf(SAMPLE_SPLIT_PAYMENT), 'mechanizm podzielonej płatności', 'Słownie: czterdzieści cztery tysiące dwieście trzydzieści złotych 80/100');
    for (const doc of [SAMPLE_23_ONLY, SAMPLE_MIXED, SAMPLE_ZW_NP]) assert.ok(lacks(await textOf(doc), 'podzielonej płatności'));
  });
});

describe('an English invoice for an individual', () => {
  test('has English labels with the Polish title, ISO dates and PLN amounts', async () => {
    const text = await textOf(SAMPLE_INDIVIDUAL);
    assertHas(text, 'VAT invoice', 'Faktura VAT', 'No. FV/2026/11/0004', 'Issue date 2026-11-27', 'Place of issue Warszawa', 'Date of sale 2026-11-26');
    assertHas(text, 'SELLER', 'BUYER', 'Goods or services', 'Unit net price', 'Summary by VAT rate', '23% 162.60 PLN 37.40 PLN 200.00 PLN');
    assertHas(text, 'Payment method: cash', 'Due date: 2026-11-27', 'Amount due 200.00 PLN');
    assert.ok(lacks(text, 'Do zapłaty'));
  });

  test('states the amount in English words and, as the law asks, in Polish words too', async () => {
    assertHas(await textOf(SAMPLE_INDIVIDUAL), 'In words: two hundred zloty 00/100', 'Słownie: dwieście złotych 00/100');
  });

  test('a buyer without a tax id gets no NIP line; the seller keeps its own', async () => {
    const text = await textOf(SAMPLE_INDIVIDUAL);
    assert.equal(text.text.split('Tax ID (NIP)').length - 1, 1);
    assertHas(text, 'Tax ID (NIP): 526-025-02-74');
  });

  test('a cash invoice prints no bank account', async () => {
    assert.ok(lacks(await textOf(SAMPLE_INDIVIDUAL), 'Bank account'));
  });
});

describe('a correcting invoice', () => {
  test('names the corrected invoice by number, issue date and KSeF number, and gives the reason', async () => {
    const text = await textOf(SAMPLE_CORRECTION);
    assertHas(text, 'Faktura korygująca', 'nr FK/2026/12/0001', 'Faktura korygowana nr FV/2026/11/0001 z dnia 27.11.2026');
    assertHas(text, `Numer KSeF faktury korygowanej ${KSEF_NUMBER}`, 'Przyczyna korekty Błędnie naliczony czas pracy');
  });

  test('shows the lines before and after the correction (1,5 h became 1 h)', async () => {
    const { rows } = await textOf(SAMPLE_CORRECTION);
    const before = rows.indexOf('Pozycje przed korektą');
    const after = rows.indexOf('Pozycje po korekcie');
    const hoursBefore = rows.indexOf('1,5 h 120,00 zł 180,00 zł 23%');
    const hoursAfter = rows.indexOf('1 h 120,00 zł 120,00 zł 23%');
    assert.ok(before >= 0 && hoursBefore > before && after > hoursBefore && hoursAfter > after, rows);
  });

  test('shows per rate the totals before and after and the difference, and the whole difference', async () => {
    const text = await textOf(SAMPLE_CORRECTION);
    assertHas(text, '23% przed korektą 639,00 zł 146,97 zł 785,97 zł', 'po korekcie 579,00 zł 133,17 zł 712,17 zł', 'różnica −60,00 zł −13,80 zł −73,80 zł');
    assertHas(text, 'Razem przed korektą 639,00 zł 146,97 zł 785,97 zł', 'Razem po korekcie 579,00 zł 133,17 zł 712,17 zł', 'Różnica razem −60,00 zł −13,80 zł −73,80 zł');
  });

  test('a negative difference is "Do zwrotu" with the amount and its words, without a minus', async () => {
    const text = await textOf(SAMPLE_CORRECTION);
    assertHas(text, 'Do zwrotu 73,80 zł', 'Słownie: siedemdziesiąt trzy złote 80/100');
    assert.ok(lacks(text, 'Do zapłaty'));
    assert.ok(lacks(text, 'minus'));
  });

  test('in English it is a "Correcting invoice" with the amount "To be refunded"', async () => {
    const text = await readPdf(await invoicePdf({ ...SAMPLE_CORRECTION, lang: 'en' }, {}));
    assertHas(text, 'Correcting invoice', 'Faktura korygująca', 'Corrected invoice No. FV/2026/11/0001 of 2026-11-27', 'Reason for correction Błędnie naliczony czas pracy');
    assertHas(text, 'Items before correction', 'Items after correction', 'To be refunded 73.80 PLN', 'Słownie: siedemdziesiąt trzy złote 80/100');
  });
});

describe('drafts, KSeF and the file', () => {
  test('a draft has no number and says so prominently: "PROJEKT — bez numeru"', async () => {
    const text = await readPdf(await invoicePdf({ ...SAMPLE_MIXED, number: null }, {}));
    assertHas(text, 'Faktura VAT', 'PROJEKT — bez numeru', 'PROJEKT');
    assert.ok(lacks(text, 'FV/2026/11/0002'));
  });

  test('an English draft says "DRAFT — not numbered"', async () => {
    assertHas(await readPdf(await invoicePdf({ ...SAMPLE_INDIVIDUAL, number: null }, {})), 'DRAFT — not numbered');
  });

  test('the KSeF number of an accepted invoice is printed with the dates', async () => {
    assertHas(await readPdf(await invoicePdf({ ...SAMPLE_23_ONLY, ksefNumber: KSEF_NUMBER }, {})), `Numer KSeF ${KSEF_NUMBER}`);
  });

  test('the KSeF verification QR code (KOD I) decodes to the given link, with the KSeF number under it', { skip: zbarMissing }, async () => {
    const pdf = await invoicePdf({ ...SAMPLE_23_ONLY, ksefNumber: KSEF_NUMBER }, { ksefQrUrl: KSEF_URL });
    assert.deepEqual(decodeCodes(pdf, 1), [KSEF_URL]);
    assertHas(await readPdf(pdf), 'KOD I', KSEF_NUMBER, 'Weryfikacja faktury w KSeF');
  });

  test('a QR code before KSeF has accepted the invoice is captioned OFFLINE', { skip: zbarMissing }, async () => {
    const pdf = await invoicePdf(SAMPLE_CORRECTION, { ksefQrUrl: KSEF_URL });
    assert.deepEqual(decodeCodes(pdf, 1), [KSEF_URL]);
    assertHas(await readPdf(pdf), 'OFFLINE');
  });

  test('without a KSeF link the invoice has no QR code', { skip: zbarMissing }, async () => {
    const pdf = await invoicePdf(SAMPLE_23_ONLY, { ksefQrUrl: null });
    assert.deepEqual(decodeCodes(pdf, 1), []);
    assert.ok(lacks(await readPdf(pdf), 'KOD I'));
  });

  test('the file is A4 portrait, titled with the document and its number, dated by the issue date', async () => {
    const info = pdfInfo(await invoicePdf(SAMPLE_23_ONLY, {}));
    assert.match(info['Page size']!, /^595\.2\d x 841\.8\d pts \(A4\)/);
    assert.equal(info.Title, 'Faktura VAT FV/2026/11/0001');
    assert.equal(info.Author, SAMPLE_23_ONLY.seller.name);
    assert.equal(info.CreationDate, '2026-11-27T12:00:00Z');
  });

  test('the same invoice renders to the same bytes', async () => {
    const a = await invoicePdf(SAMPLE_MIXED, { ksefQrUrl: KSEF_URL });
    const b = await invoicePdf(SAMPLE_MIXED, { ksefQrUrl: KSEF_URL });
    assert.ok(a.equals(b));
  });
});

describe('formats', () => {
  const cases: [string, string, string][] = [
    ['formatAmount', formatAmount(123456, 'pl'), '1\u00a0234,56\u00a0zł'],
    ['formatAmount', formatAmount(123456, 'en'), '1,234.56\u00a0PLN'],
    ['formatAmount', formatAmount(-7380, 'en'), '\u221273.80\u00a0PLN'],
    ['formatAmount', formatAmount(123456789, 'en'), '1,234,567.89\u00a0PLN'],
    ['formatBankAccount', formatBankAccount('61109010140000071219812874'), 'PL61 1090 1014 0000 0712 1981 2874'],
    ['formatBankAccount', formatBankAccount('PL61 1090 1014 0000 0712 1981 2874'), 'PL61 1090 1014 0000 0712 1981 2874'],
    ['formatBankAccount', formatBankAccount('GB29NWBK60161331926819'), 'GB29NWBK60161331926819'],
    ['formatInvoiceDate', formatInvoiceDate('2026-11-27', 'pl'), '27.11.2026'],
    ['formatInvoiceDate', formatInvoiceDate('2026-11-27', 'en'), '2026-11-27'],
    ['formatPercent', formatPercent(1250, 'pl'), '12,5%'],
    ['vatRateLabel', vatRateLabel('8'), '8%'],
    ['vatRateLabel', vatRateLabel('oo'), 'oo'],
  ];
  for (const [fn, actual, expected] of cases) {
    test(`${fn} prints "${expected}"`, () => assert.equal(actual, expected));
  }
});
