// What invoices need from customers: a customer with invoices cannot be deleted (only archived), and
// a renamed customer's invoices stay findable by the new name as well as by the name printed on them.
import { eq, sql } from 'drizzle-orm';
import { onCustomerRenamed } from '../customers/customers.hooks.ts';
import { customers } from '../customers/customers.table.ts';
import { registerCustomerReference } from '../customers/customers.references.ts';
import { invoiceSearchText } from './invoice-context.ts';
import { invoices } from './invoicing.table.ts';

registerCustomerReference({
  kind: 'invoices',
  // Bounded: the answer only decides delete-or-archive.
  count: async (db, customerId) => {
    const r = await db.execute(sql`select count(*)::int as n from (select 1 from ${invoices} where ${eq(invoices.customerId, customerId)} limit 1000) x`);
    return (r as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0;
  },
});

onCustomerRenamed(async (tx, customerId, newName) => {
  const rows = await tx
    .select({ id: invoices.id, number: invoices.number, printed: sql<string | null>`${invoices.document}->'buyer'->>'name'`, nip: customers.nip })
    .from(invoices)
    .innerJoin(customers, eq(customers.id, invoices.customerId))
    .where(eq(invoices.customerId, customerId));
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((r) => sql`(${r.id}::uuid, ${invoiceSearchText(r.number, [newName, r.printed && r.printed !== newName ? r.printed : ''].join(' '), r.nip)})`);
    await tx.execute(sql`update ${invoices} set search_text = v.t from (values ${sql.join(chunk, sql`, `)}) as v(id, t) where ${invoices.id} = v.id`);
  }
});
