// The sending settings form: SMTP and the SMS provider, one save. Secrets are write-only (see
// SecretInput); server field errors land next to their fields.
import { Alert, Badge, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import type { FormState } from '../../../ui/use-form-state.ts';
import { SMS_PROVIDERS, SMTP_SECURITY, useUpdateMessagingSettings, type MessagingSettings, type MessagingSettingsInput, type SmsProvider, type SmtpSecurity } from '../api/messaging-api.ts';
import { localizeMessagingError } from './messaging-text.ts';
import { SecretInput } from './secret-input.tsx';

export type SettingsFormValues = Omit<MessagingSettingsInput, 'smtpPassword' | 'smsapiToken' | 'webhookSecret' | 'smtpPort'> & {
  smtpPort: number | string;
  smtpPassword: string;
  smsapiToken: string;
  webhookSecret: string;
  removeSmtpPassword: boolean;
  removeSmsapiToken: boolean;
  removeWebhookSecret: boolean;
};

export function formValuesOf(s: MessagingSettings): SettingsFormValues {
  return {
    smtpHost: s.smtpHost,
    smtpPort: s.smtpPort,
    smtpSecurity: s.smtpSecurity,
    smtpUser: s.smtpUser,
    smtpPassword: '',
    removeSmtpPassword: false,
    fromAddress: s.fromAddress,
    fromName: s.fromName,
    replyTo: s.replyTo,
    smsProvider: s.smsProvider,
    smsSender: s.smsSender,
    smsapiToken: '',
    removeSmsapiToken: false,
    smsapiBaseUrl: s.smsapiBaseUrl,
    webhookUrl: s.webhookUrl,
    webhookSecretHeader: s.webhookSecretHeader,
    webhookSecret: '',
    removeWebhookSecret: false,
    smsTransliterate: s.smsTransliterate,
  };
}

/** Empty = keep the stored secret, "remove" = null, typed = the new value. */
const secretOf = (value: string, remove: boolean) => (remove ? null : value ? value : undefined);

function bodyOf(v: SettingsFormValues): MessagingSettingsInput {
  const { removeSmtpPassword, removeSmsapiToken, removeWebhookSecret, smtpPassword, smsapiToken, webhookSecret, smtpPort, ...plain } = v;
  return {
    ...plain,
    smtpPort: Number(smtpPort),
    smtpPassword: secretOf(smtpPassword, removeSmtpPassword),
    smsapiToken: secretOf(smsapiToken, removeSmsapiToken),
    webhookSecret: secretOf(webhookSecret, removeWebhookSecret),
  };
}

function Section({ title, configured, intro, children }: { title: string; configured: boolean; intro: string; children: ReactNode }) {
  const t = useT();
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack>
        <Group gap="sm">
          <Title order={3}>{title}</Title>
          <Badge color={configured ? 'green' : 'gray'} variant="light" data-testid="configured-badge">
            {configured ? t('messaging.settings.configured') : t('messaging.settings.notConfigured')}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}

export function SettingsForm({ settings, form, mayEdit }: { settings: MessagingSettings; form: FormState<SettingsFormValues>; mayEdit: boolean }) {
  const t = useT();
  const update = useUpdateMessagingSettings();
  const v = form.values;
  const disabled = !mayEdit;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: typeof form.errors = {};
    const port = Number(v.smtpPort);
    if (!Number.isInteger(port) || port < 1 || port > 65535) errors.smtpPort = t('messaging.errors.port_invalid');
    if (v.smtpHost.trim() && !v.fromAddress.trim()) errors.fromAddress = t('messaging.errors.from_required');
    if (v.smsProvider === 'smsapi' && !settings.smsapiTokenSet && !v.smsapiToken) errors.smsapiToken = t('messaging.errors.token_required');
    if (v.smsProvider === 'webhook' && !v.webhookUrl.trim()) errors.webhookUrl = t('messaging.errors.url_invalid');
    form.setErrors(errors);
    if (Object.keys(errors).length) return;
    update.mutate(bodyOf(v), {
      onSuccess: (saved) => {
        form.reset(formValuesOf(saved));
        notifySuccess(t('messaging.settings.saved'));
      },
      onError: (error) => form.applyApiError(localizeMessagingError(t, error), t),
    });
  };

  const text = (name: 'smtpHost' | 'smtpUser' | 'fromAddress' | 'fromName' | 'replyTo' | 'smsSender' | 'smsapiBaseUrl' | 'webhookUrl' | 'webhookSecretHeader') => ({
    ...form.text(name),
    disabled,
    'data-testid': `field-${name}`,
  });

  return (
    <form onSubmit={submit} noValidate data-testid="messaging-settings-form">
      <Stack>
        <Section title={t('messaging.email.title')} configured={settings.emailConfigured} intro={t('messaging.email.intro')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput label={t('messaging.email.host')} description={t('messaging.email.hostHint')} {...text('smtpHost')} />
            <NumberInput
              label={t('messaging.email.port')}
              value={v.smtpPort}
              onChange={(n) => form.set('smtpPort', n)}
              min={1}
              max={65535}
              allowDecimal={false}
              error={form.errors.smtpPort}
              disabled={disabled}
              data-testid="field-smtpPort"
            />
            <Select
              label={t('messaging.email.security')}
              description={t('messaging.email.securityHint')}
              value={v.smtpSecurity}
              onChange={(s) => s && form.set('smtpSecurity', s as SmtpSecurity)}
              allowDeselect={false}
              data={SMTP_SECURITY.map((s) => ({ value: s, label: t(`messaging.email.securities.${s}`) }))}
              error={form.errors.smtpSecurity}
              disabled={disabled}
              data-testid="field-smtpSecurity"
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput label={t('messaging.email.user')} description={t('messaging.email.userHint')} autoComplete="off" {...text('smtpUser')} />
            <SecretInput
              label={t('messaging.email.password')}
              name="smtpPassword"
              isSet={settings.smtpPasswordSet}
              value={v.smtpPassword}
              onChange={(s) => form.set('smtpPassword', s)}
              remove={v.removeSmtpPassword}
              onRemoveChange={(r) => form.set('removeSmtpPassword', r)}
              error={form.errors.smtpPassword}
              disabled={disabled}
            />
            <TextInput label={t('messaging.email.fromAddress')} type="email" {...text('fromAddress')} />
            <TextInput label={t('messaging.email.fromName')} description={t('messaging.email.fromNameHint')} {...text('fromName')} />
            <TextInput label={t('messaging.email.replyTo')} description={t('messaging.email.replyToHint')} type="email" {...text('replyTo')} />
          </SimpleGrid>
        </Section>

        <Section title={t('messaging.sms.title')} configured={settings.smsConfigured} intro={t('messaging.sms.intro')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label={t('messaging.sms.provider')}
              value={v.smsProvider}
              onChange={(s) => s && form.set('smsProvider', s as SmsProvider)}
              allowDeselect={false}
              data={SMS_PROVIDERS.map((p) => ({ value: p, label: t(`messaging.sms.providers.${p}`) }))}
              error={form.errors.smsProvider}
              disabled={disabled}
              data-testid="field-smsProvider"
            />
            {v.smsProvider !== 'none' && <TextInput label={t('messaging.sms.sender')} description={t('messaging.sms.senderHint')} maxLength={11} {...text('smsSender')} />}
          </SimpleGrid>
          {v.smsProvider === 'smsapi' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <SecretInput
                label={t('messaging.sms.token')}
                description={t('messaging.sms.tokenHint')}
                name="smsapiToken"
                isSet={settings.smsapiTokenSet}
                value={v.smsapiToken}
                onChange={(s) => form.set('smsapiToken', s)}
                remove={v.removeSmsapiToken}
                onRemoveChange={(r) => form.set('removeSmsapiToken', r)}
                error={form.errors.smsapiToken}
                disabled={disabled}
              />
              <TextInput label={t('messaging.sms.baseUrl')} description={t('messaging.sms.baseUrlHint')} {...text('smsapiBaseUrl')} />
            </SimpleGrid>
          )}
          {v.smsProvider === 'webhook' && (
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <TextInput label={t('messaging.sms.webhookUrl')} description={t('messaging.sms.webhookUrlHint')} {...text('webhookUrl')} />
              <TextInput label={t('messaging.sms.secretHeader')} {...text('webhookSecretHeader')} />
              <SecretInput
                label={t('messaging.sms.secret')}
                name="webhookSecret"
                isSet={settings.webhookSecretSet}
                value={v.webhookSecret}
                onChange={(s) => form.set('webhookSecret', s)}
                remove={v.removeWebhookSecret}
                onRemoveChange={(r) => form.set('removeWebhookSecret', r)}
                error={form.errors.webhookSecret}
                disabled={disabled}
              />
            </SimpleGrid>
          )}
          {v.smsProvider !== 'none' && (
            <Switch
              label={t('messaging.sms.transliterate')}
              description={t('messaging.sms.transliterateHint')}
              checked={v.smsTransliterate}
              onChange={(e) => form.set('smsTransliterate', e.currentTarget.checked)}
              disabled={disabled}
              data-testid="field-smsTransliterate"
            />
          )}
        </Section>

        <FormAlert message={form.general} />
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {settings.updatedAt ? t('messaging.settings.updatedAt', { at: formatDateTime(settings.updatedAt, t.lang) }) : t('messaging.settings.neverSaved')}
          </Text>
          {mayEdit && (
            <Button type="submit" loading={update.isPending} data-testid="messaging-settings-submit">
              {t('common.save')}
            </Button>
          )}
        </Group>
        {!mayEdit && <Alert color="gray">{t('messaging.settings.readOnly')}</Alert>}
      </Stack>
    </form>
  );
}
