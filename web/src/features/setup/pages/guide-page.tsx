import { Alert, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconConfetti } from '@tabler/icons-react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { PageLoader } from '../../../ui/page-loader.tsx';
import { QueryError } from '../../../ui/query-error.tsx';
import { useSetupGuide } from '../api/setup-api.ts';
import { GuideStepCard } from '../components/guide-step-card.tsx';

/** Home: the setup checklist with progress. */
export function GuidePage() {
  const t = useT();
  const guide = useSetupGuide();
  if (guide.isPending) return <PageLoader />;
  if (guide.error) return <QueryError error={guide.error} onRetry={() => void guide.refetch()} />;
  const { steps, complete } = guide.data;
  const done = steps.filter((s) => s.done).length;
  const percent = steps.length ? Math.round((done / steps.length) * 100) : 100;
  return (
    <Stack>
      <PageHeader title={t('guide.title')} subtitle={t('guide.intro')} />
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" mb="xs">
          <Text fw={600} data-testid="guide-progress">
            {t('guide.progress', { done, total: steps.length })}
          </Text>
          <Text c="dimmed">{percent}%</Text>
        </Group>
        <Progress value={percent} color={complete ? 'green' : 'blue'} size="lg" radius="xl" aria-label={t('guide.progress', { done, total: steps.length })} />
      </Paper>
      {complete && (
        <Alert color="green" icon={<IconConfetti size={18} />} data-testid="guide-complete">
          {t('guide.complete')}
        </Alert>
      )}
      {steps.map((step, i) => (
        <GuideStepCard key={step.key} step={step} index={i} />
      ))}
    </Stack>
  );
}
