// What assets need from customers: a customer with assets cannot be deleted (only archived), and a
// renamed customer's assets stay findable by the new name.
import { eq, sql } from 'drizzle-orm';
import { registerCustomerReference } from '../customers/customers.references.ts';
import { onCustomerRenamed } from '../customers/customers.hooks.ts';
import { assetSearchText } from './assets.rules.ts';
import { assets } from './assets.table.ts';

registerCustomerReference({
  kind: 'assets',
  // Bounded: the answer only decides delete-or-archive and is shown as "1000+" beyond that.
  count: async (db, customerId) => {
    const r = await db.execute(sql`select count(*)::int as n from (select 1 from ${assets} where ${eq(assets.customerId, customerId)} limit 1000) x`);
    return (r as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
  },
});

// The customer's name is part of each asset's search text: a rename rewrites it, in the same transaction.
onCustomerRenamed(async (tx, customerId, newName) => {
  const rows = await tx
    .select({ id: assets.id, name: assets.name, serialNumber: assets.serialNumber, manufacturer: assets.manufacturer, model: assets.model, position: assets.position, custom: assets.custom })
    .from(assets)
    .where(eq(assets.customerId, customerId));
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((r) => sql`(${r.id}::uuid, ${assetSearchText({ ...r, customerName: newName })})`);
    await tx.execute(sql`update ${assets} set search_text = v.t from (values ${sql.join(chunk, sql`, `)}) as v(id, t) where ${assets.id} = v.id`);
  }
});
