// SQL of service orders (the order itself, statuses, history). No business decisions here.
import { aliasedTable, and, asc, desc, eq, gte, inArray, isNull, lt, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { keysetAfter } from '../../kernel/db/keyset.ts';
import { containsText, keysetSearchIds } from '../../kernel/db/keyset-search.ts';
import { assets } from '../assets/assets.table.ts';
import { customerContacts, customers, customerSites } from '../customers/customers.table.ts';
import { users } from '../identity/identity.table.ts';
import { serviceOrderEvents, serviceOrderStatuses, serviceOrders } from './service-orders.table.ts';

export type OrderRow = typeof serviceOrders.$inferSelect;
export type StatusRow = typeof serviceOrderStatuses.$inferSelect;

export type OrderView = OrderRow & {
  customerName: string;
  assetName: string;
  serialNumber: string;
  technicianName: string | null;
  siteName: string | null;
  contactName: string | null;
};

export type OrderListFilter = {
  pattern: string | null;
  customerId?: string | undefined;
  assetId?: string | undefined;
  statusId?: string | undefined;
  phase?: string | undefined;
  technicianId?: string | undefined;
  /** Received at or after / before these instants (Warsaw day bounds). */
  fromAt?: Date | undefined;
  toAt?: Date | undefined;
  sort: '-created' | 'created' | 'promised';
};

const technician = aliasedTable(users, 'technician');

async function views(db: Db, where: SQL | undefined, order: SQL[]): Promise<OrderView[]> {
  const rows = await db
    .select({
      o: serviceOrders,
      customerName: customers.name,
      assetName: assets.name,
      serialNumber: assets.serialNumber,
      technicianName: technician.name,
      siteName: customerSites.name,
      contactName: customerContacts.name,
    })
    .from(serviceOrders)
    .innerJoin(customers, eq(customers.id, serviceOrders.customerId))
    .innerJoin(assets, eq(assets.id, serviceOrders.assetId))
    .leftJoin(technician, eq(technician.id, serviceOrders.technicianId))
    .leftJoin(customerSites, eq(customerSites.id, serviceOrders.siteId))
    .leftJoin(customerContacts, eq(customerContacts.id, serviceOrders.contactId))
    .where(where)
    .orderBy(...order);
  return rows.map((r) => ({ ...r.o, customerName: r.customerName, assetName: r.assetName, serialNumber: r.serialNumber, technicianName: r.technicianName, siteName: r.siteName, contactName: r.contactName }));
}

function conditions(f: OrderListFilter): SQL[] {
  const c: SQL[] = [];
  if (f.customerId) c.push(eq(serviceOrders.customerId, f.customerId));
  if (f.assetId) c.push(eq(serviceOrders.assetId, f.assetId));
  if (f.statusId) c.push(eq(serviceOrders.statusId, f.statusId));
  if (f.phase === 'open') c.push(notInArray(serviceOrders.phase, ['released', 'cancelled']));
  else if (f.phase) c.push(eq(serviceOrders.phase, f.phase));
  if (f.technicianId) c.push(eq(serviceOrders.technicianId, f.technicianId));
  if (f.fromAt) c.push(gte(serviceOrders.createdAt, f.fromAt));
  if (f.toAt) c.push(lt(serviceOrders.createdAt, f.toAt));
  return c;
}

function keyset(f: OrderListFilter) {
  if (f.sort === 'promised') {
    // Orders without a promised date last: coalesce to a far date (the index is on promised_on, id).
    const col = serviceOrders.promisedOn;
    return { col, descending: false, order: [asc(col), asc(serviceOrders.id)], keyOf: (r: OrderRow) => [r.promisedOn, r.id] };
  }
  const descending = f.sort === '-created';
  const col = serviceOrders.createdAt;
  return { col, descending, order: descending ? [desc(col), desc(serviceOrders.id)] : [asc(col), asc(serviceOrders.id)], keyOf: (r: OrderRow) => [r.createdAt.toISOString(), r.id] };
}

export const ordersRepository = {
  async list(db: Db, f: OrderListFilter, after: unknown[] | null, limit: number) {
    const ks = keyset(f);
    const where = and(sql`true`, ...conditions(f), f.sort === 'promised' ? sql`${serviceOrders.promisedOn} is not null` : undefined);
    let ids: string[];
    if (f.pattern) {
      ids = await keysetSearchIds(db, { table: serviceOrders, id: serviceOrders.id, sort: ks.col, match: containsText(serviceOrders.searchText, f.pattern), descending: ks.descending, where, after, limit });
    } else {
      const rows = await db
        .select({ id: serviceOrders.id })
        .from(serviceOrders)
        .where(and(where, keysetAfter(ks.col, serviceOrders.id, after, ks.descending)))
        .orderBy(...ks.order)
        .limit(limit + 1);
      ids = rows.map((r) => r.id);
    }
    const rows = ids.length ? await views(db, inArray(serviceOrders.id, ids), ks.order) : [];
    return { rows, cursorOf: ks.keyOf };
  },
  view: async (db: Db, id: string) => (await views(db, eq(serviceOrders.id, id), []))[0],
  findForUpdate: async (db: Db, id: string) => (await db.select().from(serviceOrders).where(eq(serviceOrders.id, id)).for('update').limit(1))[0],
  async insert(db: Db, values: typeof serviceOrders.$inferInsert) {
    const [row] = await db.insert(serviceOrders).values(values).returning();
    return row!;
  },
  async update(db: Db, id: string, values: Partial<typeof serviceOrders.$inferInsert>) {
    const [row] = await db.update(serviceOrders).set(values).where(eq(serviceOrders.id, id)).returning();
    return row!;
  },
  statuses: (db: Db, includeArchived = false) =>
    db
      .select()
      .from(serviceOrderStatuses)
      .where(includeArchived ? undefined : isNull(serviceOrderStatuses.archivedAt))
      .orderBy(asc(serviceOrderStatuses.position), asc(serviceOrderStatuses.id))
      .limit(200),
  status: async (db: Db, id: string) => (await db.select().from(serviceOrderStatuses).where(eq(serviceOrderStatuses.id, id)).limit(1))[0],
  defaultStatus: async (db: Db, phase: string) =>
    (await db.select().from(serviceOrderStatuses).where(and(eq(serviceOrderStatuses.phase, phase), isNull(serviceOrderStatuses.archivedAt))).orderBy(desc(serviceOrderStatuses.isDefault), asc(serviceOrderStatuses.position)).limit(1))[0],
  async events(db: Db, orderId: string, after: unknown[] | null, limit: number, publicOnly = false) {
    return db
      .select()
      .from(serviceOrderEvents)
      .where(and(eq(serviceOrderEvents.orderId, orderId), publicOnly ? eq(serviceOrderEvents.public, true) : undefined, keysetAfter(serviceOrderEvents.at, serviceOrderEvents.seq, after, true)))
      .orderBy(desc(serviceOrderEvents.at), desc(serviceOrderEvents.seq))
      .limit(limit + 1);
  },
};
