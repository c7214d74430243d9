// Photos of a service order: upload (raw body, images only), list, view, delete.
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { rawBodyRoutes, sendStoredFile } from '../../kernel/http/raw-upload.ts';
import type { Deps } from '../../deps.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { problemResponses } from '../../kernel/http/problem.ts';
import * as uc from './photos.usecases.ts';
import { idParams } from './service-orders.schemas.ts';

const tags = ['service-orders'];

const photoSchema = z
  .object({
    id: z.uuid(),
    orderId: z.uuid(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    caption: z.string(),
    uploadedByName: z.string().nullable(),
    uploadedAt: z.iso.datetime(),
  })
  .meta({ id: 'ServiceOrderPhoto' });

const photoUploadQuery = z.object({
  fileName: z.string().trim().min(1).max(255),
  caption: z.string().trim().max(500).default(''),
});

/** The upload's body as the OpenAPI document shows it: the image itself. */
const rawFile = z.any().meta({ type: 'string', format: 'binary', description: 'The image itself (not JSON, not multipart)' });

export function orderPhotosRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/service-orders/:id/photos',
    {
      config: { permission: 'orders:read' },
      schema: {
        tags,
        summary: "An order's photos, newest first (at most 200)",
        params: idParams,
        response: { 200: z.object({ items: z.array(photoSchema) }), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => uc.listPhotos(deps, ctxOf(request), request.params.id),
  );

  app.get(
    '/api/v1/service-order-photos/:id/content',
    {
      config: { permission: 'orders:read' },
      schema: {
        tags,
        summary: "A photo's image, inline",
        params: idParams,
        produces: ['application/octet-stream'],
        response: { 200: z.any().describe('The image, with its Content-Type and Content-Disposition'), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const file = await uc.openPhoto(deps, ctxOf(request), request.params.id);
      return sendStoredFile(reply, file);
    },
  );

  app.delete(
    '/api/v1/service-order-photos/:id',
    {
      config: { permission: 'orders:write' },
      schema: { tags, summary: 'Delete a photo (hidden, kept in the history; its file is removed)', params: idParams, response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) } },
    },
    async (request, reply) => {
      await uc.deletePhoto(deps, ctxOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  // The upload: the body is the file itself, streamed to the store (see rawBodyRoutes).
  rawBodyRoutes(app, deps.config.uploadMaxBytes, (scope) => {
    scope.post(
      '/api/v1/service-orders/:id/photos',
      {
        config: { permission: 'orders:write' },
        bodyLimit: deps.config.uploadMaxBytes,
        schema: {
          tags,
          summary: 'Add a photo to an order: send the image as the raw request body',
          description:
            'The body is the image itself with any Content-Type; the name and caption go in the query. The type is decided by the first bytes: ' +
            'JPEG, PNG, WebP, HEIC/HEIF. Anything else: 422 `photos.type_not_allowed` at `file`. Over the size limit (UPLOAD_MAX_MB): 413 `upload.too_large`.',
          params: idParams,
          querystring: photoUploadQuery,
          consumes: ['application/octet-stream'],
          body: rawFile,
          response: { 201: photoSchema, ...problemResponses(400, 401, 403, 404, 413, 422) },
        },
      },
      async (request, reply) => {
        try {
          const dto = await uc.uploadPhoto(deps, ctxOf(request), request.params.id, {
            fileName: request.query.fileName,
            caption: request.query.caption,
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
