// What may refer to a customer. Later modules (orders, contracts, invoices, assets) add a counter
// here, so "delete" turns into "archive" as soon as a customer is used anywhere.
import type { Db } from '../../db/client.ts';

export type ReferenceCounter = { kind: string; count: (db: Db, customerId: string) => Promise<number> };

const counters: ReferenceCounter[] = [];

export function registerCustomerReference(counter: ReferenceCounter): void {
  if (!counters.some((c) => c.kind === counter.kind)) counters.push(counter);
}

export async function customerReferenceCount(db: Db, customerId: string) {
  const byKind: Record<string, number> = {};
  let total = 0;
  for (const c of counters) {
    const n = await c.count(db, customerId);
    if (n > 0) byKind[c.kind] = n;
    total += n;
  }
  return { total, byKind };
}
