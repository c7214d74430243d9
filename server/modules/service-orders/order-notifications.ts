// Telling the customer about their order: the status's rule says whether to notify (email and/or
// SMS), the order says how the customer wants to hear (its channel and address), the template (the
// company's edited one, or the default below) says what. The message is queued in the caller's
// transaction with an event key, so a status reported twice is sent once.
import { and, eq } from 'drizzle-orm';
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { findCompany } from '../company/company.usecases.ts';
import { queueMessage } from '../messaging/outbox.ts';
import { renderEmail, renderTemplate, type EmailTemplate, type Lang, type TemplateParams } from '../messaging/templates.ts';
import { assets } from '../assets/assets.table.ts';
import type { OrderRow, StatusRow } from './service-orders.repository.ts';
import { serviceOrderTemplates } from './service-orders.table.ts';
import { currentTrackingUrl } from './tracking-links.ts';

export const ORDER_PLACEHOLDERS = ['orderNumber', 'statusName', 'assetName', 'serialNumber', 'promisedOn', 'trackingUrl', 'companyName', 'companyPhone'] as const;

export const DEFAULT_STATUS_TEMPLATES: Record<Lang, { email: EmailTemplate; sms: string }> = {
  pl: {
    email: {
      subject: 'Zlecenie {{orderNumber}}: {{statusName}}',
      body: 'Dzień dobry,\n\nstatus Pana/Pani zlecenia {{orderNumber}} ({{assetName}}) to teraz: {{statusName}}.\n\nPostęp naprawy można sprawdzić tutaj: {{trackingUrl}}\n\nPozdrawiamy\n{{companyName}} {{companyPhone}}',
    },
    sms: '{{companyName}}: zlecenie {{orderNumber}} ({{assetName}}) - {{statusName}}. Szczegóły: {{trackingUrl}}',
  },
  en: {
    email: {
      subject: 'Order {{orderNumber}}: {{statusName}}',
      body: 'Hello,\n\nyour order {{orderNumber}} ({{assetName}}) is now: {{statusName}}.\n\nYou can follow it here: {{trackingUrl}}\n\nKind regards\n{{companyName}} {{companyPhone}}',
    },
    sms: '{{companyName}}: order {{orderNumber}} ({{assetName}}) - {{statusName}}. Details: {{trackingUrl}}',
  },
};

async function templateFor(tx: Db, statusId: string, channel: 'email' | 'sms', lang: Lang) {
  const [row] = await tx
    .select()
    .from(serviceOrderTemplates)
    .where(and(eq(serviceOrderTemplates.event, 'status'), eq(serviceOrderTemplates.statusId, statusId), eq(serviceOrderTemplates.channel, channel), eq(serviceOrderTemplates.lang, lang)))
    .limit(1);
  return row;
}

/** Queues the status message the rules call for (at most one per order, status change and channel). */
export async function notifyStatusIn(tx: Db, deps: Deps, ctx: Ctx, order: OrderRow, status: StatusRow, opts: { trackingUrl?: string | undefined; eventId: string }) {
  const channel = order.notifyChannel;
  if ((channel !== 'email' && channel !== 'sms') || !order.notifyTo) return null;
  if ((channel === 'email' && !status.notifyEmail) || (channel === 'sms' && !status.notifySms)) return null;
  const lang: Lang = order.lang === 'en' ? 'en' : 'pl';
  const [asset] = await tx.select({ name: assets.name, serialNumber: assets.serialNumber }).from(assets).where(eq(assets.id, order.assetId));
  const company = await findCompany(tx);
  const params: TemplateParams = {
    orderNumber: order.number,
    statusName: lang === 'en' ? status.nameEn : status.namePl,
    assetName: asset?.name ?? '',
    serialNumber: asset?.serialNumber ?? '',
    promisedOn: order.promisedOn ? { date: order.promisedOn } : '',
    trackingUrl: opts.trackingUrl ?? (await currentTrackingUrl(tx, deps, order.id)) ?? '',
    companyName: company?.name ?? '',
    companyPhone: company?.phone ?? '',
  };
  const custom = await templateFor(tx, status.id, channel, lang);
  const eventKey = `service-order:${order.id}:status:${opts.eventId}:${channel}`;
  const related = { type: 'service_order', id: order.id };
  if (channel === 'email') {
    const t = custom ? { subject: custom.subject, body: custom.body } : DEFAULT_STATUS_TEMPLATES[lang].email;
    const mail = renderEmail(t, params, lang);
    return queueMessage(tx, deps, ctx, { channel, to: order.notifyTo, subject: mail.subject, body: mail.text, html: mail.html, lang, related, correlation: { statusId: status.id, event: 'status' }, eventKey });
  }
  const text = renderTemplate(custom?.body ?? DEFAULT_STATUS_TEMPLATES[lang].sms, params, lang);
  return queueMessage(tx, deps, ctx, { channel, to: order.notifyTo, body: text, lang, related, correlation: { statusId: status.id, event: 'status' }, eventKey });
}
