import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { pageSchema } from '../../kernel/http/pagination.ts';
import { problemResponses } from '../../kernel/http/problem.ts';
import { exportProduces, sendExport } from './catalog.export.ts';
import { exportProducts } from './products.export.ts';
import * as uc from './products.usecases.ts';
import { categoriesSchema, idParams, productExportQuery, productInput, productListQuery, productPatch, productSchema } from './products.schemas.ts';

const tags = ['products'];
const base = '/api/v1/products';

export function productsRoutes(app: App, deps: Deps) {
  app.get(
    base,
    {
      config: { permission: 'catalog:read' },
      schema: {
        tags,
        summary: 'List products (search, category, status, sorting, keyset paging)',
        querystring: productListQuery,
        response: { 200: pageSchema(productSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => uc.listProducts(deps, ctxOf(request), request.query),
  );

  app.get(
    `${base}/categories`,
    {
      config: { permission: 'catalog:read' },
      schema: { tags, summary: 'Categories in use (for the category filter and suggestions)', response: { 200: categoriesSchema, ...problemResponses(401, 403) } },
    },
    async (request) => uc.listProductCategories(deps, ctxOf(request)),
  );

  app.get(
    `${base}/export`,
    {
      config: { permission: 'catalog:export' },
      schema: {
        tags,
        summary: 'Export the filtered list as CSV or XLSX (all pages)',
        querystring: productExportQuery,
        produces: exportProduces,
        response: { 200: z.any().describe('The file'), ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { lang, ...q } = request.query;
      return sendExport(reply, deps.clock.now(), { pl: 'produkty', en: 'products' }, q.format, lang, exportProducts(deps, ctxOf(request), q, lang));
    },
  );

  app.get(
    `${base}/:id`,
    {
      config: { permission: 'catalog:read' },
      schema: { tags, summary: 'A product', params: idParams, response: { 200: productSchema, ...problemResponses(400, 401, 403, 404) } },
    },
    async (request) => uc.getProduct(deps, ctxOf(request), request.params.id),
  );

  app.post(
    base,
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags,
        summary: 'Create a product (422 catalog.code_taken at `code` for a duplicate code)',
        body: productInput,
        response: { 201: productSchema, ...problemResponses(400, 401, 403, 422) },
      },
    },
    async (request, reply) => reply.status(201).send(await uc.createProduct(deps, ctxOf(request), request.body)),
  );

  app.patch(
    `${base}/:id`,
    {
      config: { permission: 'catalog:write' },
      schema: {
        tags,
        summary: 'Change a product (only the fields sent)',
        params: idParams,
        body: productPatch,
        response: { 200: productSchema, ...problemResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => uc.updateProduct(deps, ctxOf(request), request.params.id, request.body),
  );

  app.post(
    `${base}/:id/archive`,
    {
      config: { permission: 'catalog:write' },
      schema: { tags, summary: 'Archive a product (hidden from lists and pickers, history kept)', params: idParams, response: { 200: productSchema, ...problemResponses(400, 401, 403, 404) } },
    },
    async (request) => uc.setProductArchived(deps, ctxOf(request), request.params.id, true),
  );
  app.post(
    `${base}/:id/restore`,
    {
      config: { permission: 'catalog:write' },
      schema: { tags, summary: 'Bring an archived product back', params: idParams, response: { 200: productSchema, ...problemResponses(400, 401, 403, 404) } },
    },
    async (request) => uc.setProductArchived(deps, ctxOf(request), request.params.id, false),
  );
}
