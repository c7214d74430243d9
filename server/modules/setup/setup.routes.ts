import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { problemResponses } from '../../kernel/http/problem.ts';
import { companyInput } from '../company/company.schemas.ts';
import { setSessionCookie } from '../identity/identity.routes.ts';
import { emailSchema, languageSchema, sessionInfoSchema } from '../identity/identity.schemas.ts';
import { performSetup, setupGuide, setupStatus } from './setup.usecases.ts';

export function setupRoutes(app: App, deps: Deps) {
  const tags = ['setup'];
  app.get(
    '/api/v1/setup/status',
    { config: { public: true }, schema: { tags, summary: 'Whether this installation still needs first-run setup', response: { 200: z.object({ needsSetup: z.boolean() }) } } },
    async () => setupStatus(deps),
  );
  app.post(
    '/api/v1/setup',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'First run: create the company and the first administrator, and sign them in',
        body: z.object({
          company: companyInput,
          admin: z.object({
            name: z.string().trim().min(1).max(200),
            email: emailSchema,
            password: z.string().min(1).max(200),
            language: languageSchema.default('pl'),
          }),
        }),
        response: { 201: sessionInfoSchema, ...problemResponses(400, 409, 422) },
      },
    },
    async (request, reply) => {
      const { token, info } = await performSetup(deps, request.body, {
        ip: request.ip,
        requestId: String(request.id),
        ...(request.headers['user-agent'] ? { userAgent: request.headers['user-agent'] } : {}),
      });
      setSessionCookie(deps, request, reply, token);
      return reply.status(201).send(info);
    },
  );
  app.get(
    '/api/v1/setup/guide',
    {
      config: { permission: 'setup:read' },
      schema: {
        tags,
        summary: 'The setup checklist, computed from the data',
        response: {
          200: z.object({ steps: z.array(z.object({ key: z.string(), link: z.string(), done: z.boolean() })), complete: z.boolean() }),
          ...problemResponses(401, 403),
        },
      },
    },
    async (request) => setupGuide(deps, ctxOf(request)),
  );
}
