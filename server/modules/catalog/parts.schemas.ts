import { z } from 'zod';
import { patchOf } from '../../kernel/validation/patch.ts';
import { cursorSchema, limitSchema } from '../../kernel/http/pagination.ts';

export const PART_UNITS = ['pcs', 'set', 'm', 'kg', 'l', 'pack'] as const;
const minor = z.number().int().min(0).max(1_000_000_000_00).describe('Integer minor units (grosze), net');
export const quantityString = z
  .string()
  .trim()
  .regex(/^-?\d{1,9}([.,]\d{1,3})?$/, 'A number with at most three decimals')
  .describe('Exact decimal, e.g. "2.5"');

export const partInput = z.object({
  code: z.string().trim().min(1).max(64).describe('SKU; unique, case-insensitive'),
  name: z.string().trim().min(1).max(300),
  unit: z.enum(PART_UNITS).default('pcs'),
  manufacturerPartNumber: z.string().trim().max(100).default(''),
  ean: z
    .string()
    .trim()
    .max(14)
    .nullish()
    .transform((v) => v || null),
  purchasePriceMinor: minor.default(0),
  salePriceMinor: minor.default(0),
  vatRateCode: z.string().trim().min(1).max(10).default('23'),
  minStock: quantityString.default('0'),
  description: z.string().trim().max(5000).default(''),
});
export type PartInput = z.infer<typeof partInput>;
export const partPatch = patchOf(partInput);

export const partSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    unit: z.enum(PART_UNITS),
    manufacturerPartNumber: z.string(),
    ean: z.string().nullable(),
    purchasePriceMinor: z.number().int(),
    salePriceMinor: z.number().int(),
    vatRateCode: z.string(),
    minStock: z.string(),
    description: z.string(),
    onHand: z.string().describe('Total on hand over all locations'),
    lowStock: z.boolean(),
    archived: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Part' });
export type PartDto = z.infer<typeof partSchema>;

export const partListFilters = z.object({
  q: z.string().trim().max(200).optional().describe('Code, name, manufacturer part number or EAN; Polish letters optional'),
  status: z.enum(['active', 'archived', 'all']).default('active'),
  lowStock: z.enum(['true', 'false']).optional().describe('Only parts at or below their minimum level'),
  sort: z.enum(['name', '-name', 'code', '-code']).default('name'),
});
export const partListQuery = partListFilters.extend({ limit: limitSchema, cursor: cursorSchema });
export type PartListQuery = z.infer<typeof partListQuery>;
export const partExportQuery = partListFilters.extend({ format: z.enum(['csv', 'xlsx']).default('csv'), lang: z.enum(['pl', 'en']).default('pl') });
