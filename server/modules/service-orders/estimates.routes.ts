// Staff routes of estimates: list, build, edit a draft, send (answers the customer's link once),
// record a signed paper, withdraw.
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { problemResponses } from '../../kernel/http/problem.ts';
import * as uc from './estimates.usecases.ts';
import { decisionInput, estimateInput, estimateParams, estimatePatch, estimateSchema, sendInput, sentEstimateSchema } from './estimates.schemas.ts';
import { requestOrigin } from './service-orders.routes.ts';
import { idParams } from './service-orders.schemas.ts';

const tags = ['service-orders'];
const p = (...codes: number[]) => problemResponses(...codes);

export function estimatesRoutes(app: App, deps: Deps) {
  const base = '/api/v1/service-orders/:id/estimates';
  app.get(base, { config: { permission: 'orders:read' }, schema: { tags, summary: "The order's estimates, newest version first", params: idParams, response: { 200: z.object({ items: z.array(estimateSchema) }), ...p(400, 401, 403, 404) } } }, async (r) =>
    uc.listEstimates(deps, ctxOf(r), r.params.id),
  );
  app.get(`${base}/:estimateId`, { config: { permission: 'orders:read' }, schema: { tags, summary: 'An estimate with its lines and totals per VAT rate', params: estimateParams, response: { 200: estimateSchema, ...p(400, 401, 403, 404) } } }, async (r) =>
    uc.getEstimate(deps, ctxOf(r), r.params.id, r.params.estimateId),
  );
  app.post(
    base,
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary: "A new draft (next version): from explicit lines, or from the order's work — steps' planned minutes × labourServiceId (priced on the order's price list), parts and other lines",
        params: idParams,
        body: estimateInput,
        response: { 201: estimateSchema, ...p(400, 401, 403, 404, 409, 422) },
      },
    },
    async (r, reply) => reply.status(201).send(await uc.createEstimate(deps, ctxOf(r), r.params.id, r.body)),
  );
  app.patch(
    `${base}/:estimateId`,
    { config: { permission: 'orders:write' }, schema: { tags, summary: "Change a draft's lines (replaced as a whole) or note; 409 estimates.not_draft once sent", params: estimateParams, body: estimatePatch, response: { 200: estimateSchema, ...p(400, 401, 403, 404, 409, 422) } } },
    async (r) => uc.updateEstimate(deps, ctxOf(r), r.params.id, r.params.estimateId, r.body),
  );
  app.post(
    `${base}/:estimateId/send`,
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary:
          "Send (or send again): a new customer link valid for validDays (an earlier link of this estimate stops working), other waiting estimates are withdrawn, the order waits for approval when its phase allows. The link is answered once — email it to the customer (acceptUrl).",
        params: estimateParams,
        body: sendInput,
        response: { 200: sentEstimateSchema, ...p(400, 401, 403, 404, 409, 422) },
      },
    },
    async (r) => uc.sendEstimate(deps, ctxOf(r), r.params.id, r.params.estimateId, r.body, requestOrigin(r)),
  );
  app.post(
    `${base}/:estimateId/paper-decision`,
    {
      config: { permission: 'orders:write' },
      schema: {
        tags,
        summary: 'Record the customer’s signed paper: accepted → the order goes to repair; rejected → ready for release (the return flow). 409 when already decided or withdrawn.',
        params: estimateParams,
        body: decisionInput,
        response: { 200: estimateSchema, ...p(400, 401, 403, 404, 409, 422) },
      },
    },
    async (r) => uc.recordPaperDecision(deps, ctxOf(r), r.params.id, r.params.estimateId, r.body),
  );
  app.post(
    `${base}/:estimateId/withdraw`,
    { config: { permission: 'orders:write' }, schema: { tags, summary: 'Take back a draft or a sent estimate (its link then says it was withdrawn)', params: estimateParams, response: { 200: estimateSchema, ...p(400, 401, 403, 404, 409) } } },
    async (r) => uc.withdrawEstimate(deps, ctxOf(r), r.params.id, r.params.estimateId),
  );
}
