import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { problemResponses } from '../../kernel/http/problem.ts';
import * as uc from './rma.usecases.ts';
import { rmaInput, rmaPatch, rmaReturnInput, rmaSchema } from './rma.schemas.ts';
import { idParams } from './service-orders.schemas.ts';

const tags = ['service-orders'];
const p = (...codes: number[]) => problemResponses(...codes);

export function rmaRoutes(app: App, deps: Deps) {
  app.post(
    '/api/v1/service-orders/:id/rma',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary: "Send the item to a manufacturer or external workshop: the order moves to the external-service phase, the asset's custody follows (409 orders.rma_open while one is out; 422 orders.transition_not_allowed)",
        params: idParams,
        body: rmaInput,
        response: { 201: rmaSchema, ...p(400, 401, 403, 404, 409, 422) },
      },
    },
    async (r, reply) => reply.status(201).send(await uc.sendToExternalService(deps, ctxOf(r), r.params.id, r.body)),
  );
  app.get(
    '/api/v1/service-orders/:id/rmas',
    { config: { permission: 'orders:read' }, schema: { tags, summary: "The order's shipments to external services, newest first", params: idParams, response: { 200: z.object({ items: z.array(rmaSchema) }), ...p(400, 401, 403, 404) } } },
    async (r) => uc.listOrderRmas(deps, ctxOf(r), r.params.id),
  );
  app.patch(
    '/api/v1/service-order-rmas/:id',
    {
      config: { permission: 'orders:write' },
      schema: { tags, summary: 'Change the case number, waybill, expected return or note while the item is out (409 orders.rma_closed after the return)', params: idParams, body: rmaPatch, response: { 200: rmaSchema, ...p(400, 401, 403, 404, 409, 422) } },
    },
    async (r) => uc.updateRma(deps, ctxOf(r), r.params.id, r.body),
  );
  app.post(
    '/api/v1/service-order-rmas/:id/return',
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary: 'Record the return and its outcome: the order moves on (checked by the shop, or ready for release), the item is back in the shop, the late-return task closes',
        params: idParams,
        body: rmaReturnInput,
        response: { 200: rmaSchema, ...p(400, 401, 403, 404, 409, 422) },
      },
    },
    async (r) => uc.recordRmaReturn(deps, ctxOf(r), r.params.id, r.body),
  );
}
