// The tasks API contract.
import { z } from 'zod';
import { cursorSchema, limitSchema } from '../../kernel/http/pagination.ts';

export const taskSchema = z
  .object({
    id: z.uuid(),
    kind: z.string().describe('service_date_due | meter_threshold …'),
    subjectType: z.string().describe("What the task is about, e.g. 'asset'"),
    subjectId: z.uuid(),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).describe('Values the UI builds the text from (names, dates)'),
    assigneeId: z.uuid().nullable(),
    assigneeRole: z.string().nullable(),
    dueOn: z.string().nullable(),
    status: z.enum(['open', 'done', 'dismissed']),
    createdAt: z.iso.datetime(),
    doneAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Task' });
export type TaskDto = z.infer<typeof taskSchema>;

export const taskListQuery = z.object({
  scope: z.enum(['mine', 'all']).default('mine').describe("mine: assigned to me or to my role; all: everyone's (managers)"),
  status: z.enum(['open', 'done', 'dismissed', 'all']).default('open'),
  subjectId: z.uuid().optional().describe('Only tasks about this record (e.g. an asset)'),
  limit: limitSchema,
  cursor: cursorSchema,
});
export type TaskListQuery = z.infer<typeof taskListQuery>;
