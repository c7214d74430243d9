// SQL of invoices, their lines and payments. No business decisions here.
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { keysetAfter } from '../../kernel/db/keyset.ts';
import { containsText, keysetSearchIds } from '../../kernel/db/keyset-search.ts';
import { customers } from '../customers/customers.table.ts';
import { users } from '../identity/identity.table.ts';
import { serviceOrders } from '../service-orders/service-orders.table.ts';
import { invoiceLines, invoicePayments, invoices, invoiceSettings } from './invoicing.table.ts';

export type InvoiceRow = typeof invoices.$inferSelect;
export type LineRow = typeof invoiceLines.$inferSelect;
export type PaymentRow = typeof invoicePayments.$inferSelect;
export type SettingsRow = typeof invoiceSettings.$inferSelect;
export type InvoiceView = InvoiceRow & { customerName: string; customerNip: string | null };

export type InvoiceListFilter = {
  pattern: string | null;
  /** The search text as an exact number key ("FV2026110001"), when it could be a number. */
  numberKey: string | null;
  /** The search text as a loose number ("fv2026111"), matched as its own segment of search_text. */
  looseKey: string | null;
  status?: 'draft' | 'issued' | 'sent' | 'partially_paid' | 'paid' | 'overdue' | 'cancelled' | undefined;
  kind?: 'vat' | 'correction' | undefined;
  customerId?: string | undefined;
  serviceOrderId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  overdue?: boolean | undefined;
  today: string;
};

// `in` rather than `<> 'paid'`: the partial index on (payment_status, due_date) serves it as two ranges.
const unpaid = sql`${invoices.status} = 'issued' and ${invoices.kind} = 'vat' and ${invoices.paymentStatus} in ('unpaid', 'partially_paid')`;
const overdueSql = (today: string) => sql`(${unpaid} and ${invoices.dueDate} < ${today})`;

function conditions(f: InvoiceListFilter): SQL[] {
  const c: SQL[] = [];
  if (f.customerId) c.push(eq(invoices.customerId, f.customerId));
  if (f.serviceOrderId) c.push(eq(invoices.serviceOrderId, f.serviceOrderId));
  if (f.kind) c.push(eq(invoices.kind, f.kind));
  if (f.from) c.push(gte(invoices.issueDate, f.from));
  if (f.to) c.push(lte(invoices.issueDate, f.to));
  if (f.overdue === true) c.push(overdueSql(f.today));
  if (f.overdue === false) c.push(sql`not ${overdueSql(f.today)}`);
  const notOverdue = sql`not ${overdueSql(f.today)}`;
  switch (f.status) {
    case 'draft':
    case 'cancelled':
      c.push(eq(invoices.status, f.status));
      break;
    case 'issued':
      c.push(eq(invoices.status, 'issued'), isNull(invoices.sentAt), sql`(${invoices.kind} = 'correction' or ${invoices.paymentStatus} = 'unpaid')`, notOverdue);
      break;
    case 'sent':
      c.push(eq(invoices.status, 'issued'), isNotNull(invoices.sentAt), sql`(${invoices.kind} = 'correction' or ${invoices.paymentStatus} = 'unpaid')`, notOverdue);
      break;
    case 'partially_paid':
      c.push(eq(invoices.status, 'issued'), eq(invoices.kind, 'vat'), eq(invoices.paymentStatus, 'partially_paid'), notOverdue);
      break;
    case 'paid':
      c.push(eq(invoices.status, 'issued'), eq(invoices.kind, 'vat'), eq(invoices.paymentStatus, 'paid'));
      break;
    case 'overdue':
      c.push(overdueSql(f.today));
      break;
  }
  return c;
}

/** What a search matches: the loose number as its own segment, or the words. */
const matchOf = (f: InvoiceListFilter): SQL | undefined =>
  !f.pattern ? undefined : f.looseKey ? sql`(${containsText(invoices.searchText, ` ${f.looseKey} |`)} or ${containsText(invoices.searchText, f.pattern)})` : containsText(invoices.searchText, f.pattern);

/** The invoice whose number the search text is, exactly (as printed or without separators): one key lookup. */
const exactNumber = (db: Db, f: InvoiceListFilter) =>
  f.numberKey ? db.select({ id: invoices.id }).from(invoices).where(and(sql`true`, ...conditions(f), eq(invoices.numberKey, f.numberKey))).limit(2) : Promise.resolve([]);

/** Sums are exact up to this many invoices in the filtered set; beyond it the list asks for a narrower filter. */
export const TOTALS_CAP = 50_000;

const order = [desc(invoices.issueDate), desc(invoices.id)];

async function views(db: Db, where: SQL | undefined): Promise<InvoiceView[]> {
  const rows = await db
    .select({ i: invoices, customerName: customers.name, customerNip: customers.nip })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(where)
    .orderBy(...order);
  return rows.map((r) => ({ ...r.i, customerName: r.customerName, customerNip: r.customerNip }));
}

export const invoicesRepository = {
  settings: async (db: Db) => (await db.select().from(invoiceSettings).where(eq(invoiceSettings.id, 1)).limit(1))[0],
  settingsForUpdate: async (db: Db) => (await db.select().from(invoiceSettings).where(eq(invoiceSettings.id, 1)).for('update').limit(1))[0],
  async upsertSettings(db: Db, values: Omit<typeof invoiceSettings.$inferInsert, 'id'>) {
    const [row] = await db
      .insert(invoiceSettings)
      .values({ id: 1, ...values })
      .onConflictDoUpdate({ target: invoiceSettings.id, set: values })
      .returning();
    return row!;
  },
  find: async (db: Db, id: string) => (await db.select().from(invoices).where(eq(invoices.id, id)).limit(1))[0],
  findForUpdate: async (db: Db, id: string) => (await db.select().from(invoices).where(eq(invoices.id, id)).for('update').limit(1))[0],
  view: async (db: Db, id: string) => (await views(db, eq(invoices.id, id)))[0],
  async insert(db: Db, values: typeof invoices.$inferInsert) {
    const [row] = await db.insert(invoices).values(values).returning();
    return row!;
  },
  async update(db: Db, id: string, values: Partial<typeof invoices.$inferInsert>) {
    const [row] = await db.update(invoices).set(values).where(eq(invoices.id, id)).returning();
    return row!;
  },
  lines: (db: Db, invoiceId: string) => db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId)).orderBy(asc(invoiceLines.position)).limit(1000),
  async replaceLines(db: Db, invoiceId: string, rows: Omit<typeof invoiceLines.$inferInsert, 'invoiceId'>[]) {
    await db.delete(invoiceLines).where(eq(invoiceLines.invoiceId, invoiceId));
    if (rows.length) await db.insert(invoiceLines).values(rows.map((r) => ({ ...r, invoiceId })));
  },
  /** The corrections of a VAT invoice, oldest first (an invoice has few). */
  corrections: (db: Db, invoiceId: string) =>
    db.select().from(invoices).where(eq(invoices.correctsInvoiceId, invoiceId)).orderBy(asc(invoices.createdAt), asc(invoices.id)).limit(200),
  /** The invoice of a service order that is not cancelled, if any. */
  activeOfOrder: async (db: Db, orderId: string) =>
    (await db.select().from(invoices).where(and(eq(invoices.serviceOrderId, orderId), eq(invoices.kind, 'vat'), ne(invoices.status, 'cancelled'))).limit(1))[0],
  orderNumber: async (db: Db, orderId: string) => (await db.select({ number: serviceOrders.number }).from(serviceOrders).where(eq(serviceOrders.id, orderId)).limit(1))[0]?.number ?? null,

  async list(db: Db, f: InvoiceListFilter, after: unknown[] | null, limit: number) {
    const where = and(sql`true`, ...conditions(f));
    let ids: string[];
    const exact = after ? [] : await exactNumber(db, f);
    if (exact.length) {
      // A number typed as printed (or without separators) is one index lookup.
      ids = exact.map((r) => r.id);
    } else if (f.pattern) {
      ids = await keysetSearchIds(db, { table: invoices, id: invoices.id, sort: invoices.issueDate, match: matchOf(f)!, descending: true, where, after, limit });
    } else {
      const rows = await db
        .select({ id: invoices.id })
        .from(invoices)
        .where(and(where, keysetAfter(invoices.issueDate, invoices.id, after, true)))
        .orderBy(...order)
        .limit(limit + 1);
      ids = rows.map((r) => r.id);
    }
    const rows = ids.length ? await views(db, inArray(invoices.id, ids)) : [];
    return { rows, cursorOf: (r: InvoiceRow) => [r.issueDate, r.id] };
  },

  /**
   * Sums of the filtered set (drafts and cancelled count nothing towards the balance), read from at
   * most TOTALS_CAP + 1 rows: the inner limit lets the plan stop early, so a set of any size costs a
   * bounded scan. `capped` says the set is larger and the sums are not given.
   */
  async totals(db: Db, f: InvoiceListFilter, cap = TOTALS_CAP) {
    const exact = await exactNumber(db, f);
    const where = and(sql`true`, ...conditions(f), exact.length ? eq(invoices.numberKey, f.numberKey!) : matchOf(f));
    const r = await db.execute(sql`
      select
        coalesce(sum(x.net) filter (where x.status <> 'cancelled'), 0) as net,
        coalesce(sum(x.vat) filter (where x.status <> 'cancelled'), 0) as vat,
        coalesce(sum(x.gross) filter (where x.status <> 'cancelled'), 0) as gross,
        coalesce(sum(x.payable - x.paid) filter (where x.status = 'issued' and x.kind = 'vat' and x.payment_status in ('unpaid', 'partially_paid')), 0) as balance,
        count(*)::int as n
      from (
        select ${invoices.netMinor} as net, ${invoices.vatMinor} as vat, ${invoices.grossMinor} as gross, ${invoices.payableMinor} as payable,
               ${invoices.paidMinor} as paid, ${invoices.status} as status, ${invoices.kind} as kind, ${invoices.paymentStatus} as payment_status
        from ${invoices} where ${where} limit ${cap + 1}
      ) x`);
    const row = (r as unknown as { rows: { net: string; vat: string; gross: string; balance: string; n: number }[] }).rows[0]!;
    if (row.n > cap) return { capped: true as const, count: cap, netMinor: null, vatMinor: null, grossMinor: null, balanceMinor: null };
    return { capped: false as const, count: row.n, netMinor: Number(row.net), vatMinor: Number(row.vat), grossMinor: Number(row.gross), balanceMinor: Number(row.balance) };
  },

  payments: (db: Db, invoiceId: string) =>
    db
      .select({ p: invoicePayments, createdByName: users.name })
      .from(invoicePayments)
      .leftJoin(users, eq(users.id, invoicePayments.createdBy))
      .where(eq(invoicePayments.invoiceId, invoiceId))
      .orderBy(desc(invoicePayments.paidOn), desc(invoicePayments.createdAt))
      .limit(500),
  findPayment: async (db: Db, id: string) => (await db.select().from(invoicePayments).where(eq(invoicePayments.id, id)).limit(1))[0],
  async insertPayment(db: Db, values: typeof invoicePayments.$inferInsert) {
    const [row] = await db.insert(invoicePayments).values(values).returning();
    return row!;
  },
  deletePayment: (db: Db, id: string) => db.delete(invoicePayments).where(eq(invoicePayments.id, id)),
  paidSum: async (db: Db, invoiceId: string) => Number((await db.select({ s: sql<string>`coalesce(sum(${invoicePayments.amountMinor}), 0)` }).from(invoicePayments).where(eq(invoicePayments.invoiceId, invoiceId)))[0]!.s),
  /** Issued VAT invoices matching number keys, for bank-statement matching. */
  byNumberKeys: (db: Db, keys: string[]) => (keys.length ? db.select().from(invoices).where(and(inArray(invoices.numberKey, keys), eq(invoices.kind, 'vat'), eq(invoices.status, 'issued'))).limit(keys.length * 2) : Promise.resolve([])),
  byNumber: async (db: Db, number: string) => (await db.select({ id: invoices.id }).from(invoices).where(eq(invoices.number, number)).limit(1))[0],
};
