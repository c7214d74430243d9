// Shapes shared by every feature's API layer (mirrors server/kernel and identity schemas).
import type { Language } from '../i18n/catalog-types.ts';

export type Page<T> = { items: T[]; nextCursor: string | null };

export type FieldError = { path: string; code: string; message: string; params?: Record<string, string | number> };

export const ROLES = ['administrator', 'manager', 'front_desk', 'consultant', 'technician', 'accountant'] as const;
export type Role = (typeof ROLES)[number];

/** Mirrors server/kernel/auth/permissions.ts; the server may add more (they are ignored here). */
export type Permission =
  | 'account:self'
  | 'company:read'
  | 'company:update'
  | 'users:read'
  | 'users:manage'
  | 'audit:read'
  | 'setup:read'
  | 'customers:read'
  | 'customers:write'
  | 'customers:archive'
  | 'customers:delete'
  | 'customers:import'
  | 'customers:export'
  | 'catalog:read'
  | 'catalog:write'
  | 'catalog:import'
  | 'catalog:export'
  | 'stock:read'
  | 'stock:move'
  | 'stock:adjust'
  | 'assets:read'
  | 'assets:write'
  | 'assets:configure'
  | 'assets:import'
  | 'assets:export'
  | 'tasks:read'
  | 'tasks:manage'
  | 'jobs:read'
  | 'jobs:run'
  | 'orders:read'
  | 'orders:write'
  | 'orders:release'
  | 'orders:configure'
  | 'messaging:read'
  | 'messaging:configure'
  | 'invoices:read'
  | 'invoices:draft'
  | 'invoices:issue'
  | 'invoices:pay'
  | 'invoices:configure'
  | 'invoices:export';

export type User = {
  id: string;
  email: string;
  name: string;
  role: Role;
  language: Language;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
};

export type SessionInfo = {
  user: User;
  permissions: Permission[];
  csrfToken: string;
  expiresAt: string;
};
