import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, textC, updatedAt } from '../../db/columns.ts';
import { customerContacts, customers, customerSites } from '../customers/customers.table.ts';
import { assets } from '../assets/assets.table.ts';
import { users } from '../identity/identity.table.ts';
import { priceLists } from '../pricing/pricing.table.ts';
import { parts, services, vatRates } from '../catalog/catalog.table.ts';
import { stockLocations, stockMovements } from '../stock/stock.table.ts';
import { servicePaths } from '../service-paths/service-paths.table.ts';

/**
 * The company's own list of order statuses, each mapped to one fixed lifecycle phase. Rules (allowed
 * transitions, tasks, custody) are decided by the phase; names, order and notifications by the company.
 */
export const serviceOrderStatuses = pgTable(
  'service_order_statuses',
  {
    id: id(),
    phase: text().notNull(), // see service-orders.rules.ts PHASES
    namePl: text().notNull(),
    nameEn: text().notNull(),
    position: integer().notNull(),
    color: text().notNull().default('gray'),
    // Notification rules: which statuses tell the customer, by which channels (the order's contact
    // preference decides which one is used).
    notifyEmail: boolean().notNull().default(false),
    notifySms: boolean().notNull().default(false),
    isDefault: boolean().notNull().default(false), // the status a phase enters by default
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('service_order_statuses_order_idx').on(t.position),
    check('service_order_statuses_phase_ck', sql`${t.phase} in ('new','diagnosis','awaiting_approval','in_repair','external_service','ready_for_release','released','cancelled')`),
  ],
);

/** Editable message templates per status, channel and language ({{placeholders}}). */
export const serviceOrderTemplates = pgTable(
  'service_order_templates',
  {
    id: id(),
    statusId: uuid().references(() => serviceOrderStatuses.id, { onDelete: 'cascade' }), // null = not tied to a status (estimate, intake…)
    event: text().notNull(), // 'status' | 'estimate_sent' | 'ready' …
    channel: text().notNull(), // 'email' | 'sms'
    lang: text().notNull(), // 'pl' | 'en'
    subject: text().notNull().default(''),
    body: text().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('service_order_templates_uq').on(t.event, sql`coalesce(${t.statusId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.channel, t.lang)],
);

export const serviceOrders = pgTable(
  'service_orders',
  {
    id: id(),
    number: text().notNull(), // SO/2026/000123, from a gap-free yearly series
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    assetId: uuid()
      .notNull()
      .references(() => assets.id),
    kind: text().notNull(), // 'shop' | 'on_site'
    siteId: uuid().references(() => customerSites.id), // on site: where
    statusId: uuid()
      .notNull()
      .references(() => serviceOrderStatuses.id),
    phase: text().notNull(), // the status's phase, kept here so lists filter by phase on an index
    priority: text().notNull().default('normal'), // 'low' | 'normal' | 'high' | 'urgent'
    reportedProblem: text().notNull(),
    accessories: text().notNull().default(''),
    condition: text().notNull().default(''),
    promisedOn: date(),
    contactId: uuid().references(() => customerContacts.id),
    notifyChannel: text().notNull().default('none'), // 'email' | 'sms' | 'none'
    notifyTo: text().notNull().default(''), // the address or phone number used
    lang: text().notNull().default('pl'), // documents and messages
    technicianId: uuid().references(() => users.id),
    priceListId: uuid().references(() => priceLists.id),
    servicePathId: uuid().references(() => servicePaths.id),
    receivedAt: timestamp({ withTimezone: true }).notNull(),
    readyAt: timestamp({ withTimezone: true }),
    releasedAt: timestamp({ withTimezone: true }),
    releasedTo: text(), // who picked it up
    releasedBy: uuid().references(() => users.id),
    createdBy: uuid().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    searchText: text().notNull(),
    numberKey: textC().notNull(), // number without separators, upper-case: "so2026123" finds SO/2026/000123
  },
  (t) => [
    uniqueIndex('service_orders_number_uq').on(t.number),
    index('service_orders_search_trgm').using('gin', sql`${t.searchText} gin_trgm_ops`),
    index('service_orders_created_idx').on(t.createdAt, t.id),
    index('service_orders_number_idx').on(t.numberKey, t.id),
    index('service_orders_customer_idx').on(t.customerId, t.createdAt, t.id),
    index('service_orders_asset_idx').on(t.assetId, t.createdAt, t.id),
    index('service_orders_status_idx').on(t.statusId, t.createdAt, t.id),
    index('service_orders_phase_idx').on(t.phase, t.createdAt, t.id),
    index('service_orders_technician_idx').on(t.technicianId, t.createdAt, t.id),
    index('service_orders_promised_idx').on(t.promisedOn, t.id),
    check('service_orders_kind_ck', sql`${t.kind} in ('shop','on_site')`),
    check('service_orders_priority_ck', sql`${t.priority} in ('low','normal','high','urgent')`),
    check('service_orders_notify_ck', sql`${t.notifyChannel} in ('email','sms','none')`),
  ],
);

/** The order's story (status changes, steps, labour, parts, estimate, RMA, messages, release). */
export const serviceOrderEvents = pgTable(
  'service_order_events',
  {
    id: id(),
    seq: bigserial({ mode: 'number' }).notNull(),
    orderId: uuid()
      .notNull()
      .references(() => serviceOrders.id, { onDelete: 'cascade' }),
    at: timestamp({ withTimezone: true }).notNull(),
    kind: text().notNull(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    // Shown on the public tracking page (status changes, expected date) — never internal notes.
    public: boolean().notNull().default(false),
    actorId: uuid().references(() => users.id, { onDelete: 'set null' }),
    actorName: text().notNull(),
  },
  (t) => [index('service_order_events_order_idx').on(t.orderId, t.at, t.seq)],
);

/** Steps copied from a service path (or added by hand): the work across people. */
export const serviceOrderSteps = pgTable(
  'service_order_steps',
  {
    id: id(),
    orderId: uuid()
      .notNull()
      .references(() => serviceOrders.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    name: text().notNull(),
    description: text().notNull().default(''),
    ownerId: uuid().references(() => users.id),
    ownerRole: text(),
    plannedMinutes: integer().notNull().default(0),
    deadlineAt: timestamp({ withTimezone: true }),
    status: text().notNull().default('todo'), // 'todo' | 'in_progress' | 'done' | 'skipped'
    skipReason: text().notNull().default(''),
    startedAt: timestamp({ withTimezone: true }),
    doneAt: timestamp({ withTimezone: true }),
    doneBy: uuid().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('service_order_steps_order_idx').on(t.orderId, t.position),
    index('service_order_steps_owner_idx').on(t.ownerId, t.status),
    check('service_order_steps_status_ck', sql`${t.status} in ('todo','in_progress','done','skipped')`),
  ],
);

/** Labour: who worked how long on which step, as which service; the billed minutes follow its rounding rule. */
export const serviceOrderTime = pgTable(
  'service_order_time',
  {
    id: id(),
    orderId: uuid()
      .notNull()
      .references(() => serviceOrders.id, { onDelete: 'cascade' }),
    stepId: uuid().references(() => serviceOrderSteps.id, { onDelete: 'set null' }),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    workedOn: date().notNull(),
    startedAt: timestamp({ withTimezone: true }),
    endedAt: timestamp({ withTimezone: true }),
    minutes: integer().notNull(),
    serviceId: uuid().references(() => services.id),
    billable: boolean().notNull().default(true),
    billedMinutes: integer().notNull(),
    unitPriceMinor: bigint({ mode: 'number' }).notNull().default(0), // net per hour (or unit) from the price list
    vatRateCode: text().references(() => vatRates.code),
    note: text().notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('service_order_time_order_idx').on(t.orderId, t.workedOn), check('service_order_time_minutes_ck', sql`${t.minutes} > 0 and ${t.billedMinutes} >= 0`)],
);

/** Parts used, issued from a stock location in the same transaction (the movement is linked). */
export const serviceOrderParts = pgTable(
  'service_order_parts',
  {
    id: id(),
    orderId: uuid()
      .notNull()
      .references(() => serviceOrders.id, { onDelete: 'cascade' }),
    partId: uuid()
      .notNull()
      .references(() => parts.id),
    locationId: uuid()
      .notNull()
      .references(() => stockLocations.id),
    quantity: numeric({ precision: 12, scale: 3 }).notNull(),
    unitPriceMinor: bigint({ mode: 'number' }).notNull(),
    vatRateCode: text()
      .notNull()
      .references(() => vatRates.code),
    issueMovementSeq: bigint({ mode: 'number' }).references(() => stockMovements.seq), // the issue in the stock ledger
    removedAt: timestamp({ withTimezone: true }), // returned to stock
    createdBy: uuid().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('service_order_parts_order_idx').on(t.orderId)],
);

/** Other billable lines: services by quantity (a visit, a diagnosis fee) or free text. */
export const serviceOrderLines = pgTable(
  'service_order_lines',
  {
    id: id(),
    orderId: uuid()
      .notNull()
      .references(() => serviceOrders.id, { onDelete: 'cascade' }),
    serviceId: uuid().references(() => services.id),
    name: text().notNull(),
    quantity: numeric({ precision: 12, scale: 3 }).notNull(),
    unit: text().notNull(),
    unitPriceMinor: bigint({ mode: 'number' }).notNull(),
    vatRateCode: text()
      .notNull()
      .references(() => vatRates.code),
    createdAt: createdAt(),
  },
  (t) => [index('service_order_lines_order_idx').on(t.orderId)],
);

/**
 * Cost estimates: lines frozen when sent; accepted or rejected by the customer through an expiring
 * link (only the token's hash is stored) or on paper.
 */
export const serviceOrderEstimates = pgTable(
  'service_order_estimates',
  {
    id: id(),
    orderId: uuid()
      .notNull()
      .references(() => serviceOrders.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    status: text().notNull().default('draft'), // 'draft' | 'sent' | 'accepted' | 'rejected' | 'expired' | 'withdrawn'
    lines: jsonb().$type<EstimateLine[]>().notNull().default([]),
    netMinor: bigint({ mode: 'number' }).notNull().default(0),
    vatMinor: bigint({ mode: 'number' }).notNull().default(0),
    grossMinor: bigint({ mode: 'number' }).notNull().default(0),
    note: text().notNull().default(''),
    tokenHash: text(),
    expiresAt: timestamp({ withTimezone: true }),
    sentAt: timestamp({ withTimezone: true }),
    decidedAt: timestamp({ withTimezone: true }),
    decidedVia: text(), // 'link' | 'paper'
    decisionComment: text().notNull().default(''),
    createdBy: uuid().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('service_order_estimates_version_uq').on(t.orderId, t.version),
    uniqueIndex('service_order_estimates_token_uq').on(t.tokenHash),
    index('service_order_estimates_waiting_idx').on(t.sentAt).where(sql`${t.status} = 'sent'`),
  ],
);
export type EstimateLine = { kind: 'labour' | 'part' | 'service'; itemId: string | null; name: string; quantity: string; unit: string; unitPriceMinor: number; vatRateCode: string };

/** Sending the item to a manufacturer or an external workshop, and its return. */
export const serviceOrderRmas = pgTable(
  'service_order_rmas',
  {
    id: id(),
    orderId: uuid()
      .notNull()
      .references(() => serviceOrders.id, { onDelete: 'cascade' }),
    vendor: text().notNull(),
    caseNumber: text().notNull().default(''),
    shippedOn: date().notNull(),
    waybill: text().notNull().default(''),
    expectedReturnOn: date(),
    returnedOn: date(),
    outcome: text().notNull().default(''), // 'repaired' | 'replaced' | 'refused' | 'returned_unrepaired' | ''
    note: text().notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('service_order_rmas_order_idx').on(t.orderId), index('service_order_rmas_late_idx').on(t.expectedReturnOn).where(sql`${t.returnedOn} is null`)],
);

/** The public tracking link: unguessable (looked up by the token's hash), revocable, one active per order. */
export const serviceOrderLinks = pgTable(
  'service_order_links',
  {
    id: id(),
    orderId: uuid()
      .notNull()
      .references(() => serviceOrders.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull(),
    // The full link, kept so later messages (status changes, sent by jobs without a request) can
    // include it. Whoever can read this table can read the orders anyway; revoking is what matters.
    url: text(),
    createdAt: createdAt(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('service_order_links_token_uq').on(t.tokenHash), index('service_order_links_order_idx').on(t.orderId)],
);
