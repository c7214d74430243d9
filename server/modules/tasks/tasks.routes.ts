import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { pageSchema } from '../../kernel/http/pagination.ts';
import { problemResponses } from '../../kernel/http/problem.ts';
import { taskAssignInput, taskListQuery, taskSchema, taskSummarySchema } from './tasks.schemas.ts';
import { assignTask, listTasks, markTaskDone, taskSummary } from './tasks.usecases.ts';

const tags = ['tasks'];
const idParams = z.object({ id: z.uuid() });

export function tasksRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/tasks',
    {
      config: { permission: 'tasks:read' },
      schema: {
        tags,
        summary: "The task inbox, most urgent first: overdue, due today, later, then without a due date (mine = mine and my role's unassigned; user and all need tasks:manage)",
        querystring: taskListQuery,
        response: { 200: pageSchema(taskSchema), ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => listTasks(deps, ctxOf(request), request.query),
  );
  app.get(
    '/api/v1/tasks/summary',
    {
      config: { permission: 'tasks:read' },
      schema: { tags, summary: 'Counts for the menu badge: my open tasks, overdue, due today (counting stops at `cap`)', response: { 200: taskSummarySchema, ...problemResponses(401, 403) } },
    },
    async (request) => taskSummary(deps, ctxOf(request)),
  );
  app.post(
    '/api/v1/tasks/:id/done',
    {
      config: { permission: 'tasks:read' },
      schema: { tags, summary: "Mark a task done (own, own role's, or any for managers)", params: idParams, response: { 200: taskSchema, ...problemResponses(400, 401, 403, 404, 409) } },
    },
    async (request) => markTaskDone(deps, ctxOf(request), request.params.id),
  );
  app.post(
    '/api/v1/tasks/:id/assign',
    {
      config: { permission: 'tasks:manage' },
      schema: {
        tags,
        summary: 'Give an open task to a person or to a role (audited)',
        params: idParams,
        body: taskAssignInput,
        response: { 200: taskSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => assignTask(deps, ctxOf(request), request.params.id, request.body),
  );
}
