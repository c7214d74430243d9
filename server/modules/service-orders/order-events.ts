// The order's history: every use case that changes an order appends an event in its transaction.
// `public` events (status changes, the expected date) are what the tracking page shows.
import type { Db } from '../../db/client.ts';
import type { Ctx } from '../../deps.ts';
import { actorId } from '../../kernel/auth/actor.ts';
import { serviceOrderEvents } from './service-orders.table.ts';

/** Returns the event's id: messages about the event use it in their event key (sent once per event). */
export async function appendOrderEvent(tx: Db, ctx: Ctx, at: Date, orderId: string, kind: string, data: Record<string, unknown> = {}, isPublic = false): Promise<string> {
  const [row] = await tx.insert(serviceOrderEvents).values({ orderId, at, kind, data, public: isPublic, actorId: actorId(ctx.actor), actorName: ctx.actor.name }).returning({ id: serviceOrderEvents.id });
  return row!.id;
}
