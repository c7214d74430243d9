// What other modules do when a task of theirs is given to someone else: a reassigned order step may
// change the step's owner too. The module that creates the kind registers at import time; the hook
// runs inside the reassignment's transaction (a failure undoes the reassignment).
import type { Ctx } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import type { TaskRow } from './tasks.repository.ts';

export type TaskAssignee = { userId: string | null; role: string | null };
export type TaskAssignedHook = (tx: Db, ctx: Ctx, task: TaskRow, to: TaskAssignee) => Promise<void>;

const assignedHooks = new Map<string, TaskAssignedHook[]>();

export function onTaskAssigned(kind: string, hook: TaskAssignedHook) {
  assignedHooks.set(kind, [...(assignedHooks.get(kind) ?? []), hook]);
}

export async function runTaskAssignedHooks(tx: Db, ctx: Ctx, task: TaskRow, to: TaskAssignee) {
  for (const hook of assignedHooks.get(task.kind) ?? []) await hook(tx, ctx, task, to);
}
