// /t/:token — the customer's view of an order (the QR on the intake receipt, the link in messages):
// the status, the expected date, the estimate waiting for a decision, and the history.
import { Badge, Card, Group, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconCircleCheck, IconClipboardList, IconFileInvoice, IconFlag, IconPackage, IconProgress } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, formatDateTime } from '../../../i18n/format.ts';
import type { Translate } from '../../../i18n/translate.ts';
import { PageLoader } from '../../../ui/page-loader.tsx';
import { useTracking, useTrackingDecision, type Decision, type PublicEstimate, type TimelineEvent } from '../api/tracking-api.ts';
import { EstimateCard } from '../components/estimate-card.tsx';
import { PublicShell, useOrderLanguage } from '../components/public-shell.tsx';
import { LoadFailure } from '../components/public-states.tsx';

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {children}
      </Text>
    </div>
  );
}

function eventText(t: Translate, e: TimelineEvent): string {
  const status = (t.lang === 'pl' ? e.statusNamePl : e.statusNameEn) ?? '';
  switch (e.kind) {
    case 'status':
      return t('tracking.events.status', { status });
    case 'promised':
      return e.promisedOn ? t('tracking.events.promised', { date: formatDate(e.promisedOn, t.lang) }) : t('tracking.events.promisedNone');
    default:
      return t(`tracking.events.${e.kind}`);
  }
}

const EVENT_ICONS: Record<TimelineEvent['kind'], typeof IconFlag> = {
  created: IconClipboardList,
  status: IconProgress,
  promised: IconFlag,
  released: IconPackage,
  estimate_sent: IconFileInvoice,
  estimate_accepted: IconCircleCheck,
  estimate_rejected: IconFileInvoice,
};

export function TrackingPage() {
  const { token = '' } = useParams();
  const t = useT();
  const tracking = useTracking(token);
  const decide = useTrackingDecision(token);
  // The estimate decided here stays on screen with the thank-you note after the page refreshes.
  const [decided, setDecided] = useState<{ estimate: PublicEstimate; decision: Decision } | null>(null);
  useOrderLanguage(tracking.data?.lang);
  const data = tracking.data;
  const title = t('tracking.pageTitle');

  if (tracking.isPending) return <PublicShell title={title}><PageLoader /></PublicShell>;
  if (!data) return <PublicShell title={title}><LoadFailure error={tracking.error} onRetry={() => void tracking.refetch()} /></PublicShell>;

  const lang = t.lang;
  const statusName = lang === 'pl' ? data.status.namePl : data.status.nameEn;
  const estimate = decided?.estimate ?? data.pendingEstimate;

  return (
    <PublicShell title={title} company={data.company}>
      <Card withBorder padding="lg" data-testid="tracking-summary">
        <Stack gap="md">
          <div>
            <Text size="sm" c="dimmed" data-testid="order-number">
              {t('tracking.order', { number: data.orderNumber })}
            </Text>
            <Title order={2} size="h3" data-testid="asset-name">
              {data.assetName}
            </Title>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('tracking.currentStatus')}
            </Text>
            <Badge size="lg" color={data.status.color} variant="light" data-testid="order-status" style={{ whiteSpace: 'normal', height: 'auto' }}>
              {statusName}
            </Badge>
          </div>
          <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="sm">
            <Fact label={t('tracking.receivedOn')}>{formatDate(data.receivedOn, lang)}</Fact>
            {data.releasedOn ? (
              <Fact label={t('tracking.releasedOn')}>{formatDate(data.releasedOn, lang)}</Fact>
            ) : data.readyOn ? (
              <Fact label={t('tracking.readyOn')}>{formatDate(data.readyOn, lang)}</Fact>
            ) : (
              <Fact label={t('tracking.promisedOn')} testId="promised-on">
                {data.promisedOn ? formatDate(data.promisedOn, lang) : t('tracking.noPromisedDate')}
              </Fact>
            )}
          </SimpleGrid>
        </Stack>
      </Card>

      {estimate && (
        <EstimateCard
          estimate={estimate}
          decided={decided?.decision ?? null}
          onDecided={(decision) => setDecided({ estimate, decision })}
          decide={{
            mutate: (body, opts) => decide.mutate({ ...body, estimateId: estimate.id }, opts),
            isPending: decide.isPending,
            error: decide.error,
            reset: decide.reset,
          }}
        />
      )}

      <Card withBorder padding="lg">
        <Title order={2} size="h4" mb="md">
          {t('tracking.timeline')}
        </Title>
        <Timeline active={0} bulletSize={26} lineWidth={2} data-testid="timeline">
          {data.timeline.map((e, i) => {
            const Icon = EVENT_ICONS[e.kind];
            return (
              <Timeline.Item key={i} bullet={<Icon size={14} />} title={<Text size="sm" fw={i === 0 ? 600 : 400}>{eventText(t, e)}</Text>}>
                <Text size="xs" c="dimmed">
                  {formatDateTime(e.at, lang)}
                </Text>
              </Timeline.Item>
            );
          })}
        </Timeline>
      </Card>
    </PublicShell>
  );
}
