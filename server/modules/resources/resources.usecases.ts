// Resource use cases: authorize → load → rules → write + audit, one transaction each.
import type { Ctx, Deps } from '../../deps.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { notFound } from '../../kernel/errors/app-error.ts';
import { decodeCursor, toPage } from '../../kernel/http/pagination.ts';
import { resourcesRepository as repo, type ResourceListFilter, type ResourceRow } from './resources.repository.ts';
import { resourceSearchPattern, resourceSearchText, resourceSortKey } from './resources.rules.ts';
import type { ResourceDto, ResourceInput, ResourceListFilters, ResourceListQuery, ResourcePatch } from './resources.schemas.ts';

export function toResourceDto(r: ResourceRow): ResourceDto {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind === 'equipment' ? 'equipment' : 'vehicle',
    identifier: r.identifier,
    notes: r.notes,
    active: r.active,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

function auditView(r: ResourceRow) {
  const { searchText: _s, sortKey: _k, createdAt: _c, updatedAt: _u, ...rest } = r;
  return rest;
}

const derived = (r: { name: string; identifier: string }) => ({ searchText: resourceSearchText(r), sortKey: resourceSortKey(r.name) });

export const resourceFilter = (q: ResourceListFilters): ResourceListFilter => ({
  pattern: resourceSearchPattern(q.q),
  kind: q.kind,
  status: q.status,
  sort: q.sort,
});

export async function listResources(deps: Deps, ctx: Ctx, q: ResourceListQuery) {
  authorize(ctx.actor, 'catalog:read');
  const after = decodeCursor(q.cursor, 2);
  const { rows, cursorOf } = await repo.list(deps.database.db, resourceFilter(q), after, q.limit);
  return toPage(rows, q.limit, cursorOf, toResourceDto);
}

export async function getResource(deps: Deps, ctx: Ctx, id: string) {
  authorize(ctx.actor, 'catalog:read');
  const row = await repo.findById(deps.database.db, id);
  if (!row) throw notFound('resources');
  return toResourceDto(row);
}

export async function createResource(deps: Deps, ctx: Ctx, input: ResourceInput) {
  authorize(ctx.actor, 'catalog:write');
  return deps.database.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const row = await repo.insert(tx, { ...input, ...derived(input), createdAt: now, updatedAt: now });
    await appendAudit(tx, ctx, { entity: 'resources', entityId: row.id, action: 'created', after: auditView(row) });
    return toResourceDto(row);
  });
}

/** Also switches a resource off (active: false) or back on; such a change alone is audited as that. */
export async function updateResource(deps: Deps, ctx: Ctx, id: string, patch: ResourcePatch) {
  authorize(ctx.actor, 'catalog:write');
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.findForUpdate(tx, id);
    if (!before) throw notFound('resources');
    const values = {
      name: patch.name ?? before.name,
      kind: patch.kind ?? before.kind,
      identifier: patch.identifier ?? before.identifier,
      notes: patch.notes ?? before.notes,
      active: patch.active ?? before.active,
    };
    const changed = Object.entries(values).filter(([k, v]) => before[k as keyof ResourceRow] !== v).map(([k]) => k);
    if (changed.length === 0) return toResourceDto(before);
    const after = await repo.update(tx, id, { ...values, ...derived(values), updatedAt: deps.clock.now() });
    const action = changed.length === 1 && changed[0] === 'active' ? (values.active ? 'activated' : 'deactivated') : 'updated';
    await appendAudit(tx, ctx, { entity: 'resources', entityId: id, action, before: auditView(before), after: auditView(after) });
    return toResourceDto(after);
  });
}
