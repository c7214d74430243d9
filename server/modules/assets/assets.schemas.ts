// The customer-assets API contract: asset types with custom fields, assets, custody, meter readings,
// service dates, documents and the asset's history.
import { z } from 'zod';
import { cursorSchema, limitSchema } from '../../kernel/http/pagination.ts';
import { patchOf } from '../../kernel/validation/patch.ts';
import { ROLES } from '../../kernel/auth/permissions.ts';

const text = (max: number) => z.string().trim().max(max);
const businessDate = z.iso.date().describe('YYYY-MM-DD (local date)');
export const decimalString = z
  .string()
  .trim()
  .regex(/^\d{1,9}([.,]\d{1,3})?$/, 'A non-negative number with at most three decimals')
  .describe('Exact decimal, e.g. "12500.5"');

export const idParams = z.object({ id: z.uuid() });

// ── asset types and their custom fields ────────────────────────────────────────────────────────

export const FIELD_KINDS = ['text', 'number', 'date', 'boolean', 'choice'] as const;
export const fieldKind = z.enum(FIELD_KINDS);

export const fieldInput = z.object({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, 'Lower-case letters, digits and _')
    .optional()
    .describe('Keep the key of an existing field; omit for a new field (made from the label)'),
  label: text(100).min(1),
  kind: fieldKind,
  unit: text(20).default('').describe('For numbers, e.g. "kW"'),
  required: z.boolean().default(false),
  options: z.array(text(100).min(1)).max(100).default([]).describe('The choices of a choice field'),
});
export type FieldInput = z.infer<typeof fieldInput>;

export const assetTypeInput = z.object({
  name: text(100).min(1),
  meterUnit: text(20).nullable().default(null).describe('Unit of meter readings (km, mth, pages); null = no meter'),
  fields: z.array(fieldInput).max(50).default([]).describe('In display order. Fields left out are retired: stored values stay'),
});
export type AssetTypeInput = z.infer<typeof assetTypeInput>;
export const assetTypePatch = patchOf(assetTypeInput);
export type AssetTypePatch = z.infer<typeof assetTypePatch>;

export const fieldSchema = z
  .object({
    key: z.string(),
    label: z.string(),
    kind: fieldKind,
    unit: z.string(),
    required: z.boolean(),
    options: z.array(z.string()),
    position: z.number().int(),
  })
  .meta({ id: 'AssetField' });
export type FieldDto = z.infer<typeof fieldSchema>;

export const assetTypeSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    meterUnit: z.string().nullable(),
    fields: z.array(fieldSchema),
    archived: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'AssetType' });
export type AssetTypeDto = z.infer<typeof assetTypeSchema>;

export const assetTypeListQuery = z.object({
  q: z.string().trim().max(100).optional(),
  status: z.enum(['active', 'archived', 'all']).default('active'),
  limit: limitSchema,
  cursor: cursorSchema,
});
export type AssetTypeListQuery = z.infer<typeof assetTypeListQuery>;

// ── service date kinds ─────────────────────────────────────────────────────────────────────────

export const serviceDateKindInput = z.object({
  name: text(100).min(1),
  taskRole: z.enum(ROLES).default('front_desk').describe('Whose task list gets the reminder'),
});
export type ServiceDateKindInput = z.infer<typeof serviceDateKindInput>;
export const serviceDateKindPatch = patchOf(serviceDateKindInput);
export const serviceDateKindSchema = z
  .object({ id: z.uuid(), code: z.string().nullable(), name: z.string(), taskRole: z.enum(ROLES), archived: z.boolean() })
  .meta({ id: 'ServiceDateKind' });
export type ServiceDateKindDto = z.infer<typeof serviceDateKindSchema>;

// ── assets ─────────────────────────────────────────────────────────────────────────────────────

export const CUSTODY = ['with_customer', 'in_shop', 'on_site_service', 'external_service'] as const;
export const custodySchema = z.enum(CUSTODY);
export type Custody = z.infer<typeof custodySchema>;

export const customValues = z
  .record(z.string().max(40), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))
  .describe('Custom-field key → value: text, number, YYYY-MM-DD date, true/false, or one of the choices. null clears');
export type CustomValuesInput = z.infer<typeof customValues>;

export const assetInput = z.object({
  customerId: z.uuid(),
  assetTypeId: z.uuid(),
  productId: z.uuid().nullable().default(null),
  name: text(200).min(1),
  serialNumber: text(100).default(''),
  manufacturer: text(200).default(''),
  model: text(200).default(''),
  purchaseDate: businessDate.nullable().default(null),
  installationDate: businessDate.nullable().default(null),
  specification: text(10000).default(''),
  siteId: z.uuid().nullable().default(null).describe("One of the customer's sites"),
  position: text(200).default('').describe('Room, floor, rack… at the site'),
  contactId: z.uuid().nullable().default(null).describe("The customer's contact who hears about due dates"),
  custom: customValues.default({}),
});
export type AssetInput = z.infer<typeof assetInput>;
export const assetPatch = patchOf(assetInput.omit({ customerId: true }));
export type AssetPatch = z.infer<typeof assetPatch>;

export const assetSchema = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    customerName: z.string(),
    assetTypeId: z.uuid(),
    assetTypeName: z.string(),
    productId: z.uuid().nullable(),
    productName: z.string().nullable(),
    name: z.string(),
    serialNumber: z.string(),
    manufacturer: z.string(),
    model: z.string(),
    purchaseDate: z.string().nullable(),
    installationDate: z.string().nullable(),
    specification: z.string(),
    siteId: z.uuid().nullable(),
    siteName: z.string().nullable(),
    position: z.string(),
    contactId: z.uuid().nullable(),
    contactName: z.string().nullable(),
    custody: custodySchema,
    custom: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    meterUnit: z.string().nullable(),
    meterValue: z.string().nullable(),
    meterReadOn: z.string().nullable(),
    nextServiceDate: z.object({ id: z.uuid(), kindName: z.string(), kindCode: z.string().nullable(), dueOn: z.string() }).nullable(),
    archived: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Asset' });
export type AssetDto = z.infer<typeof assetSchema>;

export const assetListFilters = z.object({
  q: z.string().trim().max(200).optional().describe('Name, serial number, manufacturer, model, customer, type or custom-field values; Polish letters optional'),
  serial: z.string().trim().max(100).optional().describe('Serial number starting with this (case, spaces and dashes ignored)'),
  customerId: z.uuid().optional(),
  assetTypeId: z.uuid().optional(),
  productId: z.uuid().optional(),
  siteId: z.uuid().optional(),
  custody: custodySchema.optional(),
  field: z.string().max(40).optional().describe('Custom-field key to filter on (with value; needs assetTypeId)'),
  value: z.string().max(200).optional().describe('The value the custom field must have'),
  status: z.enum(['active', 'archived', 'all']).default('active'),
  sort: z
    .enum(['name', '-name', 'created', '-created', 'serial'])
    .optional()
    .describe('Default: name (A–Z); newest first when searching or filtering by a custom field (matches of a word cluster in name order, so name order would be slow at scale)'),
});
export type AssetListFilters = z.infer<typeof assetListFilters>;
export const assetListQuery = assetListFilters.extend({ limit: limitSchema, cursor: cursorSchema });
export type AssetListQuery = z.infer<typeof assetListQuery>;

export const custodyInput = z.object({
  custody: custodySchema,
  reason: text(500).default(''),
});
export type CustodyInput = z.infer<typeof custodyInput>;

// ── history ────────────────────────────────────────────────────────────────────────────────────

export const assetEventSchema = z
  .object({
    id: z.uuid(),
    at: z.iso.datetime(),
    kind: z.string(),
    data: z.record(z.string(), z.unknown()),
    actorName: z.string(),
  })
  .meta({ id: 'AssetEvent' });
export type AssetEventDto = z.infer<typeof assetEventSchema>;
export const pageQuery = z.object({ limit: limitSchema, cursor: cursorSchema });

// ── meter readings ─────────────────────────────────────────────────────────────────────────────

export const READING_SOURCES = ['manual', 'import', 'order', 'customer'] as const;
export const readingInput = z.object({
  readOn: businessDate,
  value: decimalString,
  replacement: z.boolean().default(false).describe('A new meter: the only case where a reading may be lower than the last one'),
  note: text(500).default(''),
});
export type ReadingInput = z.infer<typeof readingInput>;
export const readingSchema = z
  .object({
    id: z.uuid(),
    readOn: z.string(),
    value: z.string(),
    source: z.enum(READING_SOURCES),
    replacement: z.boolean(),
    note: z.string(),
    recordedByName: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'MeterReading' });
export type ReadingDto = z.infer<typeof readingSchema>;

// ── service dates ──────────────────────────────────────────────────────────────────────────────

export const serviceDateInput = z.object({
  kindId: z.uuid(),
  dueOn: businessDate,
  reminderDays: z.number().int().min(0).max(365).default(14),
  recurrenceMonths: z.number().int().min(1).max(240).nullable().default(null).describe('Repeat every N months after completion'),
  meterInterval: decimalString.nullable().default(null).describe('Also due every N meter units (whichever comes first)'),
  note: text(500).default(''),
});
export type ServiceDateInput = z.infer<typeof serviceDateInput>;
export const serviceDatePatch = patchOf(serviceDateInput.omit({ kindId: true }));
export type ServiceDatePatch = z.infer<typeof serviceDatePatch>;
export const completeServiceDateInput = z.object({
  completedOn: businessDate.optional().describe('Default: today in Europe/Warsaw'),
  note: text(500).default(''),
});
export type CompleteServiceDateInput = z.infer<typeof completeServiceDateInput>;

export const serviceDateSchema = z
  .object({
    id: z.uuid(),
    assetId: z.uuid(),
    kindId: z.uuid(),
    kindCode: z.string().nullable(),
    kindName: z.string(),
    dueOn: z.string(),
    reminderDays: z.number().int(),
    remindOn: z.string(),
    recurrenceMonths: z.number().int().nullable(),
    meterInterval: z.string().nullable(),
    meterDueAt: z.string().nullable(),
    note: z.string(),
    status: z.enum(['open', 'done', 'cancelled']),
    completedOn: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ServiceDate' });
export type ServiceDateDto = z.infer<typeof serviceDateSchema>;

// ── documents ──────────────────────────────────────────────────────────────────────────────────

export const documentSchema = z
  .object({
    id: z.uuid(),
    assetId: z.uuid(),
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: z.number().int(),
    description: z.string(),
    uploadedByName: z.string().nullable(),
    uploadedAt: z.iso.datetime(),
  })
  .meta({ id: 'AssetDocument' });
export type DocumentDto = z.infer<typeof documentSchema>;
export const documentUploadQuery = z.object({
  fileName: z.string().trim().min(1).max(255),
  description: text(500).default(''),
});
