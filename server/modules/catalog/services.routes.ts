import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { pageSchema } from '../../kernel/http/pagination.ts';
import { problemResponses } from '../../kernel/http/problem.ts';
import { exportProduces, sendExport } from './catalog.export.ts';
import { idParams } from './products.schemas.ts';
import { exportServices } from './services.export.ts';
import * as uc from './services.usecases.ts';
import { serviceExportQuery, serviceInput, serviceListQuery, servicePatch, serviceSchema } from './services.schemas.ts';

const tags = ['services'];
const base = '/api/v1/services';

export function servicesRoutes(app: App, deps: Deps) {
  app.get(
    base,
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags,
        summary: 'List services (billable labour): search, status, sorting, keyset paging',
        querystring: serviceListQuery,
        response: { 200: pageSchema(serviceSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => uc.listServices(deps, ctxOf(request), request.query),
  );

  app.get(
    `${base}/export`,
    {
      config: { permission: 'catalog:export' },
      schema: {
        tags,
        summary: 'Export the filtered list as CSV or XLSX (all pages)',
        querystring: serviceExportQuery,
        produces: exportProduces,
        response: { 200: z.any().describe('The file'), ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { lang, ...q } = request.query;
      return sendExport(reply, deps.clock.now(), { pl: 'uslugi', en: 'services' }, q.format, lang, exportServices(deps, ctxOf(request), q, lang));
    },
  );

  app.get(
    `${base}/:id`,
    {
      config: { permission: 'catalog:read' },
      schema: { tags, summary: 'A service', params: idParams, response: { 200: serviceSchema, ...problemResponses(400, 401, 403, 404) } },
    },
    async (request) => uc.getService(deps, ctxOf(request), request.params.id),
  );

  app.post(
    base,
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags,
        summary: 'Create a service (422 catalog.code_taken at `code`, catalog.vat_rate_unknown at `vatRateCode`)',
        body: serviceInput,
        response: { 201: serviceSchema, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await uc.createService(deps, ctxOf(request), request.body)),
  );

  app.patch(
    `${base}/:id`,
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags,
        summary: 'Change a service (only the fields sent)',
        params: idParams,
        body: servicePatch,
        response: { 200: serviceSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => uc.updateService(deps, ctxOf(request), request.params.id, request.body),
  );

  app.post(
    `${base}/:id/archive`,
    {
      config: { permission: 'catalog:write' },
      schema: { tags, summary: 'Archive a service (hidden from lists and pickers, history kept)', params: idParams, response: { 200: serviceSchema, ...problemResponses(400, 401, 403, 404) } },
    },
    async (request) => uc.setServiceArchived(deps, ctxOf(request), request.params.id, true),
  );
  app.post(
    `${base}/:id/restore`,
    {
      config: { permission: 'catalog:write' },
      schema: { tags, summary: 'Bring an archived service back', params: idParams, response: { 200: serviceSchema, ...problemResponses(400, 401, 403, 404) } },
    },
    async (request) => uc.setServiceArchived(deps, ctxOf(request), request.params.id, false),
  );
}
