// The service paths API contract: named templates of ordered activities, copied onto orders as their steps.
import { z } from 'zod';
import { ROLES } from '../../kernel/auth/permissions.ts';
import { cursorSchema, limitSchema } from '../../kernel/http/pagination.ts';
import { patchOf } from '../../kernel/validation/patch.ts';
import { exportQueryFields } from '../catalog/catalog.export.ts';

const text = (max: number) => z.string().trim().max(max);

export const MAX_STEPS = 200;

export const stepInput = z.object({
  name: text(200).min(1),
  description: text(5000).default(''),
  role: z.enum(ROLES).nullable().describe('The role expected to do the step; null = anyone').default(null),
  plannedMinutes: z.number().int().min(0).max(100_000).default(0),
  deadlineOffsetHours: z.number().int().min(1).max(8760).nullable().describe('Due this many hours after the order is created; null = no deadline').default(null),
});
export type StepInput = z.infer<typeof stepInput>;
export const stepAddInput = stepInput.extend({
  position: z.number().int().min(0).max(MAX_STEPS).optional().describe('Insert at this position (0 = first); omitted or past the end = append'),
});
export type StepAddInput = z.infer<typeof stepAddInput>;
export const stepPatch = patchOf(stepInput);
export type StepPatch = z.infer<typeof stepPatch>;

const pathFields = z.object({ name: text(200).min(1), description: text(5000).default('') });
export const pathInput = pathFields.extend({
  steps: z.array(stepInput).max(MAX_STEPS).describe('Initial steps, in order').default([]),
});
export type PathInput = z.infer<typeof pathInput>;
export const pathPatch = patchOf(pathFields);
export type PathPatch = z.infer<typeof pathPatch>;

export const stepOrderInput = z.object({
  stepIds: z.array(z.uuid()).max(MAX_STEPS).describe('Every step id of the path, each once, in the new order'),
});
export const copyInput = z.object({
  name: text(200).min(1).optional().describe('Name of the copy; default: the name with " (2)" (or the next number)'),
});

export const stepSchema = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    name: z.string(),
    description: z.string(),
    role: z.enum(ROLES).nullable(),
    plannedMinutes: z.number().int(),
    deadlineOffsetHours: z.number().int().nullable(),
  })
  .meta({ id: 'ServicePathStep' });
export type StepDto = z.infer<typeof stepSchema>;

export const servicePathSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string(),
    archived: z.boolean(),
    archivedAt: z.iso.datetime().nullable(),
    stepCount: z.number().int(),
    plannedMinutes: z.number().int().describe('Sum of the steps\' planned minutes'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ServicePath' });
export type ServicePathDto = z.infer<typeof servicePathSchema>;
export const servicePathDetailSchema = servicePathSchema.extend({ steps: z.array(stepSchema) }).meta({ id: 'ServicePathDetail' });
export type ServicePathDetailDto = z.infer<typeof servicePathDetailSchema>;

export const pathListFilters = z.object({
  q: z.string().trim().max(200).optional().describe('Part of the name; Polish letters optional'),
  status: z.enum(['active', 'archived', 'all']).default('active'),
  sort: z.enum(['name', '-name']).default('name'),
});
export type PathListFilters = z.infer<typeof pathListFilters>;
export const pathListQuery = pathListFilters.extend({ limit: limitSchema, cursor: cursorSchema });
export type PathListQuery = z.infer<typeof pathListQuery>;
export const pathExportQuery = pathListFilters.extend(exportQueryFields);

export const idParams = z.object({ id: z.uuid() });
export const stepParams = z.object({ id: z.uuid(), stepId: z.uuid() });
