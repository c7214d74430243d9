import { Anchor, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import {
  IconArchive,
  IconCalendarEvent,
  IconClipboardList,
  IconEdit,
  IconFiles,
  IconGauge,
  IconHistory,
  IconInfoCircle,
  IconListDetails,
  IconPrinter,
  IconRestore,
  IconTruckDelivery,
} from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { useLanguage, useT } from '../../../i18n/i18n-context.tsx';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/page-header.tsx';
import { PageLoader } from '../../../ui/page-loader.tsx';
import { QueryError } from '../../../ui/query-error.tsx';
import { useTabParam } from '../../../ui/use-tab-param.ts';
import { AuditTimeline } from '../../audit/components/audit-timeline.tsx';
import { ArchivedBadge } from '../../catalogue/components/status-badges.tsx';
import { perm } from '../api/asset-permissions.ts';
import type { Asset } from '../api/asset-shapes.ts';
import { labelUrl, useAsset, useSetAssetArchived } from '../api/assets-api.ts';
import { useAssetType } from '../api/asset-types-api.ts';
import { AssetDetails } from '../components/asset-details.tsx';
import { AssetEvents } from '../components/asset-events.tsx';
import { AssetsCrumbs } from '../components/assets-crumbs.tsx';
import { CustodyBadge } from '../components/custody-badge.tsx';
import { CustodyModal } from '../components/custody-modal.tsx';
import { DocumentsSection } from '../components/documents-section.tsx';
import { ReadingsSection } from '../components/readings-section.tsx';
import { ServiceDatesSection } from '../components/service-dates-section.tsx';
import { AssetOrdersTab } from '../../service-orders/components/orders-tab.tsx';

const TABS = ['details', 'orders', 'service-dates', 'readings', 'documents', 'history', 'audit'] as const;

export function AssetDetailPage() {
  const { id = '' } = useParams();
  const asset = useAsset(id);
  if (asset.isPending) return <PageLoader />;
  if (asset.error) return <QueryError error={asset.error} onRetry={() => void asset.refetch()} />;
  return <AssetDetail asset={asset.data} />;
}

function AssetDetail({ asset: a }: { asset: Asset }) {
  const t = useT();
  const can = useCan();
  const { language } = useLanguage();
  const type = useAssetType(a.assetTypeId);
  const [tab, setTab] = useTabParam(TABS);
  const [custodyOpen, setCustodyOpen] = useState(false);
  const mayWrite = can(perm('assets:write'));
  // a type without a meter has no readings tab; an old link to it shows the details
  const shownTab = tab === 'readings' && !a.meterUnit ? 'details' : tab;
  return (
    <Stack>
      <AssetsCrumbs current={a.name} />
      <PageHeader
        title={<span data-testid="asset-title">{a.name}</span>}
        badges={
          <>
            <CustodyBadge custody={a.custody} size="lg" />
            {a.archived && <ArchivedBadge />}
          </>
        }
        subtitle={
          <Group gap={6} component="span">
            <Text span>{a.assetTypeName}</Text>
            {a.serialNumber && (
              <>
                <Text span>·</Text>
                <Text span ff="monospace">
                  {a.serialNumber}
                </Text>
              </>
            )}
            <Text span>·</Text>
            <Anchor component={Link} to={`/customers/${a.customerId}`} data-testid="asset-customer-link">
              {a.customerName}
            </Anchor>
          </Group>
        }
        actions={
          <>
            {mayWrite && !a.archived && (
              <Button variant="default" leftSection={<IconTruckDelivery size={16} />} onClick={() => setCustodyOpen(true)} data-testid="asset-change-custody">
                {t('assets.detail.changeCustody')}
              </Button>
            )}
            <Button component="a" href={labelUrl(a.id, language)} target="_blank" rel="noopener" variant="default" leftSection={<IconPrinter size={16} />} data-testid="asset-print-label">
              {t('assets.detail.printLabel')}
            </Button>
            {mayWrite && (
              <>
                <Button component={Link} to={`/assets/${a.id}/edit`} leftSection={<IconEdit size={16} />} data-testid="asset-edit">
                  {t('common.edit')}
                </Button>
                <ArchiveButton asset={a} />
              </>
            )}
          </>
        }
      />
      <Tabs value={shownTab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="details" leftSection={<IconInfoCircle size={16} />} data-testid="tab-details">
            {t('assets.detail.tabs.details')}
          </Tabs.Tab>
          {can('orders:read') && (
            <Tabs.Tab value="orders" leftSection={<IconClipboardList size={16} />} data-testid="tab-orders">
              {t('orders.tab.title')}
            </Tabs.Tab>
          )}
          <Tabs.Tab value="service-dates" leftSection={<IconCalendarEvent size={16} />} data-testid="tab-service-dates">
            {t('assets.detail.tabs.serviceDates')}
          </Tabs.Tab>
          {a.meterUnit && (
            <Tabs.Tab value="readings" leftSection={<IconGauge size={16} />} data-testid="tab-readings">
              {t('assets.detail.tabs.readings')}
            </Tabs.Tab>
          )}
          <Tabs.Tab value="documents" leftSection={<IconFiles size={16} />} data-testid="tab-documents">
            {t('assets.detail.tabs.documents')}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconListDetails size={16} />} data-testid="tab-history">
            {t('assets.detail.tabs.events')}
          </Tabs.Tab>
          {can('audit:read') && (
            <Tabs.Tab value="audit" leftSection={<IconHistory size={16} />} data-testid="tab-audit">
              {t('assets.detail.tabs.audit')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="details">
          <AssetDetails asset={a} type={type.data ?? null} />
        </Tabs.Panel>
        <Tabs.Panel value="orders">
          <AssetOrdersTab assetId={a.id} customerId={a.customerId} />
        </Tabs.Panel>
        <Tabs.Panel value="service-dates">
          <ServiceDatesSection asset={a} />
        </Tabs.Panel>
        {a.meterUnit && (
          <Tabs.Panel value="readings">
            <ReadingsSection asset={a} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="documents">
          <DocumentsSection asset={a} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <AssetEvents assetId={a.id} meterUnit={a.meterUnit} />
        </Tabs.Panel>
        <Tabs.Panel value="audit">
          <AuditTimeline entity="assets" id={a.id} />
        </Tabs.Panel>
      </Tabs>
      {custodyOpen && <CustodyModal asset={a} onClose={() => setCustodyOpen(false)} />}
    </Stack>
  );
}

/** Archive (after a question) or restore. */
function ArchiveButton({ asset }: { asset: Asset }) {
  const t = useT();
  const archive = useSetAssetArchived(asset.id);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = (value: boolean) =>
    archive.mutate(value, {
      onSuccess: () => {
        setOpen(false);
        setError(null);
        notifySuccess(value ? t('assets.detail.archived', { name: asset.name }) : t('assets.detail.restored', { name: asset.name }));
      },
      onError: (e) => (open ? setError(apiErrorText(t, e)) : notifyError(apiErrorText(t, e))),
    });
  if (asset.archived)
    return (
      <Button variant="default" leftSection={<IconRestore size={16} />} loading={archive.isPending} onClick={() => run(false)} data-testid="asset-restore">
        {t('common.restore')}
      </Button>
    );
  return (
    <>
      <Button variant="default" leftSection={<IconArchive size={16} />} onClick={() => setOpen(true)} data-testid="asset-archive">
        {t('common.archive')}
      </Button>
      <ConfirmModal
        opened={open}
        title={t('assets.detail.archiveConfirm.title')}
        confirmLabel={t('common.archive')}
        color="orange"
        loading={archive.isPending}
        error={error}
        onConfirm={() => run(true)}
        onClose={() => {
          setOpen(false);
          setError(null);
        }}
      >
        {t('assets.detail.archiveConfirm.text', { name: asset.name })}
      </ConfirmModal>
    </>
  );
}
