import type { Permission } from '../auth/permissions.ts';
import type { Actor } from '../auth/actor.ts';

// Every /api route must say either which permission it needs or that it is public; app.ts refuses
// to start otherwise (deny by default).
declare module 'fastify' {
  interface FastifyContextConfig {
    permission?: Permission;
    public?: boolean;
    /** Public, but still reads the session when there is one (e.g. "who am I"). */
    optionalAuth?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionIdHash: string | null;
  }
}

export {};
