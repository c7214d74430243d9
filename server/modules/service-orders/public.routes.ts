// Routes without an account (config public): the tracking page's data and the estimate's link, with
// the customer's decision. The secret in the path is the only credential; answers are not cached.
// Also the staff route that revokes an order's tracking link.
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { Deps } from '../../deps.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { problemResponses } from '../../kernel/http/problem.ts';
import { decisionInput, publicDecisionResult, publicEstimateSchema, tokenParams, trackingDecisionInput, trackingSchema } from './estimates.schemas.ts';
import * as uc from './public.usecases.ts';
import { idParams } from './service-orders.schemas.ts';

const tags = ['public'];
const p = (...codes: number[]) => problemResponses(...codes);

/** A link's answer is for its holder only: never stored by a shared cache, never indexed. */
const privateAnswer = (reply: FastifyReply) => reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex').header('referrer-policy', 'no-referrer');

export function publicRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/public/tracking/:token',
    {
      config: { public: true },
      schema: {
        tags,
        summary: "An order's public tracking page (the link on the intake receipt and in messages): status, timeline, expected date, the estimate waiting for a decision. No personal data. 404 tracking.not_found for unknown and revoked links alike.",
        params: tokenParams,
        response: { 200: trackingSchema, ...p(400, 404) },
      },
    },
    async (r, reply) => {
      privateAnswer(reply);
      return uc.publicTracking(deps, r.params.token);
    },
  );
  app.post(
    '/api/v1/public/tracking/:token/estimate-decision',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Accept or reject the pending estimate shown on the tracking page. 410 estimates.expired after its validity; 409 estimates.already_decided / estimates.withdrawn.',
        params: tokenParams,
        body: trackingDecisionInput,
        response: { 200: publicDecisionResult, ...p(400, 404, 409, 410) },
      },
    },
    async (r, reply) => {
      privateAnswer(reply);
      return uc.decideByTrackingLink(deps, r.params.token, r.body, String(r.id));
    },
  );
  app.get(
    '/api/v1/public/estimates/:token',
    {
      config: { public: true },
      schema: {
        tags,
        summary: "An estimate by its emailed link: lines, totals, validity, status. 410 estimates.expired when the link ran out before a decision.",
        params: tokenParams,
        response: { 200: publicEstimateSchema, ...p(400, 404, 410) },
      },
    },
    async (r, reply) => {
      privateAnswer(reply);
      return uc.publicEstimate(deps, r.params.token);
    },
  );
  app.post(
    '/api/v1/public/estimates/:token/decision',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Accept (the order goes to repair) or reject with a comment (the item is returned unrepaired). 410 estimates.expired; 409 estimates.already_decided / estimates.withdrawn.',
        params: tokenParams,
        body: decisionInput,
        response: { 200: publicDecisionResult, ...p(400, 404, 409, 410) },
      },
    },
    async (r, reply) => {
      privateAnswer(reply);
      return uc.decideByEstimateLink(deps, r.params.token, r.body, String(r.id));
    },
  );

  app.post(
    '/api/v1/service-orders/:id/tracking-link/revoke',
    {
      config: { permission: 'orders:write' },
      schema: { tags: ['service-orders'], summary: "Revoke the order's tracking link without making a new one (the page then answers 404)", params: idParams, response: { 200: z.object({ revoked: z.number().int() }), ...p(400, 401, 403, 404) } },
    },
    async (r) => uc.revokeOrderTrackingLink(deps, ctxOf(r), r.params.id),
  );
}
