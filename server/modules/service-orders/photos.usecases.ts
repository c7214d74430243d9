// Photos of a service order: the device's visible condition at intake, and anything worth showing
// later. Modelled on asset documents (documents.usecases.ts): the bytes are streamed to the file store
// first; the row, the order event and the audit record then commit together. A file whose row did not
// commit is removed, and so is the file of a deleted photo — after its deletion committed.
// Only images are accepted, decided by the file's first bytes (documents.rules.ts).
import type { Readable } from 'node:stream';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Ctx, Deps } from '../../deps.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { actorId, authorize } from '../../kernel/auth/actor.ts';
import { AppError, fieldError, invalidFields, notFound } from '../../kernel/errors/app-error.ts';
import { fileStoreFor } from '../../kernel/storage/file-store.ts';
import { users } from '../identity/identity.table.ts';
import { cleanFileName, contentDisposition, sniffDocumentType } from '../assets/documents.rules.ts';
import { appendOrderEvent } from './order-events.ts';
import { serviceOrderPhotos } from './photos.table.ts';
import { serviceOrders } from './service-orders.table.ts';

export const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif']);
export const PHOTO_LIST_LIMIT = 200;

export type PhotoDto = {
  id: string;
  orderId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  caption: string;
  uploadedByName: string | null;
  uploadedAt: string;
};

export type UploadPhotoInput = {
  fileName: string;
  caption: string;
  /** The file's bytes; undefined for a request without a body (an empty file). */
  content: Readable | AsyncIterable<Buffer> | undefined;
};

export type PhotoContent = { stream: Readable; contentType: string; sizeBytes: number; sha256: string; contentDisposition: string };

type PhotoRow = typeof serviceOrderPhotos.$inferSelect;

const toPhotoDto = (r: PhotoRow, uploadedByName: string | null): PhotoDto => ({
  id: r.id,
  orderId: r.orderId,
  fileName: r.fileName,
  contentType: r.contentType,
  sizeBytes: r.sizeBytes,
  caption: r.caption,
  uploadedByName,
  uploadedAt: r.uploadedAt.toISOString(),
});

/** What the audit keeps of a photo (the storage key is an internal detail). */
const auditView = (r: PhotoRow) => ({ fileName: r.fileName, contentType: r.contentType, sizeBytes: r.sizeBytes, sha256: r.sha256, caption: r.caption });

async function* noBytes(): AsyncGenerator<Buffer> {}

const photoNotFound = () => notFound('service_order_photos', 'Photo not found');

const orderExists = async (db: Db, orderId: string) => (await db.select({ id: serviceOrders.id }).from(serviceOrders).where(eq(serviceOrders.id, orderId)).limit(1)).length > 0;
/** Keeps the order from being deleted until the photo row commits. */
const lockOrder = async (tx: Db, orderId: string) =>
  (await tx.select({ id: serviceOrders.id }).from(serviceOrders).where(eq(serviceOrders.id, orderId)).for('key share').limit(1)).length > 0;
const findLive = async (db: Db, id: string, forUpdate = false) => {
  const q = db.select().from(serviceOrderPhotos).where(and(eq(serviceOrderPhotos.id, id), isNull(serviceOrderPhotos.deletedAt))).limit(1);
  return (await (forUpdate ? q.for('update') : q))[0];
};

/** An order's photos, newest first (at most 200: a photo strip, not an archive). */
export async function listPhotos(deps: Deps, ctx: Ctx, orderId: string): Promise<{ items: PhotoDto[] }> {
  authorize(ctx.actor, 'orders:read');
  const db = deps.database.db;
  if (!(await orderExists(db, orderId))) throw notFound('service_orders');
  const rows = await db
    .select({ photo: serviceOrderPhotos, uploadedByName: users.name })
    .from(serviceOrderPhotos)
    .leftJoin(users, eq(users.id, serviceOrderPhotos.uploadedBy))
    .where(and(eq(serviceOrderPhotos.orderId, orderId), isNull(serviceOrderPhotos.deletedAt)))
    .orderBy(desc(serviceOrderPhotos.uploadedAt), desc(serviceOrderPhotos.id))
    .limit(PHOTO_LIST_LIMIT);
  return { items: rows.map((r) => toPhotoDto(r.photo, r.uploadedByName)) };
}

export async function uploadPhoto(deps: Deps, ctx: Ctx, orderId: string, input: UploadPhotoInput): Promise<PhotoDto> {
  authorize(ctx.actor, 'orders:write');
  const fileName = cleanFileName(input.fileName);
  if (!fileName) throw invalidFields([fieldError('fileName', 'photos.file_name_invalid', 'The file name is empty or only a path')]);
  const db = deps.database.db;
  // Checked before reading the body: an upload to an unknown order stores nothing.
  if (!(await orderExists(db, orderId))) throw notFound('service_orders');

  const files = fileStoreFor(deps.config);
  const stored = await files.put(input.content ?? noBytes(), { maxBytes: deps.config.uploadMaxBytes });
  try {
    if (stored.sizeBytes === 0) throw invalidFields([fieldError('file', 'photos.empty', 'The file is empty')]);
    const sniffed = sniffDocumentType(stored.head, fileName);
    if (!sniffed.allowed || !PHOTO_TYPES.has(sniffed.contentType)) {
      const type = sniffed.allowed ? sniffed.contentType : sniffed.type;
      throw invalidFields([fieldError('file', 'photos.type_not_allowed', `Files of type ${type} are not photos; allowed: JPEG, PNG, WebP, HEIC/HEIF`, { type })]);
    }
    return await db.transaction(async (tx) => {
      if (!(await lockOrder(tx, orderId))) throw notFound('service_orders');
      const now = deps.clock.now();
      const [row] = await tx
        .insert(serviceOrderPhotos)
        .values({
          orderId,
          fileName,
          contentType: sniffed.contentType,
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
          storageKey: stored.key,
          caption: input.caption,
          uploadedBy: actorId(ctx.actor),
          uploadedAt: now,
        })
        .returning();
      await appendOrderEvent(tx, ctx, now, orderId, 'photo_added', { photoId: row!.id, fileName });
      await appendAudit(tx, ctx, {
        entity: 'service_orders',
        entityId: orderId,
        action: 'photo_added',
        sub: { entity: 'service_order_photos', id: row!.id, label: fileName },
        after: auditView(row!),
      });
      return toPhotoDto(row!, ctx.actor.kind === 'user' ? ctx.actor.name : null);
    });
  } catch (e) {
    // Best effort: a leftover file has no row pointing at it and is never served.
    await files.remove(stored.key).catch(() => {});
    throw e;
  }
}

/** The stored bytes and the headers to send them with (images: always inline). */
export async function openPhoto(deps: Deps, ctx: Ctx, id: string): Promise<PhotoContent> {
  authorize(ctx.actor, 'orders:read');
  const row = await findLive(deps.database.db, id);
  if (!row) throw photoNotFound();
  let stream: Readable;
  try {
    stream = await fileStoreFor(deps.config).open(row.storageKey);
  } catch (e) {
    if (e instanceof AppError && e.code === 'files.not_found') throw notFound('service_order_photos', "The photo's file is missing from storage");
    throw e;
  }
  return { stream, contentType: row.contentType, sizeBytes: row.sizeBytes, sha256: row.sha256, contentDisposition: contentDisposition(row.fileName, row.contentType) };
}

/** Hides the photo (the row stays for the history) and removes its file once that committed. */
export async function deletePhoto(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  authorize(ctx.actor, 'orders:write');
  const storageKey = await deps.database.db.transaction(async (tx) => {
    const row = await findLive(tx, id, true);
    if (!row) throw photoNotFound();
    const now = deps.clock.now();
    await tx.update(serviceOrderPhotos).set({ deletedAt: now }).where(eq(serviceOrderPhotos.id, id));
    await appendOrderEvent(tx, ctx, now, row.orderId, 'photo_removed', { photoId: id, fileName: row.fileName });
    await appendAudit(tx, ctx, {
      entity: 'service_orders',
      entityId: row.orderId,
      action: 'photo_removed',
      sub: { entity: 'service_order_photos', id, label: row.fileName },
      before: auditView(row),
      after: null,
    });
    return row.storageKey;
  });
  await fileStoreFor(deps.config).remove(storageKey).catch(() => {});
}
