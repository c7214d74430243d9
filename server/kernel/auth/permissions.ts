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
  'assets:read', // customer assets, their documents, readings, service dates and history
  'assets:write', // add and change assets, custody, readings, documents, service dates
  'assets:configure', // asset types with their custom fields, kinds of service dates
  'assets:import',
  'assets:export',
  'tasks:read', // own tasks and the tasks of own role
  'tasks:manage', // anyone's tasks
  'jobs:read', // background job runs and failures
  'jobs:run', // start a scheduled job now
  'orders:read', // service orders, their history, documents
  'orders:write', // create orders, change status, steps, labour, parts, estimates, RMA
  'orders:release', // hand the item back to the customer
  'orders:configure', // status list, notification rules and templates
  'messaging:read', // the delivery log of emails and SMS, the sending settings (without secrets)
  'messaging:configure', // SMTP and SMS provider settings, test messages, retrying a failed message
  'invoices:read', // invoices, correcting invoices, payments, their PDF and KSeF XML
  'invoices:draft', // prepare, edit and cancel drafts; invoice a finished service order
  'invoices:issue', // issue (number), correct, mark as sent, record KSeF state — accountants and administrators only
  'invoices:pay', // record and remove payments, import bank statements — accountants and administrators only
  'invoices:configure', // seller settings: numbering series, payment terms, bank accounts
  'invoices:export', // the invoice list as CSV/XLSX for the accountant
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const everyone: Permission[] = ['account:self', 'company:read', 'setup:read', 'customers:read', 'audit:read', 'catalog:read', 'stock:read', 'assets:read', 'tasks:read', 'orders:read'];

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
    'assets:write',
    'assets:configure',
    'assets:import',
    'assets:export',
    'tasks:manage',
    'jobs:read',
    'messaging:read',
    'orders:write',
    'orders:release',
    'orders:configure',
    'invoices:read',
    'invoices:draft',
    'invoices:export',
  ],
  front_desk: [...everyone, 'customers:write', 'stock:move', 'assets:write', 'orders:write', 'orders:release', 'invoices:read', 'invoices:draft'],
  consultant: [...everyone, 'customers:write', 'assets:write', 'orders:write'],
  technician: [...everyone, 'stock:move', 'assets:write', 'orders:write'],
  accountant: [...everyone, 'customers:write', 'customers:export', 'catalog:export', 'assets:export', 'invoices:read', 'invoices:draft', 'invoices:issue', 'invoices:pay', 'invoices:configure', 'invoices:export'],
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
