// Customer-asset shapes (mirrors server/modules/assets/assets.schemas.ts, the API contract).
import type { Role } from '../../../app/api-types.ts';

export const FIELD_KINDS = ['text', 'number', 'date', 'boolean', 'choice'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

export const CUSTODY = ['with_customer', 'in_shop', 'on_site_service', 'external_service'] as const;
export type Custody = (typeof CUSTODY)[number];

/** Built-in kinds of service dates: translated by code; company-defined kinds show their name. */
export const BUILT_IN_KIND_CODES = ['inspection', 'warranty', 'insurance', 'maintenance'] as const;

export type ArchiveStatus = 'active' | 'archived' | 'all';

// ── asset types ──

export type FieldInput = {
  key?: string;
  label: string;
  kind: FieldKind;
  unit: string;
  required: boolean;
  options: string[];
};
export type AssetField = Required<FieldInput> & { position: number };

export type AssetTypeInput = { name: string; meterUnit: string | null; fields: FieldInput[] };
export type AssetType = {
  id: string;
  name: string;
  meterUnit: string | null;
  fields: AssetField[];
  archived: boolean;
  createdAt: string;
  updatedAt: string;
};

// ── service date kinds ──

export type ServiceDateKindInput = { name: string; taskRole: Role };
export type ServiceDateKind = { id: string; code: string | null; name: string; taskRole: Role; archived: boolean };

// ── assets ──

export type CustomValue = string | number | boolean | null;

export type AssetInput = {
  customerId: string;
  assetTypeId: string;
  productId: string | null;
  name: string;
  serialNumber: string;
  manufacturer: string;
  model: string;
  purchaseDate: string | null;
  installationDate: string | null;
  specification: string;
  siteId: string | null;
  position: string;
  contactId: string | null;
  custom: Record<string, CustomValue>;
};
export type AssetPatch = Partial<Omit<AssetInput, 'customerId'>>;

export type NextServiceDate = { id: string; kindName: string; kindCode: string | null; dueOn: string };

export type Asset = Omit<AssetInput, 'custom'> & {
  id: string;
  customerName: string;
  assetTypeName: string;
  productName: string | null;
  siteName: string | null;
  contactName: string | null;
  custody: Custody;
  custom: Record<string, CustomValue>;
  meterUnit: string | null;
  meterValue: string | null;
  meterReadOn: string | null;
  nextServiceDate: NextServiceDate | null;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
};

export type AssetSort = '' | 'name' | '-name' | 'created' | '-created' | 'serial';

/** The list's filters as they live in the URL (every value a string; '' = not set). */
export type AssetFilters = {
  q: string;
  assetTypeId: string;
  custody: string;
  status: ArchiveStatus;
  sort: AssetSort;
  field: string;
  value: string;
  customerId: string;
};

export type CustodyInput = { custody: Custody; reason: string };

export type AssetEvent = { id: string; at: string; kind: string; data: Record<string, unknown>; actorName: string };

// ── meter readings ──

export type ReadingInput = { readOn: string; value: string; replacement: boolean; note: string };
export type Reading = {
  id: string;
  readOn: string;
  value: string;
  source: 'manual' | 'import' | 'order' | 'customer';
  replacement: boolean;
  note: string;
  recordedByName: string | null;
  createdAt: string;
};

// ── service dates ──

export type ServiceDateInput = {
  kindId: string;
  dueOn: string;
  reminderDays: number;
  recurrenceMonths: number | null;
  meterInterval: string | null;
  note: string;
};
export type ServiceDatePatch = Partial<Omit<ServiceDateInput, 'kindId'>>;
export type ServiceDateStatus = 'open' | 'done' | 'cancelled';
export type ServiceDate = {
  id: string;
  assetId: string;
  kindId: string;
  kindCode: string | null;
  kindName: string;
  dueOn: string;
  reminderDays: number;
  remindOn: string;
  recurrenceMonths: number | null;
  meterInterval: string | null;
  meterDueAt: string | null;
  note: string;
  status: ServiceDateStatus;
  completedOn: string | null;
  createdAt: string;
};
export type CompleteResult = { completed: ServiceDate; next: ServiceDate | null };

// ── documents ──

export type AssetDocument = {
  id: string;
  assetId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  description: string;
  uploadedByName: string | null;
  uploadedAt: string;
};
