import type { Deps } from '../deps.ts';
import { ctxOf, type App } from '../kernel/http/app-types.ts';
import { pageSchema } from '../kernel/http/pagination.ts';
import { problemResponses } from '../kernel/http/problem.ts';
import { jobListSchema, jobNameParams, jobRunRequested, jobRunSchema, jobRunsQuery } from './jobs.schemas.ts';
import * as uc from './jobs.usecases.ts';

const tags = ['jobs'];
const base = '/api/v1/jobs';

export function jobsRoutes(app: App, deps: Deps) {
  app.get(
    base,
    {
      config: { permission: 'jobs:read' },
      schema: {
        tags,
        summary: 'Defined background jobs: schedule (Europe/Warsaw), next run, failures in the last 7 days, last run',
        response: { 200: jobListSchema, ...problemResponses(401, 403, 503) },
      },
    },
    async (request) => uc.listJobs(deps, ctxOf(request)),
  );

  app.get(
    `${base}/runs`,
    {
      config: { permission: 'jobs:read' },
      schema: {
        tags,
        summary: 'Recent job runs, newest first (filter by job and state, keyset paging)',
        querystring: jobRunsQuery,
        response: { 200: pageSchema(jobRunSchema), ...problemResponses(400, 401, 403, 503) },
      },
    },
    async (request) => uc.listJobRuns(deps, ctxOf(request), request.query),
  );

  app.post(
    `${base}/:name/run`,
    {
      config: { permission: 'jobs:run' },
      schema: {
        tags,
        summary: 'Queue a run of the job now (409 jobs.needs_data for a job that takes input)',
        params: jobNameParams,
        response: { 202: jobRunRequested, ...problemResponses(400, 401, 403, 404, 409, 503) },
      },
    },
    async (request, reply) => reply.status(202).send(await uc.runJobNow(deps, ctxOf(request), request.params.name)),
  );
}
