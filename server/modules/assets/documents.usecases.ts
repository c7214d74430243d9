// Asset documents (warranty cards, invoices, photos, manuals). The bytes go to the file store
// first, streamed (never whole in memory); the row, the asset event and the audit record then
// commit together. A file whose row did not commit is removed, and so is the file of a deleted
// document — after its deletion committed.
import type { Readable } from 'node:stream';
import type { Ctx, Deps } from '../../deps.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { actorId, authorize } from '../../kernel/auth/actor.ts';
import { AppError, fieldError, invalidFields, notFound } from '../../kernel/errors/app-error.ts';
import { decodeCursor, toPage } from '../../kernel/http/pagination.ts';
import { fileStoreFor } from '../../kernel/storage/file-store.ts';
import { appendAssetEvent } from './asset-events.ts';
import type { DocumentDto } from './assets.schemas.ts';
import { documentsRepository as repo, type DocumentRow } from './documents.repository.ts';
import { cleanFileName, contentDisposition, sniffDocumentType } from './documents.rules.ts';

export type UploadDocumentInput = {
  fileName: string;
  description: string;
  /** The file's bytes; undefined for a request without a body (an empty file). */
  content: Readable | AsyncIterable<Buffer> | undefined;
};

export type DocumentContent = {
  stream: Readable;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  contentDisposition: string;
};

export function toDocumentDto(r: DocumentRow, uploadedByName: string | null): DocumentDto {
  return {
    id: r.id,
    assetId: r.assetId,
    fileName: r.fileName,
    contentType: r.contentType,
    sizeBytes: r.sizeBytes,
    description: r.description,
    uploadedByName,
    uploadedAt: r.uploadedAt.toISOString(),
  };
}

/** What the audit keeps of a document (the storage key is an internal detail). */
const auditView = (r: DocumentRow) => ({ fileName: r.fileName, contentType: r.contentType, sizeBytes: r.sizeBytes, sha256: r.sha256, description: r.description });

async function* noBytes(): AsyncGenerator<Buffer> {}

const documentNotFound = () => notFound('asset_documents', 'Document not found');

export async function listDocuments(deps: Deps, ctx: Ctx, assetId: string, q: { limit: number; cursor?: string | undefined }) {
  authorize(ctx.actor, 'assets:read');
  const after = decodeCursor(q.cursor, 2);
  const db = deps.database.db;
  if (!(await repo.assetExists(db, assetId))) throw notFound('assets');
  const { rows, cursorOf } = await repo.list(db, assetId, after, q.limit);
  return toPage(rows, q.limit, cursorOf, (r) => toDocumentDto(r, r.uploadedByName));
}

export async function uploadDocument(deps: Deps, ctx: Ctx, assetId: string, input: UploadDocumentInput): Promise<DocumentDto> {
  authorize(ctx.actor, 'assets:write');
  const fileName = cleanFileName(input.fileName);
  if (!fileName) throw invalidFields([fieldError('fileName', 'documents.file_name_invalid', 'The file name is empty or only a path')]);
  const db = deps.database.db;
  // Checked before reading the body: an upload to an unknown asset stores nothing.
  if (!(await repo.assetExists(db, assetId))) throw notFound('assets');

  const files = fileStoreFor(deps.config);
  const stored = await files.put(input.content ?? noBytes(), { maxBytes: deps.config.uploadMaxBytes });
  try {
    if (stored.sizeBytes === 0) throw invalidFields([fieldError('file', 'documents.empty', 'The file is empty')]);
    const sniffed = sniffDocumentType(stored.head, fileName);
    if (!sniffed.allowed)
      throw invalidFields([
        fieldError('file', 'documents.type_not_allowed', `Files of type ${sniffed.type} cannot be attached; allowed: PDF, JPEG, PNG, WebP, HEIC, TXT, CSV, DOCX, XLSX, ODT`, { type: sniffed.type }),
      ]);
    return await db.transaction(async (tx) => {
      if (!(await repo.lockAsset(tx, assetId))) throw notFound('assets');
      const now = deps.clock.now();
      const row = await repo.insert(tx, {
        assetId,
        fileName,
        contentType: sniffed.contentType,
        sizeBytes: stored.sizeBytes,
        sha256: stored.sha256,
        storageKey: stored.key,
        description: input.description,
        uploadedBy: actorId(ctx.actor),
        uploadedAt: now,
      });
      await appendAssetEvent(tx, ctx, now, assetId, 'document_added', { documentId: row.id, fileName });
      await appendAudit(tx, ctx, {
        entity: 'assets',
        entityId: assetId,
        action: 'document_added',
        sub: { entity: 'asset_documents', id: row.id, label: fileName },
        after: auditView(row),
      });
      return toDocumentDto(row, ctx.actor.kind === 'user' ? ctx.actor.name : null);
    });
  } catch (e) {
    // Best effort: the request fails with its own error either way; a leftover file has no row
    // pointing at it and is never served.
    await files.remove(stored.key).catch(() => {});
    throw e;
  }
}

/** The stored bytes and the headers to send them with. */
export async function openDocument(deps: Deps, ctx: Ctx, id: string): Promise<DocumentContent> {
  authorize(ctx.actor, 'assets:read');
  const row = await repo.findById(deps.database.db, id);
  if (!row) throw documentNotFound();
  let stream: Readable;
  try {
    stream = await fileStoreFor(deps.config).open(row.storageKey);
  } catch (e) {
    if (e instanceof AppError && e.code === 'files.not_found') throw notFound('asset_documents', "The document's file is missing from storage");
    throw e;
  }
  return {
    stream,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    sha256: row.sha256,
    contentDisposition: contentDisposition(row.fileName, row.contentType),
  };
}

/** Hides the document (the row stays for the history) and removes its file once that committed. */
export async function deleteDocument(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  authorize(ctx.actor, 'assets:write');
  const storageKey = await deps.database.db.transaction(async (tx) => {
    const row = await repo.findForUpdate(tx, id);
    if (!row) throw documentNotFound();
    const now = deps.clock.now();
    await repo.markDeleted(tx, id, now);
    await appendAssetEvent(tx, ctx, now, row.assetId, 'document_removed', { documentId: id, fileName: row.fileName });
    await appendAudit(tx, ctx, {
      entity: 'assets',
      entityId: row.assetId,
      action: 'document_removed',
      sub: { entity: 'asset_documents', id, label: row.fileName },
      before: auditView(row),
      after: null,
    });
    return row.storageKey;
  });
  // After the commit: a rolled-back deletion must still find its file. A failed removal leaves an
  // unreferenced file behind, which is harmless; the deletion itself stands.
  await fileStoreFor(deps.config).remove(storageKey).catch(() => {});
}
