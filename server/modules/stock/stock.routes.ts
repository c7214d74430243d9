import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { pageSchema } from '../../kernel/http/pagination.ts';
import { problemResponses } from '../../kernel/http/problem.ts';
import { levelSchema, locationInput, locationPatch, locationSchema, movementInput, movementResult, movementSchema, movementsQuery } from './stock.schemas.ts';
import * as uc from './stock.usecases.ts';

const tags = ['stock'];
const idParams = z.object({ id: z.uuid() });

export function stockRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/stock/locations',
    { config: { permission: 'stock:read' }, schema: { tags, summary: 'Stock locations (warehouses, vans)', response: { 200: z.object({ items: z.array(locationSchema) }), ...problemResponses(401, 403) } } },
    async (request) => ({ items: await uc.listLocations(deps, ctxOf(request)) }),
  );
  app.post(
    '/api/v1/stock/locations',
    { config: { permission: 'catalog:write' }, schema: { tags, summary: 'Add a stock location', body: locationInput, response: { 201: locationSchema, ...problemResponses(400, 401, 403) } } },
    async (request, reply) => reply.status(201).send(await uc.createLocation(deps, ctxOf(request), request.body)),
  );
  app.patch(
    '/api/v1/stock/locations/:id',
    { config: { permission: 'catalog:write' }, schema: { tags, summary: 'Rename, describe or (de)activate a stock location', params: idParams, body: locationPatch, response: { 200: locationSchema, ...problemResponses(400, 401, 403, 404) } } },
    async (request) => uc.updateLocation(deps, ctxOf(request), request.params.id, request.body),
  );
  app.post(
    '/api/v1/stock/movements',
    {
      config: { permission: 'stock:move' },
      schema: {
        tags,
        summary: 'Record a receipt, issue, return, transfer or adjustment (adjustments need stock:adjust); never lets stock go negative',
        body: movementInput,
        response: { 201: movementResult, ...problemResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await uc.recordMovement(deps, ctxOf(request), request.body)),
  );
  app.get(
    '/api/v1/stock/movements',
    { config: { permission: 'stock:read' }, schema: { tags, summary: 'The stock ledger, newest first', querystring: movementsQuery, response: { 200: pageSchema(movementSchema), ...problemResponses(400, 401, 403) } } },
    async (request) => uc.listMovements(deps, ctxOf(request), request.query),
  );
  app.get(
    '/api/v1/parts/:id/stock',
    { config: { permission: 'stock:read' }, schema: { tags, summary: 'On hand per location for one part', params: idParams, response: { 200: z.object({ levels: z.array(levelSchema) }), ...problemResponses(400, 401, 403, 404) } } },
    async (request) => uc.getPartStock(deps, ctxOf(request), request.params.id),
  );
}
