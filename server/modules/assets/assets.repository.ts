// All SQL of assets and asset types. No business decisions here.
import { and, asc, desc, eq, inArray, isNotNull, isNull, like, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { keysetAfter, keysetBatches } from '../../kernel/db/keyset.ts';
import { containsText, keysetSearchIds } from '../../kernel/db/keyset-search.ts';
import { escapeLike } from '../../kernel/text/like.ts';
import { products } from '../catalog/catalog.table.ts';
import { customerContacts, customers, customerSites } from '../customers/customers.table.ts';
import { assetServiceDates, assetTypeFields, assets, assetTypes, serviceDateKinds } from './assets.table.ts';

export type AssetRow = typeof assets.$inferSelect;
export type AssetInsert = typeof assets.$inferInsert;
export type AssetTypeRow = typeof assetTypes.$inferSelect;
export type FieldRow = typeof assetTypeFields.$inferSelect;

export type AssetListFilter = {
  pattern: string | null;
  serialPrefix: string | null;
  customerId?: string | undefined;
  assetTypeId?: string | undefined;
  productId?: string | undefined;
  siteId?: string | undefined;
  custody?: string | undefined;
  custom?: Record<string, unknown> | undefined;
  status: 'active' | 'archived' | 'all';
  sort: 'name' | '-name' | 'created' | '-created' | 'serial';
};

/** An asset with the names the list and the page show, and its next open service date. */
export type AssetView = AssetRow & {
  customerName: string;
  assetTypeName: string;
  meterUnit: string | null;
  productName: string | null;
  siteName: string | null;
  contactName: string | null;
  next: { id: string; kindName: string; kindCode: string | null; dueOn: string } | null;
};

/** The conditions an index answers on its own (text, custom value): searched in bounded steps. */
function matchOf(f: AssetListFilter): SQL | undefined {
  const m: SQL[] = [];
  if (f.pattern) m.push(containsText(assets.searchText, f.pattern));
  if (f.custom) m.push(sql`${assets.custom} @> ${JSON.stringify(f.custom)}::jsonb`);
  return m.length ? and(...m) : undefined;
}

function conditions(f: AssetListFilter): SQL[] {
  const c: SQL[] = [];
  if (f.customerId) c.push(eq(assets.customerId, f.customerId));
  if (f.assetTypeId) c.push(eq(assets.assetTypeId, f.assetTypeId));
  if (f.productId) c.push(eq(assets.productId, f.productId));
  if (f.siteId) c.push(eq(assets.siteId, f.siteId));
  if (f.custody) c.push(eq(assets.custody, f.custody));
  if (f.serialPrefix) c.push(like(assets.serialKey, escapeLike(f.serialPrefix) + '%'));
  if (f.status === 'active') c.push(isNull(assets.archivedAt));
  if (f.status === 'archived') c.push(isNotNull(assets.archivedAt));
  return c;
}

function keyset(f: AssetListFilter) {
  const col = f.sort === 'name' || f.sort === '-name' ? assets.sortKey : f.sort === 'serial' ? assets.serialKey : assets.createdAt;
  const descending = f.sort.startsWith('-');
  const keyOf = (r: AssetRow) => [col === assets.sortKey ? r.sortKey : col === assets.serialKey ? r.serialKey : r.createdAt.toISOString(), r.id];
  return { col, descending, order: descending ? [desc(col), desc(assets.id)] : [asc(col), asc(assets.id)], keyOf };
}

const nextDue = sql<AssetView['next']>`(
  select json_build_object('id', sd.id, 'kindName', k.name, 'kindCode', k.code, 'dueOn', sd.due_on)
  from ${assetServiceDates} sd join ${serviceDateKinds} k on k.id = sd.kind_id
  where sd.asset_id = ${assets.id} and sd.status = 'open' order by sd.due_on, sd.id limit 1)`;

async function views(db: Db, where: SQL, order: SQL[]): Promise<AssetView[]> {
  const rows = await db
    .select({
      a: assets,
      customerName: customers.name,
      assetTypeName: assetTypes.name,
      meterUnit: assetTypes.meterUnit,
      productName: products.name,
      siteName: customerSites.name,
      contactName: customerContacts.name,
      next: nextDue,
    })
    .from(assets)
    .innerJoin(customers, eq(customers.id, assets.customerId))
    .innerJoin(assetTypes, eq(assetTypes.id, assets.assetTypeId))
    .leftJoin(products, eq(products.id, assets.productId))
    .leftJoin(customerSites, eq(customerSites.id, assets.siteId))
    .leftJoin(customerContacts, eq(customerContacts.id, assets.contactId))
    .where(where)
    .orderBy(...order);
  return rows.map((r) => ({ ...r.a, customerName: r.customerName, assetTypeName: r.assetTypeName, meterUnit: r.meterUnit, productName: r.productName, siteName: r.siteName, contactName: r.contactName, next: r.next }));
}

export const assetsRepository = {
  async list(db: Db, f: AssetListFilter, after: unknown[] | null, limit: number) {
    const ks = keyset(f);
    const where = and(sql`true`, ...conditions(f));
    const match = matchOf(f);
    let ids: string[];
    if (match) {
      ids = await keysetSearchIds(db, { table: assets, id: assets.id, sort: ks.col, match, descending: ks.descending, where, after, limit });
    } else {
      const rows = await db
        .select({ id: assets.id })
        .from(assets)
        .where(and(where, keysetAfter(ks.col, assets.id, after, ks.descending)))
        .orderBy(...ks.order)
        .limit(limit + 1);
      ids = rows.map((r) => r.id);
    }
    const rows = ids.length ? await views(db, inArray(assets.id, ids), ks.order) : [];
    return { rows, cursorOf: ks.keyOf };
  },
  stream(db: Db, f: AssetListFilter, batch = 500) {
    return keysetBatches((after, limit) => this.list(db, f, after, limit), batch);
  },
  view: async (db: Db, id: string) => (await views(db, eq(assets.id, id), []))[0],
  findById: async (db: Db, id: string) => (await db.select().from(assets).where(eq(assets.id, id)).limit(1))[0],
  findForUpdate: async (db: Db, id: string) => (await db.select().from(assets).where(eq(assets.id, id)).for('update').limit(1))[0],
  async insert(db: Db, values: AssetInsert) {
    const [row] = await db.insert(assets).values(values).returning();
    return row!;
  },
  async insertMany(db: Db, values: AssetInsert[]) {
    const out: AssetRow[] = [];
    for (let i = 0; i < values.length; i += 500) out.push(...(await db.insert(assets).values(values.slice(i, i + 500)).returning()));
    return out;
  },
  async update(db: Db, id: string, values: Partial<AssetInsert>) {
    const [row] = await db.update(assets).set(values).where(eq(assets.id, id)).returning();
    return row!;
  },
  siteOf: async (db: Db, siteId: string) => (await db.select({ customerId: customerSites.customerId, name: customerSites.name }).from(customerSites).where(eq(customerSites.id, siteId)).limit(1))[0],
  contactOf: async (db: Db, contactId: string) =>
    (await db.select({ customerId: customerContacts.customerId, name: customerContacts.name, email: customerContacts.email, language: customerContacts.language }).from(customerContacts).where(eq(customerContacts.id, contactId)).limit(1))[0],
  customer: async (db: Db, id: string) => (await db.select({ id: customers.id, name: customers.name }).from(customers).where(eq(customers.id, id)).limit(1))[0],
  productExists: async (db: Db, id: string) => (await db.select({ id: products.id }).from(products).where(eq(products.id, id)).limit(1)).length > 0,
};

export const assetTypesRepository = {
  async list(db: Db, f: { pattern: string | null; status: 'active' | 'archived' | 'all' }, after: unknown[] | null, limit: number) {
    const c: SQL[] = [];
    if (f.pattern) c.push(like(assetTypes.nameKey, '%' + escapeLike(f.pattern) + '%'));
    if (f.status === 'active') c.push(isNull(assetTypes.archivedAt));
    if (f.status === 'archived') c.push(isNotNull(assetTypes.archivedAt));
    const rows = await db
      .select()
      .from(assetTypes)
      .where(and(sql`true`, ...c, keysetAfter(assetTypes.nameKey, assetTypes.id, after)))
      .orderBy(asc(assetTypes.nameKey), asc(assetTypes.id))
      .limit(limit + 1);
    return { rows, cursorOf: (r: AssetTypeRow) => [r.nameKey, r.id] };
  },
  findById: async (db: Db, id: string) => (await db.select().from(assetTypes).where(eq(assetTypes.id, id)).limit(1))[0],
  findForUpdate: async (db: Db, id: string) => (await db.select().from(assetTypes).where(eq(assetTypes.id, id)).for('update').limit(1))[0],
  nameTaken: async (db: Db, nameKey: string, excludeId?: string) =>
    (await db.select({ id: assetTypes.id }).from(assetTypes).where(and(eq(assetTypes.nameKey, nameKey), excludeId ? ne(assetTypes.id, excludeId) : undefined)).limit(1)).length > 0,
  /** Active fields of the given types, in display order. */
  async fieldsOf(db: Db, typeIds: string[]): Promise<FieldRow[]> {
    if (typeIds.length === 0) return [];
    return db
      .select()
      .from(assetTypeFields)
      .where(and(inArray(assetTypeFields.assetTypeId, typeIds), isNull(assetTypeFields.archivedAt)))
      .orderBy(asc(assetTypeFields.assetTypeId), asc(assetTypeFields.position));
  },
  allFieldsOf: (db: Db, typeId: string) => db.select().from(assetTypeFields).where(eq(assetTypeFields.assetTypeId, typeId)),
  async insert(db: Db, values: typeof assetTypes.$inferInsert) {
    const [row] = await db.insert(assetTypes).values(values).returning();
    return row!;
  },
  async update(db: Db, id: string, values: Partial<typeof assetTypes.$inferInsert>) {
    const [row] = await db.update(assetTypes).set(values).where(eq(assetTypes.id, id)).returning();
    return row!;
  },
  async upsertField(db: Db, values: typeof assetTypeFields.$inferInsert) {
    await db
      .insert(assetTypeFields)
      .values(values)
      .onConflictDoUpdate({
        target: [assetTypeFields.assetTypeId, assetTypeFields.key],
        set: { label: values.label, kind: values.kind, unit: values.unit, required: values.required, options: values.options, position: values.position, archivedAt: null },
      });
  },
  async retireFields(db: Db, typeId: string, keep: string[], now: Date) {
    await db
      .update(assetTypeFields)
      .set({ archivedAt: now })
      .where(and(eq(assetTypeFields.assetTypeId, typeId), isNull(assetTypeFields.archivedAt), keep.length ? sql`${assetTypeFields.key} not in ${keep}` : undefined));
  },
};
