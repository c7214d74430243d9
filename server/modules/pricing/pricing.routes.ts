import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { pageSchema } from '../../kernel/http/pagination.ts';
import { problemResponses } from '../../kernel/http/problem.ts';
import { itemType, priceItemInput, priceItemSchema, priceItemsQuery, priceListInput, priceListPatch, priceListSchema, priceListsQuery, priceQuery, priceSchema } from './pricing.schemas.ts';
import * as uc from './pricing.usecases.ts';
import { exportPriceItems } from './pricing.export.ts';
import { businessDate } from '../../kernel/time/business-date.ts';

const tags = ['price-lists'];
const base = '/api/v1/price-lists';
const idParams = z.object({ id: z.uuid() });

export function pricingRoutes(app: App, deps: Deps) {
  app.get(base, { config: { permission: 'catalog:read' }, schema: { tags, summary: 'Price lists', querystring: priceListsQuery, response: { 200: pageSchema(priceListSchema), ...problemResponses(400, 401, 403) } } }, async (request) =>
    uc.listPriceLists(deps, ctxOf(request), request.query),
  );
  app.post(
    base,
    { config: { permission: 'catalog:write' }, schema: { tags, summary: 'Create a price list (the first one becomes the default)', body: priceListInput, response: { 201: priceListSchema, ...problemResponses(400, 401, 403, 422) } } },
    async (request, reply) => reply.status(201).send(await uc.createPriceList(deps, ctxOf(request), request.body)),
  );
  app.get(`${base}/:id`, { config: { permission: 'catalog:read' }, schema: { tags, summary: 'One price list', params: idParams, response: { 200: priceListSchema, ...problemResponses(400, 401, 403, 404) } } }, async (request) =>
    uc.getPriceList(deps, ctxOf(request), request.params.id),
  );
  app.patch(
    `${base}/:id`,
    { config: { permission: 'catalog:write' }, schema: { tags, summary: 'Change a price list', params: idParams, body: priceListPatch, response: { 200: priceListSchema, ...problemResponses(400, 401, 403, 404, 422) } } },
    async (request) => uc.updatePriceList(deps, ctxOf(request), request.params.id, request.body),
  );
  app.post(
    `${base}/:id/make-default`,
    { config: { permission: 'catalog:write' }, schema: { tags, summary: 'Make this the default price list', params: idParams, response: { 200: priceListSchema, ...problemResponses(400, 401, 403, 404, 409) } } },
    async (request) => uc.makeDefaultPriceList(deps, ctxOf(request), request.params.id),
  );
  for (const [action, archived] of [['archive', true], ['restore', false]] as const)
    app.post(
      `${base}/:id/${action}`,
      { config: { permission: 'catalog:write' }, schema: { tags, summary: archived ? 'Archive a price list' : 'Restore a price list', params: idParams, response: { 200: priceListSchema, ...problemResponses(400, 401, 403, 404, 409) } } },
      async (request) => uc.setPriceListArchived(deps, ctxOf(request), request.params.id, archived),
    );
  app.get(
    `${base}/:id/items`,
    { config: { permission: 'catalog:read' }, schema: { tags, summary: 'Item prices on a list', params: idParams, querystring: priceItemsQuery, response: { 200: pageSchema(priceItemSchema), ...problemResponses(400, 401, 403, 404) } } },
    async (request) => uc.listPriceItems(deps, ctxOf(request), request.params.id, request.query),
  );
  app.put(
    `${base}/:id/items`,
    { config: { permission: 'catalog:write' }, schema: { tags, summary: 'Set a part\'s or service\'s price (or percentage) on the list', params: idParams, body: priceItemInput, response: { 200: priceItemSchema, ...problemResponses(400, 401, 403, 404, 422) } } },
    async (request) => uc.setPriceItem(deps, ctxOf(request), request.params.id, request.body),
  );
  app.delete(
    `${base}/:id/items/:itemType/:itemId`,
    {
      config: { permission: 'catalog:write' },
      schema: { tags, summary: 'Remove an item\'s own price from the list', params: z.object({ id: z.uuid(), itemType, itemId: z.uuid() }), response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) } },
    },
    async (request, reply) => {
      await uc.removePriceItem(deps, ctxOf(request), request.params.id, request.params.itemType, request.params.itemId);
      return reply.status(204).send(null);
    },
  );
  app.get(
    `${base}/:id/price`,
    { config: { permission: 'catalog:read' }, schema: { tags, summary: 'What an item costs on this list on a date (falls back to the default list, then the item\'s price)', params: idParams, querystring: priceQuery, response: { 200: priceSchema, ...problemResponses(400, 401, 403, 404, 422) } } },
    async (request) => uc.priceOn(deps, ctxOf(request), request.params.id, request.query),
  );
  app.get(
    `${base}/:id/items/export`,
    {
      config: { permission: 'catalog:export' },
      schema: {
        tags,
        summary: 'Export the list\'s item prices as CSV or XLSX (the columns its import reads)',
        params: idParams,
        querystring: z.object({ format: z.enum(['csv', 'xlsx']).default('csv'), lang: z.enum(['pl', 'en']).default('pl') }),
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: z.any().describe('The file'), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { format, lang } = request.query;
      const { stream, name } = await exportPriceItems(deps, ctxOf(request), request.params.id, request.query);
      const file = `${name.normalize('NFD').replace(/[^\w-]+/g, '-').replace(/-+/g, '-').toLowerCase()}-${businessDate(deps.clock.now())}.${format}`;
      reply
        .header('content-disposition', `attachment; filename="${file}"`)
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      void lang;
      return reply.send(stream);
    },
  );
}
