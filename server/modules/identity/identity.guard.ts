// Authentication and authorization for every /api request, before the body is even parsed.
// Deny by default: a route that names no permission and is not public is refused (and app.ts
// refuses to start with such a route).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.ts';
import { can } from '../../kernel/auth/permissions.ts';
import { AppError, forbidden, unauthenticated } from '../../kernel/errors/app-error.ts';
import { safeEqual } from '../../kernel/ids/tokens.ts';
import { resolveApiToken, resolveSession } from './identity.usecases.ts';

export const SESSION_COOKIE = 'sw_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes a user with a temporary password may still call (to replace it). */
const PASSWORD_CHANGE_ROUTES = new Set([
  '/api/v1/auth/session',
  '/api/v1/auth/sign-out',
  '/api/v1/auth/password',
]);

export function authGuard(deps: Deps) {
  return async function guard(request: FastifyRequest, _reply: FastifyReply) {
    request.actor = null;
    request.sessionIdHash = null;
    if (!request.url.startsWith('/api/v1/') || request.is404) return; // docs and the OpenAPI document are public
    const cfg = request.routeOptions.config;
    if (cfg.public && !cfg.optionalAuth) return;

    let csrfToken: string | null = null;
    let mustChangePassword = false;
    const auth = request.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      request.actor = await resolveApiToken(deps, auth.slice(7).trim());
      if (!request.actor) throw new AppError('auth.invalid_token', 401, 'The API token is unknown or revoked');
    } else {
      const cookie = request.cookies[SESSION_COOKIE];
      const resolved = cookie ? await resolveSession(deps, cookie) : null;
      if (resolved) {
        request.actor = resolved.actor;
        request.sessionIdHash = resolved.idHash;
        csrfToken = resolved.csrfToken;
        mustChangePassword = resolved.user.mustChangePassword;
      }
    }
    if (cfg.public) return;
    if (!request.actor) throw unauthenticated();

    // Cookies ride along with cross-site requests; a write must also prove it came from our page.
    if (csrfToken !== null && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, csrfToken))
        throw new AppError('auth.csrf', 403, 'Missing or wrong X-CSRF-Token header');
    }
    if (mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(request.routeOptions.url ?? ''))
      throw new AppError('auth.password_change_required', 403, 'Change your temporary password first');

    const permission = cfg.permission;
    if (!permission) throw forbidden();
    if (request.actor.kind === 'user' && !can(request.actor.role, permission)) throw forbidden(permission);
  };
}
