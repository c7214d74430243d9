// The products API contract: serviceable products (what the company makes or sells and later services).
import { z } from 'zod';
import { cursorSchema, limitSchema } from '../../kernel/http/pagination.ts';
import { patchOf } from '../../kernel/validation/patch.ts';
import { exportQueryFields } from './catalog.export.ts';

const text = (max: number) => z.string().trim().max(max);

export const itemCode = z.string().trim().min(1).max(50).describe('Unique, case-insensitively');

export const productInput = z.object({
  code: itemCode,
  name: text(300).min(1),
  manufacturer: text(200).default(''),
  model: text(200).default(''),
  category: text(100).default(''),
  warrantyMonths: z.number().int().min(0).max(600).describe('Manufacturer\'s warranty in months, 0–600').default(0),
  description: text(5000).default(''),
});
export type ProductInput = z.infer<typeof productInput>;
export const productPatch = patchOf(productInput);
export type ProductPatch = z.infer<typeof productPatch>;

export const productSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    manufacturer: z.string(),
    model: z.string(),
    category: z.string(),
    warrantyMonths: z.number().int(),
    description: z.string(),
    archived: z.boolean(),
    archivedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Product' });
export type ProductDto = z.infer<typeof productSchema>;

export const itemStatus = z.enum(['active', 'archived', 'all']);
export const itemSort = z.enum(['name', '-name', 'code', '-code']);

export const productListFilters = z.object({
  q: z.string().trim().max(200).optional().describe('Code, name, manufacturer, model or category; Polish letters optional'),
  category: z.string().trim().max(100).optional().describe('Exact category (see /products/categories)'),
  status: itemStatus.default('active'),
  sort: itemSort.default('name'),
});
export type ProductListFilters = z.infer<typeof productListFilters>;
export const productListQuery = productListFilters.extend({ limit: limitSchema, cursor: cursorSchema });
export type ProductListQuery = z.infer<typeof productListQuery>;
export const productExportQuery = productListFilters.extend(exportQueryFields);

export const categoriesSchema = z.object({ items: z.array(z.string()).describe('Distinct non-empty categories in Polish order (at most 500)') });

export const idParams = z.object({ id: z.uuid() });
