// The tasks API contract: the task inbox (lists per person, counts for the menu badge, reassigning).
import { z } from 'zod';
import { ROLES } from '../../kernel/auth/permissions.ts';
import { cursorSchema, limitSchema } from '../../kernel/http/pagination.ts';

export const TASK_URGENCIES = ['overdue', 'today', 'later', 'none'] as const;
export type TaskUrgency = (typeof TASK_URGENCIES)[number];

export const taskSchema = z
  .object({
    id: z.uuid(),
    kind: z.string().describe('service_date_due | meter_threshold | order_step | order_release | estimate_waiting | rma_late …'),
    subjectType: z.string().describe("What the task is about and what the UI opens: 'asset' (/assets/:id), 'service_order' (/orders/:id)"),
    subjectId: z.uuid(),
    sourceType: z.string().nullable().describe("The record whose completion closes the task, e.g. 'service_order_step' (sourceId = the step to start or finish)"),
    sourceId: z.uuid().nullable(),
    sourceStatus: z.string().nullable().describe("That record's state where an action depends on it: for order_step the step's todo | in_progress | done | skipped"),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).describe('Values the UI builds the text from (names, numbers, dates)'),
    assigneeId: z.uuid().nullable(),
    assigneeName: z.string().nullable().describe('The assigned person, when the task is for one person'),
    assigneeRole: z.string().nullable().describe('The role whose members share the task, when it is for no one person'),
    dueOn: z.string().nullable(),
    urgency: z.enum(TASK_URGENCIES).describe("For open tasks, against today's date in Warsaw: overdue (due before today), today, later, none (no due date, or closed)"),
    status: z.enum(['open', 'done', 'dismissed']),
    createdAt: z.iso.datetime(),
    doneAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Task' });
export type TaskDto = z.infer<typeof taskSchema>;

export const taskListQuery = z.object({
  scope: z
    .enum(['mine', 'user', 'all'])
    .default('mine')
    .describe("mine: assigned to me or, unassigned, to my role; user: the same for the person in userId (managers); all: everyone's (managers)"),
  userId: z.uuid().optional().describe('With scope=user: whose inbox'),
  status: z.enum(['open', 'done', 'dismissed', 'all']).default('open'),
  subjectId: z.uuid().optional().describe('Only tasks about this record (e.g. an asset)'),
  limit: limitSchema,
  cursor: cursorSchema,
});
export type TaskListQuery = z.infer<typeof taskListQuery>;

export const taskAssignInput = z
  .object({
    userId: z.uuid().optional().describe('Give the task to this person (it leaves the role list)'),
    role: z.enum(ROLES).optional().describe('Or give it to everyone with this role (it leaves the person it was with)'),
  })
  .meta({ id: 'TaskAssignInput', description: 'Exactly one of userId and role' });
export type TaskAssignInput = z.infer<typeof taskAssignInput>;

/** Counts stop at this number; the UI shows "999+". */
export const TASK_COUNT_CAP = 1000;

export const taskSummarySchema = z
  .object({
    open: z.int().min(0).max(TASK_COUNT_CAP).describe(`Open tasks of mine and my role's; counting stops at ${TASK_COUNT_CAP}`),
    overdue: z.int().min(0).max(TASK_COUNT_CAP),
    dueToday: z.int().min(0).max(TASK_COUNT_CAP),
    cap: z.literal(TASK_COUNT_CAP).describe('A count equal to cap means "cap or more"'),
  })
  .meta({ id: 'TaskSummary' });
export type TaskSummaryDto = z.infer<typeof taskSummarySchema>;
