// The external service (RMA) API contract: sending an order's item to a manufacturer or an external
// workshop, changing the shipment's details while it is out, recording the return.
import { z } from 'zod';
import { patchOf } from '../../kernel/validation/patch.ts';
import { RETURN_PHASES, RMA_OUTCOMES } from './rma.rules.ts';

const text = (max: number) => z.string().trim().max(max);
const businessDate = z.iso.date().describe('YYYY-MM-DD (Warsaw date)');

export const rmaOutcomeSchema = z.enum(RMA_OUTCOMES);

export const rmaInput = z.object({
  vendor: text(200).min(1).describe('Manufacturer or external workshop'),
  caseNumber: text(100).default('').describe("The vendor's RMA / case number"),
  shippedOn: businessDate.optional().describe('Default: today'),
  waybill: text(100).default('').describe('Courier waybill number'),
  expectedReturnOn: businessDate.nullable().default(null),
  note: text(2000).default('').describe('Internal; never shown to the customer'),
});
export type RmaInput = z.infer<typeof rmaInput>;

export const rmaPatch = patchOf(rmaInput.pick({ caseNumber: true, waybill: true, expectedReturnOn: true, note: true }));
export type RmaPatch = z.infer<typeof rmaPatch>;

export const rmaReturnInput = z.object({
  returnedOn: businessDate.optional().describe('Default: today'),
  outcome: rmaOutcomeSchema,
  note: text(2000).default('').describe('Added to the RMA note'),
  nextPhase: z.enum(RETURN_PHASES).default('in_repair').describe('Where the order goes: checked by the shop first (default), or straight to release'),
});
export type RmaReturnInput = z.infer<typeof rmaReturnInput>;

export const rmaSchema = z
  .object({
    id: z.uuid(),
    orderId: z.uuid(),
    vendor: z.string(),
    caseNumber: z.string(),
    shippedOn: z.string(),
    waybill: z.string(),
    expectedReturnOn: z.string().nullable(),
    returnedOn: z.string().nullable(),
    outcome: rmaOutcomeSchema.nullable().describe('Null while the item is out'),
    note: z.string(),
    open: z.boolean().describe('Still at the vendor'),
    late: z.boolean().describe('Still out after the expected return day'),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ServiceOrderRma' });
export type RmaDto = z.infer<typeof rmaSchema>;
