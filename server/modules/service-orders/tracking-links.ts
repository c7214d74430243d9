// Public tracking links: a random token, looked up by its hash; the full URL is kept beside it so
// messages sent later (by jobs) can include it. Making a new link revokes the old one.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { randomToken, sha256 } from '../../kernel/ids/tokens.ts';
import { serviceOrderLinks } from './service-orders.table.ts';

export const trackingPath = (token: string) => `/t/${token}`;

export async function newTrackingLink(tx: Db, orderId: string, now: Date, origin?: string): Promise<string> {
  await tx.update(serviceOrderLinks).set({ revokedAt: now }).where(and(eq(serviceOrderLinks.orderId, orderId), isNull(serviceOrderLinks.revokedAt)));
  const token = randomToken(24);
  await tx.insert(serviceOrderLinks).values({ orderId, tokenHash: sha256(token), url: origin ? origin.replace(/\/+$/, '') + trackingPath(token) : null, createdAt: now });
  return token;
}

/** The order's active tracking URL, when one was made with a known address; null otherwise. */
export async function currentTrackingUrl(db: Db, deps: Deps, orderId: string): Promise<string | null> {
  const [l] = await db
    .select({ url: serviceOrderLinks.url })
    .from(serviceOrderLinks)
    .where(and(eq(serviceOrderLinks.orderId, orderId), isNull(serviceOrderLinks.revokedAt)))
    .orderBy(desc(serviceOrderLinks.createdAt))
    .limit(1);
  if (!l?.url) return null;
  // PUBLIC_URL wins when set: the address customers use, even if staff reached the app another way.
  return deps.config.publicUrl ? deps.config.publicUrl.replace(/\/+$/, '') + l.url.slice(l.url.indexOf('/t/')) : l.url;
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
