// Roles and what each may do: the one place where this is decided. Routes name a permission;
// a role not listed for it is refused (deny by default).

export const ROLES = ['administrator', 'manager', 'front_desk', 'consultant', 'technician', 'accountant'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'account:self', // own session, password, profile and API tokens
  'company:read',
  'company:update',
  'users:read',
  'users:manage',
  'audit:read',
  'setup:read',
  'customers:read',
  'customers:write',
  'customers:archive',
  'customers:delete',
  'customers:import',
  'customers:export',
  'catalog:read', // products, services, parts, price lists, service paths, resources, VAT rates
  'catalog:write',
  'catalog:import',
  'catalog:export',
  'stock:read',
  'stock:move', // receipts, issues, returns, transfers
  'stock:adjust', // corrections with a reason
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const everyone: Permission[] = ['account:self', 'company:read', 'setup:read', 'customers:read', 'audit:read', 'catalog:read', 'stock:read'];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  administrator: PERMISSIONS,
  manager: [
    ...everyone,
    'users:read',
    'customers:write',
    'customers:archive',
    'customers:import',
    'customers:export',
    'catalog:write',
    'catalog:import',
    'catalog:export',
    'stock:move',
    'stock:adjust',
  ],
  front_desk: [...everyone, 'customers:write', 'stock:move'],
  consultant: [...everyone, 'customers:write'],
  technician: [...everyone, 'stock:move'],
  accountant: [...everyone, 'customers:write', 'customers:export', 'catalog:export'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
