import { Badge, Button, Grid, Paper, Stack, Tabs, Title } from '@mantine/core';
import { IconEdit, IconHistory, IconInfoCircle, IconListDetails, IconTransfer } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatQuantity } from '../../../i18n/format.ts';
import { PageHeader } from '../../../ui/page-header.tsx';
import { PageLoader } from '../../../ui/page-loader.tsx';
import { QueryError } from '../../../ui/query-error.tsx';
import { useTabParam } from '../../../ui/use-tab-param.ts';
import { AuditTimeline } from '../../audit/components/audit-timeline.tsx';
import { ArchiveControl } from '../../catalogue/components/archive-control.tsx';
import { CatalogueCrumbs } from '../../catalogue/components/catalogue-crumbs.tsx';
import { ArchivedBadge } from '../../catalogue/components/status-badges.tsx';
import { StockLedger } from '../../stock/components/stock-ledger.tsx';
import { StockLevels } from '../../stock/components/stock-levels.tsx';
import { StockMovementModal } from '../../stock/components/stock-movement-modal.tsx';
import { partsApi } from '../api/parts-api.ts';
import { LowStockBadge } from '../components/parts-table.tsx';
import { PartDetails } from '../components/part-details.tsx';

const TABS = ['details', 'movements', 'history'] as const;

export function PartDetailPage() {
  const t = useT();
  const can = useCan();
  const { id = '' } = useParams();
  const part = partsApi.useOne(id);
  const archive = partsApi.useSetArchived(id);
  const [tab, setTab] = useTabParam(TABS);
  const [moving, setMoving] = useState(false);

  if (part.isPending) return <PageLoader />;
  if (part.error) return <QueryError error={part.error} onRetry={() => void part.refetch()} />;
  const p = part.data;
  const unit = t(`parts.unitsShort.${p.unit}`);

  return (
    <Stack>
      <CatalogueCrumbs list={{ to: '/catalogue/parts', label: t('parts.list.title') }} current={p.name} />
      <PageHeader
        title={<span data-testid="part-title">{p.name}</span>}
        subtitle={p.code}
        badges={
          <>
            <Badge variant="light" color={p.lowStock ? 'orange' : 'blue'} size="lg" data-testid="part-on-hand-badge">
              {t('parts.detail.onHand', { quantity: `${formatQuantity(p.onHand, t.lang)} ${unit}` })}
            </Badge>
            {p.lowStock && <LowStockBadge />}
            {p.archived && <ArchivedBadge />}
          </>
        }
        actions={
          <>
            {can('stock:move') && !p.archived && (
              <Button leftSection={<IconTransfer size={16} />} onClick={() => setMoving(true)} data-testid="part-stock-move">
                {t('stock.movement.open')}
              </Button>
            )}
            {can('catalog:write') && (
              <Button component={Link} to={`/catalogue/parts/${p.id}/edit`} variant="default" leftSection={<IconEdit size={16} />} data-testid="part-edit">
                {t('common.edit')}
              </Button>
            )}
            {can('catalog:write') && <ArchiveControl archived={p.archived} name={p.name} mutation={archive} testId="part" />}
          </>
        }
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="details" leftSection={<IconInfoCircle size={16} />} data-testid="tab-details">
            {t('catalogue.detail.tabs.details')}
          </Tabs.Tab>
          <Tabs.Tab value="movements" leftSection={<IconListDetails size={16} />} data-testid="tab-movements">
            {t('stock.ledger.title')}
          </Tabs.Tab>
          {can('audit:read') && (
            <Tabs.Tab value="history" leftSection={<IconHistory size={16} />} data-testid="tab-history">
              {t('catalogue.detail.tabs.history')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="details">
          <Grid>
            <Grid.Col span={{ base: 12, md: 8 }}>
              <PartDetails part={p} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Paper withBorder p="lg" radius="md">
                <Title order={4} mb="sm">
                  {t('stock.levels.title')}
                </Title>
                <StockLevels part={p} />
              </Paper>
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="movements">
          <Paper withBorder p="md" radius="md">
            <StockLedger part={p} />
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <AuditTimeline entity="parts" id={p.id} />
        </Tabs.Panel>
      </Tabs>
      {moving && <StockMovementModal part={p} onClose={() => setMoving(false)} />}
    </Stack>
  );
}
