// The estimate goes to the customer by email with its acceptance link. The link exists only while the
// estimate is being sent (its token is stored hashed), so the message is queued in that transaction.
import { eq } from 'drizzle-orm';
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { findCompany } from '../company/company.usecases.ts';
import { customerContacts, customers } from '../customers/customers.table.ts';
import { assets } from '../assets/assets.table.ts';
import { normalizeRecipient, queueMessage } from '../messaging/outbox.ts';
import { renderEmail, type EmailTemplate, type Lang } from '../messaging/templates.ts';
import type { OrderRow } from './service-orders.repository.ts';

export const ESTIMATE_EMAIL: Record<Lang, EmailTemplate> = {
  pl: {
    subject: 'Kosztorys naprawy — zlecenie {{orderNumber}}',
    body: 'Dzień dobry,\n\nprzygotowaliśmy kosztorys naprawy urządzenia {{assetName}} (zlecenie {{orderNumber}}): {{grossTotal}} brutto.\n\nKosztorys można obejrzeć i zaakceptować lub odrzucić tutaj: {{acceptUrl}}\nLink jest ważny do {{validUntil}}.\n\nPozdrawiamy\n{{companyName}} {{companyPhone}}',
  },
  en: {
    subject: 'Repair estimate — order {{orderNumber}}',
    body: 'Hello,\n\nwe have prepared the repair estimate for {{assetName}} (order {{orderNumber}}): {{grossTotal}} including VAT.\n\nYou can review it and accept or reject it here: {{acceptUrl}}\nThe link is valid until {{validUntil}}.\n\nKind regards\n{{companyName}} {{companyPhone}}',
  },
};

/** Where the estimate goes: the order's email, else its contact's, else the customer's; null when none. */
async function recipient(tx: Db, order: OrderRow): Promise<string | null> {
  if (order.notifyChannel === 'email' && order.notifyTo) return normalizeRecipient('email', order.notifyTo);
  if (order.contactId) {
    const [c] = await tx.select({ email: customerContacts.email }).from(customerContacts).where(eq(customerContacts.id, order.contactId));
    if (c?.email) return normalizeRecipient('email', c.email);
  }
  const [cu] = await tx.select({ email: customers.email }).from(customers).where(eq(customers.id, order.customerId));
  return cu?.email ? normalizeRecipient('email', cu.email) : null;
}

export async function emailEstimateIn(
  tx: Db,
  deps: Deps,
  ctx: Ctx,
  order: OrderRow,
  e: { id: string; version: number; grossMinor: number; sentAt: Date },
  acceptUrl: string,
  validUntil: string,
): Promise<string | null> {
  const to = await recipient(tx, order);
  if (!to) return null;
  const lang: Lang = order.lang === 'en' ? 'en' : 'pl';
  const [asset] = await tx.select({ name: assets.name }).from(assets).where(eq(assets.id, order.assetId));
  const company = await findCompany(tx);
  const mail = renderEmail(
    ESTIMATE_EMAIL[lang],
    {
      orderNumber: order.number,
      assetName: asset?.name ?? '',
      grossTotal: { money: e.grossMinor },
      acceptUrl,
      validUntil: { date: validUntil },
      companyName: company?.name ?? '',
      companyPhone: company?.phone ?? '',
    },
    lang,
  );
  await queueMessage(tx, deps, ctx, {
    channel: 'email',
    to,
    subject: mail.subject,
    body: mail.text,
    html: mail.html,
    lang,
    related: { type: 'service_order', id: order.id },
    correlation: { event: 'estimate_sent', estimateId: e.id, version: e.version },
    // A resend makes a new link, so every send is its own event.
    eventKey: `service-order:${order.id}:estimate:${e.id}:sent:${e.sentAt.toISOString()}`,
  });
  return to;
}
