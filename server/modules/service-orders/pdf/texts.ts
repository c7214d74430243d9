// Texts, formats and shared blocks of the order documents (intake receipt, estimate, release
// receipt). Documents are printed in the order's language; amounts Polish style ("1 234,56 zł"),
// dates in Warsaw time. Pure: no I/O, no clock — the callers pass every value.
import type { Content, ContextPageSize, DynamicContent, TableCell } from 'pdfmake/interfaces.js';
import { BUSINESS_TZ } from '../../../kernel/time/business-date.ts';

export type DocLang = 'pl' | 'en';

export type DocCompany = { name: string; nip: string; street: string; postalCode: string; city: string; phone: string; email: string; bankAccount: string };
export type DocParty = { name: string; nip: string | null; street: string; postalCode: string; city: string; phone: string; email: string };
export type DocAsset = { name: string; serialNumber: string; manufacturer: string; model: string };

// ── formats ────────────────────────────────────────────────────────────────────────────────────

const NBSP = '\u00a0';
const group = (digits: string, sep: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);

/** Grosze → "1 234,56 zł" (PL) / "PLN 1,234.56" (EN). Integer arithmetic only. */
export function formatMoney(minor: number, lang: DocLang): string {
  const negative = minor < 0;
  const abs = Math.abs(minor);
  const whole = String(Math.trunc(abs / 100));
  const cents = String(abs % 100).padStart(2, '0');
  const sign = negative ? '\u2212' : '';
  return lang === 'pl' ? `${sign}${group(whole, NBSP)},${cents}${NBSP}zł` : `${sign}PLN${NBSP}${group(whole, ',')}.${cents}`;
}

/** "2026-04-10" → "10.04.2026" (PL) / "10 Apr 2026" (EN). */
export function formatDate(date: string, lang: DocLang): string {
  const [y, m, d] = date.split('-');
  if (lang === 'pl') return `${d}.${m}.${y}`;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** An instant as a Warsaw date and time: "29.03.2026, 01:30" / "29 Mar 2026, 01:30". */
export function formatDateTime(at: Date, lang: DocLang): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: BUSINESS_TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const date = formatDate(`${parts.year}-${parts.month}-${parts.day}`, lang);
  return `${date}, ${parts.hour}:${parts.minute}`;
}

/** "1.500" → "1,5" (PL) / "1.5" (EN). */
export function formatQuantity(q: string, lang: DocLang): string {
  const m = /^(-)?(\d+)(?:\.(\d+))?$/.exec(q.trim());
  if (!m) return q;
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  return `${m[1] ? '\u2212' : ''}${group(m[2]!.replace(/^0+(?=\d)/, ''), lang === 'pl' ? NBSP : ',')}${fraction ? (lang === 'pl' ? ',' : '.') + fraction : ''}`;
}

/** 80 → "1 h 20 min". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h}${NBSP}h` : '', m || !h ? `${m}${NBSP}min` : ''].filter(Boolean).join(' ');
}

const UNITS: Record<DocLang, Record<string, string>> = {
  pl: { hour: 'godz.', h: 'godz.', piece: 'szt.', pcs: 'szt.', visit: 'wizyta', km: 'km' },
  en: { hour: 'h', h: 'h', piece: 'pcs', pcs: 'pcs', visit: 'visit', km: 'km' },
};
export const unitLabel = (unit: string, lang: DocLang) => UNITS[lang][unit] ?? unit;

/** "5260250995" → "526-025-09-95". */
export function formatNip(nip: string | null | undefined): string {
  const d = (nip ?? '').replace(/\D/g, '');
  return d.length === 10 ? `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}` : (nip ?? '');
}

// ── texts ──────────────────────────────────────────────────────────────────────────────────────

const pl = {
  page: (n: number, of: number) => `Strona ${n} z ${of}`,
  nip: 'NIP',
  phone: 'tel.',
  email: 'e-mail',
  bankAccount: 'Konto',
  orderNumber: 'Zlecenie nr',
  customer: 'Klient',
  contact: 'Osoba kontaktowa',
  asset: 'Urządzenie',
  serialNumber: 'Nr seryjny',
  model: 'Producent / model',
  accessories: 'Akcesoria',
  none: 'brak',
  date: 'Data',
  signatureDate: 'data i czytelny podpis',
  lp: 'Lp.',
  name: 'Nazwa',
  quantity: 'Ilość',
  unit: 'J.m.',
  unitPrice: 'Cena netto',
  vat: 'VAT',
  net: 'Wartość netto',
  gross: 'Wartość brutto',
  vatRate: 'Stawka VAT',
  vatAmount: 'Kwota VAT',
  total: 'Razem',
  totalGross: 'Do zapłaty (brutto)',
  intake: {
    title: 'Potwierdzenie przyjęcia do serwisu',
    receivedAt: 'Data przyjęcia',
    receivedBy: 'Przyjął(a)',
    condition: 'Stan wizualny przy przyjęciu',
    problem: 'Zgłoszona usterka',
    promisedOn: 'Przewidywany termin realizacji',
    notify: 'Powiadomienia o statusie',
    notifyNone: 'bez powiadomień',
    notifyEmail: 'e-mail',
    notifySms: 'SMS',
    site: 'Miejsce wykonania usługi',
    kindOnSite: 'Usługa u klienta',
    trackingTitle: 'Status naprawy online',
    trackingText: 'Zeskanuj kod telefonem albo otwórz adres poniżej, aby sprawdzić status zlecenia i zaakceptować kosztorys. Nie udostępniaj go osobom trzecim.',
    trackingNone: 'Zlecenie nie ma aktywnego linku do śledzenia statusu. Poproś serwis o nowy link.',
    termsTitle: 'Warunki przyjęcia',
    terms: [
      'Serwis wykona diagnozę zgłoszonej usterki. Naprawa, której koszt wymaga akceptacji, zostanie wykonana dopiero po zaakceptowaniu kosztorysu przez klienta (online lub na piśmie).',
      'Odrzucenie kosztorysu oznacza zwrot urządzenia bez naprawy; koszt diagnozy może zostać naliczony zgodnie z cennikiem serwisu.',
      'Serwis nie odpowiada za dane zapisane w urządzeniu ani na nośnikach — przed oddaniem urządzenia należy wykonać kopię zapasową.',
      'Urządzenie wydaje się po okazaniu tego potwierdzenia lub osobie wskazanej przez klienta. Prosimy o odbiór niezwłocznie po powiadomieniu o gotowości.',
      'Dane osobowe przetwarzamy w celu realizacji zlecenia (art. 6 ust. 1 lit. b RODO).',
    ],
    signCustomer: 'Podpis klienta (akceptuję warunki)',
    signStaff: 'Podpis przyjmującego',
  },
  estimate: {
    title: 'Kosztorys naprawy',
    version: 'wersja',
    issuedAt: 'Data sporządzenia',
    validUntil: 'Ważny do',
    lines: 'Pozycje kosztorysu',
    totals: 'Podsumowanie według stawek VAT',
    note: 'Uwagi',
    validity: (date: string) => `Kosztorys jest ważny do ${date}. Po tym terminie ceny i dostępność części mogą się zmienić.`,
    acceptanceTitle: 'Decyzja klienta',
    accept: 'Akceptuję kosztorys i zlecam wykonanie naprawy w podanym zakresie.',
    reject: 'Nie akceptuję kosztorysu — proszę o zwrot urządzenia bez naprawy.',
    onlineNote: 'Kosztorys można także zaakceptować lub odrzucić online, przez link wysłany e-mailem albo na stronie statusu zlecenia.',
    signCustomer: 'Podpis klienta',
    decided: {
      accepted: 'Kosztorys zaakceptowany',
      rejected: 'Kosztorys odrzucony',
    } as Record<string, string>,
    via: { link: 'online', paper: 'na piśmie' } as Record<string, string>,
    draft: 'PROJEKT — kosztorys nie został jeszcze wysłany klientowi',
    comment: 'Komentarz klienta',
  },
  release: {
    title: 'Potwierdzenie wydania urządzenia',
    releasedAt: 'Data wydania',
    releasedTo: 'Odebrał(a)',
    releasedBy: 'Wydał(a)',
    receivedAt: 'Data przyjęcia',
    problem: 'Zgłoszona usterka',
    workTitle: 'Wykonane prace',
    stepsDone: 'Wykonane czynności',
    noSteps: 'Brak zarejestrowanych czynności.',
    labour: 'Robocizna',
    parts: 'Części',
    services: 'Usługi',
    noCharges: 'Brak pozycji do rozliczenia.',
    totals: 'Podsumowanie według stawek VAT',
    estimate: (version: number, decision: 'accepted' | 'rejected', date: string) => `Kosztorys (wersja ${version}) ${decision === 'accepted' ? 'zaakceptowany' : 'odrzucony'} ${date}.`,
    confirmation: (accessories: string) =>
      `Potwierdzam odbiór urządzenia${accessories ? ` wraz z akcesoriami: ${accessories}` : ''}. Stan urządzenia sprawdzono przy odbiorze.`,
    signStaff: 'Podpis wydającego',
    signCustomer: 'Podpis odbierającego',
  },
};

export type DocTexts = typeof pl;

const en: DocTexts = {
  page: (n, of) => `Page ${n} of ${of}`,
  nip: 'Tax ID (NIP)',
  phone: 'phone',
  email: 'email',
  bankAccount: 'Bank account',
  orderNumber: 'Order no.',
  customer: 'Customer',
  contact: 'Contact person',
  asset: 'Item',
  serialNumber: 'Serial no.',
  model: 'Manufacturer / model',
  accessories: 'Accessories',
  none: 'none',
  date: 'Date',
  signatureDate: 'date and legible signature',
  lp: 'No.',
  name: 'Description',
  quantity: 'Qty',
  unit: 'Unit',
  unitPrice: 'Net price',
  vat: 'VAT',
  net: 'Net amount',
  gross: 'Gross amount',
  vatRate: 'VAT rate',
  vatAmount: 'VAT',
  total: 'Total',
  totalGross: 'Total (gross)',
  intake: {
    title: 'Service intake receipt',
    receivedAt: 'Received on',
    receivedBy: 'Received by',
    condition: 'Visible condition at intake',
    problem: 'Reported problem',
    promisedOn: 'Expected completion',
    notify: 'Status notifications',
    notifyNone: 'none',
    notifyEmail: 'email',
    notifySms: 'SMS',
    site: 'Service location',
    kindOnSite: 'On-site service',
    trackingTitle: 'Repair status online',
    trackingText: 'Scan the code with your phone or open the address below to check the status of your order and accept the estimate. Do not share it with others.',
    trackingNone: 'This order has no active status tracking link. Ask the shop for a new one.',
    termsTitle: 'Terms',
    terms: [
      'The shop will diagnose the reported problem. Repairs whose cost needs approval are carried out only after the customer accepts the estimate (online or in writing).',
      'Rejecting the estimate means the item is returned unrepaired; a diagnosis fee may be charged according to the shop’s price list.',
      'The shop is not responsible for data stored on the item or on any media — please back up your data before handing the item in.',
      'The item is released on presentation of this receipt or to a person named by the customer. Please collect it promptly once notified that it is ready.',
      'Personal data is processed to carry out the order (Art. 6(1)(b) GDPR).',
    ],
    signCustomer: 'Customer’s signature (I accept the terms)',
    signStaff: 'Received by (signature)',
  },
  estimate: {
    title: 'Repair estimate',
    version: 'version',
    issuedAt: 'Issued on',
    validUntil: 'Valid until',
    lines: 'Items',
    totals: 'Summary by VAT rate',
    note: 'Notes',
    validity: (date) => `This estimate is valid until ${date}. After that date prices and the availability of parts may change.`,
    acceptanceTitle: 'Customer’s decision',
    accept: 'I accept the estimate and order the repair as described.',
    reject: 'I do not accept the estimate — please return the item unrepaired.',
    onlineNote: 'The estimate can also be accepted or rejected online, through the link sent by email or on the order status page.',
    signCustomer: 'Customer’s signature',
    decided: { accepted: 'Estimate accepted', rejected: 'Estimate rejected' },
    via: { link: 'online', paper: 'in writing' },
    draft: 'DRAFT — this estimate has not been sent to the customer yet',
    comment: 'Customer’s comment',
  },
  release: {
    title: 'Release receipt',
    releasedAt: 'Released on',
    releasedTo: 'Collected by',
    releasedBy: 'Released by',
    receivedAt: 'Received on',
    problem: 'Reported problem',
    workTitle: 'Work done',
    stepsDone: 'Completed steps',
    noSteps: 'No steps recorded.',
    labour: 'Labour',
    parts: 'Parts',
    services: 'Services',
    noCharges: 'Nothing to charge.',
    totals: 'Summary by VAT rate',
    estimate: (version, decision, date) => `Estimate (version ${version}) ${decision} on ${date}.`,
    confirmation: (accessories) => `I confirm I have collected the item${accessories ? ` with its accessories: ${accessories}` : ''}. The item’s condition was checked on collection.`,
    signStaff: 'Released by (signature)',
    signCustomer: 'Collected by (signature)',
  },
};

export const DOC_TEXTS: Record<DocLang, DocTexts> = { pl, en };

// ── shared blocks ──────────────────────────────────────────────────────────────────────────────

const RULE: Content = { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 510, y2: 0, lineWidth: 0.7, lineColor: '#999999' }], margin: [0, 6, 0, 8] };
export const rule = (): Content => JSON.parse(JSON.stringify(RULE)) as Content;

const addressLine = (p: { street: string; postalCode: string; city: string }) => [p.street, [p.postalCode, p.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');

/** Company on the left, the document's title and key facts on the right. */
export function headerBlock(company: DocCompany, t: DocTexts, title: string, facts: [string, string][]): Content[] {
  const contact = [company.phone && `${t.phone} ${company.phone}`, company.email && `${t.email} ${company.email}`].filter(Boolean).join(' · ');
  return [
    {
      columns: [
        {
          width: '*',
          stack: [
            { text: company.name, bold: true, fontSize: 12 },
            addressLine(company),
            company.nip ? `${t.nip} ${formatNip(company.nip)}` : '',
            contact,
          ].filter((x) => x !== ''),
        },
        {
          width: 'auto',
          stack: [
            { text: title, style: 'title', alignment: 'right', margin: [0, 0, 0, 2] },
            ...facts.map(([label, value]): Content => ({ text: [{ text: `${label}: `, style: 'muted' }, { text: value, bold: true }], alignment: 'right' })),
          ],
        },
      ],
      columnGap: 16,
    },
    rule(),
  ];
}

/** A labelled block of lines ("Klient", name, address…); empty lines are left out. */
export function partyBlock(title: string, lines: (string | Content | null | undefined | false)[]): Content {
  return { stack: [{ text: title, style: 'label' }, ...(lines.filter((l) => l !== '' && l !== null && l !== undefined && l !== false) as Content[])] };
}

export function customerLines(c: DocParty, t: DocTexts): string[] {
  return [
    c.name,
    addressLine(c),
    c.nip ? `${t.nip} ${formatNip(c.nip)}` : '',
    [c.phone && `${t.phone} ${c.phone}`, c.email && `${t.email} ${c.email}`].filter(Boolean).join(' · '),
  ];
}

export function assetLines(a: DocAsset, t: DocTexts): (string | Content)[] {
  const model = [a.manufacturer, a.model].filter(Boolean).join(' ');
  return [{ text: a.name, bold: true }, a.serialNumber ? `${t.serialNumber}: ${a.serialNumber}` : '', model ? `${t.model}: ${model}` : ''];
}

/** A titled paragraph (problem, condition, notes). */
export function section(title: string, body: string | Content): Content {
  return { stack: [{ text: title, style: 'label' }, typeof body === 'string' ? { text: body } : body], margin: [0, 0, 0, 8] };
}

/** Two signature lines side by side, each with its caption below. */
export function signatureBlock(left: string, right: string, t: DocTexts): Content {
  const one = (caption: string): Content => ({
    width: '*',
    stack: [
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 220, y2: 0, lineWidth: 0.7, dash: { length: 2 } }], margin: [0, 40, 0, 3] },
      { text: caption, style: 'small' },
      { text: t.signatureDate, style: ['small', 'muted'] },
    ],
  }) as Content;
  return { columns: [one(left), one(right)], columnGap: 40, unbreakable: true, margin: [0, 8, 0, 0] };
}

export type AmountRow = { name: string; quantity: string; unit: string; unitPriceMinor: number | null; vatLabel: string; netMinor: number };

const cell = (text: string, extra: Record<string, unknown> = {}): TableCell => ({ text, ...extra }) as TableCell;

/** Lines with quantity, unit price, VAT rate and net value. */
export function amountsTable(rows: AmountRow[], t: DocTexts, lang: DocLang): Content {
  const right = { alignment: 'right' };
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [18, '*', 44, 34, 62, 30, 66],
      body: [
        [t.lp, t.name, t.quantity, t.unit, t.unitPrice, t.vat, t.net].map((h, i) => cell(h, { style: 'tableHeader', ...(i >= 2 && i !== 3 ? right : {}) })),
        ...rows.map((r, i) => [
          cell(String(i + 1)),
          cell(r.name),
          cell(r.quantity, right),
          cell(r.unit),
          cell(r.unitPriceMinor === null ? '' : formatMoney(r.unitPriceMinor, lang), right),
          cell(r.vatLabel, right),
          cell(formatMoney(r.netMinor, lang), right),
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 9,
    margin: [0, 0, 0, 8],
  };
}

export type DocTotals = { rates: { vatRateCode: string; netMinor: number; vatMinor: number; grossMinor: number }[]; netMinor: number; vatMinor: number; grossMinor: number };

/** Net, VAT and gross per VAT rate, and the sum. */
export function totalsTable(totals: DocTotals, vatLabel: (code: string) => string, t: DocTexts, lang: DocLang): Content {
  const right = { alignment: 'right' };
  return {
    columns: [
      { width: '*', text: '' },
      {
        width: 'auto',
        table: {
          widths: [80, 80, 70, 90],
          body: [
            [t.vatRate, t.net, t.vatAmount, t.gross].map((h, i) => cell(h, { style: 'tableHeader', ...(i ? right : {}) })),
            ...totals.rates.map((r) => [cell(vatLabel(r.vatRateCode)), cell(formatMoney(r.netMinor, lang), right), cell(formatMoney(r.vatMinor, lang), right), cell(formatMoney(r.grossMinor, lang), right)]),
            [cell(t.total, { bold: true }), cell(formatMoney(totals.netMinor, lang), { ...right, bold: true }), cell(formatMoney(totals.vatMinor, lang), { ...right, bold: true }), cell(formatMoney(totals.grossMinor, lang), { ...right, bold: true })],
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 9,
      },
    ],
    margin: [0, 0, 0, 4],
    unbreakable: true,
  };
}

export function grossLine(totals: DocTotals, t: DocTexts, lang: DocLang): Content {
  return { text: [{ text: `${t.totalGross}: ` }, { text: formatMoney(totals.grossMinor, lang), bold: true, fontSize: 12 }], alignment: 'right', margin: [0, 2, 0, 10] };
}

/** Page footer: company, document number, page n of m. */
export function footer(company: DocCompany, number: string, t: DocTexts): DynamicContent {
  return (current: number, count: number, _size: ContextPageSize): Content => ({
    columns: [
      { text: `${company.name} · ${number}`, style: ['small', 'muted'] },
      { text: t.page(current, count), style: ['small', 'muted'], alignment: 'right' },
    ],
    margin: [42.5, 16, 42.5, 0],
  });
}

/** Styles the order documents add to the shared ones. */
export const DOC_STYLES = {
  label: { fontSize: 8, bold: true, color: '#555555', margin: [0, 0, 0, 1] as [number, number, number, number] },
};
