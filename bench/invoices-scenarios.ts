// The invoices API scenarios of the bench and the same requests as EXPLAIN ANALYZE inputs. Every
// request value comes from the generator (same seed, same rows), never from a random sample of the table.
import { encodeCursor } from '../server/kernel/http/pagination.ts';
import { mediumIndex } from './assets-dataset.ts';
import { rng } from './dataset.ts';
import { KIND, generateInvoice, invoiceId, type GeneratedInvoice, type InvoicePlan } from './invoices-dataset.ts';
import { ok, page, type Scenario } from './measure.ts';
import { nameWord } from './orders-scenarios.ts';

export const INVOICES_API = '/api/v1/invoices';

/** One list request: its query string, for autocannon (as a path) and for EXPLAIN (as the use case's input). */
export type InvoiceRequest = { label: string; query: Record<string, string> };
const pathOf = (q: Record<string, string>) => `${INVOICES_API}?${new URLSearchParams({ limit: '25', ...q }).toString()}`;

/** One-month ranges of issue dates: early, middle and late in the data set, and the current month. */
export const MONTHS = ['2024-01', '2024-06', '2025-03', '2025-12', '2026-10', '2026-11'];
const lastDay = (m: string) => new Date(Date.UTC(+m.slice(0, 4), +m.slice(5, 7), 0)).toISOString().slice(0, 10);

/** The ways a person types invoice FV/2025/03/0123: as printed, without separators, and loosely (no zeros). */
export const numberForms = (n: string) => {
  const [prefix, y, m, seq] = n.split('/') as [string, string, string, string];
  return { printed: n, compact: n.replace(/\//g, '').toLowerCase(), loose: `${prefix.toLowerCase()} ${y} ${Number(m)} ${Number(seq)}`, noZeros: `${prefix}/${y}/${Number(m)}/${Number(seq)}` };
};

export type InvoiceScenarioSet = {
  scenarios: Scenario[];
  /** Per scenario key, the requests to EXPLAIN (a few of the rotated ones). */
  explain: Record<string, InvoiceRequest[]>;
  /** The brief's example number when the data set has it, else the first sampled one. */
  exampleNumber: string;
};

export function invoiceScenarios(plan: InvoicePlan, real: { ids: string[] }, targets: string[]): InvoiceScenarioSet {
  const { seed, count, dir } = plan;
  const gen = (i: number) => generateInvoice(plan, i);
  const r = rng(seed, 0x1e5c, count);
  const sample: GeneratedInvoice[] = Array.from({ length: 3000 }, () => gen(r.int(0, count - 1)));

  // Deep page: cursors of 20 rows between 85% and 95% of the list (newest issue date first). Invoices
  // are issued in index order, so the row near that position is invoice count − 1 − position.
  const deep = Array.from({ length: 20 }, (_, k) => {
    const i = Math.max(0, count - 1 - Math.floor(count * (0.85 + (0.1 * k) / 19)));
    return { label: 'deep page (~90%)', query: { cursor: encodeCursor([plan.cal.dates[plan.day[i]!]!, invoiceId(seed, i)]) } };
  });

  // Customers: three large ones, then medium and small customers that have invoices (and overdue ones).
  const isMedium = (ci: number) => dir.mediumCount > 0 && ci === mediumIndex(seed, Math.floor(ci / 100));
  const sizeOf = (ci: number) => (plan.large.has(ci) ? 'large' : isMedium(ci) ? 'medium' : 'small');
  const pick = (list: GeneratedInvoice[], each: number) => {
    const out: number[] = [];
    for (const size of ['large', 'medium', 'small']) {
      for (const x of list) if (out.filter((c) => sizeOf(c) === size).length < each && sizeOf(x.customerIndex) === size && !out.includes(x.customerIndex)) out.push(x.customerIndex);
    }
    return out;
  };
  const customers = pick(sample, 3);
  const overdueCustomers = pick(sample.filter((x) => x.overdue), 3);
  const words = [...new Set(customers.map((ci) => nameWord(dir.names[ci]!, dir.individual[ci] === 1)))];

  // Numbers: FV/2025/03/0123 when March 2025 has that many, then sampled VAT and correcting invoices.
  let march = 0;
  for (let i = 0; i < count; i++) if (plan.kind[i] === KIND.vat && plan.cal.dates[plan.day[i]!]!.startsWith('2025-03')) march = Math.max(march, plan.seq[i]!);
  const sampled = sample.filter((x) => x.number).slice(0, 100).map((x) => x.number!);
  const numbers = march >= 123 ? ['FV/2025/03/0123', ...sampled] : sampled;
  const forms = numbers.map(numberForms);

  const customerLabel = (ci: number) => `${sizeOf(ci)}: ${dir.names[ci]}`;
  const req = {
    list: [{ label: 'list page 1', query: {} }],
    deep,
    overdue: [{ label: 'status=overdue', query: { status: 'overdue' } }],
    overdueCustomer: overdueCustomers.map((ci) => ({ label: `overdue=true&customerId=${customerLabel(ci)}`, query: { overdue: 'true', customerId: dir.ids[ci]! } })),
    customer: customers.map((ci) => ({ label: `customerId=${customerLabel(ci)}`, query: { customerId: dir.ids[ci]! } })),
    draft: [{ label: 'status=draft', query: { status: 'draft' } }],
    month: MONTHS.map((m) => ({ label: `from=${m}-01&to=${lastDay(m)}`, query: { from: `${m}-01`, to: lastDay(m) } })),
    correction: [{ label: 'kind=correction', query: { kind: 'correction' } }],
    number: forms.map((f) => ({ label: `q=${f.printed}`, query: { q: f.printed } })),
    compact: forms.map((f) => ({ label: `q=${f.compact}`, query: { q: f.compact } })),
    loose: forms.map((f) => ({ label: `q=${f.loose}`, query: { q: f.loose } })),
    customerSearch: words.map((q) => ({ label: `q=${q}`, query: { q } })),
  } satisfies Record<string, InvoiceRequest[]>;

  const s = (key: string, label: string, list: InvoiceRequest[], min: number): Scenario => ({ key, label, method: 'GET', paths: list.map((x) => pathOf(x.query)), check: page(min) });
  const scenarios: Scenario[] = [
    { key: 'floor', label: 'floor: 1 indexed SELECT, no app code', method: 'GET', paths: ['/bench/floor'], check: ok(200) },
    s('invoice-list', 'invoices: list page 1 (with totals)', req.list, 25),
    s('invoice-deep', 'invoices: deep page (~90%, keyset)', req.deep, 25),
    s('invoice-overdue', 'invoices: status=overdue', req.overdue, 25),
    s('invoice-overdue-customer', 'invoices: overdue=true&customerId', req.overdueCustomer, 1),
    s('invoice-customer', 'invoices: by customer', req.customer, 1),
    s('invoice-draft', 'invoices: status=draft', req.draft, 25),
    s('invoice-month', 'invoices: one month (from/to)', req.month, 25),
    s('invoice-correction', 'invoices: kind=correction', req.correction, 25),
    s('invoice-number', 'invoices: search number as printed', req.number, 1),
    s('invoice-number-compact', 'invoices: search number without separators', req.compact, 1),
    s('invoice-number-loose', 'invoices: search "fv 2025 3 123" (typed loosely)', req.loose, 0),
    s('invoice-customer-search', 'invoices: search customer name word', req.customerSearch, 1),
    { key: 'invoice-get', label: 'invoices: get by id (issued through the API)', method: 'GET', paths: real.ids.map((id) => `${INVOICES_API}/${id}`), check: ok(200) },
    { key: 'invoice-pdf', label: 'invoices: PDF of an issued invoice', method: 'GET', paths: real.ids.slice(0, 50).map((id) => `${INVOICES_API}/${id}/pdf`), check: ok(200) },
    { key: 'invoice-create', label: 'invoices: create draft (3 lines)', method: 'POST', paths: [INVOICES_API], create: true, body: { kind: 'create-invoice', seed, customers: targets }, check: ok(201) },
  ];
  const explain: Record<string, InvoiceRequest[]> = {
    'invoice-list': req.list,
    'invoice-deep': req.deep.slice(10, 11),
    'invoice-overdue': req.overdue,
    'invoice-overdue-customer': req.overdueCustomer,
    'invoice-customer': req.customer,
    'invoice-draft': req.draft,
    'invoice-month': req.month,
    'invoice-correction': req.correction,
    'invoice-number': req.number.slice(0, 3),
    'invoice-number-compact': req.compact.slice(0, 2),
    'invoice-number-loose': req.loose.slice(0, 2),
    'invoice-customer-search': req.customerSearch,
  };
  return { scenarios, explain, exampleNumber: numbers[0]! };
}

/** The issue scenario: POST /:id/issue over drafts, each once (the first one is the checked request). */
export function issueScenario(draftIds: string[]): Scenario {
  return { key: 'invoice-issue', label: 'invoices: issue a draft (number of the month)', method: 'POST', paths: draftIds.map((id) => `${INVOICES_API}/${id}/issue`), check: ok(200) };
}
