// What a customer's page shows when it cannot show its content: an unknown or revoked link, an
// expired estimate, a failure that may pass.
import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconClockX, IconLinkOff } from '@tabler/icons-react';
import { ApiError } from '../../../app/api-client.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { Translate } from '../../../i18n/translate.ts';

/** A server error for the customer: tracking.errors.<code>, else a general sentence. */
export function publicErrorText(t: Translate, error: unknown): string {
  if (error instanceof ApiError) return t.opt(`tracking.errors.${error.code}`) ?? t('tracking.errors.unknown');
  return t('tracking.errors.unknown');
}

export function LoadFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const t = useT();
  if (error instanceof ApiError && error.status === 404) return <StateCard kind="not-found" />;
  if (error instanceof ApiError && error.status === 410) return <StateCard kind="expired" />;
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('tracking.states.errorTitle')} role="alert" data-testid="public-error">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{t('tracking.states.errorText')}</Text>
        <Button size="xs" variant="light" color="red" onClick={onRetry}>
          {t('tracking.states.retry')}
        </Button>
      </Stack>
    </Alert>
  );
}

export function StateCard({ kind }: { kind: 'not-found' | 'expired' }) {
  const t = useT();
  const Icon = kind === 'expired' ? IconClockX : IconLinkOff;
  return (
    <Card withBorder padding="xl" data-testid={`state-${kind}`}>
      <Stack align="center" gap="sm" ta="center">
        <Icon size={40} color="var(--mantine-color-gray-6)" />
        <Title order={2} size="h3">
          {kind === 'expired' ? t('tracking.states.expiredTitle') : t('tracking.states.notFoundTitle')}
        </Title>
        <Text c="dimmed">{kind === 'expired' ? t('tracking.states.expiredText') : t('tracking.states.notFoundText')}</Text>
      </Stack>
    </Card>
  );
}
