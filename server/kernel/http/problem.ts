// One place that turns every failure into RFC 9457 problem+json with a stable `code` and field errors.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, type FieldError } from '../errors/app-error.ts';

/** Values a translated message may need: the offending value, a row number, a name. */
export const fieldParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable machine-readable code, e.g. customers.not_found'),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), code: z.string(), message: z.string(), params: fieldParamsSchema.optional() }))
      .optional()
      .describe('Per-field errors; path is the field name (dot-separated for nested fields)'),
  })
  .catchall(z.unknown())
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  extra: { errors?: FieldError[]; [k: string]: unknown } = {},
) {
  const body: Problem = {
    type: `https://serwisownia.dev/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    instance: reply.request.url,
    requestId: String(reply.request.id),
    ...extra,
  };
  if (body.errors && body.errors.length === 0) delete body.errors;
  return reply.status(status).type('application/problem+json').send(body);
}

type PgError = { code?: string; constraint?: string; detail?: string };

function zodValidationFields(error: FastifyError): FieldError[] {
  const ctx = (error as { validationContext?: string }).validationContext;
  return (error.validation ?? []).map((v) => {
    const issue = (v.params as { issue?: { code?: string; path?: PropertyKey[] } } | undefined)?.issue;
    const path = (v.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
    return {
      path: path || ctx || '',
      code: `validation.${issue?.code ?? v.keyword ?? 'invalid'}`,
      message: v.message ?? 'Invalid value',
    };
  });
}

export function registerProblemHandlers(app: FastifyInstance) {
  app.setErrorHandler((raw: FastifyError & PgError, request: FastifyRequest, reply: FastifyReply) => {
    // Drizzle wraps driver errors (DrizzleQueryError) and keeps PostgreSQL's SQLSTATE on the cause.
    const cause = (raw as { cause?: PgError }).cause;
    const error = (cause?.code && !raw.code ? Object.assign(raw, { code: cause.code, constraint: cause.constraint }) : raw) as FastifyError & PgError;
    if (error instanceof AppError) {
      return sendProblem(reply, error.status, error.code, error.message, { errors: error.fields, ...error.extra });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = (error as { validationContext?: string }).validationContext ?? 'request';
      return sendProblem(reply, 400, 'request.invalid', `The ${where} is not valid`, {
        errors: zodValidationFields(error),
      });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause?.issues }, 'response did not match its schema');
      return sendProblem(reply, 500, 'internal', 'The server produced an invalid response');
    }
    if (error.code === '23505') {
      return sendProblem(reply, 409, 'conflict.duplicate', 'A record with the same unique value already exists', {
        constraint: error.constraint,
      });
    }
    if (error.code === '40001' || error.code === '40P01') {
      return sendProblem(reply, 409, 'conflict.retry', 'A concurrent change got there first; try again');
    }
    if (error.code === '22P02' || error.code === '22003' || error.code === '22001' || error.code === '22007' || error.code === '22008') {
      return sendProblem(reply, 400, 'request.invalid', 'A value is out of range or malformed');
    }
    const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status >= 400 && status < 500) {
      const code =
        status === 429 ? 'rate_limited' : status === 413 ? 'request.too_large' : status === 415 ? 'request.unsupported_media_type' : 'request.malformed';
      return sendProblem(reply, status, code, error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, 500, 'internal', 'Something went wrong on the server; the request id helps find it in the log');
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, 404, 'route.not_found', `No route ${request.method} ${request.url.split('?')[0]}`),
  );
}

/** Response schemas for the error statuses a route can return, to document them in OpenAPI. */
export const problemResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, problemSchema])) as Record<number, typeof problemSchema>;
