// Public tracking links: a random token is handed out once (in the receipt and messages); only its
// hash is stored, so a database leak does not leak links. Making a new link revokes the old one.
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { randomToken, sha256 } from '../../kernel/ids/tokens.ts';
import { serviceOrderLinks } from './service-orders.table.ts';

export const trackingPath = (token: string) => `/t/${token}`;

export async function newTrackingLink(tx: Db, orderId: string, now: Date): Promise<string> {
  await tx.update(serviceOrderLinks).set({ revokedAt: now }).where(and(eq(serviceOrderLinks.orderId, orderId), isNull(serviceOrderLinks.revokedAt)));
  const token = randomToken(24);
  await tx.insert(serviceOrderLinks).values({ orderId, tokenHash: sha256(token), createdAt: now });
  return token;
}

export async function revokeTrackingLinks(tx: Db, orderId: string, now: Date): Promise<number> {
  const r = await tx.update(serviceOrderLinks).set({ revokedAt: now }).where(and(eq(serviceOrderLinks.orderId, orderId), isNull(serviceOrderLinks.revokedAt))).returning({ id: serviceOrderLinks.id });
  return r.length;
}

/** The order a token opens, or null (unknown or revoked). */
export async function orderIdForToken(db: Db, token: string): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const [l] = await db.select({ orderId: serviceOrderLinks.orderId, revokedAt: serviceOrderLinks.revokedAt }).from(serviceOrderLinks).where(eq(serviceOrderLinks.tokenHash, sha256(token))).limit(1);
  return l && !l.revokedAt ? l.orderId : null;
}
