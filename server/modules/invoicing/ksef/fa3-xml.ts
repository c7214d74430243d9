// The KSeF structured invoice FA(3) (schema http://crd.gov.pl/wzor/2025/06/25/13775/, see ./schema)
// rendered from a frozen InvoiceDocument. Pure: the creation time comes from the caller. Elements are
// written in the schema's order; every sum comes from the document, nothing is recomputed here.
import type { DocumentLine, DocumentParty, DocumentTotals, InvoiceDocument, PaymentMethod } from '../invoice-document.ts';
import { qty, rateSums, zl } from './fa3-amounts.ts';

export const FA3_NAMESPACE = 'http://crd.gov.pl/wzor/2025/06/25/13775/';

/** P_19A when an exempt line has no basis recorded: the most common exemption of a service shop. */
const DEFAULT_EXEMPTION_BASIS = 'art. 43 ust. 1 ustawy o VAT';

// --- a tiny element builder ------------------------------------------------------------------------

type Node = { name: string; attrs?: Record<string, string>; text?: string; children?: Node[] };
type Child = Node | null | undefined | false | '' | Child[];

/** A container; null when nothing is inside, so optional groups disappear on their own. */
function el(name: string, ...children: Child[]): Node | null {
  const flat: Node[] = [];
  const add = (c: Child) => (Array.isArray(c) ? c.forEach(add) : c && flat.push(c));
  children.forEach(add);
  return flat.length ? { name, children: flat } : null;
}

/** An optional text element: left out when the value is empty. */
function val(name: string, value: string | number | null | undefined): Node | null {
  const text = value == null ? '' : xmlChars(String(value)).trim();
  return text ? { name, text } : null;
}

/** A required text element: an empty value is a broken document, not something to send to KSeF. */
function req(name: string, value: string | number | null | undefined): Node {
  const node = val(name, value);
  if (!node) throw new Error(`FA(3): ${name} is empty`);
  return node;
}

/** Characters XML 1.0 cannot carry at all (control characters) are dropped rather than escaped. */
const xmlChars = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

function render(n: Node, indent = ''): string {
  const attrs = Object.entries(n.attrs ?? {}).map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('');
  if (n.text !== undefined) return `${indent}<${n.name}${attrs}>${escapeXml(n.text)}</${n.name}>`;
  const inner = (n.children ?? []).map((c) => render(c, `${indent}  `)).join('\n');
  return `${indent}<${n.name}${attrs}>\n${inner}\n${indent}</${n.name}>`;
}

// --- the invoice -----------------------------------------------------------------------------------

/** The FA(3) XML of an issued invoice. Drafts (number null) are never exported. */
export function fa3Xml(doc: InvoiceDocument, opts: { generatedAt: Date; systemInfo?: string }): string {
  if (doc.number === null) throw new Error('FA(3): a draft invoice (number null) cannot be exported to KSeF');
  if (doc.seller.nip === null) throw new Error('FA(3): the seller has no NIP');

  const naglowek = el(
    'Naglowek',
    { name: 'KodFormularza', attrs: { kodSystemowy: 'FA (3)', wersjaSchemy: '1-0E' }, text: 'FA' },
    req('WariantFormularza', 3),
    req('DataWytworzeniaFa', opts.generatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z')),
    val('SystemInfo', opts.systemInfo ?? 'Serwisownia'),
  );

  // Podmiot1 — sprzedawca (podatnik).
  const podmiot1 = el(
    'Podmiot1',
    el('DaneIdentyfikacyjne', req('NIP', doc.seller.nip), req('Nazwa', doc.seller.name)),
    address('Adres', doc.seller),
    el('DaneKontaktowe', contactEmail(doc.seller.email), contactPhone(doc.seller.phone)),
  );

  // Podmiot2 — nabywca. BrakID: a consumer without a tax id. JST/GV = 2: not a subordinate unit of
  // local government, not a VAT group member. The buyer's e-mail and phone stay out: the law does
  // not ask for them and KSeF shares the invoice with whoever the buyer authorises.
  const podmiot2 = el(
    'Podmiot2',
    el('DaneIdentyfikacyjne', doc.buyer.nip ? req('NIP', doc.buyer.nip) : req('BrakID', 1), req('Nazwa', doc.buyer.name)),
    address('Adres', doc.buyer),
    req('JST', 2),
    req('GV', 2),
  );

  const shownLines = [...doc.lines, ...(doc.correction?.linesBefore ?? [])];
  const anyRate = (...codes: string[]) => shownLines.some((l) => codes.includes(l.ksefRateCode));

  const fa = el(
    'Fa',
    req('KodWaluty', doc.currency),
    req('P_1', doc.issueDate), // data wystawienia
    val('P_1M', doc.placeOfIssue), // miejsce wystawienia
    req('P_2', doc.number), // numer faktury
    // P_6 — data dostawy / wykonania usługi, only "o ile różni się od daty wystawienia faktury".
    doc.saleDate !== doc.issueDate && req('P_6', doc.saleDate),
    rateSums(doc.totals).map(([name, amount]) => req(name, amount)),
    req('P_15', zl(doc.totals.grossMinor)), // należność ogółem; on a correction the difference
    el(
      'Adnotacje',
      req('P_16', 2), // metoda kasowa: the document does not record it, so "no"
      req('P_17', 2), // samofakturowanie: no
      req('P_18', anyRate('oo', 'np II') ? 1 : 2), // odwrotne obciążenie: the buyer settles the VAT
      req('P_18A', doc.splitPayment ? 1 : 2), // mechanizm podzielonej płatności
      el('Zwolnienie', anyRate('zw') ? [req('P_19', 1), req('P_19A', doc.exemptionBasis?.trim() || DEFAULT_EXEMPTION_BASIS)] : req('P_19N', 1)),
      el('NoweSrodkiTransportu', req('P_22N', 1)), // no intra-EU supply of new means of transport
      req('P_23', 2), // not a simplified triangular transaction
      el('PMarzy', req('P_PMarzyN', 1)), // no margin scheme
    ),
    req('RodzajFaktury', doc.kind === 'correction' ? 'KOR' : 'VAT'),
    doc.kind === 'correction' && correctionData(doc),
    doc.kind === 'correction' ? correctionLines(doc) : doc.lines.map((l) => lineNode(l, false)),
    payment(doc),
  );

  // Stopka — the invoice's notes as free text (TTekstowy keeps line breaks).
  const stopka = el('Stopka', el('Informacje', val('StopkaFaktury', doc.notes)));

  const root: Node = { name: 'Faktura', attrs: { xmlns: FA3_NAMESPACE }, children: [naglowek!, podmiot1!, podmiot2!, fa!, ...(stopka ? [stopka] : [])] };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(root)}\n`;
}

/** TAdres: the street line, then "postal code city" (or both on the one line when there is no street). */
function address(name: string, p: DocumentParty): Node | null {
  const cityLine = `${p.postalCode} ${p.city}`.trim();
  const [l1, l2] = p.street.trim() ? [p.street, cityLine] : [cityLine, ''];
  if (!l1) return null;
  return el(name, req('KodKraju', p.country), req('AdresL1', l1), val('AdresL2', l2));
}

const contactEmail = (email: string) => (/^\S+@\S+$/.test(email.trim()) ? val('Email', email) : null);

/** TNumerTelefonu allows 16 characters: spaces go first when the number is longer. */
function contactPhone(phone: string): Node | null {
  const spaced = phone.trim().replace(/\s+/g, ' ');
  const compact = spaced.replace(/ /g, '');
  return val('Telefon', spaced.length <= 16 ? spaced : compact.length <= 16 ? compact : '');
}

/** FaWiersz — one position: P_7 nazwa, P_8A miara, P_8B ilość, P_9A cena netto, P_10 opust, P_11 wartość netto, P_12 stawka. */
function lineNode(l: DocumentLine, before: boolean): Node {
  return el(
    'FaWiersz',
    req('NrWierszaFa', l.position),
    req('P_7', l.name),
    val('PKWiU', l.pkwiu),
    val('P_8A', l.unit),
    req('P_8B', qty(l.quantity)),
    req('P_9A', zl(l.unitPriceMinor)),
    l.discountMinor !== 0 && req('P_10', zl(l.discountMinor)), // the price above is before the discount
    req('P_11', zl(l.netMinor)),
    req('P_12', l.ksefRateCode),
    l.annex15 === true && req('P_12_Zal_15', 1), // załącznik nr 15: goods/services under split payment
    val('GTU', l.gtu),
    before && req('StanPrzed', 1), // stan przed korektą
  )!;
}

/**
 * A correction shows each changed position twice, as in the Ministry's FA examples: the state before
 * (StanPrzed=1) and after, under the same NrWierszaFa. Unchanged positions are left out; a position
 * only before was removed, one only after was added.
 */
function correctionLines(doc: InvoiceDocument): Node[] {
  const before = doc.correction!.linesBefore;
  const positions = [...new Set([...before, ...doc.lines].map((l) => l.position))].sort((a, b) => a - b);
  return positions.flatMap((position) => {
    const b = before.find((l) => l.position === position);
    const a = doc.lines.find((l) => l.position === position);
    if (a && b && render(lineNode(a, false)) === render(lineNode(b, false))) return [];
    return [b && lineNode(b, true), a && lineNode(a, false)].filter((n): n is Node => !!n);
  });
}

function correctionData(doc: InvoiceDocument): Child[] {
  const c = doc.correction;
  if (!c) throw new Error('FA(3): a correcting invoice without the corrected invoice');
  return [
    val('PrzyczynaKorekty', c.reason),
    val('TypKorekty', correctionEffect(doc.totals)),
    el(
      'DaneFaKorygowanej',
      req('DataWystFaKorygowanej', c.correctedIssueDate),
      req('NrFaKorygowanej', c.correctedNumber),
      // NrKSeF=1 with the corrected invoice's KSeF number, or NrKSeFN=1: it was issued outside KSeF.
      c.correctedKsefNumber ? [req('NrKSeF', 1), req('NrKSeFFaKorygowanej', c.correctedKsefNumber)] : req('NrKSeFN', 1),
    ),
  ];
}

/**
 * TypKorekty — when the correction takes effect in the VAT records. Nothing changes in money: 1 (the
 * original's date, e.g. corrected buyer data). Only decreases: 2, the correcting invoice's date (art.
 * 29a ust. 13). An increase depends on its cause (an error in the original → 1, a later event → 2),
 * which the document does not record, so the optional element is left out.
 */
function correctionEffect(t: DocumentTotals): 1 | 2 | null {
  const amounts = t.rates.flatMap((r) => [r.netMinor, r.vatMinor]);
  if (amounts.every((a) => a === 0)) return 1;
  return amounts.every((a) => a <= 0) ? 2 : null;
}

/** FormaPlatnosci: 1 gotówka, 2 karta, 6 przelew; anything else is "inna" with a description. */
const PAYMENT_FORMS: Record<PaymentMethod, number | null> = { cash: 1, card: 2, transfer: 6, other: null };

/** Platnosc — what the buyer pays, by when and how. A refund (amount ≤ 0) has no payment terms. */
function payment(doc: InvoiceDocument): Node | null {
  const p = doc.payment;
  if (p.amountMinor <= 0) return null;
  const form = PAYMENT_FORMS[p.method];
  const account = p.bankAccount.replace(/\s+/g, '');
  return el(
    'Platnosc',
    el('TerminPlatnosci', req('Termin', p.dueDate)),
    form !== null ? req('FormaPlatnosci', form) : [req('PlatnoscInna', 1), req('OpisPlatnosci', 'inna')],
    account && el('RachunekBankowy', req('NrRB', account)),
  );
}
