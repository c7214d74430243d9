import { eq } from 'drizzle-orm';
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { invalidFields, notFound } from '../../kernel/errors/app-error.ts';
import { normalizeCompany, validateCompany } from './company.rules.ts';
import { COMPANY_PROFILES, type CompanyInput, type CompanyProfile } from './company.schemas.ts';
import { company } from './company.table.ts';

type CompanyRow = typeof company.$inferSelect;

const toDto = (r: CompanyRow) => ({
  name: r.name,
  nip: r.nip,
  street: r.street,
  postalCode: r.postalCode,
  city: r.city,
  country: r.country,
  bankAccount: r.bankAccount,
  email: r.email,
  phone: r.phone,
  defaultLanguage: r.defaultLanguage === 'en' ? ('en' as const) : ('pl' as const),
  profiles: r.profiles.filter((p): p is CompanyProfile => (COMPANY_PROFILES as readonly string[]).includes(p)),
  updatedAt: r.updatedAt.toISOString(),
});

export const findCompany = async (db: Db) => (await db.select().from(company).where(eq(company.id, 1)).limit(1))[0];

export async function getCompany(deps: Deps, ctx: Ctx) {
  authorize(ctx.actor, 'company:read');
  const row = await findCompany(deps.database.db);
  if (!row) throw notFound('company');
  return toDto(row);
}

/** Used by first-run setup inside its own transaction. */
export async function insertCompany(tx: Db, ctx: Ctx, input: CompanyInput, now: Date) {
  const data = normalizeCompany(input);
  const [row] = await tx.insert(company).values({ id: 1, ...data, createdAt: now, updatedAt: now }).returning();
  await appendAudit(tx, ctx, { entity: 'company', entityId: '1', action: 'created', after: toDto(row!) });
  return toDto(row!);
}

export async function updateCompany(deps: Deps, ctx: Ctx, input: CompanyInput) {
  authorize(ctx.actor, 'company:update');
  const data = normalizeCompany(input);
  const problems = validateCompany(data);
  if (problems.length) throw invalidFields(problems);
  return deps.database.db.transaction(async (tx) => {
    const before = (await tx.select().from(company).where(eq(company.id, 1)).for('update').limit(1))[0];
    if (!before) throw notFound('company');
    const [after] = await tx.update(company).set({ ...data, updatedAt: deps.clock.now() }).where(eq(company.id, 1)).returning();
    await appendAudit(tx, ctx, { entity: 'company', entityId: '1', action: 'updated', before: toDto(before), after: toDto(after!) });
    return toDto(after!);
  });
}

export async function setCompanyProfiles(deps: Deps, ctx: Ctx, profiles: CompanyProfile[]) {
  authorize(ctx.actor, 'company:update');
  const unique = COMPANY_PROFILES.filter((p) => profiles.includes(p)); // canonical order, no repeats
  return deps.database.db.transaction(async (tx) => {
    const before = (await tx.select().from(company).where(eq(company.id, 1)).for('update').limit(1))[0];
    if (!before) throw notFound('company');
    const [after] = await tx.update(company).set({ profiles: unique, updatedAt: deps.clock.now() }).where(eq(company.id, 1)).returning();
    await appendAudit(tx, ctx, { entity: 'company', entityId: '1', action: 'profiles_changed', before: { profiles: before.profiles }, after: { profiles: unique } });
    return toDto(after!);
  });
}
