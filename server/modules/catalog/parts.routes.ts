import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { pageSchema } from '../../kernel/http/pagination.ts';
import { problemResponses } from '../../kernel/http/problem.ts';
import { businessDate } from '../../kernel/time/business-date.ts';
import { exportParts } from './parts.export.ts';
import { partExportQuery, partInput, partListQuery, partPatch, partSchema } from './parts.schemas.ts';
import * as uc from './parts.usecases.ts';

const tags = ['parts'];
const base = '/api/v1/parts';
const idParams = z.object({ id: z.uuid() });

export function partsRoutes(app: App, deps: Deps) {
  app.get(
    base,
    {
      config: { permission: 'catalog:read' },
      schema: { tags, summary: 'List spare parts with on-hand stock (search, low-stock filter, keyset paging)', querystring: partListQuery, response: { 200: pageSchema(partSchema), ...problemResponses(400, 401, 403) } },
    },
    async (request) => uc.listParts(deps, ctxOf(request), request.query),
  );
  app.get(
    `${base}/export`,
    {
      config: { permission: 'catalog:export' },
      schema: {
        tags,
        summary: 'Export the filtered parts list as CSV or XLSX',
        querystring: partExportQuery,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: z.any().describe('The file'), ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { lang, format } = request.query;
      const name = `${lang === 'pl' ? 'czesci' : 'parts'}-${businessDate(deps.clock.now())}.${format}`;
      reply
        .header('content-disposition', `attachment; filename="${name}"`)
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      return reply.send(exportParts(deps, ctxOf(request), request.query));
    },
  );
  app.get(
    `${base}/:id`,
    { config: { permission: 'catalog:read' }, schema: { tags, summary: 'One spare part', params: idParams, response: { 200: partSchema, ...problemResponses(400, 401, 403, 404) } } },
    async (request) => uc.getPart(deps, ctxOf(request), request.params.id),
  );
  app.post(
    base,
    { config: { permission: 'catalog:write' }, schema: { tags, summary: 'Create a spare part', body: partInput, response: { 201: partSchema, ...problemResponses(400, 401, 403, 422) } } },
    async (request, reply) => reply.status(201).send(await uc.createPart(deps, ctxOf(request), request.body)),
  );
  app.patch(
    `${base}/:id`,
    { config: { permission: 'catalog:write' }, schema: { tags, summary: 'Change a spare part', params: idParams, body: partPatch, response: { 200: partSchema, ...problemResponses(400, 401, 403, 404, 422) } } },
    async (request) => uc.updatePart(deps, ctxOf(request), request.params.id, request.body),
  );
  for (const [action, archived] of [['archive', true], ['restore', false]] as const)
    app.post(
      `${base}/:id/${action}`,
      { config: { permission: 'catalog:write' }, schema: { tags, summary: archived ? 'Archive a part (kept for history)' : 'Restore an archived part', params: idParams, response: { 200: partSchema, ...problemResponses(400, 401, 403, 404) } } },
      async (request) => uc.setPartArchived(deps, ctxOf(request), request.params.id, archived),
    );
}
