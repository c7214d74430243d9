import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { pageSchema } from '../../kernel/http/pagination.ts';
import { problemResponses } from '../../kernel/http/problem.ts';
import { exportProduces, sendExport } from '../catalog/catalog.export.ts';
import { exportServicePaths } from './service-paths.export.ts';
import * as uc from './service-paths.usecases.ts';
import {
  copyInput,
  idParams,
  pathExportQuery,
  pathInput,
  pathListQuery,
  pathPatch,
  servicePathDetailSchema,
  servicePathSchema,
  stepAddInput,
  stepOrderInput,
  stepParams,
  stepPatch,
} from './service-paths.schemas.ts';

const tags = ['service paths'];
const base = '/api/v1/service-paths';

export function servicePathsRoutes(app: App, deps: Deps) {
  app.get(
    base,
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags,
        summary: 'List service paths (name search, status, keyset paging by name)',
        querystring: pathListQuery,
        response: { 200: pageSchema(servicePathSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => uc.listServicePaths(deps, ctxOf(request), request.query),
  );

  app.get(
    `${base}/export`,
    {
      config: { permission: 'catalog:export' },
      schema: {
        tags,
        summary: 'Export the filtered list as CSV or XLSX, one row per path with its activities',
        querystring: pathExportQuery,
        produces: exportProduces,
        response: { 200: z.any().describe('The file'), ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { lang, ...q } = request.query;
      return sendExport(reply, deps.clock.now(), { pl: 'sciezki-serwisowe', en: 'service-paths' }, q.format, lang, exportServicePaths(deps, ctxOf(request), q, lang));
    },
  );

  app.get(
    `${base}/:id`,
    {
      config: { permission: 'catalog:read' },
      schema: { tags, summary: 'A service path with its steps in order', params: idParams, response: { 200: servicePathDetailSchema, ...problemResponses(400, 401, 403, 404) } },
    },
    async (request) => uc.getServicePath(deps, ctxOf(request), request.params.id),
  );

  app.post(
    base,
    {
      config: { permission: 'catalog:write' },
      schema: { tags, summary: 'Create a service path, optionally with its steps', body: pathInput, response: { 201: servicePathDetailSchema, ...problemResponses(400, 401, 403) } },
    },
    async (request, reply) => reply.status(201).send(await uc.createServicePath(deps, ctxOf(request), request.body)),
  );

  app.patch(
    `${base}/:id`,
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags,
        summary: 'Rename a path or change its description',
        params: idParams,
        body: pathPatch,
        response: { 200: servicePathDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => uc.updateServicePath(deps, ctxOf(request), request.params.id, request.body),
  );

  app.post(
    `${base}/:id/archive`,
    {
      config: { permission: 'catalog:write' },
      schema: { tags, summary: 'Archive a path (no longer offered for new orders)', params: idParams, response: { 200: servicePathDetailSchema, ...problemResponses(400, 401, 403, 404) } },
    },
    async (request) => uc.setServicePathArchived(deps, ctxOf(request), request.params.id, true),
  );
  app.post(
    `${base}/:id/restore`,
    {
      config: { permission: 'catalog:write' },
      schema: { tags, summary: 'Bring an archived path back', params: idParams, response: { 200: servicePathDetailSchema, ...problemResponses(400, 401, 403, 404) } },
    },
    async (request) => uc.setServicePathArchived(deps, ctxOf(request), request.params.id, false),
  );

  app.post(
    `${base}/:id/copy`,
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags,
        summary: 'Copy a path with its steps (send {} for the default name "<name> (2)")',
        params: idParams,
        body: copyInput,
        response: { 201: servicePathDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => reply.status(201).send(await uc.copyServicePath(deps, ctxOf(request), request.params.id, request.body)),
  );

  app.post(
    `${base}/:id/steps`,
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags,
        summary: 'Add a step at the end, or insert it at `position` (later steps move down)',
        params: idParams,
        body: stepAddInput,
        response: { 201: servicePathDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await uc.addStep(deps, ctxOf(request), request.params.id, request.body)),
  );

  app.put(
    `${base}/:id/steps/order`,
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags,
        summary: 'Reorder the steps (422 service_paths.order_mismatch unless stepIds are exactly the path\'s steps)',
        params: idParams,
        body: stepOrderInput,
        response: { 200: servicePathDetailSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => uc.reorderSteps(deps, ctxOf(request), request.params.id, request.body.stepIds),
  );

  app.patch(
    `${base}/:id/steps/:stepId`,
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags,
        summary: 'Change a step (only the fields sent)',
        params: stepParams,
        body: stepPatch,
        response: { 200: servicePathDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => uc.updateStep(deps, ctxOf(request), request.params.id, request.params.stepId, request.body),
  );

  app.delete(
    `${base}/:id/steps/:stepId`,
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags,
        summary: 'Remove a step (later steps move up); answers with the path',
        params: stepParams,
        response: { 200: servicePathDetailSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => uc.removeStep(deps, ctxOf(request), request.params.id, request.params.stepId),
  );
}
