// The order's printed documents (PDF, in the order's language unless ?lang= says otherwise): the
// intake receipt, an estimate, the release receipt.
//
// The intake receipt's QR code opens the order's current tracking page (the link is kept with the
// order, see tracking-links.ts), so it can be printed — and reprinted — any time, and printing
// changes nothing. A revoked link prints no QR (with a note how to get a new one): make a new link
// (POST …/tracking-link — audited, the old QR stops working) and print again.
import { and, asc, desc, eq, inArray, isNull, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { conflict, notFound } from '../../kernel/errors/app-error.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { problemResponses } from '../../kernel/http/problem.ts';
import { parseQuantity, formatQuantity as dbQuantity } from '../../kernel/money/quantity.ts';
import { assets } from '../assets/assets.table.ts';
import { parts, services } from '../catalog/catalog.table.ts';
import { findCompany } from '../company/company.usecases.ts';
import { customerContacts, customers } from '../customers/customers.table.ts';
import { users } from '../identity/identity.table.ts';
import { effectiveStatus, validUntilOf } from './estimates.rules.ts';
import { estimateParams } from './estimates.schemas.ts';
import { pricedEstimate, vatRatesOf, type VatRateInfo } from './estimates.usecases.ts';
import { orderTotals } from './order-totals.ts';
import { renderEstimatePdf } from './pdf/estimate.ts';
import { renderIntakeReceipt } from './pdf/intake-receipt.ts';
import { renderReleaseReceipt } from './pdf/release-receipt.ts';
import { formatMinutes, formatQuantity, unitLabel, type AmountRow, type DocCompany, type DocLang, type DocParty } from './pdf/texts.ts';
import { ordersRepository as repo } from './service-orders.repository.ts';
import { labourNet, lineNet } from './service-orders.rules.ts';
import { idParams } from './service-orders.schemas.ts';
import { serviceOrderEstimates, serviceOrderLines, serviceOrderParts, serviceOrderSteps, serviceOrderTime } from './service-orders.table.ts';
import { currentTrackingUrl } from './tracking-links.ts';

type Lang = DocLang | undefined;

async function companyOf(db: Db): Promise<DocCompany> {
  const c = await findCompany(db);
  return { name: c?.name ?? '', nip: c?.nip ?? '', street: c?.street ?? '', postalCode: c?.postalCode ?? '', city: c?.city ?? '', phone: c?.phone ?? '', email: c?.email ?? '', bankAccount: c?.bankAccount ?? '' };
}

async function orderParties(db: Db, orderId: string) {
  const v = await repo.view(db, orderId);
  if (!v) throw notFound('service_orders');
  const [c] = await db.select().from(customers).where(eq(customers.id, v.customerId)).limit(1);
  const [a] = await db.select().from(assets).where(eq(assets.id, v.assetId)).limit(1);
  const customer: DocParty = { name: c!.name, nip: c!.nip, street: c!.street, postalCode: c!.postalCode, city: c!.city, phone: c!.phone, email: c!.email };
  const asset = { name: a!.name, serialNumber: a!.serialNumber, manufacturer: a!.manufacturer, model: a!.model };
  return { v, customer, asset };
}

async function userName(db: Db, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [u] = await db.select({ name: users.name }).from(users).where(eq(users.id, id)).limit(1);
  return u?.name ?? null;
}

const langOf = (order: { lang: string }, lang: Lang): DocLang => lang ?? (order.lang === 'en' ? 'en' : 'pl');

/** "23%" in a table cell; the full label ("zw — zwolnione") in the totals. */
const shortVat = (rates: Map<string, VatRateInfo>, code: string) => {
  const bp = rates.get(code)?.rateBp;
  if (bp === null || bp === undefined) return code;
  const fraction = String(bp % 100).padStart(2, '0').replace(/0+$/, '');
  return `${Math.trunc(bp / 100)}${fraction ? `,${fraction}` : ''}%`;
};
const fullVat = (rates: Map<string, VatRateInfo>, lang: DocLang) => (code: string) => (lang === 'pl' ? rates.get(code)?.labelPl : rates.get(code)?.labelEn) ?? code;

export async function intakeReceiptPdf(deps: Deps, ctx: Ctx, orderId: string, lang: Lang) {
  authorize(ctx.actor, 'orders:read');
  const db = deps.database.db;
  const { v, customer, asset } = await orderParties(db, orderId);
  const [contact] = v.contactId ? await db.select().from(customerContacts).where(eq(customerContacts.id, v.contactId)).limit(1) : [];
  const docLang = langOf(v, lang);
  const pdf = await renderIntakeReceipt({
    lang: docLang,
    company: await companyOf(db),
    createdAt: deps.clock.now(),
    order: {
      number: v.number,
      receivedAt: v.receivedAt,
      kind: v.kind as 'shop' | 'on_site',
      siteName: v.siteName,
      reportedProblem: v.reportedProblem,
      accessories: v.accessories,
      condition: v.condition,
      promisedOn: v.promisedOn,
      notifyChannel: v.notifyChannel as 'email' | 'sms' | 'none',
      notifyTo: v.notifyTo,
      receivedBy: await userName(db, v.createdBy),
    },
    customer,
    contact: contact ? { name: contact.name, phone: contact.phone, email: contact.email } : null,
    asset,
    trackingUrl: await currentTrackingUrl(db, deps, orderId),
  });
  return { pdf, number: v.number, lang: docLang };
}

export async function estimatePdf(deps: Deps, ctx: Ctx, orderId: string, estimateId: string, lang: Lang) {
  authorize(ctx.actor, 'orders:read');
  const db = deps.database.db;
  const [e] = await db.select().from(serviceOrderEstimates).where(and(eq(serviceOrderEstimates.id, estimateId), eq(serviceOrderEstimates.orderId, orderId))).limit(1);
  if (!e) throw notFound('estimates');
  const { v, customer, asset } = await orderParties(db, orderId);
  const rates = await vatRatesOf(db);
  const { lines, totals } = pricedEstimate(e, rates);
  const docLang = langOf(v, lang);
  const now = deps.clock.now();
  return renderEstimatePdf({
    lang: docLang,
    company: await companyOf(db),
    createdAt: now,
    orderNumber: v.number,
    customer,
    asset,
    estimate: {
      version: e.version,
      status: effectiveStatus(e, now),
      issuedAt: e.sentAt ?? e.createdAt,
      validUntil: validUntilOf(e.expiresAt),
      note: e.note,
      lines: lines.map((l) => ({ name: l.name, quantity: formatQuantity(l.quantity, docLang), unit: unitLabel(l.unit, docLang), unitPriceMinor: l.unitPriceMinor, vatLabel: shortVat(rates, l.vatRateCode), netMinor: l.netMinor })),
      totals,
      decidedAt: e.decidedAt,
      decidedVia: e.decidedVia,
      decisionComment: e.decisionComment,
    },
    vatLabel: fullVat(rates, docLang),
  }).then((pdf) => ({ pdf, number: `${v.number}-v${e.version}`, lang: docLang }));
}

export async function releaseReceiptPdf(deps: Deps, ctx: Ctx, orderId: string, lang: Lang) {
  authorize(ctx.actor, 'orders:read');
  const db = deps.database.db;
  const { v, customer, asset } = await orderParties(db, orderId);
  if (v.phase !== 'released' || !v.releasedAt) throw conflict('orders.not_released', 'The release receipt is printed once the order is released');
  const docLang = langOf(v, lang);
  const rates = await vatRatesOf(db);
  const vat = (code: string) => shortVat(rates, code);
  const steps = await db.select().from(serviceOrderSteps).where(and(eq(serviceOrderSteps.orderId, orderId), eq(serviceOrderSteps.status, 'done'))).orderBy(asc(serviceOrderSteps.position)).limit(500);

  // Labour grouped by service and rate; each group's net is the sum of its entries' nets, as in the order's totals.
  const time = await db
    .select({ t: serviceOrderTime, serviceName: services.name })
    .from(serviceOrderTime)
    .leftJoin(services, eq(services.id, serviceOrderTime.serviceId))
    .where(and(eq(serviceOrderTime.orderId, orderId), eq(serviceOrderTime.billable, true), isNotNull(serviceOrderTime.vatRateCode)))
    .orderBy(asc(serviceOrderTime.workedOn))
    .limit(2000);
  const labourGroups = new Map<string, { name: string; minutes: number; unitPriceMinor: number; vatRateCode: string; netMinor: number }>();
  for (const { t, serviceName } of time) {
    const key = `${t.serviceId}|${t.unitPriceMinor}|${t.vatRateCode}`;
    const g = labourGroups.get(key) ?? { name: serviceName ?? (docLang === 'pl' ? 'Robocizna' : 'Labour'), minutes: 0, unitPriceMinor: t.unitPriceMinor, vatRateCode: t.vatRateCode!, netMinor: 0 };
    g.minutes += t.billedMinutes;
    g.netMinor += labourNet(t.billedMinutes, t.unitPriceMinor);
    labourGroups.set(key, g);
  }
  const labour: AmountRow[] = [...labourGroups.values()].map((g) => ({ name: g.name, quantity: formatMinutes(g.minutes), unit: unitLabel('hour', docLang), unitPriceMinor: g.unitPriceMinor, vatLabel: vat(g.vatRateCode), netMinor: g.netMinor }));

  const partRows = await db
    .select({ p: serviceOrderParts, name: parts.name, unit: parts.unit })
    .from(serviceOrderParts)
    .innerJoin(parts, eq(parts.id, serviceOrderParts.partId))
    .where(and(eq(serviceOrderParts.orderId, orderId), isNull(serviceOrderParts.removedAt)))
    .orderBy(asc(serviceOrderParts.createdAt))
    .limit(500);
  const partLines: AmountRow[] = partRows.map(({ p, name, unit }) => {
    const q = parseQuantity(p.quantity)!;
    return { name, quantity: formatQuantity(dbQuantity(q), docLang), unit: unitLabel(unit, docLang), unitPriceMinor: p.unitPriceMinor, vatLabel: vat(p.vatRateCode), netMinor: lineNet({ quantityThousandths: q, unitPriceMinor: p.unitPriceMinor }) };
  });
  const otherRows = await db.select().from(serviceOrderLines).where(eq(serviceOrderLines.orderId, orderId)).orderBy(asc(serviceOrderLines.createdAt)).limit(500);
  const serviceLines: AmountRow[] = otherRows.map((l) => {
    const q = parseQuantity(l.quantity)!;
    return { name: l.name, quantity: formatQuantity(dbQuantity(q), docLang), unit: unitLabel(l.unit, docLang), unitPriceMinor: l.unitPriceMinor, vatLabel: vat(l.vatRateCode), netMinor: lineNet({ quantityThousandths: q, unitPriceMinor: l.unitPriceMinor }) };
  });
  const [decided] = await db
    .select()
    .from(serviceOrderEstimates)
    .where(and(eq(serviceOrderEstimates.orderId, orderId), inArray(serviceOrderEstimates.status, ['accepted', 'rejected'])))
    .orderBy(desc(serviceOrderEstimates.decidedAt))
    .limit(1);

  const pdf = await renderReleaseReceipt({
    lang: docLang,
    company: await companyOf(db),
    createdAt: deps.clock.now(),
    order: { number: v.number, receivedAt: v.receivedAt, releasedAt: v.releasedAt, releasedTo: v.releasedTo ?? '', releasedBy: await userName(db, v.releasedBy), reportedProblem: v.reportedProblem, accessories: v.accessories },
    customer,
    asset,
    steps: steps.map((s) => ({ name: s.name, doneAt: s.doneAt })),
    labour,
    parts: partLines,
    services: serviceLines,
    totals: await orderTotals(db, orderId),
    estimate: decided?.decidedAt ? { version: decided.version, status: decided.status as 'accepted' | 'rejected', decidedAt: decided.decidedAt } : null,
    vatLabel: fullVat(rates, docLang),
  });
  return { pdf, number: v.number, lang: docLang };
}

// ── routes ─────────────────────────────────────────────────────────────────────────────────────

const tags = ['service-orders'];
const p = (...codes: number[]) => problemResponses(...codes);
const langQuery = z.enum(['pl', 'en']).optional().describe("Default: the order's language");
const fileName = (prefix: string, number: string) => `${prefix}-${number.replace(/[^A-Za-z0-9-]+/g, '-')}.pdf`;

const sendPdf = (reply: FastifyReply, name: string, pdf: Buffer) =>
  reply.type('application/pdf').header('content-disposition', `inline; filename="${name}"`).header('cache-control', 'private, no-store').send(pdf);

export function orderDocumentsRoutes(app: App, deps: Deps) {
  const base = '/api/v1/service-orders/:id';
  app.get(
    `${base}/intake-receipt`,
    {
      config: { permission: 'orders:read' },
      schema: {
        tags,
        summary:
          "Intake receipt (PDF) with the QR code of the order's current tracking link. Printing changes nothing; after the link was revoked the receipt has no QR — make a new link first (POST …/tracking-link; the old QR stops working).",
        params: idParams,
        querystring: z.object({ lang: langQuery }),
        produces: ['application/pdf'],
        response: { 200: z.any().describe('PDF'), ...p(400, 401, 403, 404) },
      },
    },
    async (r, reply) => {
      const { pdf, number, lang } = await intakeReceiptPdf(deps, ctxOf(r), r.params.id, r.query.lang);
      return sendPdf(reply, fileName(lang === 'pl' ? 'przyjecie' : 'intake', number), pdf);
    },
  );
  app.get(
    `${base}/estimates/:estimateId/pdf`,
    {
      config: { permission: 'orders:read' },
      schema: { tags, summary: 'The estimate (PDF): lines, totals per VAT rate, validity, a place for the customer’s decision and signature', params: estimateParams, querystring: z.object({ lang: langQuery }), produces: ['application/pdf'], response: { 200: z.any().describe('PDF'), ...p(400, 401, 403, 404) } },
    },
    async (r, reply) => {
      const { pdf, number, lang } = await estimatePdf(deps, ctxOf(r), r.params.id, r.params.estimateId, r.query.lang);
      return sendPdf(reply, fileName(lang === 'pl' ? 'kosztorys' : 'estimate', number), pdf);
    },
  );
  app.get(
    `${base}/release-receipt`,
    {
      config: { permission: 'orders:read' },
      schema: { tags, summary: 'Release receipt (PDF): who collected, the work done, parts, totals, signatures. 409 orders.not_released before the release.', params: idParams, querystring: z.object({ lang: langQuery }), produces: ['application/pdf'], response: { 200: z.any().describe('PDF'), ...p(400, 401, 403, 404, 409) } },
    },
    async (r, reply) => {
      const { pdf, number, lang } = await releaseReceiptPdf(deps, ctxOf(r), r.params.id, r.query.lang);
      return sendPdf(reply, fileName(lang === 'pl' ? 'wydanie' : 'release', number), pdf);
    },
  );
}
