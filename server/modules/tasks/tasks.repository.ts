// All SQL of the tasks module.
//
// A person's inbox is their own open tasks plus the open, unassigned tasks of their role. The two
// partial indexes (assignee_id, due_on, id) and (assignee_role, due_on, id) on open tasks serve one
// half each, so the list is a UNION ALL of index-ordered branches, each reading at most `limit + 1`
// rows, merged and cut — an OR across the two columns could use neither index for the order.
// Tasks without a due date sort last: each owner has a branch for dated tasks (range on due_on) and
// one for undated ones (due_on is null, by id); the cursor is (coalesce(due_on, '9999-12-31'), id).
import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../identity/identity.table.ts';
import { serviceOrderSteps } from '../service-orders/service-orders.table.ts';
import { tasks } from './tasks.table.ts';

export type TaskRow = typeof tasks.$inferSelect;
/** Whose inbox: the person's own tasks and, unassigned, their role's. */
export type Owner = { userId: string; role: string | null };
export type Cursor = [dueOrLast: string, id: string];

export const NO_DUE_DATE = '9999-12-31';
const dueOrLast = sql`coalesce(${tasks.dueOn}, ${NO_DUE_DATE}::date)`;

const rowsOf = <T>(r: unknown): T[] => (Array.isArray(r) ? (r as T[]) : ((r as { rows?: T[] }).rows ?? []));

/** The owner conditions, one per index: literal `status = 'open'` so the partial indexes apply. */
function ownerConds(o: Owner): SQL[] {
  const mine = sql`${tasks.status} = 'open' and ${tasks.assigneeId} = ${o.userId}::uuid`;
  const role = sql`${tasks.status} = 'open' and ${tasks.assigneeId} is null and ${tasks.assigneeRole} = ${o.role}`;
  return o.role ? [mine, role] : [mine];
}

/** Ids of the next page of an owner's open tasks (at most `n`), as one UNION ALL of bounded index scans. */
function openIdsOf(o: Owner, after: Cursor | null, n: number, subjectId?: string): SQL {
  const subject = subjectId ? sql`and ${tasks.subjectId} = ${subjectId}::uuid` : sql``;
  const dated = after ? sql`and (${tasks.dueOn}, ${tasks.id}) > (${after[0]}::date, ${after[1]}::uuid)` : sql`and ${tasks.dueOn} is not null`;
  // undated rows sort at NO_DUE_DATE: all of them are after a dated cursor, only the later ids after an undated one
  const undated = after && after[0] >= NO_DUE_DATE ? sql`and ${tasks.dueOn} is null and ${tasks.id} > ${after[1]}::uuid` : sql`and ${tasks.dueOn} is null`;
  const branches = ownerConds(o).flatMap((owner) => [
    sql`(select ${tasks.id} from ${tasks} where ${owner} ${subject} ${dated} order by ${tasks.dueOn}, ${tasks.id} limit ${n})`,
    sql`(select ${tasks.id} from ${tasks} where ${owner} ${subject} ${undated} order by ${tasks.id} limit ${n})`,
  ]);
  return sql.join(branches, sql` union all `);
}

export const tasksRepository = {
  /** An owner's open tasks, most urgent first (by due date, undated last), keyset-paged. */
  async openFor(db: Db, o: Owner, after: Cursor | null, limit: number, subjectId?: string): Promise<TaskRow[]> {
    const n = limit + 1;
    return db
      .select()
      .from(tasks)
      .where(sql`${tasks.id} in (${openIdsOf(o, after, n, subjectId)})`)
      .orderBy(asc(dueOrLast), asc(tasks.id))
      .limit(n);
  },

  /**
   * Any other list: closed tasks or everyone's (managers' view). Filtered by status and owner, in the
   * same order; bounded by the limit, though not index-ordered.
   */
  async list(db: Db, f: { owner: Owner | null; status: string; subjectId?: string | undefined }, after: Cursor | null, limit: number): Promise<TaskRow[]> {
    const conds: (SQL | undefined)[] = [];
    if (f.status !== 'all') conds.push(eq(tasks.status, f.status));
    if (f.owner) {
      const { userId, role } = f.owner;
      conds.push(role ? or(eq(tasks.assigneeId, userId), and(isNull(tasks.assigneeId), eq(tasks.assigneeRole, role))) : eq(tasks.assigneeId, userId));
    }
    if (f.subjectId) conds.push(eq(tasks.subjectId, f.subjectId));
    if (after) conds.push(sql`(${dueOrLast}, ${tasks.id}) > (${after[0]}::date, ${after[1]}::uuid)`);
    return db
      .select()
      .from(tasks)
      .where(and(...conds))
      .orderBy(asc(dueOrLast), asc(tasks.id))
      .limit(limit + 1);
  },

  /** Open, overdue and due-today counts of an owner's inbox; each count reads at most `cap` index entries per branch. */
  async counts(db: Db, o: Owner, today: string, cap: number): Promise<{ open: number; overdue: number; due_today: number }> {
    const count = (extra: SQL) => {
      const branches = ownerConds(o).map((owner) => sql`(select 1 from ${tasks} where ${owner} ${extra} limit ${cap})`);
      return sql`(select least(count(*), ${cap})::int from (${sql.join(branches, sql` union all `)}) x)`;
    };
    const [row] = rowsOf<{ open: number; overdue: number; due_today: number }>(
      await db.execute(sql`select ${count(sql``)} as open, ${count(sql`and ${tasks.dueOn} < ${today}::date`)} as overdue, ${count(sql`and ${tasks.dueOn} = ${today}::date`)} as due_today`),
    );
    return { open: Number(row?.open ?? 0), overdue: Number(row?.overdue ?? 0), due_today: Number(row?.due_today ?? 0) };
  },

  findForUpdate: async (tx: Db, id: string) => (await tx.select().from(tasks).where(eq(tasks.id, id)).for('update'))[0],

  update: async (tx: Db, id: string, set: Partial<TaskRow>) => (await tx.update(tasks).set(set).where(eq(tasks.id, id)).returning())[0]!,

  /** A staff user as an assignee or an inbox owner. */
  user: async (db: Db, id: string) => (await db.select({ id: users.id, name: users.name, role: users.role, active: users.active }).from(users).where(eq(users.id, id)))[0],

  userNames: async (db: Db, ids: string[]): Promise<Map<string, string>> =>
    ids.length ? new Map((await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids))).map((u) => [u.id, u.name])) : new Map(),

  /** The state of the steps behind order_step tasks (what the inbox offers: start, or finish). */
  stepStatuses: async (db: Db, ids: string[]): Promise<Map<string, string>> =>
    ids.length ? new Map((await db.select({ id: serviceOrderSteps.id, status: serviceOrderSteps.status }).from(serviceOrderSteps).where(inArray(serviceOrderSteps.id, ids))).map((s) => [s.id, s.status])) : new Map(),
};
