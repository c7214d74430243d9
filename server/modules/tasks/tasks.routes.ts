import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { pageSchema } from '../../kernel/http/pagination.ts';
import { problemResponses } from '../../kernel/http/problem.ts';
import { taskListQuery, taskSchema } from './tasks.schemas.ts';
import { listTasks, markTaskDone } from './tasks.usecases.ts';

const tags = ['tasks'];

export function tasksRoutes(app: App, deps: Deps) {
  app.get(
    '/api/v1/tasks',
    {
      config: { permission: 'tasks:read' },
      schema: { tags, summary: 'Tasks, most urgent first (mine = mine and my role\'s; all = everyone\'s, for managers)', querystring: taskListQuery, response: { 200: pageSchema(taskSchema), ...problemResponses(400, 401, 403) } },
    },
    async (request) => listTasks(deps, ctxOf(request), request.query),
  );
  app.post(
    '/api/v1/tasks/:id/done',
    {
      config: { permission: 'tasks:read' },
      schema: { tags, summary: 'Mark a task done (own, own role\'s, or any for managers)', params: z.object({ id: z.uuid() }), response: { 200: taskSchema, ...problemResponses(400, 401, 403, 404, 409) } },
    },
    async (request) => markTaskDone(deps, ctxOf(request), request.params.id),
  );
}
