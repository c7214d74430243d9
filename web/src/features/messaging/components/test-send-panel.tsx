// "Send a test message": through the saved settings, now; shows what the provider answered.
import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { isLanguage } from '../../../i18n/i18n-context.tsx';
import type { Language } from '../../../i18n/catalog-types.ts';
import { useFormState } from '../../../ui/use-form-state.ts';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { useSendTestMessage, type Channel, type MessagingSettings } from '../api/messaging-api.ts';
import { localizeMessagingError } from './messaging-text.ts';

export function TestSendPanel({ settings, dirty }: { settings: MessagingSettings; dirty: boolean }) {
  const t = useT();
  const send = useSendTestMessage();
  const [channel, setChannel] = useState<Channel>('email');
  const [lang, setLang] = useState<Language>(t.lang);
  const form = useFormState<{ to: string }>({ to: '' });
  const configured = channel === 'email' ? settings.emailConfigured : settings.smsConfigured;
  const result = send.data && send.data.message.channel === channel ? send.data : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.values.to.trim()) return form.setErrors({ to: t('common.required') });
    send.mutate({ channel, to: form.values.to, lang }, { onError: (error) => form.applyApiError(localizeMessagingError(t, error), t) });
  };

  return (
    <Paper withBorder p="lg" radius="md" data-testid="messaging-test-panel">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={3}>{t('messaging.test.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('messaging.test.intro')}
          </Text>
          <Group align="flex-end" gap="md" wrap="wrap">
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('messaging.test.channel')}
              </Text>
              <SegmentedControl
                value={channel}
                onChange={(c) => {
                  setChannel(c as Channel);
                  form.reset({ to: '' });
                  send.reset();
                }}
                data={[
                  { value: 'email', label: t('messaging.channels.email') },
                  { value: 'sms', label: t('messaging.channels.sms') },
                ]}
                data-testid="test-channel"
              />
            </Stack>
            <TextInput
              label={t('messaging.test.to')}
              placeholder={channel === 'email' ? t('messaging.test.toEmail') : t('messaging.test.toSms')}
              type={channel === 'email' ? 'email' : 'tel'}
              miw={260}
              {...form.text('to')}
              data-testid="test-to"
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('messaging.test.lang')}
              </Text>
              <SegmentedControl
                value={lang}
                onChange={(l) => isLanguage(l) && setLang(l)}
                data={[
                  { value: 'pl', label: t('languages.pl') },
                  { value: 'en', label: t('languages.en') },
                ]}
              />
            </Stack>
            <Button type="submit" loading={send.isPending} disabled={!configured} data-testid="test-send">
              {t('messaging.test.send')}
            </Button>
          </Group>
          {!configured && (
            <Text size="sm" c="orange.8">
              {t('messaging.test.notConfigured')}
            </Text>
          )}
          {dirty && configured && (
            <Text size="sm" c="orange.8">
              {t('messaging.test.unsaved')}
            </Text>
          )}
          <FormAlert message={form.general} />
          {result &&
            (result.ok ? (
              <Alert color="green" icon={<IconCircleCheck size={18} />} title={t('messaging.test.ok')} data-testid="test-result" data-ok="true">
                {result.message.providerMessageId && t('messaging.test.providerId', { id: result.message.providerMessageId })}
              </Alert>
            ) : (
              <Alert color="red" icon={<IconCircleX size={18} />} title={t('messaging.test.failed')} data-testid="test-result" data-ok="false">
                <Text size="sm" ff="monospace" style={{ wordBreak: 'break-word' }}>
                  {result.error}
                </Text>
              </Alert>
            ))}
        </Stack>
      </form>
    </Paper>
  );
}
