// All SQL of asset documents. No business decisions here.
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { keysetAfter, keysetOrder } from '../../kernel/db/keyset.ts';
import { users } from '../identity/identity.table.ts';
import { assetDocuments, assets } from './assets.table.ts';

export type DocumentRow = typeof assetDocuments.$inferSelect;
export type DocumentInsert = typeof assetDocuments.$inferInsert;
export type DocumentWithUploader = DocumentRow & { uploadedByName: string | null };

const withUploader = { document: assetDocuments, uploadedByName: users.name };
const flatten = (r: { document: DocumentRow; uploadedByName: string | null }): DocumentWithUploader => ({ ...r.document, uploadedByName: r.uploadedByName });

export const documentsRepository = {
  assetExists: async (db: Db, assetId: string) =>
    (await db.select({ id: assets.id }).from(assets).where(eq(assets.id, assetId)).limit(1)).length > 0,

  /** Keeps the asset from being deleted until the document row commits (the foreign key's own lock, taken up front for a clean 404). */
  lockAsset: async (tx: Db, assetId: string) =>
    (await tx.select({ id: assets.id }).from(assets).where(eq(assets.id, assetId)).for('key share').limit(1)).length > 0,

  insert: async (tx: Db, values: DocumentInsert) => (await tx.insert(assetDocuments).values(values).returning())[0]!,

  /** A page of an asset's documents, newest first; the cursor holds [uploadedAt ISO, id]. */
  async list(db: Db, assetId: string, after: unknown[] | null, limit: number) {
    const conds: SQL[] = [eq(assetDocuments.assetId, assetId), isNull(assetDocuments.deletedAt)];
    const ks = keysetAfter(assetDocuments.uploadedAt, assetDocuments.id, after, true);
    if (ks) conds.push(ks);
    const rows = await db
      .select(withUploader)
      .from(assetDocuments)
      .leftJoin(users, eq(users.id, assetDocuments.uploadedBy))
      .where(and(...conds))
      .orderBy(...keysetOrder(assetDocuments.uploadedAt, assetDocuments.id, true))
      .limit(limit + 1);
    return { rows: rows.map(flatten), cursorOf: (r: DocumentWithUploader) => [r.uploadedAt.toISOString(), r.id] };
  },

  /** A document that has not been deleted. */
  async findById(db: Db, id: string): Promise<DocumentWithUploader | undefined> {
    const [row] = await db
      .select(withUploader)
      .from(assetDocuments)
      .leftJoin(users, eq(users.id, assetDocuments.uploadedBy))
      .where(and(eq(assetDocuments.id, id), isNull(assetDocuments.deletedAt)))
      .limit(1);
    return row && flatten(row);
  },

  findForUpdate: async (tx: Db, id: string) =>
    (await tx.select().from(assetDocuments).where(and(eq(assetDocuments.id, id), isNull(assetDocuments.deletedAt))).for('update').limit(1))[0],

  markDeleted: async (tx: Db, id: string, at: Date) => {
    await tx.update(assetDocuments).set({ deletedAt: at }).where(eq(assetDocuments.id, id));
  },
};
