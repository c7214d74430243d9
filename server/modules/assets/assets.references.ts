// A customer with assets cannot be deleted (only archived): registers the count with the customers module.
import { eq, sql } from 'drizzle-orm';
import { registerCustomerReference } from '../customers/customers.references.ts';
import { assets } from './assets.table.ts';

registerCustomerReference({
  kind: 'assets',
  // Bounded: the answer only decides delete-or-archive and is shown as "1000+" beyond that.
  count: async (db, customerId) => {
    const r = await db.execute(sql`select count(*)::int as n from (select 1 from ${assets} where ${eq(assets.customerId, customerId)} limit 1000) x`);
    return (r as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
  },
});
