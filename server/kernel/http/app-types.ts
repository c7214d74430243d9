import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Ctx } from '../../deps.ts';
import { unauthenticated } from '../errors/app-error.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The use-case context of an authenticated request. */
export function ctxOf(request: FastifyRequest): Ctx {
  if (!request.actor) throw unauthenticated();
  return { actor: request.actor, requestId: String(request.id) };
}
