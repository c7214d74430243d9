// What the invoices part needs besides the bulk rows, all through the real use cases: the invoicing
// settings (bank account, place of issue), two accountants, a small set of real invoices (createDraft
// + issueInvoice, some corrected and paid) whose frozen document makes GET /:id and the PDF real, and
// the drafts the issue scenario issues. Also what the generator reads back from the database: the
// customers' NIPs and the released service orders.
import type { Ctx, Deps } from '../server/deps.ts';
import type { Database } from '../server/db/client.ts';
import { createUser } from '../server/modules/identity/identity.usecases.ts';
import { createDraft, updateDraft } from '../server/modules/invoicing/drafts.usecases.ts';
import { createCorrection, issueInvoice } from '../server/modules/invoicing/issue.usecases.ts';
import { recordPayment } from '../server/modules/invoicing/payments.usecases.ts';
import { updateInvoiceSettings } from '../server/modules/invoicing/settings.usecases.ts';
import { invoiceDraftInput, invoiceDraftPatch } from '../server/modules/invoicing/invoicing.schemas.ts';
import type { CustomerDirectory } from './assets-dataset.ts';
import { generateCustomer, rng, uuidFor } from './dataset.ts';
import type { InvoiceUsers, ReleasedOrders } from './invoices-dataset.ts';
import { ACCOUNTANTS, BANK_ACCOUNT, createInvoiceBody } from './invoices-models.ts';

const email = (name: string) => `${name.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z]+/g, '.')}@bench.pl`;

/** Settings (createInvoiceSettings' defaults plus the bank account) and two accountants (createUser). */
export async function createInvoiceSetup(deps: Deps, ctx: Ctx): Promise<InvoiceUsers> {
  await updateInvoiceSettings(deps, ctx, {
    placeOfIssue: 'Łódź', paymentDays: 14, paymentMethod: 'transfer', bankAccounts: [{ account: BANK_ACCOUNT, label: 'PKO BP' }], language: 'pl',
    vatPattern: 'FV/{YYYY}/{MM}/{NNNN}', vatReset: 'monthly', correctionPattern: 'FK/{YYYY}/{MM}/{NNNN}', correctionReset: 'monthly', exemptionBasis: '', notes: '',
  });
  for (const name of ACCOUNTANTS) await createUser(deps, ctx, { email: email(name), name, role: 'accountant', language: 'pl' });
  const rows = await deps.database.query<{ id: string; role: string }>(`select id, role from users where role in ('administrator', 'accountant', 'front_desk') order by email`);
  return { issuers: rows.filter((r) => r.role !== 'front_desk').map((r) => r.id), desk: rows.filter((r) => r.role === 'front_desk').map((r) => r.id) };
}

/** Customer index of a generated customer's id (the last 4 bytes of uuidFor are a bijection of the index). */
function indexOfId(seed: number, count: number, dir: CustomerDirectory) {
  const mask = parseInt(uuidFor(seed, 0, 0).slice(-8), 16);
  return (id: string) => {
    const i = (parseInt(id.slice(-8), 16) ^ mask) >>> 0;
    return i < count && dir.ids[i] === id ? i : -1;
  };
}

/** The NIP of every customer of the data set (for search_text, as invoiceSearchText takes it from the buyer). */
export async function loadNips(database: Database, seed: number, dir: CustomerDirectory): Promise<(string | null)[]> {
  const nips = new Array<string | null>(dir.count).fill(null);
  const index = indexOfId(seed, dir.count, dir);
  for (const r of await database.query<{ id: string; nip: string }>('select id, nip from customers where nip is not null')) {
    const i = index(r.id);
    if (i >= 0) nips[i] = r.nip;
  }
  return nips;
}

/** Released service orders of the data set's customers, in release order; null when there are none. */
export async function loadReleasedOrders(database: Database, seed: number, dir: CustomerDirectory): Promise<ReleasedOrders | null> {
  const rows = await database.query<{ id: string; customer_id: string; at: string | number; day: number }>(
    `select id, customer_id, extract(epoch from released_at) * 1000 as at, (released_at at time zone 'Europe/Warsaw')::date - date '2000-01-01' as day
       from service_orders where phase = 'released' and released_at is not null order by released_at, id`,
  );
  const index = indexOfId(seed, dir.count, dir);
  const kept = rows.filter((r) => index(r.customer_id) >= 0);
  if (!kept.length) return null;
  return { ids: kept.map((r) => r.id), customer: Int32Array.from(kept, (r) => index(r.customer_id)), at: Float64Array.from(kept, (r) => Number(r.at)), day: Int32Array.from(kept, (r) => Number(r.day)) };
}

/** Active customers to invoice through the API: companies and individuals spread over the data set. */
export function invoiceTargets(seed: number, dir: CustomerDirectory, count: number): string[] {
  const r = rng(seed, 0x7a61, count);
  const out = new Set<string>();
  for (let tries = 0; out.size < count && tries < count * 10; tries++) {
    const ci = r.int(0, dir.count - 1);
    if (!generateCustomer(seed, ci).archivedAt) out.add(dir.ids[ci]!);
  }
  return [...out];
}

export type RealInvoices = { ids: string[]; corrections: string[]; payments: number; ms: number };

/**
 * `count` invoices through createDraft + issueInvoice (numbered after the loaded ones, today), every
 * tenth corrected (createCorrection, updateDraft, issueInvoice) and every fifth paid in part.
 */
export async function createRealInvoices(deps: Deps, ctx: Ctx, seed: number, targets: string[], count: number): Promise<RealInvoices> {
  const t0 = performance.now();
  const out: RealInvoices = { ids: [], corrections: [], payments: 0, ms: 0 };
  for (let n = 0; n < count; n++) {
    const body = invoiceDraftInput.parse(createInvoiceBody(seed ^ 0x5ea1, n, targets));
    const draft = await createDraft(deps, ctx, body);
    const issued = await issueInvoice(deps, ctx, draft.id);
    out.ids.push(issued.id);
    if (n % 5 === 2) {
      await recordPayment(deps, ctx, issued.id, { amountMinor: Math.max(1, Math.round(issued.grossMinor / 3)), method: 'transfer', reference: `Zapłata częściowa ${issued.number}` });
      out.payments++;
    }
    if (n % 10 === 4) {
      const c = await createCorrection(deps, ctx, issued.id, { reason: 'Rabat udzielony po reklamacji' });
      const lines = c.lines.map((l, k) => ({ ...l, discountBp: k === 0 ? Math.min(10_000, l.discountBp + 2000) : l.discountBp }));
      await updateDraft(deps, ctx, c.id, invoiceDraftPatch.parse({ lines }));
      out.corrections.push((await issueInvoice(deps, ctx, c.id)).id);
    }
  }
  out.ms = performance.now() - t0;
  return out;
}

/**
 * Drafts for the issue scenario: those the create scenario made (created since `since`), topped up
 * through createDraft to at least `min` (a few connections at a time on PostgreSQL).
 */
export async function draftsToIssue(deps: Deps, ctx: Ctx, seed: number, targets: string[], since: Date, min: number): Promise<{ ids: string[]; fromCreate: number; added: number }> {
  const q = () => deps.database.query<{ id: string }>(`select id from invoices where status = 'draft' and kind = 'vat' and created_at >= $1 order by created_at, id`, [since.toISOString()]);
  const fromCreate = (await q()).length;
  const parallel = deps.database.kind === 'postgres' ? 5 : 1;
  let n = 0;
  while (fromCreate + n < min) {
    const batch = Math.min(parallel, min - fromCreate - n);
    await Promise.all(Array.from({ length: batch }, (_, k) => createDraft(deps, ctx, invoiceDraftInput.parse(createInvoiceBody(seed ^ 0xd4af, n + k, targets)))));
    n += batch;
  }
  return { ids: (await q()).map((r) => r.id), fromCreate, added: n };
}

/** Empties the invoicing tables and their number series (between data set sizes). */
export async function truncateInvoices(database: Database): Promise<void> {
  await database.query('truncate invoice_payments, invoice_lines, invoices');
  await database.query(`delete from number_series where series like 'invoice:%'`);
}
