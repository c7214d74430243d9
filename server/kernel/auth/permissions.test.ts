import assert from 'node:assert/strict';
import { test } from 'node:test';
import { can, PERMISSIONS, ROLES, type Permission, type Role } from './permissions.ts';

// The expected matrix, written out so a change to a role's rights is a deliberate, reviewed edit.
const expected: Record<Permission, Role[]> = {
  'account:self': [...ROLES],
  'company:read': [...ROLES],
  'company:update': ['administrator'],
  'users:read': ['administrator', 'manager'],
  'users:manage': ['administrator'],
  'audit:read': [...ROLES],
  'setup:read': [...ROLES],
  'customers:read': [...ROLES],
  'customers:write': ['administrator', 'manager', 'front_desk', 'consultant', 'accountant'],
  'customers:archive': ['administrator', 'manager'],
  'customers:delete': ['administrator'],
  'customers:import': ['administrator', 'manager'],
  'customers:export': ['administrator', 'manager', 'accountant'],
  'catalog:read': [...ROLES],
  'catalog:write': ['administrator', 'manager'],
  'catalog:import': ['administrator', 'manager'],
  'catalog:export': ['administrator', 'manager', 'accountant'],
  'stock:read': [...ROLES],
  'stock:move': ['administrator', 'manager', 'front_desk', 'technician'],
  'stock:adjust': ['administrator', 'manager'],
  'assets:read': [...ROLES],
  'assets:write': ['administrator', 'manager', 'front_desk', 'consultant', 'technician'],
  'assets:configure': ['administrator', 'manager'],
  'assets:import': ['administrator', 'manager'],
  'assets:export': ['administrator', 'manager', 'accountant'],
  'tasks:read': [...ROLES],
  'tasks:manage': ['administrator', 'manager'],
  'jobs:read': ['administrator', 'manager'],
  'jobs:run': ['administrator'],
  'orders:read': [...ROLES],
  'orders:write': ['administrator', 'manager', 'front_desk', 'consultant', 'technician'],
  'orders:release': ['administrator', 'manager', 'front_desk'],
  'orders:configure': ['administrator', 'manager'],
  'messaging:read': ['administrator', 'manager'],
  'messaging:configure': ['administrator'],
  'invoices:read': ['administrator', 'manager', 'front_desk', 'accountant'],
  'invoices:draft': ['administrator', 'manager', 'front_desk', 'accountant'],
  'invoices:issue': ['administrator', 'accountant'],
  'invoices:pay': ['administrator', 'accountant'],
  'invoices:configure': ['administrator', 'accountant'],
  'invoices:export': ['administrator', 'manager', 'accountant'],
};

test('every permission has an expected row in this table', () => assert.deepEqual(Object.keys(expected).sort(), [...PERMISSIONS].sort()));

for (const permission of PERMISSIONS)
  for (const role of ROLES) {
    const allowed = expected[permission].includes(role);
    test(`${role} ${allowed ? 'may' : 'may not'} ${permission}`, () => assert.equal(can(role, permission), allowed));
  }
