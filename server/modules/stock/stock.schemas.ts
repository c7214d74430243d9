import { z } from 'zod';
import { patchOf } from '../../kernel/validation/patch.ts';
import { cursorSchema, limitSchema } from '../../kernel/http/pagination.ts';
import { quantityString } from '../catalog/parts.schemas.ts';
import { MOVEMENT_KINDS } from './stock.rules.ts';

export const LOCATION_KINDS = ['warehouse', 'van', 'other'] as const;

export const locationInput = z.object({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(LOCATION_KINDS).default('warehouse'),
  notes: z.string().trim().max(2000).default(''),
});
export const locationPatch = patchOf(locationInput).extend({ active: z.boolean().optional() });
export const locationSchema = z
  .object({ id: z.uuid(), name: z.string(), kind: z.enum(LOCATION_KINDS), notes: z.string(), active: z.boolean(), createdAt: z.iso.datetime() })
  .meta({ id: 'StockLocation' });

export const movementInput = z.object({
  partId: z.uuid(),
  kind: z.enum(MOVEMENT_KINDS),
  quantity: quantityString.describe('Positive; an adjustment is signed (e.g. "-2")'),
  locationId: z.uuid().describe('Where the stock comes in or goes out (the source of a transfer)'),
  toLocationId: z.uuid().optional().describe('Transfer target'),
  reason: z.string().trim().max(500).default(''),
  unitCostMinor: z.number().int().min(0).max(100_000_000_00).optional().describe('Purchase cost per unit of a receipt, grosze'),
});

export const movementSchema = z
  .object({
    seq: z.number().int(),
    partId: z.uuid(),
    locationId: z.uuid(),
    locationName: z.string(),
    kind: z.enum(['receipt', 'issue', 'return', 'adjustment', 'transfer_out', 'transfer_in']),
    quantity: z.string(),
    unitCostMinor: z.number().int().nullable(),
    reason: z.string(),
    transferId: z.uuid().nullable(),
    referenceType: z.string().nullable(),
    referenceId: z.string().nullable(),
    occurredAt: z.iso.datetime(),
    actorLabel: z.string(),
  })
  .meta({ id: 'StockMovement' });

export const levelSchema = z
  .object({ locationId: z.uuid(), locationName: z.string(), onHand: z.string() })
  .meta({ id: 'StockLevel' });

export const movementResult = z.object({ movements: z.array(movementSchema), levels: z.array(levelSchema) });

export const movementsQuery = z.object({
  partId: z.uuid().optional(),
  locationId: z.uuid().optional(),
  limit: limitSchema,
  cursor: cursorSchema,
});
