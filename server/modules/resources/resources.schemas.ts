// The resources API contract: vehicles and special equipment, booked in the scheduler later.
import { z } from 'zod';
import { cursorSchema, limitSchema } from '../../kernel/http/pagination.ts';
import { patchOf } from '../../kernel/validation/patch.ts';
import { exportQueryFields } from '../catalog/catalog.export.ts';

const text = (max: number) => z.string().trim().max(max);

export const RESOURCE_KINDS = ['vehicle', 'equipment'] as const;
export const resourceKind = z.enum(RESOURCE_KINDS);
export type ResourceKind = z.infer<typeof resourceKind>;

export const resourceInput = z.object({
  name: text(200).min(1),
  kind: resourceKind,
  identifier: text(100).describe('Registration number of a vehicle or serial number of equipment').default(''),
  notes: text(5000).default(''),
  active: z.boolean().describe('Inactive resources stay in history but cannot be booked').default(true),
});
export type ResourceInput = z.infer<typeof resourceInput>;
export const resourcePatch = patchOf(resourceInput);
export type ResourcePatch = z.infer<typeof resourcePatch>;

export const resourceSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: resourceKind,
    identifier: z.string(),
    notes: z.string(),
    active: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Resource' });
export type ResourceDto = z.infer<typeof resourceSchema>;

export const resourceListFilters = z.object({
  q: z.string().trim().max(200).optional().describe('Name or identifier; Polish letters, case and spaces in identifiers optional'),
  kind: resourceKind.optional(),
  status: z.enum(['active', 'inactive', 'all']).default('active'),
  sort: z.enum(['name', '-name']).default('name'),
});
export type ResourceListFilters = z.infer<typeof resourceListFilters>;
export const resourceListQuery = resourceListFilters.extend({ limit: limitSchema, cursor: cursorSchema });
export type ResourceListQuery = z.infer<typeof resourceListQuery>;
export const resourceExportQuery = resourceListFilters.extend(exportQueryFields);

export const idParams = z.object({ id: z.uuid() });
