// The estimates and public-page API contract: staff build, send and record estimates; the customer
// sees the tracking page and accepts or rejects through an unguessable link.
import { z } from 'zod';
import { phaseSchema, totalsSchema } from './service-orders.schemas.ts';

const text = (max: number) => z.string().trim().max(max);

export const ESTIMATE_STATUSES = ['draft', 'sent', 'accepted', 'rejected', 'expired', 'withdrawn'] as const;
export const estimateStatusSchema = z.enum(ESTIMATE_STATUSES).describe("'expired': sent, and the validity has passed");
export const lineKindSchema = z.enum(['labour', 'part', 'service']);

export const estimateParams = z.object({ id: z.uuid(), estimateId: z.uuid() });
export const tokenParams = z.object({ token: z.string().min(1).max(200).describe('The secret from the link') });

export const estimateLineInput = z
  .object({
    kind: lineKindSchema,
    itemId: z.uuid().nullable().default(null).describe('A service (labour, service) or a part; name, unit, price and VAT default from it'),
    name: text(300).min(1).optional(),
    quantity: z
      .string()
      .trim()
      .regex(/^\d{1,9}([.,]\d{1,3})?$/, 'A positive number with at most 3 decimals')
      .describe('Exact decimal, e.g. "1.5" (hours for labour)'),
    unit: text(20).min(1).optional(),
    unitPriceMinor: z.number().int().min(0).max(100_000_000_00).optional().describe("Net, grosze; default: the item's price on the order's price list"),
    vatRateCode: z.string().max(10).optional(),
  })
  .describe('Without itemId, name, unit, unitPriceMinor and vatRateCode are required');
export type EstimateLineInput = z.infer<typeof estimateLineInput>;

export const estimateInput = z.object({
  labourServiceId: z.uuid().nullable().default(null).describe("Building from the order's work: the hourly service that prices the steps' planned minutes"),
  lines: z.array(estimateLineInput).max(200).optional().describe("Explicit lines; when left out, the lines come from the order's steps (planned minutes × labourServiceId), parts and other lines"),
  note: text(2000).default('').describe('Shown to the customer'),
});
export type EstimateInput = z.infer<typeof estimateInput>;

export const estimatePatch = z.object({
  lines: z.array(estimateLineInput).max(200).optional(),
  note: text(2000).optional(),
});
export type EstimatePatch = z.infer<typeof estimatePatch>;

export const sendInput = z.object({
  validDays: z.number().int().min(1).max(365).default(14).describe('The link works until the end of this day (Warsaw), counted from today'),
});
export type SendInput = z.infer<typeof sendInput>;

export const decisionSchema = z.enum(['accepted', 'rejected']);
export const decisionInput = z.object({
  decision: decisionSchema,
  comment: text(2000).default('').describe('Why (kept in the order history); asked for on rejection'),
});
export type DecisionInput = z.infer<typeof decisionInput>;

export const estimateLineSchema = z.object({
  kind: lineKindSchema,
  itemId: z.uuid().nullable(),
  name: z.string(),
  quantity: z.string(),
  unit: z.string(),
  unitPriceMinor: z.number().int(),
  vatRateCode: z.string(),
  netMinor: z.number().int(),
});

export const estimateSchema = z
  .object({
    id: z.uuid(),
    orderId: z.uuid(),
    version: z.number().int(),
    status: estimateStatusSchema,
    lines: z.array(estimateLineSchema),
    totals: totalsSchema,
    note: z.string(),
    sentAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime().nullable().describe('The link stops working at this instant'),
    validUntil: z.string().nullable().describe('YYYY-MM-DD: the last day of validity (Warsaw)'),
    decidedAt: z.iso.datetime().nullable(),
    decidedVia: z.enum(['link', 'paper']).nullable(),
    decisionComment: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ServiceOrderEstimate' });
export type EstimateDto = z.infer<typeof estimateSchema>;

export const sentEstimateSchema = z.object({
  estimate: estimateSchema,
  acceptUrl: z.string().describe('The customer’s link (/e/<token>); shown once — only its hash is stored. Sending again makes a new one.'),
});

// ── public ─────────────────────────────────────────────────────────────────────────────────────

export const publicCompanySchema = z.object({ name: z.string(), phone: z.string(), email: z.string() });

export const publicEstimateSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    status: estimateStatusSchema,
    orderNumber: z.string(),
    assetName: z.string(),
    lines: z.array(estimateLineSchema.omit({ kind: true, itemId: true })),
    totals: totalsSchema,
    vatLabels: z.record(z.string(), z.object({ pl: z.string(), en: z.string() })),
    note: z.string(),
    sentAt: z.iso.datetime().nullable(),
    validUntil: z.string().nullable(),
    decidedAt: z.iso.datetime().nullable(),
    company: publicCompanySchema,
    lang: z.enum(['pl', 'en']).describe('The language of the order (documents and messages)'),
  })
  .meta({ id: 'PublicEstimate' });
export type PublicEstimateDto = z.infer<typeof publicEstimateSchema>;

export const trackingEventSchema = z.object({
  at: z.iso.datetime(),
  kind: z.enum(['created', 'status', 'promised', 'released', 'estimate_sent', 'estimate_accepted', 'estimate_rejected']),
  statusNamePl: z.string().nullable(),
  statusNameEn: z.string().nullable(),
  phase: phaseSchema.nullable(),
  promisedOn: z.string().nullable(),
});

export const trackingSchema = z
  .object({
    orderNumber: z.string(),
    assetName: z.string(),
    status: z.object({ namePl: z.string(), nameEn: z.string(), phase: phaseSchema, color: z.string() }),
    receivedOn: z.string().describe('YYYY-MM-DD'),
    promisedOn: z.string().nullable(),
    readyOn: z.string().nullable(),
    releasedOn: z.string().nullable(),
    timeline: z.array(trackingEventSchema).describe('Public events, newest first (at most 100)'),
    pendingEstimate: publicEstimateSchema.nullable().describe('A sent estimate still waiting for the decision'),
    company: publicCompanySchema,
    lang: z.enum(['pl', 'en']),
  })
  .meta({ id: 'PublicTracking' });
export type TrackingDto = z.infer<typeof trackingSchema>;

export const trackingDecisionInput = decisionInput.extend({ estimateId: z.uuid().describe('The pending estimate the customer saw') });
export type TrackingDecisionInput = z.infer<typeof trackingDecisionInput>;

export const publicDecisionResult = z.object({ status: estimateStatusSchema, decidedAt: z.iso.datetime() });
