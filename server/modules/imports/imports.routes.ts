import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { fieldParamsSchema, problemResponses } from '../../kernel/http/problem.ts';
import { IMPORT_TARGETS } from './imports.targets.ts';
import { commitImport, forgetUpload, previewImport, uploadImport } from './imports.usecases.ts';

const tags = ['imports'];
const mapping = z.record(z.string().max(200), z.string().max(100).nullable()).describe('File header → field key (null = ignore the column)');
const errorList = z.array(z.object({ path: z.string(), code: z.string(), message: z.string(), params: fieldParamsSchema.optional() }));

export function importsRoutes(app: App, deps: Deps) {
  app.post(
    '/api/v1/imports/:target/uploads',
    {
      // Shared by every target; the use cases check the target's own permission (assets:import for assets).
      config: { permission: 'catalog:import' },
      bodyLimit: 30 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Upload a CSV or XLSX file to import (catalogue: catalog:import; assets: assets:import); answers its columns and a suggested mapping (the last one used when it fits)',
        params: z.object({ target: z.enum(IMPORT_TARGETS) }),
        body: z.object({
          fileName: z.string().trim().min(1).max(255),
          contentBase64: z.string().min(1).max(28_000_000).describe('The file, base64-encoded (max ~20 MB)'),
          priceListId: z.uuid().optional().describe('Required for price_list_items'),
          assetTypeId: z.uuid().optional().describe('Required for assets: the type of the imported assets; its custom fields become columns'),
        }),
        response: {
          201: z.object({
            uploadId: z.uuid(),
            fileName: z.string(),
            headers: z.array(z.string()),
            sampleRows: z.array(z.array(z.string())),
            totalRows: z.number().int(),
            fields: z.array(z.object({ key: z.string(), required: z.boolean(), label: z.string().optional().describe("A custom field's own label (keys custom.<key>)") })),
            suggestedMapping: mapping,
            mappingSource: z.enum(['saved', 'guessed']),
          }),
          ...problemResponses(400, 401, 403, 413, 422),
        },
      },
    },
    async (request, reply) => reply.status(201).send(await uploadImport(deps, ctxOf(request), request.params.target, request.body)),
  );
  app.post(
    '/api/v1/imports/uploads/:id/preview',
    {
      config: { permission: 'catalog:import' },
      schema: {
        tags,
        summary: 'Check every row with a column mapping; writes nothing',
        params: z.object({ id: z.uuid() }),
        body: z.object({ mapping }),
        response: {
          200: z.object({
            totalRows: z.number().int(),
            validRows: z.number().int(),
            invalidRows: z.number().int(),
            rows: z.array(z.object({ row: z.number().int(), values: z.record(z.string(), z.string()), errors: errorList })).describe('Rows with errors first; at most 200'),
          }),
          ...problemResponses(400, 401, 403, 404, 422),
        },
      },
    },
    async (request) => previewImport(deps, ctxOf(request), request.params.id, request.body.mapping),
  );
  app.post(
    '/api/v1/imports/uploads/:id/commit',
    {
      config: { permission: 'catalog:import' },
      schema: {
        tags,
        summary: 'Import every row, or none when any row has an error; remembers the mapping',
        params: z.object({ id: z.uuid() }),
        body: z.object({ mapping }),
        response: { 201: z.object({ created: z.number().int() }), ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await commitImport(deps, ctxOf(request), request.params.id, request.body.mapping)),
  );
  app.delete(
    '/api/v1/imports/uploads/:id',
    { config: { permission: 'catalog:import' }, schema: { tags, summary: 'Discard an uploaded file', params: z.object({ id: z.uuid() }), response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) } } },
    async (request, reply) => {
      await forgetUpload(deps, ctxOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
