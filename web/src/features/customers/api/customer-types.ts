// Customer shapes (mirrors server/modules/customers/customers.schemas.ts).
import type { FieldError } from '../../../app/api-types.ts';
import type { Language } from '../../../i18n/catalog-types.ts';

export type CustomerKind = 'company' | 'individual';
export type CustomerStatus = 'active' | 'archived' | 'all';
export type CustomerSort = 'name' | '-name' | 'createdAt' | '-createdAt';

export type CustomerInput = {
  kind: CustomerKind;
  name: string;
  nip: string | null;
  regon: string | null;
  pesel: string | null;
  email: string;
  phone: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  notes: string;
};

export type Customer = CustomerInput & {
  id: string;
  archived: boolean;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type Contact = {
  id: string;
  customerId: string;
  name: string;
  role: string;
  email: string;
  phone: string;
  language: Language;
  portalAccess: boolean;
  notes: string;
  archived: boolean;
  createdAt: string;
};
export type ContactInput = Omit<Contact, 'id' | 'customerId' | 'archived' | 'createdAt'>;

export type Site = {
  id: string;
  customerId: string;
  name: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  notes: string;
  archived: boolean;
  createdAt: string;
};
export type SiteInput = Omit<Site, 'id' | 'customerId' | 'archived' | 'createdAt'>;

export type CustomerNote = { id: string; customerId: string; authorName: string; body: string; createdAt: string };

export type CustomerDetail = Customer & { contacts: Contact[]; sites: Site[]; notesLog: CustomerNote[] };

export type CustomerWarning = { code: string; path: string; message: string; customers?: { id: string; name: string }[] };
export type CustomerWriteResult = { customer: Customer; warnings: CustomerWarning[] };

export type NipCheck = { nip: string; valid: boolean; duplicates: { id: string; name: string }[] };

export type CustomerFilters = {
  q: string;
  kind: CustomerKind | '';
  status: CustomerStatus;
  city: string;
  sort: CustomerSort;
};

export type ImportRow = { row: number; values: Record<string, string>; errors: FieldError[]; warnings: FieldError[] };
export type ImportPreview = {
  columns: { header: string; field: string | null }[];
  totalRows: number;
  validRows: number;
  invalidRows: number;
  rows: ImportRow[];
};
export type ImportResult = { created: number };
