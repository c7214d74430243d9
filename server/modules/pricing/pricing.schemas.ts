import { z } from 'zod';
import { patchOf } from '../../kernel/validation/patch.ts';
import { cursorSchema, limitSchema } from '../../kernel/http/pagination.ts';

const businessDate = z.iso.date().describe('YYYY-MM-DD');
const percentBp = z.number().int().min(-9999).max(100_000).describe('Basis points: -1000 = 10% discount, 500 = 5% markup');

export const priceListInput = z.object({
  name: z.string().trim().min(1).max(200),
  currency: z.literal('PLN').default('PLN').describe('PLN only for now'),
  validFrom: businessDate.nullish().transform((v) => v ?? null),
  validTo: businessDate.nullish().transform((v) => v ?? null),
  entryMode: z.enum(['net', 'gross']).default('net'),
  defaultPercentBp: percentBp.nullish().transform((v) => v ?? null),
  notes: z.string().trim().max(2000).default(''),
});
export type PriceListInput = z.infer<typeof priceListInput>;
export const priceListPatch = patchOf(priceListInput);

export const priceListSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    currency: z.string(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    entryMode: z.enum(['net', 'gross']),
    defaultPercentBp: z.number().int().nullable(),
    isDefault: z.boolean(),
    notes: z.string(),
    archived: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'PriceList' });

export const itemType = z.enum(['part', 'service']);
export const priceItemInput = z
  .object({
    itemType,
    itemId: z.uuid(),
    priceMinor: z.number().int().min(0).max(1_000_000_000_00).nullish().transform((v) => v ?? null),
    percentBp: percentBp.nullish().transform((v) => v ?? null),
  })
  .refine((v) => (v.priceMinor === null) !== (v.percentBp === null), { message: 'Give either a price or a percentage', path: ['priceMinor'] });

export const priceItemSchema = z
  .object({
    id: z.uuid(),
    priceListId: z.uuid(),
    itemType,
    itemId: z.uuid(),
    itemCode: z.string(),
    itemName: z.string(),
    defaultNetMinor: z.number().int(),
    priceMinor: z.number().int().nullable(),
    percentBp: z.number().int().nullable(),
  })
  .meta({ id: 'PriceListItem' });

export const priceListsQuery = z.object({
  q: z.string().trim().max(200).optional(),
  status: z.enum(['active', 'archived', 'all']).default('active'),
  limit: limitSchema,
  cursor: cursorSchema,
});
export const priceItemsQuery = z.object({ limit: limitSchema, cursor: cursorSchema });

export const priceQuery = z.object({
  itemType,
  itemId: z.uuid(),
  date: businessDate.optional().describe('Default: today in Europe/Warsaw'),
});
export const priceSchema = z
  .object({
    netMinor: z.number().int(),
    grossMinor: z.number().int(),
    vatRateCode: z.string(),
    source: z.enum(['list_price', 'list_item_percent', 'list_percent', 'item_default']),
    priceListId: z.uuid().nullable(),
  })
  .meta({ id: 'Price' });
