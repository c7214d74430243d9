// Every table of every module, for Drizzle's relational API and drizzle-kit.
export * from '../kernel/audit/audit.table.ts';
export * from '../modules/identity/identity.table.ts';
export * from '../modules/company/company.table.ts';
export * from '../modules/customers/customers.table.ts';
