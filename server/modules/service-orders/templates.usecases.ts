// The company's wording of status messages: one template per status, channel and language; where none
// is saved the default text is used. Placeholders are checked when a template is saved.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { fieldError, invalidFields, notFound } from '../../kernel/errors/app-error.ts';
import { ctxOf, type App } from '../../kernel/http/app-types.ts';
import { problemResponses } from '../../kernel/http/problem.ts';
import { validateTemplate } from '../messaging/templates.ts';
import { DEFAULT_STATUS_TEMPLATES, ORDER_PLACEHOLDERS } from './order-notifications.ts';
import { serviceOrderStatuses, serviceOrderTemplates } from './service-orders.table.ts';

const channels = z.enum(['email', 'sms']);
const langs = z.enum(['pl', 'en']);

export const templateSchema = z
  .object({
    statusId: z.uuid(),
    channel: channels,
    lang: langs,
    subject: z.string().describe('Email only'),
    body: z.string(),
    isDefault: z.boolean().describe('No saved wording: this is the built-in text'),
    placeholders: z.array(z.string()),
  })
  .meta({ id: 'StatusMessageTemplate' });
export type TemplateDto = z.infer<typeof templateSchema>;

export const templateInput = z.object({
  subject: z.string().trim().max(200).default(''),
  body: z.string().trim().min(1).max(5000),
});

async function statusExists(db: Db, id: string) {
  return (await db.select({ id: serviceOrderStatuses.id }).from(serviceOrderStatuses).where(eq(serviceOrderStatuses.id, id))).length > 0;
}

/** The four templates of a status (email/SMS × PL/EN), saved or default. */
export async function statusTemplates(deps: Deps, ctx: Ctx, statusId: string): Promise<{ items: TemplateDto[] }> {
  authorize(ctx.actor, 'orders:read');
  return templatesIn(deps.database.db, statusId);
}

async function templatesIn(db: Db, statusId: string): Promise<{ items: TemplateDto[] }> {
  if (!(await statusExists(db, statusId))) throw notFound('service_order_statuses');
  const saved = await db.select().from(serviceOrderTemplates).where(and(eq(serviceOrderTemplates.event, 'status'), eq(serviceOrderTemplates.statusId, statusId)));
  const items: TemplateDto[] = [];
  for (const channel of ['email', 'sms'] as const)
    for (const lang of ['pl', 'en'] as const) {
      const row = saved.find((t) => t.channel === channel && t.lang === lang);
      const def = DEFAULT_STATUS_TEMPLATES[lang];
      items.push({
        statusId,
        channel,
        lang,
        subject: row ? row.subject : channel === 'email' ? def.email.subject : '',
        body: row ? row.body : channel === 'email' ? def.email.body : def.sms,
        isDefault: !row,
        placeholders: [...ORDER_PLACEHOLDERS],
      });
    }
  return { items };
}

export async function saveStatusTemplate(deps: Deps, ctx: Ctx, statusId: string, channel: 'email' | 'sms', lang: 'pl' | 'en', input: z.infer<typeof templateInput>) {
  authorize(ctx.actor, 'orders:configure');
  if (!(await statusExists(deps.database.db, statusId))) throw notFound('service_order_statuses');
  const errors = [...validateTemplate(input.body, ORDER_PLACEHOLDERS, 'body'), ...(channel === 'email' ? validateTemplate(input.subject, ORDER_PLACEHOLDERS, 'subject') : [])];
  if (channel === 'email' && !input.subject) errors.push(fieldError('subject', 'orders.template_subject_required', 'An email needs a subject'));
  if (errors.length) throw invalidFields(errors);
  return deps.database.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(serviceOrderTemplates)
      .where(and(eq(serviceOrderTemplates.event, 'status'), eq(serviceOrderTemplates.statusId, statusId), eq(serviceOrderTemplates.channel, channel), eq(serviceOrderTemplates.lang, lang)));
    const values = { subject: channel === 'email' ? input.subject : '', body: input.body, updatedAt: deps.clock.now() };
    if (before) await tx.update(serviceOrderTemplates).set(values).where(eq(serviceOrderTemplates.id, before.id));
    else await tx.insert(serviceOrderTemplates).values({ statusId, event: 'status', channel, lang, ...values });
    await appendAudit(tx, ctx, {
      entity: 'service_order_statuses',
      entityId: statusId,
      action: 'template_saved',
      sub: { entity: 'service_order_templates', id: statusId, label: `${channel} ${lang}` },
      before: before ? { subject: before.subject, body: before.body } : null,
      after: { subject: values.subject, body: values.body },
    });
    return (await templatesIn(tx, statusId)).items.find((t) => t.channel === channel && t.lang === lang)!;
  });
}

/** Back to the built-in wording. */
export async function resetStatusTemplate(deps: Deps, ctx: Ctx, statusId: string, channel: 'email' | 'sms', lang: 'pl' | 'en') {
  authorize(ctx.actor, 'orders:configure');
  return deps.database.db.transaction(async (tx) => {
    const removed = await tx
      .delete(serviceOrderTemplates)
      .where(and(eq(serviceOrderTemplates.event, 'status'), eq(serviceOrderTemplates.statusId, statusId), eq(serviceOrderTemplates.channel, channel), eq(serviceOrderTemplates.lang, lang)))
      .returning();
    if (removed[0]) await appendAudit(tx, ctx, { entity: 'service_order_statuses', entityId: statusId, action: 'template_reset', sub: { entity: 'service_order_templates', id: statusId, label: `${channel} ${lang}` }, before: { subject: removed[0].subject, body: removed[0].body }, after: null });
    return (await templatesIn(tx, statusId)).items.find((t) => t.channel === channel && t.lang === lang)!;
  });
}

export function templatesRoutes(app: App, deps: Deps) {
  const base = '/api/v1/service-order-statuses/:id/templates';
  const tags = ['service-orders'];
  const one = z.object({ id: z.uuid(), channel: channels, lang: langs });
  app.get(base, { config: { permission: 'orders:read' }, schema: { tags, summary: "The status's message wording: email and SMS, Polish and English (saved or built-in)", params: z.object({ id: z.uuid() }), response: { 200: z.object({ items: z.array(templateSchema) }), ...problemResponses(400, 401, 403, 404) } } }, async (r) =>
    statusTemplates(deps, ctxOf(r), r.params.id),
  );
  app.put(
    `${base}/:channel/:lang`,
    { config: { permission: 'orders:configure' }, schema: { tags, summary: 'Save the wording ({{placeholders}} checked: 422 messaging.template_unknown_placeholder)', params: one, body: templateInput, response: { 200: templateSchema, ...problemResponses(400, 401, 403, 404, 422) } } },
    async (r) => saveStatusTemplate(deps, ctxOf(r), r.params.id, r.params.channel, r.params.lang, r.body),
  );
  app.delete(`${base}/:channel/:lang`, { config: { permission: 'orders:configure' }, schema: { tags, summary: 'Back to the built-in wording', params: one, response: { 200: templateSchema, ...problemResponses(400, 401, 403, 404) } } }, async (r) =>
    resetStatusTemplate(deps, ctxOf(r), r.params.id, r.params.channel, r.params.lang),
  );
}
