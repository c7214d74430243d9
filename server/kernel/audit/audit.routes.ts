import { and, desc, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { authorize } from '../auth/actor.ts';
import { ctxOf, type App } from '../http/app-types.ts';
import { cursorSchema, decodeCursor, limitSchema, pageSchema, toPage } from '../http/pagination.ts';
import { problemResponses } from '../http/problem.ts';
import { auditLog } from './audit.table.ts';

export const auditEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.iso.datetime(),
    actorId: z.string().nullable(),
    actorLabel: z.string(),
    entity: z.string(),
    entityId: z.string(),
    action: z.string(),
    subEntity: z.string().nullable(),
    subEntityId: z.string().nullable(),
    subLabel: z.string().nullable(),
    changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  })
  .meta({ id: 'AuditEntry' });

export function auditRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/audit',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'The audit trail of one record, newest first',
        querystring: z.object({ entity: z.string().min(1).max(50), id: z.string().min(1).max(100), limit: limitSchema, cursor: cursorSchema }),
        response: { 200: pageSchema(auditEntrySchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      authorize(ctx.actor, 'audit:read');
      const { entity, id, limit, cursor } = request.query;
      // Who changed whose account is for those who administer accounts.
      if (entity === 'users' || entity === 'api_tokens') authorize(ctx.actor, 'users:read');
      const after = decodeCursor(cursor, 1);
      const conds = [eq(auditLog.entity, entity), eq(auditLog.entityId, id)];
      if (after) conds.push(lt(auditLog.seq, Number(after[0])));
      const rows = await deps.database.db.select().from(auditLog).where(and(...conds)).orderBy(desc(auditLog.seq)).limit(limit + 1);
      return toPage(rows, limit, (r) => [r.seq], (r) => ({ ...r, at: r.at.toISOString() }));
    },
  );
}
