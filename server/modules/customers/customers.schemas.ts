// The customers API contract (request and response shapes).
import { z } from 'zod';
import { cursorSchema, limitSchema } from '../../kernel/http/pagination.ts';
import { fieldParamsSchema } from '../../kernel/http/problem.ts';
import { patchOf } from '../../kernel/validation/patch.ts';

const text = (max: number) => z.string().trim().max(max);
const optionalId = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const customerKind = z.enum(['company', 'individual']);
export const language = z.enum(['pl', 'en']);
export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'Two-letter country code, e.g. PL');
export const optionalEmail = z.union([z.literal(''), z.string().trim().toLowerCase().max(254).pipe(z.email())]);

export const customerInput = z.object({
  kind: customerKind,
  name: text(300).min(1),
  nip: optionalId(20).describe('Polish tax id; separators and a PL prefix are accepted'),
  regon: optionalId(20),
  pesel: optionalId(20).describe('Individuals only'),
  email: optionalEmail.default(''),
  phone: text(50).default(''),
  street: text(200).default(''),
  postalCode: text(20).default(''),
  city: text(100).default(''),
  country: countryCode.default('PL'),
  notes: text(5000).default(''),
});
export type CustomerInput = z.infer<typeof customerInput>;
export const customerPatch = patchOf(customerInput);

export const customerSchema = z
  .object({
    id: z.uuid(),
    kind: customerKind,
    name: z.string(),
    nip: z.string().nullable(),
    regon: z.string().nullable(),
    pesel: z.string().nullable(),
    email: z.string(),
    phone: z.string(),
    street: z.string(),
    postalCode: z.string(),
    city: z.string(),
    country: z.string(),
    notes: z.string(),
    archived: z.boolean(),
    archivedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Customer' });
export type CustomerDto = z.infer<typeof customerSchema>;

export const warningSchema = z.object({
  code: z.string(),
  path: z.string(),
  message: z.string(),
  customers: z.array(z.object({ id: z.uuid(), name: z.string() })).optional(),
});
export const customerWriteResult = z.object({ customer: customerSchema, warnings: z.array(warningSchema) });

export const contactInput = z.object({
  name: text(200).min(1),
  role: text(100).default(''),
  email: optionalEmail.default(''),
  phone: text(50).default(''),
  language: language.default('pl'),
  portalAccess: z.boolean().default(false).describe('May use the customer portal (when it arrives)'),
  notes: text(2000).default(''),
});
export const contactPatch = patchOf(contactInput);
export const contactSchema = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    name: z.string(),
    role: z.string(),
    email: z.string(),
    phone: z.string(),
    language,
    portalAccess: z.boolean(),
    notes: z.string(),
    archived: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Contact' });

export const siteInput = z.object({
  name: text(200).min(1),
  street: text(200).default(''),
  postalCode: text(20).default(''),
  city: text(100).default(''),
  country: countryCode.default('PL'),
  notes: text(2000).default(''),
});
export const sitePatch = patchOf(siteInput);
export const siteSchema = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    name: z.string(),
    street: z.string(),
    postalCode: z.string(),
    city: z.string(),
    country: z.string(),
    notes: z.string(),
    archived: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Site' });

export const noteInput = z.object({ body: text(5000).min(1) });
export const noteSchema = z
  .object({ id: z.uuid(), customerId: z.uuid(), authorName: z.string(), body: z.string(), createdAt: z.iso.datetime() })
  .meta({ id: 'CustomerNote' });

export const customerDetailSchema = customerSchema
  .extend({ contacts: z.array(contactSchema), sites: z.array(siteSchema), notesLog: z.array(noteSchema) })
  .meta({ id: 'CustomerDetail' });

export const customerSort = z.enum(['name', '-name', 'createdAt', '-createdAt']);
export const customerStatus = z.enum(['active', 'archived', 'all']);

export const customerListFilters = z.object({
  q: z.string().trim().max(200).optional().describe('Name, NIP, REGON, phone, email, city or a contact\'s name/email/phone; Polish letters optional'),
  kind: customerKind.optional(),
  status: customerStatus.default('active'),
  city: z.string().trim().max(100).optional(),
  sort: customerSort.default('name'),
});
export const customerListQuery = customerListFilters.extend({ limit: limitSchema, cursor: cursorSchema });
export type CustomerListQuery = z.infer<typeof customerListQuery>;

export const customerExportQuery = customerListFilters.extend({ format: z.enum(['csv', 'xlsx']).default('csv') });

export const idParams = z.object({ id: z.uuid() });
export const childParams = z.object({ id: z.uuid(), childId: z.uuid() });

export const importBody = z.object({
  csv: z.string().min(1).max(20_000_000).describe('CSV text (UTF-8; the web app converts Windows-1250). Header row required.'),
});
export const importRowSchema = z.object({
  row: z.number().int().describe('Line number in the file (header = 1)'),
  values: z.record(z.string(), z.string()),
  errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string(), params: fieldParamsSchema.optional() })),
  warnings: z.array(z.object({ path: z.string(), code: z.string(), message: z.string(), params: fieldParamsSchema.optional() })),
});
export const importPreviewSchema = z.object({
  columns: z.array(z.object({ header: z.string(), field: z.string().nullable() })),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  rows: z.array(importRowSchema).describe('Rows with errors first, then the rest; at most 200'),
});
export const importCommitSchema = z.object({ created: z.number().int() });
