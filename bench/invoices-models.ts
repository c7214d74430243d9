// What the invoicing bench's invoices say: the lines a repair shop bills (labour, call-outs, services
// and parts, per kind of work), why invoices get corrected, payment terms, the accountants, and the
// body of the create-draft request. Pure: no I/O, no server imports beyond pure rules. (client.ts
// imports this file in the load generator's child process, so it must stay light.)
import { lineAmounts } from '../server/modules/invoicing/invoicing.rules.ts';
import { pickWeighted } from './assets-models.ts';
import { rng, type Rng } from './dataset.ts';

/** The kinds of work a customer's invoices are about (the same customer keeps its kind). */
export const DOMAINS = ['it', 'hvac', 'fleet', 'licence'] as const;
export type Domain = (typeof DOMAINS)[number];
export const DOMAIN_WEIGHTS: { v: Domain; w: number }[] = [
  { v: 'it', w: 40 },
  { v: 'hvac', w: 35 },
  { v: 'fleet', w: 15 },
  { v: 'licence', w: 10 },
];

/** A billable item: unit, net unit price range in grosze (rounded to whole złoty), quantities, VAT rate. */
type Item = { name: string; unit: string; min: number; max: number; qty: readonly string[]; vat?: '23' | '8'; w: number };
const item = (name: string, unit: string, min: number, max: number, qty: readonly string[], w: number, vat?: '23' | '8'): Item => ({ name, unit, min: min * 100, max: max * 100, qty, w, ...(vat ? { vat } : {}) });
const ONE = ['1'] as const;
const HOURS = ['0.5', '1', '1', '1.5', '2', '2', '3', '4', '6'] as const;
const KM = ['12', '18', '25', '32', '40', '56', '75', '110'] as const;

/** Labour and call-outs (every invoice starts with one or two of them), then services and parts per domain. */
const LABOUR: Item[] = [
  item('Robocizna serwisowa', 'godz.', 120, 220, HOURS, 10),
  item('Diagnoza usterki', 'usł.', 80, 150, ONE, 6),
  item('Dojazd do klienta', 'km', 2, 3, KM, 4),
  item('Ekspertyza techniczna', 'usł.', 150, 350, ONE, 1),
];
const WORK: Record<Domain, Item[]> = {
  it: [
    item('Matryca 15,6" FHD IPS', 'szt.', 350, 690, ONE, 5), item('Dysk SSD 1 TB NVMe', 'szt.', 280, 520, ONE, 6), item('Zasilacz 90 W', 'szt.', 120, 220, ONE, 4),
    item('Klawiatura do laptopa', 'szt.', 150, 320, ONE, 3), item('Bateria 6-komorowa', 'szt.', 220, 420, ONE, 3), item('Pasta termoprzewodząca', 'szt.', 20, 45, ONE, 3),
    item('Bęben światłoczuły', 'szt.', 180, 450, ONE, 3), item('Toner HP 26A', 'szt.', 250, 420, ['1', '2'], 4), item('Zespół utrwalający', 'szt.', 390, 880, ONE, 2),
    item('Instalacja systemu i przeniesienie danych', 'usł.', 150, 300, ONE, 3), item('Odzyskanie danych z dysku', 'usł.', 400, 1800, ONE, 1),
    item('Przegląd okresowy drukarki', 'usł.', 120, 250, ONE, 3),
  ],
  hvac: [
    item('Przegląd roczny kotła gazowego', 'usł.', 250, 450, ONE, 8, '8'), item('Czyszczenie i konserwacja klimatyzacji', 'usł.', 200, 400, ['1', '2', '3'], 6),
    item('Elektroda zapłonowa', 'szt.', 60, 140, ONE, 3), item('Czujnik ciągu spalin', 'szt.', 90, 210, ONE, 2), item('Pompa obiegowa Grundfos', 'szt.', 450, 900, ONE, 2),
    item('Zawór trójdrożny', 'szt.', 280, 560, ONE, 2), item('Wymiennik płytowy', 'szt.', 380, 790, ONE, 2), item('Czynnik chłodniczy R32', 'kg', 180, 300, ['0.5', '0.8', '1', '1.5'], 3),
    item('Naczynie wzbiorcze 8 l', 'szt.', 120, 240, ONE, 1), item('Odgrzybianie parownika', 'usł.', 120, 220, ONE, 2),
  ],
  fleet: [
    item('Przegląd okresowy pojazdu', 'usł.', 350, 650, ONE, 6), item('Klocki hamulcowe przód', 'kpl.', 180, 380, ONE, 4), item('Tarcze hamulcowe przód', 'kpl.', 320, 640, ONE, 2),
    item('Olej silnikowy 5W-30', 'l', 35, 60, ['5', '6', '7', '8'], 5), item('Filtr oleju', 'szt.', 35, 80, ONE, 5), item('Filtr kabinowy', 'szt.', 45, 120, ONE, 3),
    item('Wymiana opon z wyważeniem', 'kpl.', 160, 280, ONE, 3), item('Akumulator 95 Ah', 'szt.', 480, 820, ONE, 1), item('Diagnostyka komputerowa', 'usł.', 100, 200, ONE, 3),
  ],
  licence: [
    item('Licencja – przedłużenie na 12 miesięcy', 'szt.', 900, 3500, ['1', '1', '2', '3', '5'], 6), item('Dodatkowe stanowisko', 'szt.', 400, 900, ['1', '2', '3'], 3),
    item('Aktualizacja do nowej wersji', 'usł.', 300, 900, ONE, 3), item('Wdrożenie i szkolenie', 'godz.', 150, 250, HOURS, 3), item('Odtworzenie bazy z kopii zapasowej', 'usł.', 300, 700, ONE, 1),
  ],
};
const LINE_COUNTS = [{ v: 2, w: 35 }, { v: 3, w: 35 }, { v: 4, w: 20 }, { v: 5, w: 10 }];

/** One invoice line as the bench writes it (invoice_lines columns; quantity as the database text). */
export type BenchLine = { name: string; quantity: string; unit: string; unitPriceMinor: number; discountBp: number; vatRateCode: '23' | '8'; netMinor: number; sourceKind: 'labour' | 'part' | 'service' | 'free' };

const thousandths = (q: string) => BigInt(Math.round(Number(q) * 1000));
export const netOf = (quantity: string, unitPriceMinor: number, discountBp: number) => lineAmounts(thousandths(quantity), unitPriceMinor, discountBp).netMinor;

function lineOf(r: Rng, it: Item, discountBp: number): BenchLine {
  const unitPriceMinor = it.unit === 'km' ? r.int(it.min / 10, it.max / 10) * 10 : Math.round(r.int(it.min, it.max) / 100) * 100;
  const quantity = r.pick(it.qty);
  const sourceKind = it.unit === 'godz.' || it.unit === 'km' ? 'labour' : it.unit === 'usł.' ? 'service' : 'part';
  return { name: it.name, quantity, unit: it.unit, unitPriceMinor, discountBp, vatRateCode: it.vat ?? '23', netMinor: netOf(quantity, unitPriceMinor, discountBp), sourceKind };
}

/** 2–5 lines: one or two of labour / diagnosis / call-out, then services and parts of the domain (no item twice). */
export function invoiceLines(r: Rng, domain: Domain, large: boolean): BenchLine[] {
  const n = pickWeighted(r, LINE_COUNTS).v;
  const discount = large && r.chance(0.6) ? r.pick([500, 800, 1000, 1500]) : r.chance(0.06) ? r.pick([300, 500, 1000]) : 0;
  const used = new Set<string>();
  const out: BenchLine[] = [];
  const labour = 1 + (n >= 4 && r.chance(0.5) ? 1 : 0);
  for (let k = 0; out.length < n && k < 40; k++) {
    const it = pickWeighted(r, out.length < labour ? LABOUR : WORK[domain]);
    if (used.has(it.name)) continue;
    used.add(it.name);
    out.push(lineOf(r, it, it.unit === 'km' ? 0 : discount));
  }
  return out;
}

/** Why a correcting invoice was issued, and what it changes in the corrected lines (the state after). */
export const CORRECTION_REASONS = [
  { v: 'Rabat udzielony po reklamacji', w: 30, change: 'discount' as const },
  { v: 'Błędna ilość – zwrot niewykorzystanej części', w: 25, change: 'quantity' as const },
  { v: 'Zmiana ceny zgodnie z umową serwisową', w: 20, change: 'discount' as const },
  { v: 'Część nie została zamontowana – zwrot', w: 15, change: 'remove' as const },
  { v: 'Pomyłka w stawce za dojazd', w: 10, change: 'quantity' as const },
];

/** The corrected state of `before`: one line discounted, lowered or brought to zero (at least one line keeps its amount). */
export function correctedLines(r: Rng, before: BenchLine[]): { reason: string; lines: BenchLine[] } {
  const reason = pickWeighted(r, CORRECTION_REASONS);
  const k = r.int(0, before.length - 1);
  const lines = before.map((l) => ({ ...l }));
  const l = lines[k]!;
  if (reason.change === 'remove' && before.length > 1) l.quantity = '0';
  else if (reason.change === 'quantity' && Number(l.quantity) > 1) l.quantity = String(Math.max(0.5, Math.floor(Number(l.quantity) / 2)));
  else l.discountBp = Math.min(10_000, l.discountBp + r.pick([1000, 1500, 2000, 3000, 5000]));
  l.netMinor = netOf(l.quantity, l.unitPriceMinor, l.discountBp);
  return { reason: reason.v, lines };
}

/** Payment method and term (days) of a buyer's invoice. */
export function paymentTerms(r: Rng, individual: boolean, large: boolean): { method: 'transfer' | 'cash' | 'card'; days: number } {
  if (individual) {
    const u = r.next();
    return u < 0.45 ? { method: 'card', days: 0 } : u < 0.7 ? { method: 'cash', days: 0 } : { method: 'transfer', days: 7 };
  }
  if (!large && r.chance(0.12)) return { method: r.chance(0.5) ? 'cash' : 'card', days: 0 };
  return { method: 'transfer', days: large ? 30 : r.pick([7, 14, 14, 14, 21, 30]) };
}

/** Whether an issued transfer invoice is still unpaid, by how many days it is past due (the rest are paid). */
export function unpaidChance(daysPastDue: number): number {
  if (daysPastDue <= 0) return 0.6; // not due yet: most pay near the due date
  if (daysPastDue <= 30) return 0.5;
  if (daysPastDue <= 90) return 0.16;
  if (daysPastDue <= 365) return 0.06;
  return 0.025;
}

/** The seller's bank account (the settings' first account; valid NRB). */
export const BANK_ACCOUNT = 'PL61 1090 1014 0000 0712 1981 2874';
/** Two accountants who issue invoices and record payments (createUser, role accountant). */
export const ACCOUNTANTS = ['Beata Kaczmarek', 'Ewa Sikora'];

// ---------------------------------------------------------------------------------------------
// The create-draft request (POST /api/v1/invoices), generated in the load generator.

/** Body number `n` of the create stream: a customer in rotation and 3 lines of its kind of work. */
export function createInvoiceBody(seed: number, n: number, customers: string[]) {
  const r = rng(seed, 0x1c0de, n);
  const domain = pickWeighted(r, DOMAIN_WEIGHTS).v;
  const lines: BenchLine[] = [];
  for (let k = 0; lines.length < 3 && k < 20; k++) {
    const l = invoiceLines(r, domain, false);
    for (const x of l) if (lines.length < 3 && !lines.some((y) => y.name === x.name)) lines.push(x);
  }
  return {
    customerId: customers[n % customers.length]!,
    splitPayment: false,
    notes: `Zlecenie z recepcji nr ${n + 1}`,
    lines: lines.map((l) => ({ name: l.name, quantity: l.quantity, unit: l.unit, unitPriceMinor: l.unitPriceMinor, discountBp: l.discountBp, vatRateCode: l.vatRateCode, sourceKind: 'free' as const })),
  };
}
