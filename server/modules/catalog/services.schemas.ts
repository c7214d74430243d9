// The services API contract: billable labour items of the catalogue. Money in integer grosze.
import { z } from 'zod';
import { cursorSchema, limitSchema } from '../../kernel/http/pagination.ts';
import { patchOf } from '../../kernel/validation/patch.ts';
import { exportQueryFields } from './catalog.export.ts';
import { itemCode, itemSort, itemStatus } from './products.schemas.ts';

const text = (max: number) => z.string().trim().max(max);

export const SERVICE_UNITS = ['hour', 'piece', 'visit', 'km'] as const;
export const serviceUnit = z.enum(SERVICE_UNITS);
export type ServiceUnit = z.infer<typeof serviceUnit>;

/** 10 billion PLN: far above any labour price, far below Number.MAX_SAFE_INTEGER. */
export const MAX_PRICE_MINOR = 1_000_000_000_000;

export const serviceInput = z.object({
  code: itemCode,
  name: text(300).min(1),
  unit: serviceUnit,
  defaultPriceMinor: z.number().int().min(0).max(MAX_PRICE_MINOR).describe('Net price per unit in minor units (grosze): 12345 = 123.45 PLN'),
  vatRateCode: z.string().trim().min(1).max(10).describe('A code from GET /api/v1/vat-rates, e.g. "23"'),
  billingIncrementMinutes: z
    .number()
    .int()
    .min(1)
    .max(240)
    .nullable()
    .describe('Billable time rounds up to started blocks of this many minutes (15 = started quarter hour); null = exact minutes')
    .default(null),
  description: text(5000).default(''),
});
export type ServiceInput = z.infer<typeof serviceInput>;
export const servicePatch = patchOf(serviceInput);
export type ServicePatch = z.infer<typeof servicePatch>;

export const serviceSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    unit: serviceUnit,
    defaultPriceMinor: z.number().int(),
    vatRateCode: z.string(),
    billingIncrementMinutes: z.number().int().nullable(),
    description: z.string(),
    archived: z.boolean(),
    archivedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Service' });
export type ServiceDto = z.infer<typeof serviceSchema>;

export const serviceListFilters = z.object({
  q: z.string().trim().max(200).optional().describe('Code or name; Polish letters optional'),
  status: itemStatus.default('active'),
  sort: itemSort.default('name'),
});
export type ServiceListFilters = z.infer<typeof serviceListFilters>;
export const serviceListQuery = serviceListFilters.extend({ limit: limitSchema, cursor: cursorSchema });
export type ServiceListQuery = z.infer<typeof serviceListQuery>;
export const serviceExportQuery = serviceListFilters.extend(exportQueryFields);

export const vatRateSchema = z
  .object({
    code: z.string(),
    rateBp: z.number().int().nullable().describe('Basis points (2300 = 23%); null where no VAT is charged (zw, np, oo)'),
    ksefCode: z.string().describe('KSeF FA(3) P_12 value'),
    labelPl: z.string(),
    labelEn: z.string(),
    position: z.number().int(),
    active: z.boolean(),
  })
  .meta({ id: 'VatRate' });
export const vatRateListSchema = z.object({ items: z.array(vatRateSchema) });
