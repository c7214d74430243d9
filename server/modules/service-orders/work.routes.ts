// The work on an order: steps, labour, parts, lines, and all of it in one read. Thin routes: schema,
// permission, one use-case call.
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { problemResponses } from '../../kernel/http/problem.ts';
import * as labour from './labour.usecases.ts';
import * as lines from './lines.usecases.ts';
import * as parts from './parts.usecases.ts';
import { idParams } from './service-orders.schemas.ts';
import * as steps from './steps.usecases.ts';
import {
  applyPathInput,
  itemsOf,
  lineInput,
  lineSchema,
  orderStepAddInput,
  orderStepList,
  orderStepPatch,
  orderStepSchema,
  orderWorkSchema,
  partUseInput,
  partUseSchema,
  stepReorderInput,
  stepSkipInput,
  timeEntryInput,
  timeEntrySchema,
} from './work.schemas.ts';

const tags = ['service-orders'];
const p = (...codes: number[]) => problemResponses(...codes);
const read = { permission: 'orders:read' } as const;
const write = { permission: 'orders:write' } as const;

export function serviceOrderWorkRoutes(app: App, deps: Deps) {
  const order = '/api/v1/service-orders/:id';

  app.get(`${order}/work`, { config: read, schema: { tags, summary: "The order's steps, labour, parts (with removed ones), lines and totals per VAT rate in one call", params: idParams, response: { 200: orderWorkSchema, ...p(400, 401, 403, 404) } } }, async (r) =>
    lines.getOrderWork(deps, ctxOf(r), r.params.id),
  );

  // ── steps ──
  app.get(`${order}/steps`, { config: read, schema: { tags, summary: "The order's steps in their order, each with what it allows now", params: idParams, response: { 200: orderStepList, ...p(400, 401, 403, 404) } } }, async (r) =>
    steps.listSteps(deps, ctxOf(r), r.params.id),
  );
  app.post(
    `${order}/steps`,
    { config: write, schema: { tags, summary: 'Add a step (at a position, default last); it becomes a task when no other step is open', params: idParams, body: orderStepAddInput, response: { 201: orderStepSchema, ...p(400, 401, 403, 404, 409, 422) } } },
    async (r, reply) => reply.status(201).send(await steps.addStep(deps, ctxOf(r), r.params.id, r.body)),
  );
  app.post(
    `${order}/steps/reorder`,
    { config: write, schema: { tags, summary: 'Set the order of the steps (every step once)', params: idParams, body: stepReorderInput, response: { 200: orderStepList, ...p(400, 401, 403, 404, 409, 422) } } },
    async (r) => steps.reorderSteps(deps, ctxOf(r), r.params.id, r.body.stepIds),
  );
  app.post(
    `${order}/apply-path`,
    { config: write, schema: { tags, summary: "Copy a service path's activities onto the order as steps (appended)", params: idParams, body: applyPathInput, response: { 200: orderStepList, ...p(400, 401, 403, 404, 409, 422) } } },
    async (r) => steps.applyPath(deps, ctxOf(r), r.params.id, r.body.servicePathId),
  );

  const step = '/api/v1/service-order-steps/:id';
  app.patch(
    step,
    { config: write, schema: { tags, summary: "Rename, describe, assign (a person or a role), plan or set the deadline of an open step; its open task follows", params: idParams, body: orderStepPatch, response: { 200: orderStepSchema, ...p(400, 401, 403, 404, 409, 422) } } },
    async (r) => steps.updateStep(deps, ctxOf(r), r.params.id, r.body),
  );
  app.post(`${step}/start`, { config: write, schema: { tags, summary: 'Start a step (409 orders.step_transition_not_allowed unless it is to do)', params: idParams, response: { 200: orderStepSchema, ...p(400, 401, 403, 404, 409) } } }, async (r) =>
    steps.moveStep(deps, ctxOf(r), r.params.id, 'start'),
  );
  app.post(
    `${step}/done`,
    { config: write, schema: { tags, summary: "Mark a step done: its task closes and the next to-do step goes to its owner's task list", params: idParams, response: { 200: orderStepSchema, ...p(400, 401, 403, 404, 409) } } },
    async (r) => steps.moveStep(deps, ctxOf(r), r.params.id, 'done'),
  );
  app.post(
    `${step}/skip`,
    { config: write, schema: { tags, summary: 'Skip a step with a reason: its task is dismissed and the next to-do step goes to its owner', params: idParams, body: stepSkipInput, response: { 200: orderStepSchema, ...p(400, 401, 403, 404, 409, 422) } } },
    async (r) => steps.moveStep(deps, ctxOf(r), r.params.id, 'skip', r.body.reason),
  );

  // ── labour ──
  app.get(`${order}/time`, { config: read, schema: { tags, summary: "The order's time entries", params: idParams, response: { 200: itemsOf(timeEntrySchema), ...p(400, 401, 403, 404) } } }, async (r) => labour.listTime(deps, ctxOf(r), r.params.id));
  app.post(
    `${order}/time`,
    {
      config: write,
      schema: {
        tags,
        summary: "Record time worked (start and end, or minutes) as an hourly service: billed minutes by the service's rounding, price from the order's price list",
        params: idParams,
        body: timeEntryInput,
        response: { 201: timeEntrySchema, ...p(400, 401, 403, 404, 409, 422) },
      },
    },
    async (r, reply) => reply.status(201).send(await labour.addTime(deps, ctxOf(r), r.params.id, r.body)),
  );
  app.delete('/api/v1/service-order-time/:id', { config: write, schema: { tags, summary: 'Delete a time entry', params: idParams, response: { 204: z.null(), ...p(400, 401, 403, 404, 409) } } }, async (r, reply) => {
    await labour.removeTime(deps, ctxOf(r), r.params.id);
    return reply.status(204).send(null);
  });

  // ── parts ──
  app.get(`${order}/parts`, { config: read, schema: { tags, summary: "Parts used on the order (removed ones too, with removedAt)", params: idParams, response: { 200: itemsOf(partUseSchema), ...p(400, 401, 403, 404) } } }, async (r) =>
    parts.listParts(deps, ctxOf(r), r.params.id),
  );
  app.post(
    `${order}/parts`,
    {
      config: write,
      schema: { tags, summary: 'Use a part: issued from the stock location in the same transaction (409 stock.insufficient when not on hand), priced from the price list', params: idParams, body: partUseInput, response: { 201: partUseSchema, ...p(400, 401, 403, 404, 409, 422) } },
    },
    async (r, reply) => reply.status(201).send(await parts.addPart(deps, ctxOf(r), r.params.id, r.body)),
  );
  app.delete(
    '/api/v1/service-order-parts/:id',
    { config: write, schema: { tags, summary: 'Remove a part: returned to the location it came from; the row stays, marked removed', params: idParams, response: { 200: partUseSchema, ...p(400, 401, 403, 404, 409, 422) } } },
    async (r) => parts.removePart(deps, ctxOf(r), r.params.id),
  );

  // ── lines ──
  app.get(`${order}/lines`, { config: read, schema: { tags, summary: "The order's other billable lines", params: idParams, response: { 200: itemsOf(lineSchema), ...p(400, 401, 403, 404) } } }, async (r) => lines.listLines(deps, ctxOf(r), r.params.id));
  app.post(
    `${order}/lines`,
    { config: write, schema: { tags, summary: 'Add a line: a service (priced from the price list unless a price is given) or free text', params: idParams, body: lineInput, response: { 201: lineSchema, ...p(400, 401, 403, 404, 409, 422) } } },
    async (r, reply) => reply.status(201).send(await lines.addLine(deps, ctxOf(r), r.params.id, r.body)),
  );
  app.delete('/api/v1/service-order-lines/:id', { config: write, schema: { tags, summary: 'Delete a line', params: idParams, response: { 204: z.null(), ...p(400, 401, 403, 404, 409) } } }, async (r, reply) => {
    await lines.removeLine(deps, ctxOf(r), r.params.id);
    return reply.status(204).send(null);
  });
}
