import { z } from 'zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { pageSchema } from '../../kernel/http/pagination.ts';
import { problemResponses } from '../../kernel/http/problem.ts';
import { unauthenticated } from '../../kernel/errors/app-error.ts';
import { SESSION_COOKIE } from './identity.guard.ts';
import {
  apiTokenSchema,
  changePasswordBody,
  createApiTokenBody,
  createdApiTokenSchema,
  createUserBody,
  idParams,
  sessionInfoSchema,
  signInBody,
  updateUserBody,
  userSchema,
  usersQuery,
  userWithTemporaryPassword,
} from './identity.schemas.ts';
import * as uc from './identity.usecases.ts';
import { identityRepository } from './identity.repository.ts';

export function setSessionCookie(deps: Deps, request: FastifyRequest, reply: FastifyReply, token: string) {
  const secure = deps.config.cookieSecure === 'auto' ? request.protocol === 'https' : deps.config.cookieSecure;
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: deps.config.sessionMaxDays * 86_400,
  });
}

export function identityRoutes(app: App, deps: Deps) {
  const tags = ['auth'];

  app.post(
    '/api/v1/auth/sign-in',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Sign in with email and password (sets the session cookie)',
        body: signInBody,
        response: { 200: sessionInfoSchema, ...problemResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      try {
        const { token, info } = await uc.signIn(deps, {
          ...request.body,
          ip: request.ip,
          ...(request.headers['user-agent'] ? { userAgent: request.headers['user-agent'] } : {}),
        });
        setSessionCookie(deps, request, reply, token);
        return info;
      } catch (e) {
        const retry = (e as { extra?: { retryAfterSeconds?: number } }).extra?.retryAfterSeconds;
        if (retry) reply.header('retry-after', String(retry));
        throw e;
      }
    },
  );

  app.post(
    '/api/v1/auth/sign-out',
    {
      config: { permission: 'account:self' },
      schema: { tags, summary: 'End the current session', response: { 204: z.null(), ...problemResponses(401, 403) } },
    },
    async (request, reply) => {
      if (request.sessionIdHash) await uc.signOut(deps, request.sessionIdHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/auth/session',
    {
      config: { permission: 'account:self' },
      schema: {
        tags,
        summary: 'The signed-in user, their permissions and the CSRF token',
        response: { 200: sessionInfoSchema, ...problemResponses(401) },
      },
    },
    async (request) => {
      const actor = ctxOf(request).actor;
      if (actor.kind !== 'user' || !request.sessionIdHash) throw unauthenticated();
      const found = await identityRepository.findSession(deps.database.db, request.sessionIdHash);
      if (!found) throw unauthenticated();
      return uc.sessionInfo(found.user, found.session.csrfToken, found.session.expiresAt);
    },
  );

  app.put(
    '/api/v1/auth/password',
    {
      config: { permission: 'account:self' },
      schema: {
        tags,
        summary: 'Change your own password (other sessions are signed out)',
        body: changePasswordBody,
        response: { 204: z.null(), ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      await uc.changePassword(deps, ctxOf(request), request.sessionIdHash, request.body);
      return reply.status(204).send(null);
    },
  );

  const userTags = ['users'];
  app.get(
    '/api/v1/users',
    {
      config: { permission: 'users:read' },
      schema: { tags: userTags, summary: 'List staff users', querystring: usersQuery, response: { 200: pageSchema(userSchema), ...problemResponses(400, 401, 403) } },
    },
    async (request) => uc.listUsers(deps, ctxOf(request), request.query),
  );
  app.get(
    '/api/v1/users/:id',
    {
      config: { permission: 'users:read' },
      schema: { tags: userTags, summary: 'One staff user', params: idParams, response: { 200: userSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request) => uc.getUser(deps, ctxOf(request), request.params.id),
  );
  app.post(
    '/api/v1/users',
    {
      config: { permission: 'users:manage' },
      schema: {
        tags: userTags,
        summary: 'Invite a staff user (returns a one-time temporary password)',
        body: createUserBody,
        response: { 201: userWithTemporaryPassword, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await uc.createUser(deps, ctxOf(request), request.body)),
  );
  app.patch(
    '/api/v1/users/:id',
    {
      config: { permission: 'users:manage' },
      schema: {
        tags: userTags,
        summary: 'Change a user\'s name, role, language or active flag',
        params: idParams,
        body: updateUserBody,
        response: { 200: userSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => uc.updateUser(deps, ctxOf(request), request.params.id, request.body),
  );
  app.patch(
    '/api/v1/auth/profile',
    {
      config: { permission: 'account:self' },
      schema: {
        tags,
        summary: 'Change your own name or language',
        body: z.object({ name: z.string().trim().min(1).max(200), language: z.enum(['pl', 'en']) }).partial(),
        response: { 200: userSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      if (ctx.actor.kind !== 'user') throw unauthenticated();
      return uc.updateUser(deps, ctx, ctx.actor.userId, request.body);
    },
  );
  app.post(
    '/api/v1/users/:id/reset-password',
    {
      config: { permission: 'users:manage' },
      schema: {
        tags: userTags,
        summary: 'Administrator reset: a new temporary password; the user\'s sessions end',
        params: idParams,
        response: { 200: userWithTemporaryPassword, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => uc.resetPassword(deps, ctxOf(request), request.params.id),
  );

  const tokenTags = ['api-tokens'];
  app.get(
    '/api/v1/api-tokens',
    {
      config: { permission: 'account:self' },
      schema: { tags: tokenTags, summary: 'Your API tokens', response: { 200: z.object({ items: z.array(apiTokenSchema) }), ...problemResponses(401) } },
    },
    async (request) => ({ items: await uc.listApiTokens(deps, ctxOf(request)) }),
  );
  app.post(
    '/api/v1/api-tokens',
    {
      config: { permission: 'account:self' },
      schema: {
        tags: tokenTags,
        summary: 'Create an API token acting as you (the secret is shown once)',
        body: createApiTokenBody,
        response: { 201: createdApiTokenSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => reply.status(201).send(await uc.createApiToken(deps, ctxOf(request), request.body)),
  );
  app.delete(
    '/api/v1/api-tokens/:id',
    {
      config: { permission: 'account:self' },
      schema: { tags: tokenTags, summary: 'Revoke an API token', params: idParams, response: { 200: apiTokenSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request) => uc.revokeApiToken(deps, ctxOf(request), request.params.id),
  );
}
