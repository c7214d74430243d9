import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { ApiTokensSection } from '../components/api-tokens-section.tsx';
import { ProfileForm } from '../components/profile-form.tsx';

export function AccountPage() {
  const t = useT();
  return (
    <Stack>
      <PageHeader title={t('account.title')} />
      <ProfileForm />
      <Paper withBorder p="lg" radius="md">
        <Group justify="space-between">
          <div>
            <Title order={4}>{t('account.password.title')}</Title>
            <Text size="sm" c="dimmed">
              {t('account.password.text')}
            </Text>
          </div>
          <Button component={Link} to="/account/password" variant="default" leftSection={<IconKey size={16} />} data-testid="account-change-password">
            {t('account.password.link')}
          </Button>
        </Group>
      </Paper>
      <ApiTokensSection />
    </Stack>
  );
}
