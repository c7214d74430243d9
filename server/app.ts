// buildApp(deps): Fastify with the zod type provider, problem+json errors, OpenAPI, the auth guard,
// every module's routes, operator endpoints and — when built — the web app.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from './deps.ts';
import { pendingMigrations } from './db/migrate.ts';
import './kernel/http/route-config.ts';
import { registerProblemHandlers, sendProblem } from './kernel/http/problem.ts';
import type { App } from './kernel/http/app-types.ts';
import { auditRoutes } from './kernel/audit/audit.routes.ts';
import { authGuard } from './modules/identity/identity.guard.ts';
import { identityRoutes } from './modules/identity/identity.routes.ts';
import { staffRoutes } from './modules/identity/staff.ts';
import { companyRoutes } from './modules/company/company.routes.ts';
import { customersRoutes } from './modules/customers/customers.routes.ts';
import { registerCatalogueRoutes } from './modules/catalog-routes.ts';
import { setupRoutes } from './modules/setup/setup.routes.ts';
import { registerPartsAndStockRoutes } from './modules/catalogue-stock-routes.ts';
import { assetsRoutes, assetTypesRoutes } from './modules/assets/assets.routes.ts';
import { tasksRoutes } from './modules/tasks/tasks.routes.ts';
import { documentsRoutes } from './modules/assets/documents.routes.ts';
import { serviceOrdersRoutes } from './modules/service-orders/service-orders.routes.ts';
import { orderPhotosRoutes } from './modules/service-orders/photos.routes.ts';
import { estimatesRoutes } from './modules/service-orders/estimates.routes.ts';
import { orderDocumentsRoutes } from './modules/service-orders/order-documents.ts';
import { publicRoutes } from './modules/service-orders/public.routes.ts';
import { serviceOrderWorkRoutes } from './modules/service-orders/work.routes.ts';
import { rmaRoutes } from './modules/service-orders/rma.routes.ts';
import { invoicingRoutes } from './modules/invoicing/invoicing.routes.ts';
import { jobsRoutes } from './jobs/jobs.routes.ts';
import { messagingRoutes } from './modules/messaging/messaging.routes.ts';

export const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

export type BuildOptions = { logger?: FastifyServerOptions['logger']; serveWeb?: boolean };

export async function buildApp(deps: Deps, opts: BuildOptions = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger ?? false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    // A caller's X-Request-Id is kept (so logs line up across systems); otherwise a fresh UUID.
    genReqId: (req) => {
      const h = req.headers['x-request-id'];
      return typeof h === 'string' && /^[\w.-]{1,100}$/.test(h) ? h : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Deny by default: refuse to start with an /api route that names no permission and is not public.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1/')) return;
    const cfg = (route.config ?? {}) as { permission?: string; public?: boolean };
    if (!cfg.permission && !cfg.public) throw new Error(`Route ${route.method} ${route.url} declares no permission`);
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Serwisownia API',
        version: '1',
        description:
          'Service management API. Authenticate with the session cookie (web app; send X-CSRF-Token on writes) or an API token: `Authorization: Bearer swt_…`. Errors are RFC 9457 problem+json with a stable `code`. Lists use keyset paging: pass `nextCursor` as `cursor`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'API token (swt_…)' },
          session: { type: 'apiKey', in: 'cookie', name: 'sw_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const cfg = (input.route.config ?? {}) as { permission?: string; public?: boolean };
      const schema = { ...out.schema } as Record<string, unknown>;
      if (cfg.public) {
        schema['x-public'] = true;
        schema.security = [];
      }
      if (cfg.permission) schema['x-permission'] = cfg.permission;
      return { ...out, schema };
    },
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  app.addHook('onRequest', authGuard(deps));

  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get(
    '/ready',
    { schema: { hide: true, response: { 200: z.object({ status: z.literal('ready'), database: z.string() }) } } },
    async (_request, reply) => {
      try {
        await deps.database.query('select 1');
        const pending = await pendingMigrations(deps.database);
        if (pending > 0) return sendProblem(reply, 503, 'not_ready.migrations', `${pending} migration(s) not applied`);
        return { status: 'ready' as const, database: deps.database.kind };
      } catch (e) {
        return sendProblem(reply, 503, 'not_ready.database', `Database unreachable: ${(e as Error).message}`);
      }
    },
  );

  identityRoutes(app, deps);
  staffRoutes(app, deps);
  setupRoutes(app, deps);
  companyRoutes(app, deps);
  customersRoutes(app, deps);
  registerCatalogueRoutes(app, deps);
  registerPartsAndStockRoutes(app, deps);
  assetTypesRoutes(app, deps);
  assetsRoutes(app, deps);
  documentsRoutes(app, deps);
  tasksRoutes(app, deps);
  serviceOrdersRoutes(app, deps);
  estimatesRoutes(app, deps);
  orderDocumentsRoutes(app, deps);
  publicRoutes(app, deps);
  serviceOrderWorkRoutes(app, deps);
  rmaRoutes(app, deps);
  orderPhotosRoutes(app, deps);
  auditRoutes(app, deps);
  jobsRoutes(app, deps);
  messagingRoutes(app, deps);
  invoicingRoutes(app, deps);

  if (opts.serveWeb !== false && fs.existsSync(path.join(webDist, 'index.html'))) {
    // Hashed bundles are looked up on disk per request (wildcard), so a rebuilt web app is served
    // without restarting; index.html is read per request for the same reason (it is small).
    await app.register(fastifyStatic, { root: path.join(webDist, 'static'), prefix: '/static/', wildcard: true, index: false, immutable: true, maxAge: '365d' });
    const spa = async (_req: unknown, reply: import('fastify').FastifyReply) =>
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(await fs.promises.readFile(path.join(webDist, 'index.html')));
    app.get('/', { schema: { hide: true } }, spa);
    // Client-side routes: anything that is not an API path or a file gets the SPA shell.
    app.get('/*', { schema: { hide: true }, config: { public: true } }, async (request, reply) => {
      const p = request.url.split('?')[0] ?? '/';
      if (p.startsWith('/api/') || /\.[a-z0-9]+$/i.test(p)) return sendProblem(reply, 404, 'route.not_found', `No route GET ${p}`);
      return spa(request, reply);
    });
  }

  return app;
}
