import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { pageSchema } from '../../kernel/http/pagination.ts';
import { problemResponses } from '../../kernel/http/problem.ts';
import * as uc from './service-orders.usecases.ts';
import * as statuses from './statuses.usecases.ts';
import {
  changeStatusInput,
  idParams,
  orderEventSchema,
  orderInput,
  orderListQuery,
  orderPatch,
  orderSchema,
  orderSummarySchema,
  pageQuery,
  releaseInput,
  statusInput,
  statusSchema,
} from './service-orders.schemas.ts';
import { patchOf } from '../../kernel/validation/patch.ts';
import { templatesRoutes } from './templates.usecases.ts';

const tags = ['service-orders'];
const p = (...codes: number[]) => problemResponses(...codes);
export const requestOrigin = (r: FastifyRequest) => `${r.protocol}://${r.host}`;

export function serviceOrdersRoutes(app: App, deps: Deps) {
  templatesRoutes(app, deps);
  const base = '/api/v1/service-orders';
  app.get(base, { config: { permission: 'orders:read' }, schema: { tags, summary: 'List orders (search by number, customer, asset, serial; filters; keyset paging)', querystring: orderListQuery, response: { 200: pageSchema(orderSummarySchema), ...p(400, 401, 403) } } }, async (r) =>
    uc.listOrders(deps, ctxOf(r), r.query),
  );
  app.get(`${base}/:id`, { config: { permission: 'orders:read' }, schema: { tags, summary: 'An order with its totals and the phases it may move to', params: idParams, response: { 200: orderSchema, ...p(400, 401, 403, 404) } } }, async (r) =>
    uc.getOrder(deps, ctxOf(r), r.params.id),
  );
  app.post(
    base,
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary: 'Intake: create an order (and the customer / asset on the fly); the asset goes into the shop; answers the one-time tracking link',
        body: orderInput,
        response: { 201: orderSchema, ...p(400, 401, 403, 409, 422) },
      },
    },
    async (r, reply) => reply.status(201).send(await uc.createOrder(deps, ctxOf(r), r.body, requestOrigin(r))),
  );
  app.patch(`${base}/:id`, { config: { permission: 'orders:write' }, schema: { tags, summary: 'Change intake details, technician or promised date', params: idParams, body: orderPatch, response: { 200: orderSchema, ...p(400, 401, 403, 404, 409, 422) } } }, async (r) =>
    uc.updateOrder(deps, ctxOf(r), r.params.id, r.body),
  );
  app.post(
    `${base}/:id/status`,
    { config: { permission: 'orders:write' }, schema: { tags, summary: 'Move to a status (checked against the phase rules; 422 orders.transition_not_allowed)', params: idParams, body: changeStatusInput, response: { 200: orderSchema, ...p(400, 401, 403, 404, 422) } } },
    async (r) => uc.changeStatus(deps, ctxOf(r), r.params.id, r.body),
  );
  app.post(
    `${base}/:id/release`,
    { config: { permission: 'orders:release' }, schema: { tags, summary: 'Release to the customer (who picked it up); custody back with the customer; the order closes', params: idParams, body: releaseInput, response: { 200: orderSchema, ...p(400, 401, 403, 404, 409, 422) } } },
    async (r) => uc.releaseOrder(deps, ctxOf(r), r.params.id, r.body),
  );
  app.get(`${base}/:id/events`, { config: { permission: 'orders:read' }, schema: { tags, summary: "The order's history, newest first", params: idParams, querystring: pageQuery, response: { 200: pageSchema(orderEventSchema), ...p(400, 401, 403) } } }, async (r) =>
    uc.listOrderEvents(deps, ctxOf(r), r.params.id, r.query),
  );
  app.post(
    `${base}/:id/tracking-link`,
    { config: { permission: 'orders:write' }, schema: { tags, summary: 'Make a new public tracking link (the old one stops working)', params: idParams, response: { 200: z.object({ trackingUrl: z.string() }), ...p(400, 401, 403, 404) } } },
    async (r) => uc.newOrderTrackingLink(deps, ctxOf(r), r.params.id, requestOrigin(r)),
  );

  const st = '/api/v1/service-order-statuses';
  app.get(st, { config: { permission: 'orders:read' }, schema: { tags, summary: 'The status list in its order, each with its phase and notification rule', querystring: z.object({ includeArchived: z.coerce.boolean().default(false) }), response: { 200: z.object({ items: z.array(statusSchema) }), ...p(400, 401, 403) } } }, async (r) =>
    statuses.listStatuses(deps, ctxOf(r), r.query.includeArchived),
  );
  app.post(st, { config: { permission: 'orders:configure' }, schema: { tags, summary: 'Add a status (mapped to a phase)', body: statusInput, response: { 201: statusSchema, ...p(400, 401, 403, 422) } } }, async (r, reply) =>
    reply.status(201).send(await statuses.createStatus(deps, ctxOf(r), r.body)),
  );
  app.patch(`${st}/:id`, { config: { permission: 'orders:configure' }, schema: { tags, summary: 'Rename, recolour or change the notification rule of a status', params: idParams, body: patchOf(statusInput.omit({ phase: true })), response: { 200: statusSchema, ...p(400, 401, 403, 404, 422) } } }, async (r) =>
    statuses.updateStatus(deps, ctxOf(r), r.params.id, r.body),
  );
  app.post(
    `${st}/reorder`,
    { config: { permission: 'orders:configure' }, schema: { tags, summary: 'Set the order of the statuses', body: z.object({ ids: z.array(z.uuid()).min(1).max(200) }), response: { 200: z.object({ items: z.array(statusSchema) }), ...p(400, 401, 403, 422) } } },
    async (r) => statuses.reorderStatuses(deps, ctxOf(r), r.body.ids),
  );
  for (const [action, archived] of [['archive', true], ['restore', false]] as const)
    app.post(`${st}/:id/${action}`, { config: { permission: 'orders:configure' }, schema: { tags, summary: `${archived ? 'Archive' : 'Restore'} a status (the last active status of a phase cannot be archived)`, params: idParams, response: { 200: statusSchema, ...p(400, 401, 403, 404, 409) } } }, async (r) =>
      statuses.setStatusArchived(deps, ctxOf(r), r.params.id, archived),
    );
}
