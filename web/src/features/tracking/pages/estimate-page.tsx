// /e/:token — the estimate link emailed to the customer: the estimate, Accept / Reject, and what
// became of it (accepted, rejected, withdrawn); an expired link says so.
import { Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import { PageLoader } from '../../../ui/page-loader.tsx';
import { useEstimateDecision, usePublicEstimate, type Decision } from '../api/tracking-api.ts';
import { EstimateCard } from '../components/estimate-card.tsx';
import { PublicShell, useOrderLanguage } from '../components/public-shell.tsx';
import { LoadFailure } from '../components/public-states.tsx';

export function EstimatePage() {
  const { token = '' } = useParams();
  const t = useT();
  const estimate = usePublicEstimate(token);
  const decide = useEstimateDecision(token);
  const [decided, setDecided] = useState<Decision | null>(null);
  useOrderLanguage(estimate.data?.lang);
  const title = t('tracking.estimatePageTitle');
  const data = estimate.data;

  if (estimate.isPending) return <PublicShell title={title}><PageLoader /></PublicShell>;
  if (!data) return <PublicShell title={title}><LoadFailure error={estimate.error} onRetry={() => void estimate.refetch()} /></PublicShell>;

  return (
    <PublicShell title={title} company={data.company}>
      <Stack gap={0}>
        <Text size="sm" c="dimmed" data-testid="order-number">
          {t('tracking.order', { number: data.orderNumber })}
        </Text>
        <Title order={1} size="h3" data-testid="asset-name">
          {data.assetName}
        </Title>
      </Stack>
      <EstimateCard estimate={data} decided={decided} onDecided={setDecided} decide={decide} />
    </PublicShell>
  );
}
