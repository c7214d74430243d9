// The staff directory: names and roles of active colleagues, for pickers (technician, step owner,
// worker, whose inbox). Everyone who works on orders may read it; emails and account details stay
// behind users:read.
import { and, asc, eq, ilike, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx, Deps } from '../../deps.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { ROLES } from '../../kernel/auth/permissions.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { problemResponses } from '../../kernel/http/problem.ts';
import { escapeLike } from '../../kernel/text/like.ts';
import { users } from './identity.table.ts';

const STAFF_LIMIT = 500;

export const staffSchema = z.object({ id: z.uuid(), name: z.string(), role: z.enum(ROLES) }).meta({ id: 'StaffMember' });

export async function listStaff(deps: Deps, ctx: Ctx, q: { q?: string | undefined; role?: (typeof ROLES)[number] | undefined }) {
  authorize(ctx.actor, 'orders:read');
  const rows = await deps.database.db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.active, true), q.role ? eq(users.role, q.role) : undefined, q.q ? or(ilike(users.name, `%${escapeLike(q.q)}%`)) : undefined))
    .orderBy(asc(users.name), asc(users.id))
    .limit(STAFF_LIMIT);
  return { items: rows.map((r) => ({ ...r, role: r.role as (typeof ROLES)[number] })) };
}

export function staffRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/staff',
    {
      config: { permission: 'orders:read' },
      schema: {
        tags: ['users'],
        summary: `Active colleagues (name and role) for pickers; at most ${STAFF_LIMIT}, by name`,
        querystring: z.object({ q: z.string().trim().max(100).optional(), role: z.enum(ROLES).optional() }),
        response: { 200: z.object({ items: z.array(staffSchema) }), ...problemResponses(400, 401, 403) },
      },
    },
    async (r) => listStaff(deps, ctxOf(r), r.query),
  );
}
