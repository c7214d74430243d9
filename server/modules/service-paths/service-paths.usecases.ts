// Service path use cases: authorize → load (the path locked while its steps change) → rules → write + audit.
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { isRole } from '../../kernel/auth/permissions.ts';
import { conflict, fieldError, invalidFields, notFound } from '../../kernel/errors/app-error.ts';
import { decodeCursor, toPage } from '../../kernel/http/pagination.ts';
import { servicePathsRepository as repo, type PathListFilter, type PathListRow, type PathRow, type StepRow } from './service-paths.repository.ts';
import { copyName, insertPosition, isSameStepSet, pathSearchPattern, pathSortKey } from './service-paths.rules.ts';
import {
  MAX_STEPS,
  type PathInput,
  type PathListFilters,
  type PathListQuery,
  type PathPatch,
  type ServicePathDetailDto,
  type ServicePathDto,
  type StepAddInput,
  type StepDto,
  type StepInput,
  type StepPatch,
} from './service-paths.schemas.ts';

const ENTITY = 'service_paths';

export const toStepDto = (s: StepRow): StepDto => ({
  id: s.id,
  position: s.position,
  name: s.name,
  description: s.description,
  role: s.role && isRole(s.role) ? s.role : null,
  plannedMinutes: s.plannedMinutes,
  deadlineOffsetHours: s.deadlineOffsetHours,
});

export function toPathDto(r: PathRow, counts: { stepCount: number; plannedMinutes: number }): ServicePathDto {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    archived: r.archivedAt !== null,
    archivedAt: r.archivedAt?.toISOString() ?? null,
    stepCount: counts.stepCount,
    plannedMinutes: counts.plannedMinutes,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

function toDetail(r: PathRow, steps: StepRow[]): ServicePathDetailDto {
  const sorted = [...steps].sort((a, b) => a.position - b.position);
  const planned = sorted.reduce((sum, s) => sum + s.plannedMinutes, 0);
  return { ...toPathDto(r, { stepCount: sorted.length, plannedMinutes: planned }), steps: sorted.map(toStepDto) };
}

const pathAuditView = (r: PathRow) => ({ name: r.name, description: r.description, archivedAt: r.archivedAt });
const stepAuditView = (s: StepRow) => ({
  position: s.position,
  name: s.name,
  description: s.description,
  role: s.role,
  plannedMinutes: s.plannedMinutes,
  deadlineOffsetHours: s.deadlineOffsetHours,
});

export const pathFilter = (q: PathListFilters): PathListFilter => ({ pattern: pathSearchPattern(q.q), status: q.status, sort: q.sort });

export async function listServicePaths(deps: Deps, ctx: Ctx, q: PathListQuery) {
  authorize(ctx.actor, 'catalog:read');
  const after = decodeCursor(q.cursor, 2);
  const { rows, cursorOf } = await repo.list(deps.database.db, pathFilter(q), after, q.limit);
  return toPage(rows, q.limit, cursorOf, (r: PathListRow) => toPathDto(r, r));
}

export async function getServicePath(deps: Deps, ctx: Ctx, id: string) {
  authorize(ctx.actor, 'catalog:read');
  const { db } = deps.database;
  const row = await repo.findById(db, id);
  if (!row) throw notFound(ENTITY);
  return toDetail(row, await repo.steps(db, id));
}

/** The path locked for the rest of the transaction: step positions change one path at a time. */
async function lockPath(tx: Db, id: string) {
  const path = await repo.findForUpdate(tx, id);
  if (!path) throw notFound(ENTITY);
  return path;
}

const stepValues = (pathId: string, s: StepInput, position: number, now: Date) => ({ ...s, pathId, position, createdAt: now, updatedAt: now });

export async function createServicePath(deps: Deps, ctx: Ctx, input: PathInput) {
  authorize(ctx.actor, 'catalog:write');
  return deps.database.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const path = await repo.insert(tx, { name: input.name, description: input.description, sortKey: pathSortKey(input.name), createdAt: now, updatedAt: now });
    const steps = await repo.insertSteps(tx, input.steps.map((s, i) => stepValues(path.id, s, i, now)));
    const detail = toDetail(path, steps);
    await appendAudit(tx, ctx, { entity: ENTITY, entityId: path.id, action: 'created', after: { ...pathAuditView(path), steps: detail.steps.map((s) => s.name) } });
    return detail;
  });
}

export async function updateServicePath(deps: Deps, ctx: Ctx, id: string, patch: PathPatch) {
  authorize(ctx.actor, 'catalog:write');
  return deps.database.db.transaction(async (tx) => {
    const before = await lockPath(tx, id);
    const values = { name: patch.name ?? before.name, description: patch.description ?? before.description };
    let after = before;
    if (values.name !== before.name || values.description !== before.description) {
      after = await repo.update(tx, id, { ...values, sortKey: pathSortKey(values.name), updatedAt: deps.clock.now() });
      await appendAudit(tx, ctx, { entity: ENTITY, entityId: id, action: 'updated', before: pathAuditView(before), after: pathAuditView(after) });
    }
    return toDetail(after, await repo.steps(tx, id));
  });
}

export async function setServicePathArchived(deps: Deps, ctx: Ctx, id: string, archived: boolean) {
  authorize(ctx.actor, 'catalog:write');
  return deps.database.db.transaction(async (tx) => {
    const before = await lockPath(tx, id);
    let after = before;
    if ((before.archivedAt !== null) !== archived) {
      const now = deps.clock.now();
      after = await repo.update(tx, id, { archivedAt: archived ? now : null, updatedAt: now });
      await appendAudit(tx, ctx, {
        entity: ENTITY,
        entityId: id,
        action: archived ? 'archived' : 'restored',
        before: { archivedAt: before.archivedAt },
        after: { archivedAt: after.archivedAt },
      });
    }
    return toDetail(after, await repo.steps(tx, id));
  });
}

/** Copies a path with its steps (also an archived one); the copy is active. */
export async function copyServicePath(deps: Deps, ctx: Ctx, id: string, input: { name?: string | undefined }) {
  authorize(ctx.actor, 'catalog:write');
  return deps.database.db.transaction(async (tx) => {
    const source = await repo.findById(tx, id);
    if (!source) throw notFound(ENTITY);
    const sourceSteps = await repo.steps(tx, id);
    const now = deps.clock.now();
    const name = input.name ?? copyName(source.name);
    const path = await repo.insert(tx, { name, description: source.description, sortKey: pathSortKey(name), createdAt: now, updatedAt: now });
    const steps = await repo.insertSteps(
      tx,
      sourceSteps.map((s) => ({ ...stepAuditView(s), pathId: path.id, createdAt: now, updatedAt: now })),
    );
    const detail = toDetail(path, steps);
    await appendAudit(tx, ctx, {
      entity: ENTITY,
      entityId: path.id,
      action: 'copied',
      after: { ...pathAuditView(path), steps: detail.steps.map((s) => s.name), copiedFrom: { id: source.id, name: source.name } },
    });
    return detail;
  });
}

async function touch(deps: Deps, tx: Db, id: string) {
  return repo.update(tx, id, { updatedAt: deps.clock.now() });
}

export async function addStep(deps: Deps, ctx: Ctx, pathId: string, input: StepAddInput) {
  authorize(ctx.actor, 'catalog:write');
  return deps.database.db.transaction(async (tx) => {
    await lockPath(tx, pathId);
    const current = await repo.steps(tx, pathId);
    if (current.length >= MAX_STEPS) throw conflict('service_paths.too_many_steps', `A path has at most ${MAX_STEPS} steps`);
    const { position: requested, ...step } = input;
    const position = insertPosition(requested, current.length);
    if (position < current.length) await repo.shiftFrom(tx, pathId, position, +1);
    const [row] = await repo.insertSteps(tx, [stepValues(pathId, step, position, deps.clock.now())]);
    const path = await touch(deps, tx, pathId);
    await appendAudit(tx, ctx, { entity: ENTITY, entityId: pathId, action: 'step_added', sub: { entity: 'step', id: row!.id, label: row!.name }, after: stepAuditView(row!) });
    return toDetail(path, await repo.steps(tx, pathId));
  });
}

export async function updateStep(deps: Deps, ctx: Ctx, pathId: string, stepId: string, patch: StepPatch) {
  authorize(ctx.actor, 'catalog:write');
  return deps.database.db.transaction(async (tx) => {
    let path = await lockPath(tx, pathId);
    const before = await repo.findStep(tx, pathId, stepId);
    if (!before) throw notFound('service_path_steps');
    const values = {
      name: patch.name ?? before.name,
      description: patch.description ?? before.description,
      role: patch.role === undefined ? before.role : patch.role,
      plannedMinutes: patch.plannedMinutes ?? before.plannedMinutes,
      deadlineOffsetHours: patch.deadlineOffsetHours === undefined ? before.deadlineOffsetHours : patch.deadlineOffsetHours,
    };
    if (Object.entries(values).some(([k, v]) => before[k as keyof StepRow] !== v)) {
      const now = deps.clock.now();
      const after = await repo.updateStep(tx, stepId, { ...values, updatedAt: now });
      path = await touch(deps, tx, pathId);
      await appendAudit(tx, ctx, {
        entity: ENTITY,
        entityId: pathId,
        action: 'step_updated',
        sub: { entity: 'step', id: stepId, label: after.name },
        before: stepAuditView(before),
        after: stepAuditView(after),
      });
    }
    return toDetail(path, await repo.steps(tx, pathId));
  });
}

/** Removes a step; the steps after it move up, so positions stay 0..n-1. */
export async function removeStep(deps: Deps, ctx: Ctx, pathId: string, stepId: string) {
  authorize(ctx.actor, 'catalog:write');
  return deps.database.db.transaction(async (tx) => {
    await lockPath(tx, pathId);
    const step = await repo.findStep(tx, pathId, stepId);
    if (!step) throw notFound('service_path_steps');
    await repo.deleteStep(tx, stepId);
    await repo.shiftFrom(tx, pathId, step.position + 1, -1);
    const path = await touch(deps, tx, pathId);
    await appendAudit(tx, ctx, { entity: ENTITY, entityId: pathId, action: 'step_removed', sub: { entity: 'step', id: stepId, label: step.name }, before: stepAuditView(step), after: null });
    return toDetail(path, await repo.steps(tx, pathId));
  });
}

/** Puts the steps in the given order; `stepIds` must be exactly the path's steps. */
export async function reorderSteps(deps: Deps, ctx: Ctx, pathId: string, stepIds: string[]) {
  authorize(ctx.actor, 'catalog:write');
  return deps.database.db.transaction(async (tx) => {
    let path = await lockPath(tx, pathId);
    const current = await repo.steps(tx, pathId);
    if (!isSameStepSet(current.map((s) => s.id), stepIds))
      throw invalidFields([fieldError('stepIds', 'service_paths.order_mismatch', 'stepIds must list every step of the path exactly once')]);
    if (current.some((s, i) => s.id !== stepIds[i])) {
      await repo.setOrder(tx, pathId, stepIds);
      path = await touch(deps, tx, pathId);
      const nameOf = new Map(current.map((s) => [s.id, s.name]));
      await appendAudit(tx, ctx, {
        entity: ENTITY,
        entityId: pathId,
        action: 'steps_reordered',
        changes: { order: { before: current.map((s) => s.name), after: stepIds.map((id) => nameOf.get(id)!) } },
      });
    }
    return toDetail(path, await repo.steps(tx, pathId));
  });
}
