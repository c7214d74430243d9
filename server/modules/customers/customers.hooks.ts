// Other modules that keep a customer's name in their own search text (assets) register here and are
// called inside the rename's transaction, so search never shows a stale name. The customers module
// does not import them; they import this.
import type { Db } from '../../db/client.ts';

export type CustomerRenamed = (tx: Db, customerId: string, newName: string) => Promise<void>;

const renamed: CustomerRenamed[] = [];

export function onCustomerRenamed(listener: CustomerRenamed): void {
  if (!renamed.includes(listener)) renamed.push(listener);
}

export async function customerRenamed(tx: Db, customerId: string, newName: string): Promise<void> {
  for (const listener of renamed) await listener(tx, customerId, newName);
}
