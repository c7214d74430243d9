// The audit trail: every use case that changes business data calls appendAudit with its open
// transaction, so the record commits or rolls back together with the change.
import type { Db } from '../../db/client.ts';
import { actorId, actorLabel, type Actor } from '../auth/actor.ts';
import { auditLog } from './audit.table.ts';

export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

const IGNORED = new Set(['updatedAt', 'createdAt', 'searchText', 'sortKey', 'passwordHash']);

/** Field-level before/after of what differs; secrets and derived columns are left out. */
export function diffRecords(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): AuditChanges {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: AuditChanges = {};
  for (const k of keys) {
    if (IGNORED.has(k)) continue;
    const b = normalize(before?.[k]);
    const a = normalize(after?.[k]);
    if (JSON.stringify(b) !== JSON.stringify(a)) out[k] = { before: b, after: a };
  }
  return out;
}

function normalize(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  return v === undefined ? null : v;
}

export type AuditEntry = {
  entity: string;
  entityId: string;
  action: string;
  sub?: { entity: string; id: string; label: string };
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Explicit changes when before/after do not describe the action (e.g. a password reset). */
  changes?: AuditChanges;
};

export type AuditContext = { actor: Actor; requestId?: string | undefined };

export async function appendAudit(tx: Db, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await appendAuditMany(tx, ctx, [entry]);
}

export async function appendAuditMany(tx: Db, ctx: AuditContext, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const label = actorLabel(ctx.actor);
  const id = actorId(ctx.actor);
  const rows = entries.map((e) => ({
    actorId: id,
    actorLabel: label,
    entity: e.entity,
    entityId: e.entityId,
    action: e.action,
    subEntity: e.sub?.entity ?? null,
    subEntityId: e.sub?.id ?? null,
    subLabel: e.sub?.label ?? null,
    changes: e.changes ?? diffRecords(e.before, e.after),
    requestId: ctx.requestId ?? null,
  }));
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(auditLog).values(rows.slice(i, i + 1000));
}
