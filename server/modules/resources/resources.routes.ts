import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { pageSchema } from '../../kernel/http/pagination.ts';
import { problemResponses } from '../../kernel/http/problem.ts';
import { exportProduces, sendExport } from '../catalog/catalog.export.ts';
import { exportResources } from './resources.export.ts';
import * as uc from './resources.usecases.ts';
import { idParams, resourceExportQuery, resourceInput, resourceListQuery, resourcePatch, resourceSchema } from './resources.schemas.ts';

const tags = ['resources'];
const base = '/api/v1/resources';

export function resourcesRoutes(app: App, deps: Deps) {
  app.get(
    base,
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags,
        summary: 'List vehicles and equipment (search, kind, active, keyset paging by name)',
        querystring: resourceListQuery,
        response: { 200: pageSchema(resourceSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => uc.listResources(deps, ctxOf(request), request.query),
  );

  app.get(
    `${base}/export`,
    {
      config: { permission: 'catalog:export' },
      schema: {
        tags,
        summary: 'Export the filtered list as CSV or XLSX (all pages)',
        querystring: resourceExportQuery,
        produces: exportProduces,
        response: { 200: z.any().describe('The file'), ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { lang, ...q } = request.query;
      return sendExport(reply, deps.clock.now(), { pl: 'zasoby', en: 'resources' }, q.format, lang, exportResources(deps, ctxOf(request), q, lang));
    },
  );

  app.get(
    `${base}/:id`,
    {
      config: { permission: 'catalog:read' },
      schema: { tags, summary: 'A vehicle or piece of equipment', params: idParams, response: { 200: resourceSchema, ...problemResponses(400, 401, 403, 404) } },
    },
    async (request) => uc.getResource(deps, ctxOf(request), request.params.id),
  );

  app.post(
    base,
    {
      config: { permission: 'catalog:write' },
      schema: { tags, summary: 'Add a vehicle or piece of equipment', body: resourceInput, response: { 201: resourceSchema, ...problemResponses(400, 401, 403) } },
    },
    async (request, reply) => reply.status(201).send(await uc.createResource(deps, ctxOf(request), request.body)),
  );

  app.patch(
    `${base}/:id`,
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags,
        summary: 'Change a resource, or switch it off/on with `active` (only the fields sent)',
        params: idParams,
        body: resourcePatch,
        response: { 200: resourceSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => uc.updateResource(deps, ctxOf(request), request.params.id, request.body),
  );
}
