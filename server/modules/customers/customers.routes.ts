import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { pageSchema } from '../../kernel/http/pagination.ts';
import { problemResponses } from '../../kernel/http/problem.ts';
import { businessDate } from '../../kernel/time/business-date.ts';
import * as uc from './customers.usecases.ts';
import { commitImport, previewImport } from './customers.import.ts';
import { exportCustomers } from './customers.export.ts';
import {
  childParams,
  contactInput,
  contactPatch,
  contactSchema,
  customerDetailSchema,
  customerExportQuery,
  customerInput,
  customerListQuery,
  customerPatch,
  customerSchema,
  customerWriteResult,
  idParams,
  importBody,
  importCommitSchema,
  importPreviewSchema,
  noteInput,
  noteSchema,
  siteInput,
  sitePatch,
  siteSchema,
} from './customers.schemas.ts';

const tags = ['customers'];
const base = '/api/v1/customers';

export function customersRoutes(app: App, deps: Deps) {
  app.get(
    base,
    {
      config: { permission: 'customers:read' },
      schema: {
        tags,
        summary: 'List customers (search, filters, sorting, keyset paging)',
        querystring: customerListQuery,
        response: { 200: pageSchema(customerSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => uc.listCustomers(deps, ctxOf(request), request.query),
  );

  app.get(
    `${base}/export`,
    {
      config: { permission: 'customers:export' },
      schema: {
        tags,
        summary: 'Export the filtered list as CSV or XLSX (all pages)',
        querystring: customerExportQuery.extend({ lang: z.enum(['pl', 'en']).default('pl') }),
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: z.any().describe('The file'), ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { lang, ...q } = request.query;
      const stamp = businessDate(deps.clock.now());
      const name = `${lang === 'pl' ? 'klienci' : 'customers'}-${stamp}.${q.format}`;
      reply
        .header('content-disposition', `attachment; filename="${name}"`)
        .type(q.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      return reply.send(exportCustomers(deps, ctxOf(request), q, lang));
    },
  );

  app.get(
    `${base}/nip-check`,
    {
      config: { permission: 'customers:read' },
      schema: {
        tags,
        summary: 'Check a NIP: checksum and customers that already have it',
        querystring: z.object({ nip: z.string().trim().min(1).max(20), excludeId: z.uuid().optional() }),
        response: {
          200: z.object({ nip: z.string(), valid: z.boolean(), duplicates: z.array(z.object({ id: z.uuid(), name: z.string() })) }),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => uc.checkNip(deps, ctxOf(request), request.query.nip, request.query.excludeId),
  );

  app.post(
    base,
    {
      config: { permission: 'customers:write' },
      schema: {
        tags,
        summary: 'Create a customer (warns on a duplicate NIP)',
        body: customerInput,
        response: { 201: customerWriteResult, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await uc.createCustomer(deps, ctxOf(request), request.body)),
  );

  app.get(
    `${base}/:id`,
    {
      config: { permission: 'customers:read' },
      schema: { tags, summary: 'A customer with contacts, sites and notes', params: idParams, response: { 200: customerDetailSchema, ...problemResponses(400, 401, 403, 404) } },
    },
    async (request) => uc.getCustomer(deps, ctxOf(request), request.params.id),
  );

  app.patch(
    `${base}/:id`,
    {
      config: { permission: 'customers:write' },
      schema: {
        tags,
        summary: 'Change a customer',
        params: idParams,
        body: customerPatch,
        response: { 200: customerWriteResult, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => uc.updateCustomer(deps, ctxOf(request), request.params.id, request.body),
  );

  app.post(
    `${base}/:id/archive`,
    {
      config: { permission: 'customers:archive' },
      schema: { tags, summary: 'Archive a customer (hidden from lists, history kept)', params: idParams, response: { 200: customerSchema, ...problemResponses(400, 401, 403, 404) } },
    },
    async (request) => uc.setArchived(deps, ctxOf(request), request.params.id, true),
  );
  app.post(
    `${base}/:id/restore`,
    {
      config: { permission: 'customers:archive' },
      schema: { tags, summary: 'Bring an archived customer back', params: idParams, response: { 200: customerSchema, ...problemResponses(400, 401, 403, 404) } },
    },
    async (request) => uc.setArchived(deps, ctxOf(request), request.params.id, false),
  );
  app.delete(
    `${base}/:id`,
    {
      config: { permission: 'customers:delete' },
      schema: {
        tags,
        summary: 'Delete a customer nothing refers to (409 customers.referenced otherwise: archive it)',
        params: idParams,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await uc.deleteCustomer(deps, ctxOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    `${base}/:id/contacts`,
    {
      config: { permission: 'customers:write' },
      schema: { tags, summary: 'Add a contact person', params: idParams, body: contactInput, response: { 201: contactSchema, ...problemResponses(400, 401, 403, 404) } },
    },
    async (request, reply) => reply.status(201).send(await uc.addContact(deps, ctxOf(request), request.params.id, request.body)),
  );
  app.patch(
    `${base}/:id/contacts/:childId`,
    {
      config: { permission: 'customers:write' },
      schema: {
        tags,
        summary: 'Change or archive a contact person',
        params: childParams,
        body: contactPatch.extend({ archived: z.boolean().optional() }),
        response: { 200: contactSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => uc.updateContact(deps, ctxOf(request), request.params.id, request.params.childId, request.body),
  );
  app.post(
    `${base}/:id/sites`,
    {
      config: { permission: 'customers:write' },
      schema: { tags, summary: 'Add a site (location) of the customer', params: idParams, body: siteInput, response: { 201: siteSchema, ...problemResponses(400, 401, 403, 404) } },
    },
    async (request, reply) => reply.status(201).send(await uc.addSite(deps, ctxOf(request), request.params.id, request.body)),
  );
  app.patch(
    `${base}/:id/sites/:childId`,
    {
      config: { permission: 'customers:write' },
      schema: {
        tags,
        summary: 'Change or archive a site',
        params: childParams,
        body: sitePatch.extend({ archived: z.boolean().optional() }),
        response: { 200: siteSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => uc.updateSite(deps, ctxOf(request), request.params.id, request.params.childId, request.body),
  );
  app.post(
    `${base}/:id/notes`,
    {
      config: { permission: 'customers:write' },
      schema: { tags, summary: 'Add a note to the customer', params: idParams, body: noteInput, response: { 201: noteSchema, ...problemResponses(400, 401, 403, 404) } },
    },
    async (request, reply) => reply.status(201).send(await uc.addNote(deps, ctxOf(request), request.params.id, request.body.body)),
  );

  app.post(
    `${base}/import/preview`,
    {
      config: { permission: 'customers:import' },
      bodyLimit: 25 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Check a CSV file: column mapping and per-row errors; writes nothing',
        body: importBody,
        response: { 200: importPreviewSchema, ...problemResponses(400, 401, 403, 413, 422) },
      },
    },
    async (request) => previewImport(deps, ctxOf(request), request.body.csv),
  );
  app.post(
    `${base}/import/commit`,
    {
      config: { permission: 'customers:import' },
      bodyLimit: 25 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import a CSV file: every row or none',
        body: importBody,
        response: { 201: importCommitSchema, ...problemResponses(400, 401, 403, 413, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await commitImport(deps, ctxOf(request), request.body.csv)),
  );
}
