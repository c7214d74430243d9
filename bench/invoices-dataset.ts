// Deterministic invoices for the benchmark and the bulk path that loads them.
// Invoice i depends only on (seed, i, number of invoices, the customers, and the released service orders
// when the orders part loaded them): the same knobs give the same rows. Invoices are issued on the
// business days of three years in index order, so a month's invoices are consecutive and numbers run
// gap-free per month (FV/2025/03/0001 …, correcting invoices FK/… in their own series), as issueInvoice
// would have numbered them. number_key and search_text come from the module's own functions
// (formatNumber with the settings' default patterns, numberKey, invoiceSearchText), line nets and VAT
// per rate from lineAmounts / documentTotals / correctionTotals. Left out: the frozen `document`, the
// FA(3) XML and the audit rows (a small set of real invoices is created through the use cases instead).
import type { Database } from '../server/db/client.ts';
import { formatNumber } from '../server/kernel/numbering/numbering.rules.ts';
import { invoiceSearchText } from '../server/modules/invoicing/invoice-context.ts';
import { addDays, correctionTotals, daysBetween, documentTotals, paymentStatus } from '../server/modules/invoicing/invoicing.rules.ts';
import { numberKey } from '../server/modules/service-orders/service-orders.rules.ts';
import { mediumIndex, type CustomerDirectory } from './assets-dataset.ts';
import { pickWeighted } from './assets-models.ts';
import { copyText, line, rng, uuidFor } from './dataset.ts';
import { BANK_ACCOUNT, DOMAIN_WEIGHTS, correctedLines, invoiceLines, paymentTerms, unpaidChance, type BenchLine, type Domain } from './invoices-models.ts';
import { ORDERS_FIRST_DAY, ORDERS_LAST_DAY, businessCalendar, orderTime, type Calendar } from './orders-dataset.ts';

/** The day the data set's payment states are as of (overdue = due before this day, unpaid). */
export const INVOICES_TODAY = addDays(ORDERS_LAST_DAY, 1);
export const VAT_PATTERN = 'FV/{YYYY}/{MM}/{NNNN}';
export const CORRECTION_PATTERN = 'FK/{YYYY}/{MM}/{NNNN}';
const SELLER_NIP = '5260250995';
const KSEF_FROM = '2026-04-01'; // invoices issued since then went through KSeF
const MIN = 60_000;
const DAY = 86_400_000;

export const KIND = { vat: 0, correction: 1, draft: 2, cancelled: 3 } as const;
/** Share of each kind: issued VAT invoices, correcting invoices, drafts, cancelled drafts. */
const SHARES = { vat: 0.865, correction: 0.05, draft: 0.06 }; // the rest (2.5%) cancelled
/** Share of VAT invoices and drafts made for a released service order (when the orders are loaded). */
const ORDER_SHARE = 0.4;
const LARGE_WEIGHTS = [30, 25, 20, 15, 15, 10, 10, 10, 8, 7].map((w, k) => ({ k, w }));

/** Released service orders in release order: who, and when (ms), and the Warsaw day (days since 2000-01-01). */
export type ReleasedOrders = { ids: string[]; customer: Int32Array; at: Float64Array; day: Int32Array };
export type InvoiceUsers = { issuers: string[]; desk: string[] };

export type InvoicePlan = {
  seed: number;
  count: number;
  dir: CustomerDirectory;
  nips: (string | null)[];
  users: InvoiceUsers;
  orders: ReleasedOrders | null;
  cal: Calendar;
  large: Set<number>;
  t: Float64Array;
  day: Int32Array;
  kind: Uint8Array;
  /** Number in the month's series (VAT or correcting); 0 for drafts. */
  seq: Int32Array;
  customer: Int32Array;
  /** Correcting invoice → the VAT invoice it corrects; VAT invoice → its correcting invoice; −1 otherwise. */
  target: Int32Array;
  correctedBy: Int32Array;
  /** Index into `orders`, or −1. */
  order: Int32Array;
};

const TAG = { id: 0x1f0a, time: 0x1f0b, plan: 0x1f0c, lines: 0x1f0d, corr: 0x1f0e, pay: 0x1f0f, line: 0x1f10, payment: 0x1f11, misc: 0x1f12 };
export const invoiceId = (seed: number, i: number) => uuidFor(seed ^ TAG.id, i, 0);

function pickCustomer(seed: number, dir: CustomerDirectory, r: ReturnType<typeof rng>): number {
  const u = r.next();
  if (u < 0.12 && dir.large.length) return dir.large[pickWeighted(r, LARGE_WEIGHTS).k]!;
  if (u < 0.32 && dir.mediumCount) return mediumIndex(seed, r.int(0, dir.mediumCount - 1));
  const c = r.int(0, dir.count - 1);
  return dir.individual[c] && r.chance(0.5) ? r.int(0, dir.count - 1) : c; // individuals take receipts more often
}

/** Everything invoice i depends on, in one pass over the indexes (numbers, corrections, order links). */
export function invoicePlan(seed: number, count: number, dir: CustomerDirectory, nips: (string | null)[], users: InvoiceUsers, orders: ReleasedOrders | null): InvoicePlan {
  const cal = businessCalendar(ORDERS_FIRST_DAY, ORDERS_LAST_DAY);
  const p: InvoicePlan = {
    seed, count, dir, nips, users, orders, cal, large: new Set(dir.large),
    t: new Float64Array(count), day: new Int32Array(count), kind: new Uint8Array(count), seq: new Int32Array(count),
    customer: new Int32Array(count), target: new Int32Array(count).fill(-1), correctedBy: new Int32Array(count).fill(-1), order: new Int32Array(count).fill(-1),
  };
  const monthOf = cal.dates.map((d) => d.slice(0, 7));
  const vatSeq = new Map<string, number>();
  const corrSeq = new Map<string, number>();
  const vats = new Int32Array(count);
  let nVat = 0;
  const window = Math.max(50, Math.round((count / 36) * 1.5)); // corrections come within about six weeks
  let q = 0;
  let lastTaken = -1;
  const timing = { seed: seed ^ TAG.time, orders: count, cal };
  for (let i = 0; i < count; i++) {
    const { t, day } = orderTime(timing, i);
    p.t[i] = t;
    p.day[i] = day;
    const r = rng(seed, TAG.plan, i);
    const u = r.next();
    let kind: number = u < SHARES.vat ? KIND.vat : u < SHARES.vat + SHARES.correction ? KIND.correction : u < SHARES.vat + SHARES.correction + SHARES.draft ? KIND.draft : KIND.cancelled;
    if (kind === KIND.correction) {
      let j = -1;
      for (let tries = 0; tries < 4 && nVat > 0 && j < 0; tries++) {
        const c = vats[nVat - 1 - r.int(0, Math.min(nVat - 1, window))]!;
        if (p.correctedBy[c] === -1) j = c;
      }
      if (j < 0) kind = KIND.vat;
      else {
        p.target[i] = j;
        p.correctedBy[j] = i;
        p.customer[i] = p.customer[j]!;
      }
    }
    p.kind[i] = kind;
    if (kind !== KIND.correction) {
      // An invoice for the latest released order not invoiced yet (the customer collects the device and pays).
      let linked = false;
      if (orders && kind !== KIND.cancelled && r.chance(ORDER_SHARE)) {
        while (q < orders.at.length && orders.at[q]! <= t) q++;
        if (q - 1 > lastTaken) {
          lastTaken = q - 1;
          p.order[i] = lastTaken;
          p.customer[i] = orders.customer[lastTaken]!;
          linked = true;
        }
      }
      if (!linked) p.customer[i] = pickCustomer(seed, dir, r);
    }
    const month = monthOf[day]!;
    if (kind === KIND.vat) {
      vats[nVat++] = i;
      p.seq[i] = (vatSeq.get(month) ?? 0) + 1;
      vatSeq.set(month, p.seq[i]!);
    } else if (kind === KIND.correction) {
      p.seq[i] = (corrSeq.get(month) ?? 0) + 1;
      corrSeq.set(month, p.seq[i]!);
    }
  }
  return p;
}

const domainOf = (seed: number, ci: number): Domain => pickWeighted(rng(seed, 0xd0a1, ci), DOMAIN_WEIGHTS).v;
const RATE_BP: Record<string, number> = { '23': 2300, '8': 800 };
const totalsOf = (lines: BenchLine[]) => documentTotals(lines.map((l) => ({ netMinor: l.netMinor, vatRateCode: l.vatRateCode, ksefRateCode: l.vatRateCode, rateBp: RATE_BP[l.vatRateCode]! })));
const dayNumber = (n: number) => addDays('2000-01-01', n);

/** What invoice i is about, without its payments: its lines, dates and terms. */
function basics(p: InvoicePlan, i: number) {
  const ci = p.customer[i]!;
  const date = p.cal.dates[p.day[i]!]!;
  const r = rng(p.seed, TAG.lines, i);
  const large = p.large.has(ci);
  const individual = p.dir.individual[ci] === 1;
  const lines = invoiceLines(r, domainOf(p.seed, ci), large);
  const terms = paymentTerms(r, individual, large);
  const o = p.order[i]!;
  const saleDate = o >= 0 ? dayNumber(p.orders!.day[o]!) : r.chance(0.3) ? addDays(date, -r.int(1, 3)) : date;
  return { ci, date, lines, terms, saleDate: saleDate > date ? date : saleDate, individual, large };
}

/** A correcting invoice's lines after the correction and its amounts (after − before). */
function correctionOf(p: InvoicePlan, i: number) {
  const before = basics(p, p.target[i]!);
  const { reason, lines } = correctedLines(rng(p.seed, TAG.corr, i), before.lines);
  return { before, reason, lines, totals: correctionTotals(totalsOf(before.lines), totalsOf(lines)) };
}

export type GeneratedPayment = { id: string; paidOn: string; amountMinor: number; method: string; reference: string; source: string; createdBy: string; createdAt: Date };
export type GeneratedInvoice = ReturnType<typeof generateInvoice>;

/** Invoice `i` of the plan, with its lines and payments. Pure, given the same plan. */
export function generateInvoice(p: InvoicePlan, i: number) {
  const { seed, dir } = p;
  const kind = p.kind[i]!;
  const isCorrection = kind === KIND.correction;
  const corr = isCorrection ? correctionOf(p, i) : null;
  const b = corr ? corr.before : basics(p, i);
  const ci = p.customer[i]!;
  const date = p.cal.dates[p.day[i]!]!;
  const r = rng(seed, TAG.misc, i);
  const t = p.t[i]!;
  const issuer = p.users.issuers[r.int(0, p.users.issuers.length - 1)]!;
  const creator = p.order[i]! >= 0 && p.users.desk.length ? p.users.desk[r.int(0, p.users.desk.length - 1)]! : issuer;
  const lines = corr ? corr.lines : b.lines;
  const totals = corr ? corr.totals : totalsOf(lines);
  const issued = kind === KIND.vat || isCorrection;
  const number = issued ? formatNumber(isCorrection ? CORRECTION_PATTERN : VAT_PATTERN, date, p.seq[i]!) : null;
  const method = b.terms.method;
  const dueDate = isCorrection ? addDays(date, 14) : addDays(date, b.terms.days);

  // Payments (VAT invoices): the amount due follows the correction, if any.
  const payments: GeneratedPayment[] = [];
  const payable = kind === KIND.vat ? totals.grossMinor + (p.correctedBy[i]! >= 0 ? correctionOf(p, p.correctedBy[i]!).totals.grossMinor : 0) : 0;
  let paid = 0;
  if (kind === KIND.vat) {
    const pr = rng(seed, TAG.pay, i);
    const yesterday = addDays(INVOICES_TODAY, -1);
    const pay = (amount: number, on: string, k: number) => {
      const paidOn = on > yesterday ? yesterday : on < date ? date : on;
      const transfer = method === 'transfer';
      payments.push({
        id: uuidFor(seed ^ TAG.payment, i, k), paidOn, amountMinor: amount, method,
        reference: transfer ? (pr.chance(0.7) ? `Zapłata za fakturę ${number}` : `${number}`) : '', source: transfer && pr.chance(0.7) ? 'bank_statement' : 'manual',
        createdBy: issuer, createdAt: new Date(Date.parse(`${paidOn}T08:00:00Z`) + pr.int(0, 9 * 60) * MIN),
      });
      paid += amount;
    };
    if (method !== 'transfer') pay(payable, date, 0);
    else {
      const pastDue = daysBetween(dueDate, INVOICES_TODAY);
      if (pr.chance(unpaidChance(pastDue))) {
        if (pr.chance(pastDue > 0 ? 0.3 : 0.1) && payable >= 200) pay(Math.round(payable * (0.2 + 0.6 * pr.next())), addDays(date, pr.int(0, b.terms.days)), 0);
      } else {
        const on = addDays(date, Math.max(0, b.terms.days - pr.int(0, 5)) + (pr.chance(0.25) ? pr.int(1, 20) : 0));
        if (pr.chance(0.08) && payable >= 200) {
          const first = Math.round(payable / 2);
          pay(first, addDays(on, -pr.int(3, 10)), 0);
          pay(payable - first, on, 1);
        } else pay(payable, on, 0);
      }
    }
  }
  const status = issued ? 'issued' : kind === KIND.draft ? 'draft' : 'cancelled';
  const createdAt = new Date(issued ? t - r.int(5, 240) * MIN : t);
  const sentAt = issued && r.chance(0.85) ? new Date(t + r.int(1, 180) * MIN) : null;
  const cancelledAt = kind === KIND.cancelled ? new Date(Math.min(t + r.int(10, 5 * 24 * 60) * MIN, Date.parse(`${INVOICES_TODAY}T00:00:00Z`) - DAY)) : null;
  const ksef = issued && date >= KSEF_FROM;
  const hex = (n: number) => Array.from({ length: n }, () => '0123456789ABCDEF'[r.int(0, 15)]).join('');
  const ksefAt = ksef ? new Date(t + r.int(1, 10) * MIN) : null;
  const last = Math.max(t, sentAt?.getTime() ?? 0, cancelledAt?.getTime() ?? 0, ksefAt?.getTime() ?? 0, ...payments.map((x) => x.createdAt.getTime()));
  const name = dir.names[ci]!;
  const nip = p.nips[ci] ?? null;
  return {
    index: i,
    id: invoiceId(seed, i),
    kind: isCorrection ? ('correction' as const) : ('vat' as const),
    status,
    number,
    numberKey: number ? numberKey(number) : null,
    customerIndex: ci,
    customerId: dir.ids[ci]!,
    customerName: name,
    lang: r.chance(0.03) ? 'en' : 'pl',
    issueDate: date,
    saleDate: b.saleDate,
    dueDate,
    paymentMethod: method,
    serviceOrderId: p.order[i]! >= 0 ? p.orders!.ids[p.order[i]!]! : null,
    correctsInvoiceId: isCorrection ? invoiceId(seed, p.target[i]!) : null,
    correctionReason: corr?.reason ?? '',
    lines,
    netMinor: totals.netMinor,
    vatMinor: totals.vatMinor,
    grossMinor: totals.grossMinor,
    payableMinor: payable,
    paidMinor: paid,
    paymentStatus: kind === KIND.vat ? paymentStatus(payable, paid) : isCorrection ? 'paid' : 'unpaid',
    payments,
    issuedAt: issued ? new Date(t) : null,
    issuedBy: issued ? issuer : null,
    sentAt,
    cancelledAt,
    ksefNumber: ksef ? `${SELLER_NIP}-${date.replace(/-/g, '')}-${hex(12)}-${hex(2)}` : null,
    ksefReference: ksef ? `${date.replace(/-/g, '')}-SE-${hex(10)}` : null,
    ksefAt,
    createdBy: creator,
    createdAt,
    updatedAt: new Date(last),
    searchText: invoiceSearchText(number, name, nip),
    overdue: kind === KIND.vat && paid < payable && dueDate < INVOICES_TODAY,
  };
}

/** What the rules say about a generated invoice; a list of problems (empty: fine). Every 97th row is checked. */
export function invoiceProblems(p: InvoicePlan, x: GeneratedInvoice): string[] {
  const out: string[] = [];
  const sum = x.lines.reduce((a, l) => a + l.netMinor, 0);
  if (x.kind === 'vat' && sum !== x.netMinor) out.push(`net ${x.netMinor} is not the sum of the lines ${sum}`);
  if (x.lines.length < 2 || x.lines.length > 5) out.push(`${x.lines.length} lines`);
  if (x.saleDate > x.issueDate) out.push(`sale date ${x.saleDate} after issue date ${x.issueDate}`);
  if (x.dueDate < x.issueDate) out.push(`due date ${x.dueDate} before issue date ${x.issueDate}`);
  if (x.number && x.number.slice(3, 10) !== x.issueDate.slice(0, 7).replace('-', '/')) out.push(`number ${x.number} is not of ${x.issueDate.slice(0, 7)}`);
  if (x.kind === 'vat' && x.status === 'issued' && (x.paidMinor > x.payableMinor || x.payableMinor <= 0)) out.push(`paid ${x.paidMinor} of payable ${x.payableMinor}`);
  if (x.kind === 'correction' && x.grossMinor > 0) out.push(`a correction raising the amount (${x.grossMinor})`);
  if (x.payments.some((y) => y.paidOn < x.issueDate || y.paidOn >= INVOICES_TODAY)) out.push('a payment outside [issue date, today)');
  if (x.correctsInvoiceId && p.target[x.index]! >= x.index) out.push('corrects a later invoice');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Bulk load: the customers' COPY paths (bench/dataset.ts copyText).

const INVOICE_COLUMNS = [
  'id', 'kind', 'status', 'number', 'number_key', 'customer_id', 'lang', 'issue_date', 'sale_date', 'due_date', 'payment_method', 'bank_account', 'split_payment',
  'exemption_basis', 'place_of_issue', 'notes', 'service_order_id', 'corrects_invoice_id', 'correction_reason', 'net_minor', 'vat_minor', 'gross_minor',
  'payable_minor', 'paid_minor', 'payment_status', 'issued_at', 'issued_by', 'sent_at', 'cancelled_at', 'ksef_status', 'ksef_reference', 'ksef_number',
  'ksef_updated_at', 'created_by', 'created_at', 'updated_at', 'search_text',
];
const LINE_COLUMNS = ['id', 'invoice_id', 'position', 'name', 'quantity', 'unit', 'unit_price_minor', 'discount_bp', 'net_minor', 'vat_rate_code', 'annex15', 'source_kind'];
const PAYMENT_COLUMNS = ['id', 'invoice_id', 'paid_on', 'amount_minor', 'method', 'reference', 'source', 'created_by', 'created_at'];
const iso = (d: Date | null) => d?.toISOString() ?? null;

function invoiceLine(x: GeneratedInvoice): string {
  return line([
    x.id, x.kind, x.status, x.number, x.numberKey, x.customerId, x.lang, x.issueDate, x.saleDate, x.dueDate, x.paymentMethod, BANK_ACCOUNT, 'f',
    '', 'Łódź', '', x.serviceOrderId, x.correctsInvoiceId, x.correctionReason, String(x.netMinor), String(x.vatMinor), String(x.grossMinor),
    String(x.payableMinor), String(x.paidMinor), x.paymentStatus, iso(x.issuedAt), x.issuedBy, iso(x.sentAt), iso(x.cancelledAt), x.ksefNumber ? 'accepted' : 'not_sent', x.ksefReference, x.ksefNumber,
    iso(x.ksefAt), x.createdBy, x.createdAt.toISOString(), x.updatedAt.toISOString(), x.searchText,
  ]);
}

export type InvoiceGrowStats = { invoices: number; lines: number; payments: number; generateMs: number; loadMs: number; totalMs: number; overdue: number };

/** Adds invoices [from, to) of the plan in batches: one COPY of invoices, one of lines, one of payments each. */
export async function growInvoices(database: Database, p: InvoicePlan, from: number, to: number, opts: { batch?: number; onProgress?: (done: number, total: number) => void } = {}): Promise<InvoiceGrowStats> {
  const batch = opts.batch ?? 20_000;
  const s: InvoiceGrowStats = { invoices: 0, lines: 0, payments: 0, generateMs: 0, loadMs: 0, totalMs: 0, overdue: 0 };
  const t0 = performance.now();
  for (let start = from; start < to; start += batch) {
    const end = Math.min(to, start + batch);
    const g0 = performance.now();
    let inv = '';
    let lines = '';
    let pays = '';
    for (let i = start; i < end; i++) {
      const x = generateInvoice(p, i);
      if (i % 97 === 0) {
        const problems = invoiceProblems(p, x);
        if (problems.length) throw new Error(`Generated invoice ${i} (${x.number ?? x.status}) is invalid: ${problems.join('; ')}`);
      }
      inv += invoiceLine(x);
      x.lines.forEach((l, k) => (lines += line([uuidFor(p.seed ^ TAG.line, i, k + 1), x.id, String(k + 1), l.name, l.quantity, l.unit, String(l.unitPriceMinor), String(l.discountBp), String(l.netMinor), l.vatRateCode, 'f', l.sourceKind])));
      for (const y of x.payments) pays += line([y.id, x.id, y.paidOn, String(y.amountMinor), y.method, y.reference, y.source, y.createdBy, y.createdAt.toISOString()]);
      s.lines += x.lines.length;
      s.payments += x.payments.length;
      if (x.overdue) s.overdue++;
    }
    const l0 = performance.now();
    s.generateMs += l0 - g0;
    await copyText(database, 'invoices', INVOICE_COLUMNS, inv);
    await copyText(database, 'invoice_lines', LINE_COLUMNS, lines);
    if (pays) await copyText(database, 'invoice_payments', PAYMENT_COLUMNS, pays);
    s.loadMs += performance.now() - l0;
    s.invoices += end - start;
    opts.onProgress?.(end - from, to - from);
  }
  s.totalMs = performance.now() - t0;
  return s;
}

// ---------------------------------------------------------------------------------------------
// Numbering: continue the series after the loaded numbers, and check every month runs 1…N.

export type InvoiceSeriesCheck = { series: string; period: string; numbers: number; first: number; last: number; lastValue: number; gapFree: boolean };

export async function continueInvoiceSeries(database: Database): Promise<InvoiceSeriesCheck[]> {
  await database.query(
    `insert into number_series (series, period, last_value)
     select 'invoice:' || kind || ':monthly', to_char(issue_date, 'YYYY-MM'), max(split_part(number, '/', 4)::int) from invoices where number is not null group by 1, 2
     on conflict (series, period) do update set last_value = greatest(number_series.last_value, excluded.last_value)`,
  );
  return invoiceSeriesCheck(database);
}

export async function invoiceSeriesCheck(database: Database): Promise<InvoiceSeriesCheck[]> {
  const rows = await database.query<{ series: string; period: string; n: string | number; first: number; last: number; last_value: number | null }>(
    `select i.series, i.period, i.n, i.first, i.last, s.last_value from (
       select 'invoice:' || kind || ':monthly' as series, to_char(issue_date, 'YYYY-MM') as period, count(*) as n,
              min(split_part(number, '/', 4)::int) as first, max(split_part(number, '/', 4)::int) as last
         from invoices where number is not null group by 1, 2) i
     left join number_series s on s.series = i.series and s.period = i.period order by 1, 2`,
  );
  return rows.map((r) => ({ series: r.series, period: r.period, numbers: Number(r.n), first: r.first, last: r.last, lastValue: r.last_value ?? 0, gapFree: r.first === 1 && r.last === Number(r.n) && (r.last_value ?? 0) === r.last }));
}
