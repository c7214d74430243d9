// First run: with an empty database the app asks for the company and the first administrator.
import { sql } from 'drizzle-orm';
import type { Ctx, Deps } from '../../deps.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { authorize, systemActor } from '../../kernel/auth/actor.ts';
import { hashPassword, passwordProblems } from '../../kernel/auth/password.ts';
import { conflict, invalidFields } from '../../kernel/errors/app-error.ts';
import { normalizeCompany, validateCompany } from '../company/company.rules.ts';
import type { CompanyInput } from '../company/company.schemas.ts';
import { findCompany, insertCompany } from '../company/company.usecases.ts';
import { identityRepository } from '../identity/identity.repository.ts';
import { startSession, toUserDto } from '../identity/identity.usecases.ts';
import { stepsFor } from './setup.steps.ts';

const SETUP_LOCK = 727_002;

export async function setupStatus(deps: Deps) {
  return { needsSetup: (await identityRepository.countUsers(deps.database.db)) === 0 };
}

export async function performSetup(
  deps: Deps,
  input: { company: CompanyInput; admin: { name: string; email: string; password: string; language: 'pl' | 'en' } },
  meta: { ip: string; userAgent?: string; requestId?: string },
) {
  const company = normalizeCompany(input.company);
  const problems = [
    ...validateCompany(company, 'company.'),
    ...passwordProblems(input.admin.password, 'admin.password', input.admin.email),
  ];
  if (problems.length) throw invalidFields(problems);
  const passwordHash = await hashPassword(input.admin.password);
  return deps.database.db.transaction(async (tx) => {
    // Two browsers finishing setup at once: the second waits here, then finds a user and stops.
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    if ((await identityRepository.countUsers(tx)) > 0) throw conflict('setup.already_done', 'This installation is already set up');
    const now = deps.clock.now();
    const ctx: Ctx = { actor: systemActor('first-run setup'), requestId: meta.requestId };
    await insertCompany(tx, ctx, company, now);
    const user = await identityRepository.insertUser(tx, {
      email: input.admin.email,
      name: input.admin.name,
      role: 'administrator',
      language: input.admin.language,
      passwordHash,
      createdAt: now,
      updatedAt: now,
    });
    await appendAudit(tx, ctx, { entity: 'users', entityId: user.id, action: 'created', after: toUserDto(user) });
    return startSession(deps, tx, user, { ip: meta.ip, ...(meta.userAgent ? { userAgent: meta.userAgent } : {}) });
  });
}

export async function setupGuide(deps: Deps, ctx: Ctx) {
  authorize(ctx.actor, 'setup:read');
  const { db } = deps.database;
  const company = await findCompany(db);
  const steps = [];
  for (const s of stepsFor(company?.profiles ?? [])) steps.push({ key: s.key, link: s.link, done: await s.done(db) });
  return { steps, complete: steps.every((s) => s.done) };
}
