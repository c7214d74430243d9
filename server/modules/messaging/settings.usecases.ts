// The sending settings: read (secrets only as "set or not"), change (audited without the secrets).
import { eq } from 'drizzle-orm';
import type { Ctx, Deps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { appendAudit } from '../../kernel/audit/audit.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { invalidFields } from '../../kernel/errors/app-error.ts';
import { messagingSettings } from './messaging.table.ts';
import type { SettingsDto, SettingsInput } from './messaging.schemas.ts';
import { validateSettings } from './settings.rules.ts';

export type SettingsRow = typeof messagingSettings.$inferSelect;

/** What an installation that never saved the settings has: nothing configured. */
export const DEFAULT_SETTINGS: SettingsRow = {
  id: 1,
  smtpHost: '',
  smtpPort: 587,
  smtpSecurity: 'starttls',
  smtpUser: '',
  smtpPassword: '',
  fromAddress: '',
  fromName: '',
  replyTo: '',
  smsProvider: 'none',
  smsSender: '',
  smsapiToken: '',
  smsapiBaseUrl: 'https://api.smsapi.pl',
  webhookUrl: '',
  webhookSecretHeader: 'X-Webhook-Secret',
  webhookSecret: '',
  smsTransliterate: false,
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

export async function loadSettings(db: Db): Promise<SettingsRow & { saved: boolean }> {
  const [row] = await db.select().from(messagingSettings).where(eq(messagingSettings.id, 1)).limit(1);
  return row ? { ...row, saved: true } : { ...DEFAULT_SETTINGS, saved: false };
}

export const emailConfigured = (s: SettingsRow) => !!s.smtpHost && !!s.fromAddress;
export const smsConfigured = (s: SettingsRow) =>
  (s.smsProvider === 'smsapi' && !!s.smsapiToken) || (s.smsProvider === 'webhook' && !!s.webhookUrl);

export function toSettingsDto(s: SettingsRow & { saved?: boolean }): SettingsDto {
  return {
    smtpHost: s.smtpHost,
    smtpPort: s.smtpPort,
    smtpSecurity: s.smtpSecurity as SettingsDto['smtpSecurity'],
    smtpUser: s.smtpUser,
    smtpPasswordSet: s.smtpPassword !== '',
    fromAddress: s.fromAddress,
    fromName: s.fromName,
    replyTo: s.replyTo,
    smsProvider: s.smsProvider as SettingsDto['smsProvider'],
    smsSender: s.smsSender,
    smsapiTokenSet: s.smsapiToken !== '',
    smsapiBaseUrl: s.smsapiBaseUrl,
    webhookUrl: s.webhookUrl,
    webhookSecretHeader: s.webhookSecretHeader,
    webhookSecretSet: s.webhookSecret !== '',
    smsTransliterate: s.smsTransliterate,
    emailConfigured: emailConfigured(s),
    smsConfigured: smsConfigured(s),
    updatedAt: s.saved === false ? null : s.updatedAt.toISOString(),
  };
}

export async function getSettings(deps: Deps, ctx: Ctx): Promise<SettingsDto> {
  authorize(ctx.actor, 'messaging:read');
  return toSettingsDto(await loadSettings(deps.database.db));
}

/** Omitted → keep; null or '' → remove; a string → replace. */
const nextSecret = (given: string | null | undefined, stored: string) => (given === undefined ? stored : (given ?? ''));

export async function updateSettings(deps: Deps, ctx: Ctx, input: SettingsInput): Promise<SettingsDto> {
  authorize(ctx.actor, 'messaging:configure');
  return deps.database.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(messagingSettings).where(eq(messagingSettings.id, 1)).for('update').limit(1);
    const before = locked ? { ...locked, saved: true } : { ...DEFAULT_SETTINGS, saved: false };
    const { smtpPassword, smsapiToken, webhookSecret, ...plain } = input;
    const secrets = {
      smtpPassword: nextSecret(smtpPassword, before.smtpPassword),
      smsapiToken: nextSecret(smsapiToken, before.smsapiToken),
      webhookSecret: nextSecret(webhookSecret, before.webhookSecret),
    };
    const problems = validateSettings(input, { smtpPassword: secrets.smtpPassword !== '', smsapiToken: secrets.smsapiToken !== '' });
    if (problems.length) throw invalidFields(problems);
    const now = deps.clock.now();
    const values = { ...plain, ...secrets, smsapiBaseUrl: plain.smsapiBaseUrl.replace(/\/+$/, ''), updatedAt: now };
    const [after] = await tx
      .insert(messagingSettings)
      .values({ id: 1, ...values, createdAt: now })
      .onConflictDoUpdate({ target: messagingSettings.id, set: values })
      .returning();
    // the DTOs carry only "password set: yes/no", so the audit shows that a secret changed, never the secret
    const b = toSettingsDto(before);
    const a = toSettingsDto({ ...after!, saved: true });
    const changed = (k: keyof typeof secrets) => (before[k] !== secrets[k] ? { [`${k}Changed`]: true } : {});
    await appendAudit(tx, ctx, {
      entity: 'messaging_settings',
      entityId: '1',
      action: locked ? 'updated' : 'created',
      before: { ...b, updatedAt: undefined },
      after: { ...a, updatedAt: undefined, ...changed('smtpPassword'), ...changed('smsapiToken'), ...changed('webhookSecret') },
    });
    return a;
  });
}
