// Labels and formats of the invoice PDF, Polish and English. An English invoice still carries the
// Polish title and the amount in Polish words (the VAT act asks for Polish). Amounts: "1 234,56 zł"
// (PL) and "1,234.56 PLN" (EN); dates: "27.11.2026" (PL) and "2026-11-27" (EN). Pure.
import type { Lang, PaymentMethod } from '../invoice-document.ts';
import { formatMoney as formatMoneyPl, formatQuantity } from '../../service-orders/pdf/texts.ts';

export { formatNip } from '../../service-orders/pdf/texts.ts';

const NBSP = '\u00a0';

/** Grosze → "1 234,56 zł" (PL) / "1,234.56 PLN" (EN); negative with a real minus sign. */
export function formatAmount(minor: number, lang: Lang): string {
  if (lang === 'pl') return formatMoneyPl(minor, 'pl');
  const abs = Math.abs(minor);
  const whole = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${minor < 0 ? '\u2212' : ''}${whole}.${String(abs % 100).padStart(2, '0')}${NBSP}PLN`;
}

/** "2026-11-27" → "27.11.2026" (PL) / "2026-11-27" (EN). */
export const formatInvoiceDate = (date: string, lang: Lang) => (lang === 'pl' ? date.split('-').reverse().join('.') : date);

/** "1.500" → "1,5" (PL) / "1.5" (EN). */
export const formatQty = (quantity: string, lang: Lang) => formatQuantity(quantity, lang);

/**
 * "61109010140000071219812874" (a Polish NRB: 2 check digits + 24) → "PL61 1090 1014 0000 0712 1981 2874",
 * the IBAN form that both Polish and foreign payers can type. Anything else is printed as given.
 */
export function formatBankAccount(account: string): string {
  const compact = account.replace(/\s+/g, '').toUpperCase();
  const iban = /^\d{26}$/.test(compact) ? `PL${compact}` : compact;
  if (!/^[A-Z]{2}\d{26}$/.test(iban)) return account;
  return `${iban.slice(0, 4)} ${iban.slice(4).replace(/(.{4})(?=.)/g, '$1 ')}`;
}

/** The rate as printed: '23' → '23%', 'zw'/'np'/'oo' as they are. */
export const vatRateLabel = (code: string) => (/^\d+$/.test(code) ? `${code}%` : code);

/** A percentage from basis points: 1000 → "10%", 1250 → "12,5%" (PL) / "12.5%" (EN). */
export function formatPercent(bp: number, lang: Lang): string {
  const whole = Math.trunc(bp / 100);
  const fraction = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return `${whole}${fraction ? (lang === 'pl' ? ',' : '.') + fraction : ''}%`;
}

const EN_UNITS: Record<string, string> = { 'szt.': 'pcs', szt: 'pcs', 'usł.': 'service', 'godz.': 'h', h: 'h', km: 'km', kg: 'kg', m: 'm', 'kpl.': 'set' };
/** Units are stored as typed (Polish); English invoices translate the common ones. */
export const unitText = (unit: string, lang: Lang) => (lang === 'en' ? (EN_UNITS[unit] ?? unit) : unit);

const pl = {
  title: { vat: 'Faktura VAT', correction: 'Faktura korygująca' },
  /** The Polish title under an English one; empty on a Polish invoice. */
  subtitle: { vat: '', correction: '' },
  number: 'nr',
  draft: 'PROJEKT — bez numeru',
  draftNote: 'Podgląd przed wystawieniem — nie jest fakturą.',
  watermark: 'PROJEKT',
  issueDate: 'Data wystawienia',
  placeOfIssue: 'Miejsce wystawienia',
  saleDate: 'Data sprzedaży',
  ksefNumber: 'Numer KSeF',
  seller: 'Sprzedawca',
  buyer: 'Nabywca',
  nip: 'NIP',
  phone: 'tel.',
  email: 'e-mail',
  lines: 'Pozycje faktury',
  lp: 'Lp.',
  name: 'Nazwa towaru lub usługi',
  pkwiu: 'PKWiU',
  quantity: 'Ilość',
  unit: 'J.m.',
  unitPrice: 'Cena jedn. netto',
  discount: 'Rabat',
  net: 'Wartość netto',
  vatRate: 'Stawka VAT',
  vatAmount: 'Kwota VAT',
  gross: 'Wartość brutto',
  totals: 'Podsumowanie według stawek VAT',
  total: 'Razem',
  amountDue: 'Do zapłaty',
  toRefund: 'Do zwrotu',
  inWords: 'Słownie',
  /** The label of the Polish words on an English invoice; unused on a Polish one. */
  inWordsPl: 'Słownie',
  payment: 'Płatność',
  paymentMethod: 'Sposób płatności',
  methods: { transfer: 'przelew', cash: 'gotówka', card: 'karta płatnicza', other: 'inny' } as Record<PaymentMethod, string>,
  dueDate: 'Termin płatności',
  bankAccount: 'Numer rachunku',
  splitPayment: 'mechanizm podzielonej płatności',
  exemptionBasis: 'Podstawa zwolnienia z podatku',
  rateLegend: {
    zw: 'zw — sprzedaż zwolniona z podatku',
    np: 'np — sprzedaż niepodlegająca opodatkowaniu w kraju',
    oo: 'oo — odwrotne obciążenie',
  } as Record<string, string>,
  notes: 'Uwagi',
  correction: {
    corrected: 'Faktura korygowana',
    correctedRef: (number: string, date: string) => `nr ${number} z dnia ${date}`,
    correctedKsef: 'Numer KSeF faktury korygowanej',
    reason: 'Przyczyna korekty',
    linesBefore: 'Pozycje przed korektą',
    linesAfter: 'Pozycje po korekcie',
    summary: 'Podsumowanie korekty według stawek VAT',
    state: 'Stan',
    before: 'przed korektą',
    after: 'po korekcie',
    difference: 'różnica',
    totalBefore: 'Razem przed korektą',
    totalAfter: 'Razem po korekcie',
    totalDifference: 'Różnica razem',
  },
  qr: {
    title: 'Weryfikacja faktury w KSeF',
    text: 'Zeskanuj kod, aby sprawdzić, czy faktura jest w Krajowym Systemie e-Faktur (KSeF) i czy jej treść się zgadza.',
    label: 'KOD I',
    offline: 'OFFLINE',
  },
  page: (n: number, of: number) => `Strona ${n} z ${of}`,
};

export type InvoiceTexts = typeof pl;

const en: InvoiceTexts = {
  title: { vat: 'VAT invoice', correction: 'Correcting invoice' },
  subtitle: { vat: 'Faktura VAT', correction: 'Faktura korygująca' },
  number: 'No.',
  draft: 'DRAFT — not numbered',
  draftNote: 'Preview before issue — not an invoice.',
  watermark: 'DRAFT',
  issueDate: 'Issue date',
  placeOfIssue: 'Place of issue',
  saleDate: 'Date of sale',
  ksefNumber: 'KSeF number',
  seller: 'Seller',
  buyer: 'Buyer',
  nip: 'Tax ID (NIP)',
  phone: 'phone',
  email: 'email',
  lines: 'Items',
  lp: 'No.',
  name: 'Goods or services',
  pkwiu: 'PKWiU',
  quantity: 'Qty',
  unit: 'Unit',
  unitPrice: 'Unit net price',
  discount: 'Discount',
  net: 'Net value',
  vatRate: 'VAT rate',
  vatAmount: 'VAT amount',
  gross: 'Gross value',
  totals: 'Summary by VAT rate',
  total: 'Total',
  amountDue: 'Amount due',
  toRefund: 'To be refunded',
  inWords: 'In words',
  inWordsPl: 'Słownie',
  payment: 'Payment',
  paymentMethod: 'Payment method',
  methods: { transfer: 'bank transfer', cash: 'cash', card: 'payment card', other: 'other' },
  dueDate: 'Due date',
  bankAccount: 'Bank account',
  splitPayment: 'split payment mechanism (mechanizm podzielonej płatności)',
  exemptionBasis: 'Legal basis of the VAT exemption',
  rateLegend: {
    zw: 'zw — exempt from VAT',
    np: 'np — not subject to Polish VAT',
    oo: 'oo — reverse charge (odwrotne obciążenie)',
  },
  notes: 'Notes',
  correction: {
    corrected: 'Corrected invoice',
    correctedRef: (number, date) => `No. ${number} of ${date}`,
    correctedKsef: 'KSeF number of the corrected invoice',
    reason: 'Reason for correction',
    linesBefore: 'Items before correction',
    linesAfter: 'Items after correction',
    summary: 'Correction summary by VAT rate',
    state: 'State',
    before: 'before correction',
    after: 'after correction',
    difference: 'difference',
    totalBefore: 'Total before correction',
    totalAfter: 'Total after correction',
    totalDifference: 'Total difference',
  },
  qr: {
    title: 'Verify this invoice in KSeF',
    text: 'Scan the code to check that the invoice is in the Polish National e-Invoicing System (KSeF) and that its content matches.',
    label: 'KOD I',
    offline: 'OFFLINE',
  },
  page: (n, of) => `Page ${n} of ${of}`,
};

export const INVOICE_TEXTS: Record<Lang, InvoiceTexts> = { pl, en };
