// Every table of every module, for Drizzle's relational API and drizzle-kit.
export * from '../kernel/audit/audit.table.ts';
export * from '../modules/identity/identity.table.ts';
export * from '../modules/company/company.table.ts';
export * from '../modules/customers/customers.table.ts';
export * from '../modules/catalog/catalog.table.ts';
export * from '../modules/stock/stock.table.ts';
export * from '../modules/pricing/pricing.table.ts';
export * from '../modules/service-paths/service-paths.table.ts';
export * from '../modules/resources/resources.table.ts';
export * from '../modules/imports/imports.table.ts';
export * from '../modules/assets/assets.table.ts';
export * from '../modules/tasks/tasks.table.ts';
export * from '../kernel/numbering/numbering.table.ts';
export * from '../modules/service-orders/service-orders.table.ts';
export * from '../modules/messaging/messaging.table.ts';
export * from '../modules/service-orders/photos.table.ts';
export * from '../modules/invoicing/invoicing.table.ts';
