// The API contract of the work on an order: steps across people, labour (time entries), parts issued
// from stock, other billable lines, and all of it with the totals in one call for the order page.
// Money in integer grosze (net); quantities as exact decimal strings ("1.500").
import { z } from 'zod';
import { ROLES } from '../../kernel/auth/permissions.ts';
import { patchOf } from '../../kernel/validation/patch.ts';
import { quantityString } from '../catalog/parts.schemas.ts';
import { totalsSchema } from './service-orders.schemas.ts';
import { STEP_ACTIONS, STEP_STATUSES } from './steps.rules.ts';

const text = (max: number) => z.string().trim().max(max);
const instant = z.iso.datetime({ offset: true }).describe('ISO date-time with Z or an offset');
const businessDate = z.iso.date().describe('YYYY-MM-DD (Warsaw date)');
const minor = z.number().int().min(0).max(1_000_000_000_00).describe('Net, integer minor units (grosze)');

export const MAX_ORDER_STEPS = 200;
/** An order's own rows are few; lists answer them all, bounded by this. */
export const MAX_WORK_ROWS = 500;

// ── steps ──────────────────────────────────────────────────────────────────────────────────────

export const stepStatusSchema = z.enum(STEP_STATUSES);

export const orderStepInput = z.object({
  name: text(200).min(1),
  description: text(5000).default(''),
  ownerId: z.uuid().nullable().default(null).describe('The person doing the step; wins over ownerRole'),
  ownerRole: z.enum(ROLES).nullable().default(null).describe('The role doing the step when no person is set; null with no person = anyone'),
  plannedMinutes: z.number().int().min(0).max(100_000).default(0),
  deadlineAt: instant.nullable().default(null),
});
export const orderStepAddInput = orderStepInput.extend({
  position: z.number().int().min(0).max(MAX_ORDER_STEPS).optional().describe('Insert at this index (0 = first); omitted or past the end = append'),
});
export type OrderStepAddInput = z.infer<typeof orderStepAddInput>;
export const orderStepPatch = patchOf(orderStepInput);
export type OrderStepPatch = z.infer<typeof orderStepPatch>;

export const stepReorderInput = z.object({ stepIds: z.array(z.uuid()).max(MAX_ORDER_STEPS).describe("Every step id of the order, each once, in the new order") });
export const stepSkipInput = z.object({ reason: text(1000).describe('Why the step is skipped (required)') });
export const applyPathInput = z.object({ servicePathId: z.uuid() });

export const orderStepSchema = z
  .object({
    id: z.uuid(),
    orderId: z.uuid(),
    position: z.number().int().describe('0-based, the order of the steps'),
    name: z.string(),
    description: z.string(),
    ownerId: z.uuid().nullable(),
    ownerName: z.string().nullable(),
    ownerRole: z.enum(ROLES).nullable(),
    plannedMinutes: z.number().int(),
    deadlineAt: z.iso.datetime().nullable(),
    status: stepStatusSchema,
    skipReason: z.string(),
    startedAt: z.iso.datetime().nullable(),
    doneAt: z.iso.datetime().nullable().describe('When it was done or skipped'),
    doneById: z.uuid().nullable(),
    doneByName: z.string().nullable(),
    allowedActions: z.array(z.enum(STEP_ACTIONS)).describe('What the step allows now'),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ServiceOrderStep' });
export type OrderStepDto = z.infer<typeof orderStepSchema>;
export const orderStepList = z.object({ items: z.array(orderStepSchema) });

// ── labour ─────────────────────────────────────────────────────────────────────────────────────

export const timeEntryInput = z
  .object({
    stepId: z.uuid().nullable().default(null).describe('One of the order\'s steps'),
    userId: z.uuid().optional().describe('Who worked; default: the signed-in user'),
    workedOn: businessDate.optional().describe('Default: the start\'s Warsaw date, else today'),
    startedAt: instant.optional(),
    endedAt: instant.optional(),
    minutes: z.number().int().min(1).max(100_000).optional().describe('Instead of start and end (or agreeing with them)'),
    serviceId: z.uuid().nullable().default(null).describe('A service priced per hour; required when billable'),
    billable: z.boolean().default(true),
    note: text(2000).default(''),
  })
  .describe('Either startedAt + endedAt, or minutes');
export type TimeEntryInput = z.infer<typeof timeEntryInput>;

export const timeEntrySchema = z
  .object({
    id: z.uuid(),
    orderId: z.uuid(),
    stepId: z.uuid().nullable(),
    stepName: z.string().nullable(),
    userId: z.uuid(),
    userName: z.string(),
    workedOn: z.string(),
    startedAt: z.iso.datetime().nullable(),
    endedAt: z.iso.datetime().nullable(),
    minutes: z.number().int(),
    serviceId: z.uuid().nullable(),
    serviceName: z.string().nullable(),
    billable: z.boolean(),
    billedMinutes: z.number().int().describe("The minutes billed: the service's rounding applied; 0 when not billable"),
    unitPriceMinor: z.number().int().describe('Net per hour from the price list'),
    vatRateCode: z.string().nullable(),
    netMinor: z.number().int().describe('billedMinutes × hourly price'),
    note: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ServiceOrderTimeEntry' });
export type TimeEntryDto = z.infer<typeof timeEntrySchema>;

// ── parts ──────────────────────────────────────────────────────────────────────────────────────

export const partUseInput = z.object({
  partId: z.uuid(),
  locationId: z.uuid().describe('The stock location the part is issued from'),
  quantity: quantityString,
});
export type PartUseInput = z.infer<typeof partUseInput>;

export const partUseSchema = z
  .object({
    id: z.uuid(),
    orderId: z.uuid(),
    partId: z.uuid(),
    partCode: z.string(),
    partName: z.string(),
    unit: z.string(),
    locationId: z.uuid(),
    locationName: z.string(),
    quantity: z.string(),
    unitPriceMinor: z.number().int(),
    vatRateCode: z.string(),
    netMinor: z.number().int(),
    issueMovementSeq: z.number().int().nullable().describe('The issue in the stock ledger'),
    removedAt: z.iso.datetime().nullable().describe('Returned to stock; no longer counted'),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ServiceOrderPart' });
export type PartUseDto = z.infer<typeof partUseSchema>;

// ── lines ──────────────────────────────────────────────────────────────────────────────────────

export const lineInput = z
  .object({
    serviceId: z.uuid().nullable().default(null).describe('A catalogue service (name, unit, price and VAT from it unless given)'),
    name: text(300).optional().describe('Required without a service'),
    quantity: quantityString.default('1'),
    unit: text(20).min(1).optional().describe("Default: the service's unit, else 'piece'"),
    unitPriceMinor: minor.optional().describe("Net per unit; default: the service's price on the order's price list"),
    vatRateCode: z.string().trim().min(1).max(10).optional().describe("A code from GET /api/v1/vat-rates; default: the service's"),
  })
  .describe('A service (serviceId) or a free-text line (name, unitPriceMinor, vatRateCode)');
export type LineInput = z.infer<typeof lineInput>;

export const lineSchema = z
  .object({
    id: z.uuid(),
    orderId: z.uuid(),
    serviceId: z.uuid().nullable(),
    name: z.string(),
    quantity: z.string(),
    unit: z.string(),
    unitPriceMinor: z.number().int(),
    vatRateCode: z.string(),
    netMinor: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ServiceOrderLine' });
export type LineDto = z.infer<typeof lineSchema>;

// ── everything ─────────────────────────────────────────────────────────────────────────────────

export const orderWorkSchema = z
  .object({
    steps: z.array(orderStepSchema),
    time: z.array(timeEntrySchema),
    parts: z.array(partUseSchema).describe('Including removed ones (removedAt set), which the totals leave out'),
    lines: z.array(lineSchema),
    totals: totalsSchema,
  })
  .meta({ id: 'ServiceOrderWork' });
export type OrderWorkDto = z.infer<typeof orderWorkSchema>;

export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
