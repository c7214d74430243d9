// The asset's history: every use case that changes something about an asset appends an event in its
// own transaction (with the audit row). Later modules (orders, tickets) append here too.
import type { Db } from '../../db/client.ts';
import type { Ctx } from '../../deps.ts';
import { actorId } from '../../kernel/auth/actor.ts';
import { assetEvents } from './assets.table.ts';

export type AssetEventKind =
  | 'created'
  | 'updated'
  | 'custody'
  | 'reading'
  | 'document_added'
  | 'document_removed'
  | 'service_date_added'
  | 'service_date_done'
  | 'service_date_cancelled'
  | 'service_date_due'
  | 'archived'
  | 'restored'
  | 'order_created' // service orders (data: orderId, orderNumber)
  | 'order_released';

export async function appendAssetEvent(
  tx: Db,
  ctx: Ctx,
  at: Date,
  assetId: string,
  kind: AssetEventKind,
  data: Record<string, unknown> = {},
): Promise<void> {
  await tx.insert(assetEvents).values({
    assetId,
    at,
    kind,
    data,
    actorId: actorId(ctx.actor),
    actorName: ctx.actor.name,
  });
}
