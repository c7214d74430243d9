// Service (billable labour) use cases: authorize → load → rules → write + audit, one transaction each.
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { invalidFields, notFound, type FieldError } from '../../kernel/errors/app-error.ts';
import { decodeCursor, toPage } from '../../kernel/http/pagination.ts';
import { codeTaken, codeTakenField, isUniqueViolation, vatRateUnknownField } from './catalog.errors.ts';
import { cleanCode, codeKey, searchPattern } from './catalog.rules.ts';
import { servicesRepository as repo, type ServiceListFilter, type ServiceRow } from './services.repository.ts';
import { serviceDerived } from './services.rules.ts';
import { SERVICE_UNITS, type ServiceDto, type ServiceInput, type ServiceListFilters, type ServiceListQuery, type ServicePatch, type ServiceUnit } from './services.schemas.ts';
import { vatRatesRepository } from './vat-rates.repository.ts';

const asUnit = (u: string): ServiceUnit => ((SERVICE_UNITS as readonly string[]).includes(u) ? (u as ServiceUnit) : 'piece');

export function toServiceDto(r: ServiceRow): ServiceDto {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    unit: asUnit(r.unit),
    defaultPriceMinor: Number(r.defaultPriceMinor),
    vatRateCode: r.vatRateCode,
    billingIncrementMinutes: r.billingIncrementMinutes,
    description: r.description,
    archived: r.archivedAt !== null,
    archivedAt: r.archivedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

function auditView(r: ServiceRow) {
  const { searchText: _s, sortKey: _k, codeKey: _c, createdAt: _ca, updatedAt: _u, ...rest } = r;
  return { ...rest, defaultPriceMinor: Number(rest.defaultPriceMinor) };
}

export const serviceFilter = (q: ServiceListFilters): ServiceListFilter => ({ pattern: searchPattern(q.q), status: q.status, sort: q.sort });

export async function listServices(deps: Deps, ctx: Ctx, q: ServiceListQuery) {
  authorize(ctx.actor, 'catalog:read');
  const after = decodeCursor(q.cursor, 2);
  const { rows, cursorOf } = await repo.list(deps.database.db, serviceFilter(q), after, q.limit);
  return toPage(rows, q.limit, cursorOf, toServiceDto);
}

export async function getService(deps: Deps, ctx: Ctx, id: string) {
  authorize(ctx.actor, 'catalog:read');
  const row = await repo.findById(deps.database.db, id);
  if (!row) throw notFound('services');
  return toServiceDto(row);
}

async function guardCode<T>(code: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    if (isUniqueViolation(e, 'services_code_uq')) throw codeTaken(code);
    throw e;
  }
}

/** The code must be free and the VAT rate known and active; both reported as field errors. */
async function validate(tx: Db, v: { code: string; vatRateCode: string }, check: { code: boolean; vat: boolean }, excludeId?: string) {
  const errors: FieldError[] = [];
  if (check.code && (await repo.codeTaken(tx, codeKey(v.code), excludeId))) errors.push(codeTakenField(v.code));
  if (check.vat) {
    const rate = await vatRatesRepository.find(tx, v.vatRateCode);
    if (!rate?.active) errors.push(vatRateUnknownField(v.vatRateCode));
  }
  if (errors.length) throw invalidFields(errors);
}

export async function createService(deps: Deps, ctx: Ctx, given: ServiceInput) {
  authorize(ctx.actor, 'catalog:write');
  const input = { ...given, code: cleanCode(given.code) };
  return guardCode(input.code, () =>
    deps.database.db.transaction(async (tx) => {
      await validate(tx, input, { code: true, vat: true });
      const now = deps.clock.now();
      const row = await repo.insert(tx, { ...input, ...serviceDerived(input), createdAt: now, updatedAt: now });
      await appendAudit(tx, ctx, { entity: 'services', entityId: row.id, action: 'created', after: auditView(row) });
      return toServiceDto(row);
    }),
  );
}

/** A VAT rate deactivated later stays on the services that have it until someone changes it. */
export async function updateService(deps: Deps, ctx: Ctx, id: string, patch: ServicePatch) {
  authorize(ctx.actor, 'catalog:write');
  return guardCode(patch.code ?? '', () =>
    deps.database.db.transaction(async (tx) => {
      const before = await repo.findForUpdate(tx, id);
      if (!before) throw notFound('services');
      const values = {
        code: patch.code === undefined ? before.code : cleanCode(patch.code),
        name: patch.name ?? before.name,
        unit: patch.unit ?? before.unit,
        defaultPriceMinor: patch.defaultPriceMinor ?? Number(before.defaultPriceMinor),
        vatRateCode: patch.vatRateCode ?? before.vatRateCode,
        billingIncrementMinutes: patch.billingIncrementMinutes === undefined ? before.billingIncrementMinutes : patch.billingIncrementMinutes,
        description: patch.description ?? before.description,
      };
      const current = auditView(before) as Record<string, unknown>;
      if (Object.entries(values).every(([k, v]) => current[k] === v)) return toServiceDto(before);
      await validate(tx, values, { code: codeKey(values.code) !== before.codeKey, vat: values.vatRateCode !== before.vatRateCode }, id);
      const after = await repo.update(tx, id, { ...values, ...serviceDerived(values), updatedAt: deps.clock.now() });
      await appendAudit(tx, ctx, { entity: 'services', entityId: id, action: 'updated', before: auditView(before), after: auditView(after) });
      return toServiceDto(after);
    }),
  );
}

export async function setServiceArchived(deps: Deps, ctx: Ctx, id: string, archived: boolean) {
  authorize(ctx.actor, 'catalog:write');
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.findForUpdate(tx, id);
    if (!before) throw notFound('services');
    if ((before.archivedAt !== null) === archived) return toServiceDto(before);
    const now = deps.clock.now();
    const after = await repo.update(tx, id, { archivedAt: archived ? now : null, updatedAt: now });
    await appendAudit(tx, ctx, {
      entity: 'services',
      entityId: id,
      action: archived ? 'archived' : 'restored',
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return toServiceDto(after);
  });
}
