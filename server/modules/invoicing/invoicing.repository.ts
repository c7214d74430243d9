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
  numberKey: string | null;
  status?: 'draft' | 'issued' | 'sent' | 'partially_paid' | 'paid' | 'overdue' | 'cancelled' | undefined;
  kind?: 'vat' | 'correction' | undefined;
  customerId?: string | undefined;
  serviceOrderId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  overdue?: boolean | undefined;
  today: string;
};

const unpaid = sql`${invoices.status} = 'issued' and ${invoices.kind} = 'vat' and ${invoices.paymentStatus} <> 'paid'`;
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
  if (f.numberKey && !f.pattern) c.push(eq(invoices.numberKey, f.numberKey));
  return c;
}

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
    if (f.pattern) {
      const match = f.numberKey ? sql`(${invoices.numberKey} = ${f.numberKey} or ${containsText(invoices.searchText, f.pattern)})` : containsText(invoices.searchText, f.pattern);
      ids = await keysetSearchIds(db, { table: invoices, id: invoices.id, sort: invoices.issueDate, match, descending: true, where, after, limit });
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

  /** Sums of the whole filtered set (drafts and cancelled count nothing towards the balance). */
  async totals(db: Db, f: InvoiceListFilter) {
    const match = f.pattern ? (f.numberKey ? sql`(${invoices.numberKey} = ${f.numberKey} or ${containsText(invoices.searchText, f.pattern)})` : containsText(invoices.searchText, f.pattern)) : undefined;
    const counted = sql`${invoices.status} <> 'cancelled'`;
    const [row] = await db
      .select({
        net: sql<string>`coalesce(sum(${invoices.netMinor}) filter (where ${counted}), 0)`,
        vat: sql<string>`coalesce(sum(${invoices.vatMinor}) filter (where ${counted}), 0)`,
        gross: sql<string>`coalesce(sum(${invoices.grossMinor}) filter (where ${counted}), 0)`,
        balance: sql<string>`coalesce(sum(${invoices.payableMinor} - ${invoices.paidMinor}) filter (where ${unpaid}), 0)`,
        count: sql<string>`count(*)`,
      })
      .from(invoices)
      .where(and(sql`true`, ...conditions(f), match));
    return { netMinor: Number(row!.net), vatMinor: Number(row!.vat), grossMinor: Number(row!.gross), balanceMinor: Number(row!.balance), count: Number(row!.count) };
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
