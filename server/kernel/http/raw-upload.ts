// File uploads and downloads shared by every module that stores files (asset documents, order photos).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import type { App } from './app-types.ts';
import { tooLarge } from '../storage/storage-errors.ts';

/**
 * Registers upload routes in their own encapsulated context: there, and only there, every request
 * body — whatever its Content-Type, JSON included — reaches the handler as the unread stream, so a
 * file is streamed to the store and never buffered in memory. Other routes keep their JSON parsing.
 */
export function rawBodyRoutes(app: App, maxBytes: number, register: (scope: App) => void) {
  app.register(async (instance) => {
    const scope = instance.withTypeProvider<ZodTypeProvider>();
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (request: FastifyRequest, payload, done) => {
      // A declared size over the limit is refused before a byte is read; an undeclared (chunked)
      // body is counted by the file store as it streams.
      const limit = request.routeOptions.bodyLimit ?? maxBytes;
      if (Number(request.headers['content-length']) > limit) return done(tooLarge(limit), undefined);
      done(null, payload);
    });
    register(scope as unknown as App);
  });
}

export type StoredFile = { contentType: string; sizeBytes: number; contentDisposition: string; sha256: string; stream: Readable };

/** Sends a stored file with its type, name, no sniffing and a content-hash ETag. */
export const sendStoredFile = (reply: FastifyReply, file: StoredFile) =>
  reply
    .type(file.contentType)
    .header('content-length', file.sizeBytes)
    .header('content-disposition', file.contentDisposition)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-cache')
    .header('etag', `"${file.sha256}"`)
    .send(file.stream);
