import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, textC, updatedAt } from '../../db/columns.ts';

export const servicePaths = pgTable(
  'service_paths',
  {
    id: id(),
    name: text().notNull(),
    description: text().notNull().default(''),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    sortKey: textC().notNull(),
  },
  (t) => [index('service_paths_sort_idx').on(t.sortKey, t.id)],
);

export const servicePathSteps = pgTable(
  'service_path_steps',
  {
    id: id(),
    pathId: uuid()
      .notNull()
      .references(() => servicePaths.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
    name: text().notNull(),
    description: text().notNull().default(''),
    role: text(), // expected role (kernel/auth ROLES) or null = anyone
    plannedMinutes: integer().notNull().default(0),
    deadlineOffsetHours: integer(), // due this many hours after the order is created; null = no deadline
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('service_path_steps_position_uq').on(t.pathId, t.position),
    check('service_path_steps_minutes', sql`${t.plannedMinutes} >= 0`),
  ],
);
