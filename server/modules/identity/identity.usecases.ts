// Staff accounts: sign-in with throttling, sessions, passwords, user administration, API tokens.
import { randomInt } from 'node:crypto';
import type { Ctx, Deps } from '../../deps.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { authorize, type Actor } from '../../kernel/auth/actor.ts';
import { dummyPasswordHash, hashPassword, passwordProblems, verifyPassword } from '../../kernel/auth/password.ts';
import { ROLE_PERMISSIONS, isRole } from '../../kernel/auth/permissions.ts';
import { AppError, conflict, fieldError, invalidFields, notFound } from '../../kernel/errors/app-error.ts';
import { decodeCursor, toPage } from '../../kernel/http/pagination.ts';
import { randomToken, sha256 } from '../../kernel/ids/tokens.ts';
import { identityRepository as repo, type ApiTokenRow, type UserRow } from './identity.repository.ts';
import { lockRemainingMs, newSessionTimes, normalizeEmail, registerFailure, TOKEN_PREFIX, touchSession } from './identity.rules.ts';
import type { UserDto } from './identity.schemas.ts';

export function toUserDto(u: UserRow): UserDto {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: isRole(u.role) ? u.role : 'technician',
    language: u.language === 'en' ? 'en' : 'pl',
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    createdAt: u.createdAt.toISOString(),
  };
}

const toTokenDto = (t: ApiTokenRow) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

export function userActor(u: UserRow, via: 'session' | 'token'): Actor {
  return { kind: 'user', userId: u.id, name: u.name, email: u.email, role: isRole(u.role) ? u.role : 'technician', via };
}

export function sessionInfo(user: UserRow, csrfToken: string, expiresAt: Date) {
  const dto = toUserDto(user);
  return { user: dto, permissions: [...ROLE_PERMISSIONS[dto.role]], csrfToken, expiresAt: expiresAt.toISOString() };
}

/** Creates a session row; the returned token goes into the cookie and is never stored in clear. */
export async function startSession(deps: Deps, db: Deps['database']['db'], user: UserRow, meta: { ip?: string; userAgent?: string }) {
  const now = deps.clock.now();
  const token = randomToken();
  const csrfToken = randomToken(24);
  const times = newSessionTimes(now, deps.config.sessionIdleHours, deps.config.sessionMaxDays);
  await repo.insertSession(db, {
    idHash: sha256(token),
    userId: user.id,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: times.expiresAt,
    absoluteExpiresAt: times.absoluteExpiresAt,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, info: sessionInfo(user, csrfToken, times.expiresAt) };
}

function throttled(ms: number) {
  const seconds = Math.ceil(ms / 1000);
  return new AppError('auth.throttled', 429, `Too many failed sign-ins; try again in ${seconds} s`, {
    extra: { retryAfterSeconds: seconds },
  });
}

export async function signIn(deps: Deps, input: { email: string; password: string; ip: string; userAgent?: string }) {
  const { db } = deps.database;
  const now = deps.clock.now();
  const email = normalizeEmail(input.email);
  const keys = [`email:${email}`, `ip:${input.ip}`];
  const states = await Promise.all(keys.map((k) => repo.findFailure(db, k)));
  const wait = Math.max(...states.map((s) => lockRemainingMs(s, now)));
  if (wait > 0) throw throttled(wait);

  const user = await repo.findUserByEmail(db, email);
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : (await verifyPassword(await dummyPasswordHash(), input.password), false);
  if (!ok || !user || !user.active) {
    await db.transaction(async (tx) => {
      for (const [i, key] of keys.entries()) {
        const next = registerFailure(states[i], now);
        await repo.upsertFailure(tx, { key, ...next });
      }
    });
    throw new AppError('auth.invalid_credentials', 401, 'Wrong email or password');
  }
  return db.transaction(async (tx) => {
    await repo.clearFailure(tx, keys[0]!);
    // Housekeeping without a job runner: sign-ins are rare enough and the delete is indexed.
    await repo.deleteExpiredSessions(tx, now);
    return startSession(deps, tx, user, { ip: input.ip, ...(input.userAgent ? { userAgent: input.userAgent } : {}) });
  });
}

export type ResolvedSession = { actor: Actor; user: UserRow; idHash: string; csrfToken: string; expiresAt: Date };

export async function resolveSession(deps: Deps, token: string): Promise<ResolvedSession | null> {
  const { db } = deps.database;
  const idHash = sha256(token);
  const found = await repo.findSession(db, idHash);
  if (!found || !found.user.active) return null;
  const now = deps.clock.now();
  const next = touchSession(found.session, now, deps.config.sessionIdleHours);
  if (!next) {
    await repo.deleteSession(db, idHash);
    return null;
  }
  // write at most once a minute per session: reads stay reads
  if (now.getTime() - found.session.lastSeenAt.getTime() > 60_000) await repo.touchSession(db, idHash, next.expiresAt, now);
  return { actor: userActor(found.user, 'session'), user: found.user, idHash, csrfToken: found.session.csrfToken, expiresAt: next.expiresAt };
}

export async function resolveApiToken(deps: Deps, secret: string): Promise<Actor | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const { db } = deps.database;
  const found = await repo.findTokenByHash(db, sha256(secret));
  if (!found || !found.user.active) return null;
  const now = deps.clock.now();
  if (!found.token.lastUsedAt || now.getTime() - found.token.lastUsedAt.getTime() > 60_000)
    await repo.markTokenUsed(db, found.token.id, now);
  return userActor(found.user, 'token');
}

export async function signOut(deps: Deps, idHash: string) {
  await repo.deleteSession(deps.database.db, idHash);
}

export async function changePassword(deps: Deps, ctx: Ctx, idHash: string | null, body: { currentPassword: string; newPassword: string }) {
  if (ctx.actor.kind !== 'user') throw new AppError('auth.forbidden', 403, 'Only a person can change a password');
  const userId = ctx.actor.userId;
  const hash = await hashPassword(body.newPassword);
  await deps.database.db.transaction(async (tx) => {
    const user = await repo.findUserForUpdate(tx, userId);
    if (!user) throw notFound('users');
    if (!(await verifyPassword(user.passwordHash, body.currentPassword)))
      throw invalidFields([fieldError('currentPassword', 'auth.wrong_password', 'The current password is wrong')]);
    const problems = passwordProblems(body.newPassword, 'newPassword', user.email);
    if (problems.length) throw invalidFields(problems);
    if (body.newPassword === body.currentPassword)
      throw invalidFields([fieldError('newPassword', 'password.same_as_old', 'Choose a different password')]);
    await repo.updateUser(tx, userId, { passwordHash: hash, mustChangePassword: false, updatedAt: deps.clock.now() });
    // other devices are signed out: the usual reason to change a password is suspicion
    await repo.deleteUserSessions(tx, userId, idHash ?? undefined);
    await appendAudit(tx, ctx, { entity: 'users', entityId: userId, action: 'password_changed', changes: {} });
  });
}

export async function listUsers(deps: Deps, ctx: Ctx, q: { q?: string | undefined; limit: number; cursor?: string | undefined }) {
  authorize(ctx.actor, 'users:read');
  const after = decodeCursor(q.cursor, 2) as [string, string] | null;
  const rows = await repo.listUsers(deps.database.db, q.q, after, q.limit);
  return toPage(rows, q.limit, (u) => [u.name, u.id], toUserDto);
}

export async function getUser(deps: Deps, ctx: Ctx, id: string) {
  authorize(ctx.actor, 'users:read');
  const u = await repo.findUserById(deps.database.db, id);
  if (!u) throw notFound('users');
  return toUserDto(u);
}

// Unambiguous characters: no 0/O, 1/l/I.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function temporaryPassword(length = 14): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

export async function createUser(
  deps: Deps,
  ctx: Ctx,
  body: { email: string; name: string; role: UserRow['role']; language: 'pl' | 'en' },
) {
  authorize(ctx.actor, 'users:manage');
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const user = await deps.database.db.transaction(async (tx) => {
    if (await repo.findUserByEmail(tx, body.email))
      throw invalidFields([fieldError('email', 'users.email_taken', 'A user with this email already exists')]);
    const now = deps.clock.now();
    const row = await repo.insertUser(tx, { ...body, passwordHash, mustChangePassword: true, createdAt: now, updatedAt: now });
    await appendAudit(tx, ctx, { entity: 'users', entityId: row.id, action: 'created', after: toUserDto(row) });
    return row;
  });
  return { user: toUserDto(user), temporaryPassword: password };
}

export async function updateUser(
  deps: Deps,
  ctx: Ctx,
  id: string,
  body: Partial<{ name: string; role: UserRow['role']; language: 'pl' | 'en'; active: boolean }>,
) {
  const self = ctx.actor.kind === 'user' && ctx.actor.userId === id;
  const onlyOwnProfile = self && body.role === undefined && body.active === undefined;
  if (!onlyOwnProfile) authorize(ctx.actor, 'users:manage');
  return deps.database.db.transaction(async (tx) => {
    const before = await repo.findUserForUpdate(tx, id);
    if (!before) throw notFound('users');
    const losesAdmin =
      before.role === 'administrator' && before.active && ((body.role && body.role !== 'administrator') || body.active === false);
    if (losesAdmin && (await repo.countActiveAdmins(tx)) < 2)
      throw conflict('users.last_administrator', 'The last active administrator cannot be demoted or deactivated');
    if (self && body.active === false) throw conflict('users.cannot_deactivate_self', 'You cannot deactivate yourself');
    const after = await repo.updateUser(tx, id, { ...body, updatedAt: deps.clock.now() });
    if (body.active === false) await repo.deleteUserSessions(tx, id);
    await appendAudit(tx, ctx, { entity: 'users', entityId: id, action: 'updated', before: toUserDto(before), after: toUserDto(after) });
    return toUserDto(after);
  });
}

/** Administrator reset: a new temporary password, all the user's sessions end. */
export async function resetPassword(deps: Deps, ctx: Ctx, id: string) {
  authorize(ctx.actor, 'users:manage');
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const user = await deps.database.db.transaction(async (tx) => {
    const u = await repo.findUserForUpdate(tx, id);
    if (!u) throw notFound('users');
    const row = await repo.updateUser(tx, id, { passwordHash, mustChangePassword: true, updatedAt: deps.clock.now() });
    await repo.deleteUserSessions(tx, id);
    await appendAudit(tx, ctx, { entity: 'users', entityId: id, action: 'password_reset', changes: {} });
    return row;
  });
  return { user: toUserDto(user), temporaryPassword: password };
}

function ownUserId(ctx: Ctx): string {
  if (ctx.actor.kind !== 'user') throw new AppError('auth.forbidden', 403, 'API tokens belong to people');
  return ctx.actor.userId;
}

export async function listApiTokens(deps: Deps, ctx: Ctx) {
  const rows = await repo.listTokens(deps.database.db, ownUserId(ctx));
  return rows.map(toTokenDto);
}

export async function createApiToken(deps: Deps, ctx: Ctx, body: { name: string }) {
  const userId = ownUserId(ctx);
  if (ctx.actor.kind === 'user' && ctx.actor.via === 'token')
    throw new AppError('auth.forbidden', 403, 'A token cannot create tokens; sign in');
  const prefix = randomToken(6).replace(/[-_]/g, 'x').slice(0, 8);
  const secret = `${TOKEN_PREFIX}${prefix}_${randomToken(32)}`;
  const row = await deps.database.db.transaction(async (tx) => {
    const t = await repo.insertToken(tx, { userId, name: body.name, prefix: `${TOKEN_PREFIX}${prefix}`, tokenHash: sha256(secret), createdAt: deps.clock.now() });
    await appendAudit(tx, ctx, { entity: 'api_tokens', entityId: t.id, action: 'created', after: { name: t.name, prefix: t.prefix } });
    return t;
  });
  return { token: toTokenDto(row), secret };
}

export async function revokeApiToken(deps: Deps, ctx: Ctx, id: string) {
  const userId = ownUserId(ctx);
  return deps.database.db.transaction(async (tx) => {
    const t = await repo.findToken(tx, id);
    const mayManage = ctx.actor.kind === 'user' && ROLE_PERMISSIONS[ctx.actor.role].includes('users:manage');
    if (!t || (t.userId !== userId && !mayManage)) throw notFound('api_tokens');
    if (t.revokedAt) return toTokenDto(t);
    const row = await repo.revokeToken(tx, id, deps.clock.now());
    await appendAudit(tx, ctx, { entity: 'api_tokens', entityId: id, action: 'revoked', changes: { revokedAt: { before: null, after: row.revokedAt?.toISOString() } } });
    return toTokenDto(row);
  });
}
