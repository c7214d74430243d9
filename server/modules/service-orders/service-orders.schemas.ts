// The service-orders API contract (orders, statuses, history; steps, labour, parts, estimates, RMA
// and release have their own schema files next to this one).
import { z } from 'zod';
import { cursorSchema, limitSchema } from '../../kernel/http/pagination.ts';
import { customerInput } from '../customers/customers.schemas.ts';
import { assetInput } from '../assets/assets.schemas.ts';
import { PHASES } from './service-orders.rules.ts';

const text = (max: number) => z.string().trim().max(max);
const businessDate = z.iso.date().describe('YYYY-MM-DD (local date)');

export const idParams = z.object({ id: z.uuid() });
export const phaseSchema = z.enum(PHASES);
export const prioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);
export const notifyChannelSchema = z.enum(['email', 'sms', 'none']);

export const orderInput = z
  .object({
    customerId: z.uuid().optional().describe('An existing customer, or…'),
    newCustomer: customerInput.optional().describe('…a customer created with the order (same transaction)'),
    assetId: z.uuid().optional().describe("One of the customer's assets, or…"),
    newAsset: assetInput.omit({ customerId: true }).optional().describe('…an asset created with the order'),
    kind: z.enum(['shop', 'on_site']).default('shop'),
    siteId: z.uuid().nullable().default(null).describe('On site: which of the customer\'s sites'),
    reportedProblem: text(5000).min(1),
    accessories: text(1000).default(''),
    condition: text(2000).default('').describe('Visible condition at intake (scratches, cracks…)'),
    priority: prioritySchema.default('normal'),
    promisedOn: businessDate.nullable().default(null),
    contactId: z.uuid().nullable().default(null).describe("The customer's contact to notify"),
    notifyChannel: notifyChannelSchema.default('none'),
    notifyTo: text(200).default('').describe('Email or phone; default: the contact\'s (or the customer\'s)'),
    lang: z.enum(['pl', 'en']).optional().describe("Documents and messages; default: the contact's language"),
    technicianId: z.uuid().nullable().default(null),
    servicePathId: z.uuid().nullable().default(null).describe('Copy this path\'s activities as steps'),
  })
  .describe('Exactly one of customerId / newCustomer and one of assetId / newAsset');
export type OrderInput = z.infer<typeof orderInput>;

export const orderPatch = z.object({
  reportedProblem: text(5000).min(1).optional(),
  accessories: text(1000).optional(),
  condition: text(2000).optional(),
  priority: prioritySchema.optional(),
  promisedOn: businessDate.nullable().optional(),
  contactId: z.uuid().nullable().optional(),
  notifyChannel: notifyChannelSchema.optional(),
  notifyTo: text(200).optional(),
  technicianId: z.uuid().nullable().optional(),
});
export type OrderPatch = z.infer<typeof orderPatch>;

export const statusSchema = z
  .object({
    id: z.uuid(),
    phase: phaseSchema,
    namePl: z.string(),
    nameEn: z.string(),
    position: z.number().int(),
    color: z.string(),
    notifyEmail: z.boolean(),
    notifySms: z.boolean(),
    isDefault: z.boolean(),
    archived: z.boolean(),
  })
  .meta({ id: 'ServiceOrderStatus' });
export type StatusDto = z.infer<typeof statusSchema>;

export const statusInput = z.object({
  phase: phaseSchema,
  namePl: text(100).min(1),
  nameEn: text(100).min(1),
  color: z.enum(['gray', 'red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange']).default('gray'),
  notifyEmail: z.boolean().default(false),
  notifySms: z.boolean().default(false),
});
export type StatusInput = z.infer<typeof statusInput>;

export const totalsSchema = z.object({
  rates: z.array(z.object({ vatRateCode: z.string(), netMinor: z.number().int(), vatMinor: z.number().int(), grossMinor: z.number().int() })),
  netMinor: z.number().int(),
  vatMinor: z.number().int(),
  grossMinor: z.number().int(),
});

export const orderSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    customerId: z.uuid(),
    customerName: z.string(),
    assetId: z.uuid(),
    assetName: z.string(),
    serialNumber: z.string(),
    kind: z.enum(['shop', 'on_site']),
    statusId: z.uuid(),
    phase: phaseSchema,
    priority: prioritySchema,
    promisedOn: z.string().nullable(),
    technicianId: z.uuid().nullable(),
    technicianName: z.string().nullable(),
    receivedAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ServiceOrderSummary' });
export type OrderSummaryDto = z.infer<typeof orderSummarySchema>;

export const orderSchema = orderSummarySchema
  .extend({
    siteId: z.uuid().nullable(),
    siteName: z.string().nullable(),
    reportedProblem: z.string(),
    accessories: z.string(),
    condition: z.string(),
    contactId: z.uuid().nullable(),
    contactName: z.string().nullable(),
    notifyChannel: notifyChannelSchema,
    notifyTo: z.string(),
    lang: z.enum(['pl', 'en']),
    priceListId: z.uuid().nullable(),
    servicePathId: z.uuid().nullable(),
    readyAt: z.iso.datetime().nullable(),
    releasedAt: z.iso.datetime().nullable(),
    releasedTo: z.string().nullable(),
    allowedPhases: z.array(phaseSchema).describe('Phases the order may move to now'),
    trackingUrl: z.string().nullable().describe('Only right after creation or when a new link is made: the token is not stored'),
    totals: totalsSchema,
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ServiceOrder' });
export type OrderDto = z.infer<typeof orderSchema>;

export const orderListFilters = z.object({
  q: z.string().trim().max(200).optional().describe('Number (with or without zeros and slashes), customer, asset, serial number or problem; Polish letters optional'),
  customerId: z.uuid().optional(),
  assetId: z.uuid().optional(),
  statusId: z.uuid().optional(),
  phase: z.union([phaseSchema, z.literal('open')]).optional().describe("A phase, or 'open' = neither released nor cancelled"),
  technicianId: z.uuid().optional(),
  from: businessDate.optional().describe('Received on or after (Warsaw date)'),
  to: businessDate.optional().describe('Received on or before (Warsaw date)'),
  sort: z.enum(['-created', 'created', 'promised']).default('-created'),
});
export type OrderListFilters = z.infer<typeof orderListFilters>;
export const orderListQuery = orderListFilters.extend({ limit: limitSchema, cursor: cursorSchema });
export type OrderListQuery = z.infer<typeof orderListQuery>;

export const changeStatusInput = z.object({
  statusId: z.uuid(),
  note: text(1000).default('').describe('Why (kept in the history; not shown to the customer)'),
});
export type ChangeStatusInput = z.infer<typeof changeStatusInput>;

export const releaseInput = z.object({
  releasedTo: text(200).min(1).describe('Who picked it up'),
  note: text(1000).default(''),
});
export type ReleaseInput = z.infer<typeof releaseInput>;

export const orderEventSchema = z
  .object({ id: z.uuid(), at: z.iso.datetime(), kind: z.string(), data: z.record(z.string(), z.unknown()), public: z.boolean(), actorName: z.string() })
  .meta({ id: 'ServiceOrderEvent' });
export const pageQuery = z.object({ limit: limitSchema, cursor: cursorSchema });
