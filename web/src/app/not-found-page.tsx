import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../i18n/i18n-context.tsx';

export function NotFoundPage() {
  const t = useT();
  return (
    <Stack align="center" py="xl" data-testid="not-found">
      <Title order={2}>{t('app.notFound.title')}</Title>
      <Text c="dimmed">{t('app.notFound.text')}</Text>
      <Button component={Link} to="/">
        {t('app.notFound.home')}
      </Button>
    </Stack>
  );
}
