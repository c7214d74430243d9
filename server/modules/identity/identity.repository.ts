// All SQL of the identity module.
import { and, asc, eq, gt, ilike, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { escapeLike } from '../../kernel/text/like.ts';
import { keysetAfter } from '../../kernel/db/keyset.ts';
import { apiTokens, sessions, signInFailures, users } from './identity.table.ts';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type ApiTokenRow = typeof apiTokens.$inferSelect;

export const identityRepository = {
  async countUsers(db: Db): Promise<number> {
    const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
    return r?.n ?? 0;
  },
  async activeUserCount(db: Db, cap: number): Promise<number> {
    // bounded: the guide only needs to know "more than one"
    const rows = await db.select({ id: users.id }).from(users).where(eq(users.active, true)).limit(cap);
    return rows.length;
  },
  findUserByEmail: async (db: Db, email: string) =>
    (await db.select().from(users).where(eq(users.email, email)).limit(1))[0],
  findUserById: async (db: Db, id: string) => (await db.select().from(users).where(eq(users.id, id)).limit(1))[0],
  async findUserForUpdate(db: Db, id: string) {
    return (await db.select().from(users).where(eq(users.id, id)).for('update').limit(1))[0];
  },
  async insertUser(db: Db, values: typeof users.$inferInsert) {
    const [row] = await db.insert(users).values(values).returning();
    return row!;
  },
  async updateUser(db: Db, id: string, values: Partial<typeof users.$inferInsert>) {
    const [row] = await db.update(users).set(values).where(eq(users.id, id)).returning();
    return row!;
  },
  async listUsers(db: Db, q: string | undefined, after: [string, string] | null, limit: number) {
    const conds = [];
    if (q) conds.push(or(ilike(users.name, `%${escapeLike(q)}%`), ilike(users.email, `%${escapeLike(q)}%`)));
    const ks = keysetAfter(users.name, users.id, after);
    if (ks) conds.push(ks);
    return db
      .select()
      .from(users)
      .where(conds.length ? and(...conds) : undefined)
      .orderBy(asc(users.name), asc(users.id))
      .limit(limit + 1);
  },
  async countActiveAdmins(db: Db): Promise<number> {
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'administrator'), eq(users.active, true)))
      .limit(2);
    return rows.length;
  },

  async insertSession(db: Db, values: typeof sessions.$inferInsert) {
    await db.insert(sessions).values(values);
  },
  async findSession(db: Db, idHash: string) {
    const rows = await db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(eq(sessions.idHash, idHash))
      .limit(1);
    return rows[0];
  },
  async touchSession(db: Db, idHash: string, expiresAt: Date, now: Date) {
    await db.update(sessions).set({ expiresAt, lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  },
  deleteSession: (db: Db, idHash: string) => db.delete(sessions).where(eq(sessions.idHash, idHash)),
  async deleteUserSessions(db: Db, userId: string, exceptIdHash?: string) {
    await db
      .delete(sessions)
      .where(
        exceptIdHash
          ? and(eq(sessions.userId, userId), sql`${sessions.idHash} <> ${exceptIdHash}`)
          : eq(sessions.userId, userId),
      );
  },
  deleteExpiredSessions: (db: Db, now: Date) => db.delete(sessions).where(lt(sessions.expiresAt, now)),

  async findFailure(db: Db, key: string) {
    return (await db.select().from(signInFailures).where(eq(signInFailures.key, key)).limit(1))[0];
  },
  async upsertFailure(db: Db, row: typeof signInFailures.$inferInsert) {
    await db
      .insert(signInFailures)
      .values(row)
      .onConflictDoUpdate({
        target: signInFailures.key,
        set: { failures: row.failures, windowStartedAt: row.windowStartedAt, lockedUntil: row.lockedUntil },
      });
  },
  clearFailure: (db: Db, key: string) => db.delete(signInFailures).where(eq(signInFailures.key, key)),

  async insertToken(db: Db, values: typeof apiTokens.$inferInsert) {
    const [row] = await db.insert(apiTokens).values(values).returning();
    return row!;
  },
  listTokens: (db: Db, userId: string) =>
    db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(sql`${apiTokens.createdAt} desc`).limit(200),
  async findTokenByHash(db: Db, tokenHash: string) {
    const rows = await db
      .select({ token: apiTokens, user: users })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
      .limit(1);
    return rows[0];
  },
  async findToken(db: Db, id: string) {
    return (await db.select().from(apiTokens).where(eq(apiTokens.id, id)).limit(1))[0];
  },
  async revokeToken(db: Db, id: string, now: Date) {
    const [row] = await db.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.id, id)).returning();
    return row!;
  },
  markTokenUsed: (db: Db, id: string, now: Date) =>
    db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, id)),
};

