// Column helpers shared by every module's tables.
import { customType, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Text compared byte-wise, so keyset paging orders rows identically on PGlite and PostgreSQL. */
export const textC = customType<{ data: string; driverData: string }>({
  dataType: () => 'text COLLATE "C"',
});

export const id = () => uuid().primaryKey().defaultRandom();
export const createdAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp({ withTimezone: true }).notNull().defaultNow();
