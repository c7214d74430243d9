import { Button, Stack } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { PageLoader } from '../../../ui/page-loader.tsx';
import { QueryError } from '../../../ui/query-error.tsx';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useMessagingSettings, type MessagingSettings } from '../api/messaging-api.ts';
import { formValuesOf, SettingsForm, type SettingsFormValues } from '../components/settings-form.tsx';
import { TestSendPanel } from '../components/test-send-panel.tsx';

/** /settings/messaging: SMTP and SMS provider settings, and a test send through them. */
export function MessagingSettingsPage() {
  const settings = useMessagingSettings();
  if (settings.isPending) return <PageLoader />;
  if (settings.error) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  return <Loaded settings={settings.data} />;
}

function Loaded({ settings }: { settings: MessagingSettings }) {
  const t = useT();
  const can = useCan();
  const mayEdit = can('messaging:configure');
  const form = useFormState<SettingsFormValues>(() => formValuesOf(settings));
  const dirty = JSON.stringify(form.values) !== JSON.stringify(formValuesOf(settings));
  return (
    <Stack>
      <PageHeader
        title={t('messaging.settings.title')}
        subtitle={t('messaging.settings.intro')}
        actions={
          <Button component={Link} to="/settings/messages" variant="light" leftSection={<IconMailForward size={16} />} data-testid="messages-log-link">
            {t('messaging.settings.logLink')}
          </Button>
        }
      />
      <SettingsForm settings={settings} form={form} mayEdit={mayEdit} />
      {mayEdit && <TestSendPanel settings={settings} dirty={dirty} />}
    </Stack>
  );
}
