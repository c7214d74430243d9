import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { problemResponses } from '../../kernel/http/problem.ts';
import { exportProduces, sendExport } from '../catalog/catalog.export.ts';
import { commitStatement, previewStatement } from './bank-statement.usecases.ts';
import * as drafts from './drafts.usecases.ts';
import { invoicePdfFile, invoiceXmlFile } from './invoice-files.ts';
import './invoicing.references.ts';
import { exportInvoices, listInvoices } from './invoice-list.usecases.ts';
import {
  correctionInput,
  idParams,
  invoiceDraftInput,
  invoiceDraftPatch,
  invoiceExportQuery,
  invoiceListQuery,
  invoicePageSchema,
  invoiceSchema,
  invoiceSettingsInput,
  invoiceSettingsSchema,
  ksefRecordInput,
  paymentInput,
  paymentSchema,
  statementCommitInput,
  statementPreviewInput,
  statementRowSchema,
} from './invoicing.schemas.ts';
import * as issue from './issue.usecases.ts';
import { invoiceServiceOrder } from './order-invoice.usecases.ts';
import * as payments from './payments.usecases.ts';
import { getInvoiceSettings, updateInvoiceSettings } from './settings.usecases.ts';

const tags = ['invoices'];
const p = (...codes: number[]) => problemResponses(...codes);
const base = '/api/v1/invoices';

export function invoicingRoutes(app: App, deps: Deps) {
  app.get('/api/v1/invoice-settings', { config: { permission: 'invoices:read' }, schema: { tags, summary: 'Invoicing settings: numbering series, payment terms, bank accounts, language', response: { 200: invoiceSettingsSchema, ...p(401, 403) } } }, async (r) =>
    getInvoiceSettings(deps, ctxOf(r)),
  );
  app.put(
    '/api/v1/invoice-settings',
    { config: { permission: 'invoices:configure' }, schema: { tags, summary: 'Change the invoicing settings (patterns are checked: a monthly series needs {MM} and a year)', body: invoiceSettingsInput, response: { 200: invoiceSettingsSchema, ...p(400, 401, 403, 422) } } },
    async (r) => updateInvoiceSettings(deps, ctxOf(r), r.body),
  );

  app.get(base, { config: { permission: 'invoices:read' }, schema: { tags, summary: 'Invoices, newest issue date first: search, filters, keyset paging, totals of the filtered set', querystring: invoiceListQuery, response: { 200: invoicePageSchema, ...p(400, 401, 403) } } }, async (r) =>
    listInvoices(deps, ctxOf(r), r.query),
  );
  app.get(
    `${base}/export`,
    { config: { permission: 'invoices:export' }, schema: { tags, summary: 'The filtered list as CSV or XLSX for the accountant (with KSeF numbers and states)', querystring: invoiceExportQuery, produces: exportProduces, response: { 200: z.any().describe('The file'), ...p(400, 401, 403) } } },
    async (r, reply) => {
      const { lang, format, ...q } = r.query;
      return sendExport(reply, deps.clock.now(), { pl: 'faktury', en: 'invoices' }, format, lang, exportInvoices(deps, ctxOf(r), { ...q, format }, lang));
    },
  );
  app.post(base, { config: { permission: 'invoices:draft' }, schema: { tags, summary: 'Prepare a draft invoice from catalogue items or free lines', body: invoiceDraftInput, response: { 201: invoiceSchema, ...p(400, 401, 403, 404, 422) } } }, async (r, reply) =>
    reply.status(201).send(await drafts.createDraft(deps, ctxOf(r), r.body)),
  );
  app.get(`${base}/:id`, { config: { permission: 'invoices:read' }, schema: { tags, summary: 'An invoice with its lines, totals per rate, corrections and KSeF state', params: idParams, response: { 200: invoiceSchema, ...p(400, 401, 403, 404) } } }, async (r) =>
    drafts.getInvoice(deps, ctxOf(r), r.params.id),
  );
  app.patch(
    `${base}/:id`,
    { config: { permission: 'invoices:draft' }, schema: { tags, summary: 'Change a draft (lines are replaced whole); 409 invoices.not_draft once issued', params: idParams, body: invoiceDraftPatch, response: { 200: invoiceSchema, ...p(400, 401, 403, 404, 409, 422) } } },
    async (r) => drafts.updateDraft(deps, ctxOf(r), r.params.id, r.body),
  );
  app.post(`${base}/:id/cancel`, { config: { permission: 'invoices:draft' }, schema: { tags, summary: 'Cancel a draft (it never had a number, so no gap is left)', params: idParams, response: { 200: invoiceSchema, ...p(400, 401, 403, 404, 409) } } }, async (r) =>
    drafts.cancelDraft(deps, ctxOf(r), r.params.id),
  );
  app.post(
    `${base}/:id/issue`,
    {
      config: { permission: 'invoices:issue' },
      schema: { tags, summary: 'Issue a draft: the next number of its series, the issue date today, the content frozen and the KSeF FA(3) XML produced, in one transaction', params: idParams, response: { 200: invoiceSchema, ...p(400, 401, 403, 404, 409, 422) } },
    },
    async (r) => issue.issueInvoice(deps, ctxOf(r), r.params.id),
  );
  app.post(
    `${base}/:id/corrections`,
    { config: { permission: 'invoices:issue' }, schema: { tags, summary: 'Start a correcting invoice of an issued VAT invoice: a draft holding its current lines, to edit and issue', params: idParams, body: correctionInput, response: { 201: invoiceSchema, ...p(400, 401, 403, 404, 409) } } },
    async (r, reply) => reply.status(201).send(await issue.createCorrection(deps, ctxOf(r), r.params.id, r.body)),
  );
  app.post(`${base}/:id/sent`, { config: { permission: 'invoices:issue' }, schema: { tags, summary: 'Record that the invoice went to the buyer', params: idParams, response: { 200: invoiceSchema, ...p(400, 401, 403, 404, 409) } } }, async (r) =>
    issue.markSent(deps, ctxOf(r), r.params.id),
  );
  app.put(
    `${base}/:id/ksef`,
    { config: { permission: 'invoices:issue' }, schema: { tags, summary: 'Record the KSeF state of an issued invoice (pending, accepted with its KSeF number, or rejected with the reason)', params: idParams, body: ksefRecordInput, response: { 200: invoiceSchema, ...p(400, 401, 403, 404, 409, 422) } } },
    async (r) => issue.recordKsefResult(deps, ctxOf(r), r.params.id, r.body),
  );
  app.get(
    `${base}/:id/pdf`,
    { config: { permission: 'invoices:read' }, schema: { tags, summary: 'The invoice as PDF in its language (a draft as a marked preview)', params: idParams, produces: ['application/pdf'], response: { 200: z.any().describe('PDF'), ...p(400, 401, 403, 404) } } },
    async (r, reply) => {
      const f = await invoicePdfFile(deps, ctxOf(r), r.params.id);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="${f.fileName}"`).header('cache-control', 'private, no-store').send(f.pdf);
    },
  );
  app.get(
    `${base}/:id/ksef.xml`,
    { config: { permission: 'invoices:read' }, schema: { tags, summary: 'The KSeF FA(3) XML of an issued invoice (valid against the official schema)', params: idParams, produces: ['application/xml'], response: { 200: z.any().describe('XML'), ...p(400, 401, 403, 404, 409) } } },
    async (r, reply) => {
      const f = await invoiceXmlFile(deps, ctxOf(r), r.params.id);
      return reply.type('application/xml; charset=utf-8').header('content-disposition', `attachment; filename="${f.fileName}"`).send(f.xml);
    },
  );

  app.get(`${base}/:id/payments`, { config: { permission: 'invoices:read' }, schema: { tags, summary: 'Payments of an invoice, newest first', params: idParams, response: { 200: z.object({ items: z.array(paymentSchema) }), ...p(400, 401, 403, 404) } } }, async (r) =>
    payments.listPayments(deps, ctxOf(r), r.params.id),
  );
  app.post(
    `${base}/:id/payments`,
    { config: { permission: 'invoices:pay' }, schema: { tags, summary: 'Record a full or partial payment (more than the balance is refused at the amount)', params: idParams, body: paymentInput, response: { 201: paymentSchema, ...p(400, 401, 403, 404, 409, 422) } } },
    async (r, reply) => reply.status(201).send(await payments.recordPayment(deps, ctxOf(r), r.params.id, r.body)),
  );
  app.delete('/api/v1/invoice-payments/:id', { config: { permission: 'invoices:pay' }, schema: { tags, summary: 'Remove a payment recorded by mistake', params: idParams, response: { 204: z.null(), ...p(400, 401, 403, 404) } } }, async (r, reply) => {
    await payments.removePayment(deps, ctxOf(r), r.params.id);
    return reply.status(204).send(null);
  });

  app.post(
    '/api/v1/bank-statements/preview',
    {
      config: { permission: 'invoices:pay' },
      bodyLimit: 16 * 1024 * 1024,
      schema: { tags, summary: 'Read a bank statement (CSV) and match incoming transfers to issued invoices by the number in the title; nothing is written', body: statementPreviewInput, response: { 200: z.object({ rows: z.array(statementRowSchema) }), ...p(400, 401, 403, 413, 422) } },
    },
    async (r) => previewStatement(deps, ctxOf(r), r.body.contentBase64),
  );
  app.post(
    '/api/v1/bank-statements/commit',
    { config: { permission: 'invoices:pay' }, schema: { tags, summary: 'Record the chosen rows as payments, all or nothing (errors name rows.N.field)', body: statementCommitInput, response: { 200: z.object({ recorded: z.number().int() }), ...p(400, 401, 403, 404, 409, 422) } } },
    async (r) => commitStatement(deps, ctxOf(r), r.body.rows),
  );

  app.post(
    '/api/v1/service-orders/:id/invoice',
    {
      config: { permission: 'invoices:draft' },
      schema: { tags, summary: 'Invoice a finished order: its labour, parts and lines become a draft for its customer (409 invoices.order_invoiced when it already has one)', params: idParams, response: { 201: invoiceSchema, ...p(400, 401, 403, 404, 409, 422) } },
    },
    async (r, reply) => reply.status(201).send(await invoiceServiceOrder(deps, ctxOf(r), r.params.id)),
  );
}
