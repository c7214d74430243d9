import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { pageSchema } from '../../kernel/http/pagination.ts';
import { problemResponses } from '../../kernel/http/problem.ts';
import { exportProduces, exportQueryFields, sendExport } from '../catalog/catalog.export.ts';
import * as types from './asset-types.usecases.ts';
import * as uc from './assets.usecases.ts';
import * as readings from './readings.usecases.ts';
import * as dates from './service-dates.usecases.ts';
import { exportAssets } from './assets.export.ts';
import { assetLabel, assetLabelSheet } from './labels.usecases.ts';
import type { FastifyRequest } from 'fastify';
import './assets.references.ts';
import {
  assetEventSchema,
  assetInput,
  assetListFilters,
  assetListQuery,
  assetPatch,
  assetSchema,
  assetTypeInput,
  assetTypeListQuery,
  assetTypePatch,
  assetTypeSchema,
  completeServiceDateInput,
  custodyInput,
  idParams,
  pageQuery,
  readingInput,
  readingSchema,
  serviceDateInput,
  serviceDateKindInput,
  serviceDateKindPatch,
  serviceDateKindSchema,
  serviceDatePatch,
  serviceDateSchema,
} from './assets.schemas.ts';

const tags = ['assets'];
const labelLang = z.enum(['pl', 'en']).default('pl');

/** Where the QR codes point: PUBLIC_URL when set (behind a proxy), else the address the browser used. */
const originOf = (deps: Deps, r: FastifyRequest) => deps.config.publicUrl ?? `${r.protocol}://${r.host}`;

const sendPdf = (reply: import('fastify').FastifyReply, fileName: string, pdf: Buffer) =>
  reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).header('cache-control', 'private, no-cache').send(pdf);
const p = (...codes: number[]) => problemResponses(...codes);

export function assetTypesRoutes(app: App, deps: Deps) {
  const base = '/api/v1/asset-types';
  app.get(base, { config: { permission: 'assets:read' }, schema: { tags, summary: 'Asset types with their custom fields', querystring: assetTypeListQuery, response: { 200: pageSchema(assetTypeSchema), ...p(400, 401, 403) } } }, async (r) =>
    types.listAssetTypes(deps, ctxOf(r), r.query),
  );
  app.get(`${base}/:id`, { config: { permission: 'assets:read' }, schema: { tags, summary: 'An asset type', params: idParams, response: { 200: assetTypeSchema, ...p(400, 401, 403, 404) } } }, async (r) =>
    types.getAssetType(deps, ctxOf(r), r.params.id),
  );
  app.post(
    base,
    { config: { permission: 'assets:configure' }, schema: { tags, summary: 'Define an asset type and its custom fields', body: assetTypeInput, response: { 201: assetTypeSchema, ...p(400, 401, 403, 422) } } },
    async (r, reply) => reply.status(201).send(await types.createAssetType(deps, ctxOf(r), r.body)),
  );
  app.patch(
    `${base}/:id`,
    {
      config: { permission: 'assets:configure' },
      schema: { tags, summary: 'Change an asset type; `fields` replaces the list (keep keys of existing fields; left-out fields are retired, their values stay)', params: idParams, body: assetTypePatch, response: { 200: assetTypeSchema, ...p(400, 401, 403, 404, 422) } },
    },
    async (r) => types.updateAssetType(deps, ctxOf(r), r.params.id, r.body),
  );
  for (const [action, archived] of [['archive', true], ['restore', false]] as const)
    app.post(`${base}/:id/${action}`, { config: { permission: 'assets:configure' }, schema: { tags, summary: `${archived ? 'Archive' : 'Restore'} an asset type`, params: idParams, response: { 200: assetTypeSchema, ...p(400, 401, 403, 404) } } }, async (r) =>
      types.setAssetTypeArchived(deps, ctxOf(r), r.params.id, archived),
    );

  const kinds = '/api/v1/service-date-kinds';
  app.get(
    kinds,
    { config: { permission: 'assets:read' }, schema: { tags, summary: 'Kinds of service dates (built-in ones carry a code)', querystring: z.object({ status: z.enum(['active', 'all']).default('active') }), response: { 200: z.object({ items: z.array(serviceDateKindSchema) }), ...p(400, 401, 403) } } },
    async (r) => dates.listServiceDateKinds(deps, ctxOf(r), r.query.status),
  );
  app.post(kinds, { config: { permission: 'assets:configure' }, schema: { tags, summary: 'Add a kind of service date', body: serviceDateKindInput, response: { 201: serviceDateKindSchema, ...p(400, 401, 403, 422) } } }, async (r, reply) =>
    reply.status(201).send(await dates.createServiceDateKind(deps, ctxOf(r), r.body)),
  );
  app.patch(`${kinds}/:id`, { config: { permission: 'assets:configure' }, schema: { tags, summary: 'Rename a kind or change whose tasks it makes', params: idParams, body: serviceDateKindPatch, response: { 200: serviceDateKindSchema, ...p(400, 401, 403, 404, 422) } } }, async (r) =>
    dates.updateServiceDateKind(deps, ctxOf(r), r.params.id, r.body),
  );
  app.post(`${kinds}/:id/archive`, { config: { permission: 'assets:configure' }, schema: { tags, summary: 'Archive a kind (existing dates keep it)', params: idParams, response: { 200: serviceDateKindSchema, ...p(400, 401, 403, 404) } } }, async (r) =>
    dates.updateServiceDateKind(deps, ctxOf(r), r.params.id, { archived: true }),
  );
}

export function assetsRoutes(app: App, deps: Deps) {
  const base = '/api/v1/assets';
  app.get(base, { config: { permission: 'assets:read' }, schema: { tags, summary: 'List assets (search, filters incl. one custom field, sorting, keyset paging)', querystring: assetListQuery, response: { 200: pageSchema(assetSchema), ...p(400, 401, 403, 422) } } }, async (r) =>
    uc.listAssets(deps, ctxOf(r), r.query),
  );
  app.get(
    `${base}/export`,
    {
      config: { permission: 'assets:export' },
      schema: { tags, summary: 'Export the filtered list as CSV or XLSX (with the custom fields when filtered to one type)', querystring: assetListFilters.extend(exportQueryFields), produces: exportProduces, response: { 200: z.any().describe('The file'), ...p(400, 401, 403, 422) } },
    },
    async (r, reply) => {
      const { lang, ...q } = r.query;
      return sendExport(reply, deps.clock.now(), { pl: 'urzadzenia', en: 'assets' }, q.format, lang, await exportAssets(deps, ctxOf(r), q, lang));
    },
  );
  app.get(
    `${base}/labels`,
    {
      config: { permission: 'assets:read' },
      schema: { tags, summary: 'A4 sheet of QR labels (3 × 8 per page) for the filtered list, at most 240', querystring: assetListFilters.extend({ lang: labelLang }), produces: ['application/pdf'], response: { 200: z.any().describe('PDF'), ...p(400, 401, 403, 422) } },
    },
    async (r, reply) => {
      const { lang, ...q } = r.query;
      return sendPdf(reply, `${lang === 'pl' ? 'etykiety' : 'labels'}.pdf`, await assetLabelSheet(deps, ctxOf(r), q, { origin: originOf(deps, r), lang }));
    },
  );
  app.get(
    `${base}/:id/label`,
    {
      config: { permission: 'assets:read' },
      schema: { tags, summary: "The asset's QR label: 62 × 29 mm for a label printer (single) or one A4 sheet cell (sheet)", params: idParams, querystring: z.object({ lang: labelLang, layout: z.enum(['single', 'sheet']).default('single') }), produces: ['application/pdf'], response: { 200: z.any().describe('PDF'), ...p(400, 401, 403, 404) } },
    },
    async (r, reply) => sendPdf(reply, `${r.query.lang === 'pl' ? 'etykieta' : 'label'}.pdf`, await assetLabel(deps, ctxOf(r), r.params.id, { origin: originOf(deps, r), ...r.query })),
  );
  app.get(`${base}/:id`, { config: { permission: 'assets:read' }, schema: { tags, summary: 'An asset', params: idParams, response: { 200: assetSchema, ...p(400, 401, 403, 404) } } }, async (r) => uc.getAsset(deps, ctxOf(r), r.params.id));
  app.post(
    base,
    { config: { permission: 'assets:write' }, schema: { tags, summary: "Add a customer's asset (custom values are checked against its type: errors at custom.<key>)", body: assetInput, response: { 201: assetSchema, ...p(400, 401, 403, 422) } } },
    async (r, reply) => reply.status(201).send(await uc.createAsset(deps, ctxOf(r), r.body)),
  );
  app.patch(
    `${base}/:id`,
    { config: { permission: 'assets:write' }, schema: { tags, summary: 'Change an asset (only the fields sent; `custom` replaces the values)', params: idParams, body: assetPatch, response: { 200: assetSchema, ...p(400, 401, 403, 404, 422) } } },
    async (r) => uc.updateAsset(deps, ctxOf(r), r.params.id, r.body),
  );
  app.post(
    `${base}/:id/custody`,
    { config: { permission: 'assets:write' }, schema: { tags, summary: 'Change custody (with the customer, in the shop, serviced on site, at an external service), with a reason', params: idParams, body: custodyInput, response: { 200: assetSchema, ...p(400, 401, 403, 404, 422) } } },
    async (r) => uc.changeCustody(deps, ctxOf(r), r.params.id, r.body),
  );
  for (const [action, archived] of [['archive', true], ['restore', false]] as const)
    app.post(`${base}/:id/${action}`, { config: { permission: 'assets:write' }, schema: { tags, summary: `${archived ? 'Archive' : 'Restore'} an asset`, params: idParams, response: { 200: assetSchema, ...p(400, 401, 403, 404) } } }, async (r) =>
      uc.setAssetArchived(deps, ctxOf(r), r.params.id, archived),
    );
  app.get(`${base}/:id/events`, { config: { permission: 'assets:read' }, schema: { tags, summary: "The asset's history, newest first", params: idParams, querystring: pageQuery, response: { 200: pageSchema(assetEventSchema), ...p(400, 401, 403, 404) } } }, async (r) =>
    uc.listAssetEvents(deps, ctxOf(r), r.params.id, r.query),
  );

  app.get(`${base}/:id/readings`, { config: { permission: 'assets:read' }, schema: { tags, summary: 'Meter readings, newest first', params: idParams, querystring: pageQuery, response: { 200: pageSchema(readingSchema), ...p(400, 401, 403, 404) } } }, async (r) =>
    readings.listReadings(deps, ctxOf(r), r.params.id, r.query),
  );
  app.post(
    `${base}/:id/readings`,
    {
      config: { permission: 'assets:write' },
      schema: { tags, summary: 'Record a meter reading (422 assets.reading_lower at `value` when lower than the last one and not a meter replacement)', params: idParams, body: readingInput, response: { 201: readingSchema, ...p(400, 401, 403, 404, 422) } },
    },
    async (r, reply) => reply.status(201).send(await readings.recordReading(deps, ctxOf(r), r.params.id, r.body)),
  );

  app.get(
    `${base}/:id/service-dates`,
    { config: { permission: 'assets:read' }, schema: { tags, summary: 'Service dates of the asset (open first, by due date)', params: idParams, querystring: z.object({ status: z.enum(['open', 'all']).default('all') }), response: { 200: z.object({ items: z.array(serviceDateSchema) }), ...p(400, 401, 403, 404) } } },
    async (r) => dates.listServiceDates(deps, ctxOf(r), r.params.id, r.query.status),
  );
  app.post(
    `${base}/:id/service-dates`,
    { config: { permission: 'assets:write' }, schema: { tags, summary: 'Add a service date (optionally recurring by months and/or meter units)', params: idParams, body: serviceDateInput, response: { 201: serviceDateSchema, ...p(400, 401, 403, 404, 422) } } },
    async (r, reply) => reply.status(201).send(await dates.addServiceDate(deps, ctxOf(r), r.params.id, r.body)),
  );
  const sd = '/api/v1/asset-service-dates';
  app.patch(`${sd}/:id`, { config: { permission: 'assets:write' }, schema: { tags, summary: 'Change an open service date', params: idParams, body: serviceDatePatch, response: { 200: serviceDateSchema, ...p(400, 401, 403, 404, 409, 422) } } }, async (r) =>
    dates.updateServiceDate(deps, ctxOf(r), r.params.id, r.body),
  );
  app.post(
    `${sd}/:id/complete`,
    {
      config: { permission: 'assets:write' },
      schema: { tags, summary: 'Mark done; a recurring date schedules the next one; its tasks close', params: idParams, body: completeServiceDateInput, response: { 200: z.object({ completed: serviceDateSchema, next: serviceDateSchema.nullable() }), ...p(400, 401, 403, 404, 409) } },
    },
    async (r) => dates.completeServiceDate(deps, ctxOf(r), r.params.id, r.body),
  );
  app.post(`${sd}/:id/cancel`, { config: { permission: 'assets:write' }, schema: { tags, summary: 'Cancel an open service date', params: idParams, response: { 200: serviceDateSchema, ...p(400, 401, 403, 404, 409) } } }, async (r) =>
    dates.cancelServiceDate(deps, ctxOf(r), r.params.id),
  );
}
