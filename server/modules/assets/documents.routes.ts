import type { Readable } from 'node:stream';
import { z } from 'zod';
import { rawBodyRoutes, sendStoredFile } from '../../kernel/http/raw-upload.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { pageSchema } from '../../kernel/http/pagination.ts';
import { problemResponses } from '../../kernel/http/problem.ts';
import { documentSchema, documentUploadQuery, idParams, pageQuery } from './assets.schemas.ts';
import * as uc from './documents.usecases.ts';

const tags = ['assets'];

/** The upload's body as the OpenAPI document shows it: the file itself, any media type. */
const rawFile = z.any().meta({ type: 'string', format: 'binary', description: 'The file itself (not JSON, not multipart)' });

export function documentsRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/assets/:id/documents',
    {
      config: { permission: 'assets:read' },
      schema: {
        tags,
        summary: "An asset's documents, newest first (keyset paging)",
        params: idParams,
        querystring: pageQuery,
        response: { 200: pageSchema(documentSchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => uc.listDocuments(deps, ctxOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/v1/asset-documents/:id/content',
    {
      config: { permission: 'assets:read' },
      schema: {
        tags,
        summary: "A document's file: PDF and images inline, other types as a download",
        params: idParams,
        produces: ['application/octet-stream'],
        response: { 200: z.any().describe('The file, with its Content-Type and Content-Disposition (UTF-8 name in filename*)'), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = await uc.openDocument(deps, ctxOf(request), request.params.id);
      return sendStoredFile(reply, file);
    },
  );

  app.delete(
    '/api/v1/asset-documents/:id',
    {
      config: { permission: 'assets:write' },
      schema: { tags, summary: 'Delete a document (hidden from the list, kept in the history; its file is removed)', params: idParams, response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) } },
    },
    async (request, reply) => {
      await uc.deleteDocument(deps, ctxOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  // The upload: the body is the file itself, streamed to the store (see rawBodyRoutes).
  rawBodyRoutes(app, deps.config.uploadMaxBytes, (scope) => {
    scope.post(
      '/api/v1/assets/:id/documents',
      {
        config: { permission: 'assets:write' },
        bodyLimit: deps.config.uploadMaxBytes,
        schema: {
          tags,
          summary: 'Attach a document to an asset: send the file as the raw request body',
          description:
            'The body is the file itself with any Content-Type (e.g. application/octet-stream); the name and description go in the query. ' +
            'The type is decided by the file\'s first bytes, not by the header: PDF, JPEG, PNG, WebP, HEIC/HEIF; DOCX, XLSX, ODT (zip + extension); ' +
            'TXT, CSV (by extension). Anything else: 422 `documents.type_not_allowed` at `file`. Over the size limit (UPLOAD_MAX_MB): 413 `upload.too_large`.',
          params: idParams,
          querystring: documentUploadQuery,
          consumes: ['application/octet-stream'],
          body: rawFile,
          response: { 201: documentSchema, ...problemResponses(400, 401, 403, 404, 413, 422) },
        },
      },
      async (request, reply) => {
        try {
          const dto = await uc.uploadDocument(deps, ctxOf(request), request.params.id, {
            fileName: request.query.fileName,
            description: request.query.description,
            content: request.body as Readable | undefined,
          });
          return reply.status(201).send(dto);
        } catch (e) {
          // The body may be partly read: the connection cannot carry another request.
          reply.header('connection', 'close');
          throw e;
        }
      },
    );
  });
}
