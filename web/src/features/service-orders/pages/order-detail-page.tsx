import { Alert, Anchor, Breadcrumbs, Button, Group, Paper, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import {
  IconClock,
  IconEdit,
  IconFileDollar,
  IconHistory,
  IconInfoCircle,
  IconListCheck,
  IconListDetails,
  IconLock,
  IconMail,
  IconPackage,
  IconPackageExport,
  IconTruckDelivery,
} from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, formatDateTime } from '../../../i18n/format.ts';
import { DetailItem } from '../../../ui/detail-item.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { PageLoader } from '../../../ui/page-loader.tsx';
import { QueryError } from '../../../ui/query-error.tsx';
import { useTabParam } from '../../../ui/use-tab-param.ts';
import { AuditTimeline } from '../../audit/components/audit-timeline.tsx';
import type { AuditNames } from '../../audit/components/audit-values.ts';
import { useVatLabel } from '../../catalogue/api/vat-rates-api.ts';
import { useServicePathOptions } from '../api/lookups-api.ts';
import type { Order, OrderStatus } from '../api/order-shapes.ts';
import { intakeReceiptUrl, releaseReceiptUrl, useOrder } from '../api/orders-api.ts';
import { useStaff } from '../api/staff-api.ts';
import { useStatuses } from '../api/statuses-api.ts';
import { EstimatesTab } from '../components/estimates-tab.tsx';
import { LabourTab } from '../components/labour-tab.tsx';
import { PriorityBadge, StatusBadge } from '../components/order-badges.tsx';
import { OrderEditModal } from '../components/order-edit-modal.tsx';
import { OrderEvents } from '../components/order-events.tsx';
import { CreatedBanner, OrderOverview } from '../components/order-overview.tsx';
import { isOverdue, kindLabel, statusName, todayInWarsaw } from '../components/order-text.ts';
import { PartsTab } from '../components/parts-tab.tsx';
import { PrintButton, ReleaseModal } from '../components/release-modal.tsx';
import { RmaTab } from '../components/rma-tab.tsx';
import { StatusMenu } from '../components/status-change.tsx';
import { OrderMessages } from '../components/order-messages.tsx';
import { StepsTab } from '../components/steps-tab.tsx';
import type { CreatedOrderState } from './order-new-page.tsx';

const TABS = ['overview', 'steps', 'labour', 'parts', 'estimates', 'rma', 'events', 'messages', 'audit'] as const;

export function OrderDetailPage() {
  const { id = '' } = useParams();
  const order = useOrder(id);
  if (order.isPending) return <PageLoader />;
  if (order.error) return <QueryError error={order.error} onRetry={() => void order.refetch()} />;
  return <OrderDetail key={id} order={order.data} />;
}

function OrderDetail({ order: o }: { order: Order }) {
  const t = useT();
  const can = useCan();
  const location = useLocation();
  const navigate = useNavigate();
  const statuses = useStatuses();
  const staff = useStaff();
  const paths = useServicePathOptions();
  const vatLabel = useVatLabel();
  const [tab, setTab] = useTabParam(TABS);
  const [releasing, setReleasing] = useState(false);
  const [editing, setEditing] = useState(false);
  const created = (location.state as CreatedOrderState | null) ?? null;
  const byId = useMemo(() => new Map((statuses.data ?? []).map((s) => [s.id, s])), [statuses.data]);
  const status = byId.get(o.statusId);
  const closed = o.phase === 'released' || o.phase === 'cancelled';
  const mayWrite = can('orders:write');
  const today = todayInWarsaw();
  const overdue = isOverdue(o.promisedOn, o.phase, today);
  const staffName = (uid: string) => staff.options.find((s) => s.id === uid)?.name ?? (uid === o.technicianId ? (o.technicianName ?? undefined) : undefined);
  const pathName = o.servicePathId ? (paths.data?.find((p) => p.id === o.servicePathId)?.name ?? null) : null;
  // the audit names what this page knows; an id it cannot name is left out (the phase still shows)
  const auditNames: AuditNames = {
    statusId: (sid) => {
      const s = byId.get(sid);
      return s ? statusName(t, s) : undefined;
    },
    technicianId: staffName,
    ownerId: staffName,
    servicePathId: (pid) => paths.data?.find((p) => p.id === pid)?.name,
    vatRateCode: (code) => vatLabel(code, t.lang),
  };
  const mayReadMessages = can('messaging:read');
  const dismissCreated = () => void navigate(location.pathname + location.search, { replace: true, state: null });

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to="/orders" size="sm">
          {t('orders.list.title')}
        </Anchor>
        <span>{o.number}</span>
      </Breadcrumbs>
      <PageHeader
        title={<span data-testid="order-number">{o.number}</span>}
        badges={
          <>
            <StatusBadge status={status} phase={o.phase} size="lg" />
            {o.priority !== 'normal' && <PriorityBadge priority={o.priority} size="lg" />}
          </>
        }
        subtitle={
          <Group gap={6} component="span" wrap="wrap">
            <Anchor component={Link} to={`/customers/${o.customerId}`} data-testid="order-customer-link">
              {o.customerName}
            </Anchor>
            <Text span>·</Text>
            <Anchor component={Link} to={`/assets/${o.assetId}`} data-testid="order-asset-link">
              {o.assetName}
            </Anchor>
            {o.serialNumber && (
              <Text span ff="monospace" size="sm">
                ({o.serialNumber})
              </Text>
            )}
          </Group>
        }
        actions={
          <>
            {mayWrite && <StatusMenu order={o} statuses={statuses.data ?? []} />}
            {o.phase === 'ready_for_release' && can('orders:release') && (
              <Button color="green" leftSection={<IconPackageExport size={16} />} onClick={() => setReleasing(true)} data-testid="order-release">
                {t('orders.detail.release')}
              </Button>
            )}
            <PrintButton url={intakeReceiptUrl(o.id, o.lang)} label={t('orders.detail.printIntake')} testId="order-print-intake" variant="default" />
            {o.phase === 'released' && <PrintButton url={releaseReceiptUrl(o.id, o.lang)} label={t('orders.detail.printRelease')} testId="order-print-release" variant="default" />}
            {mayWrite && !closed && (
              <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)} data-testid="order-edit">
                {t('orders.detail.edit')}
              </Button>
            )}
          </>
        }
      />
      {created?.created && <CreatedBanner order={o} trackingUrl={created.trackingUrl ?? null} onClose={dismissCreated} />}
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <DetailItem label={t('orders.fields.promisedOn')} testId="order-promised">
            {o.promisedOn ? (
              <Text span size="sm" c={overdue ? 'red' : undefined} fw={overdue ? 700 : undefined} data-overdue={overdue}>
                {formatDate(o.promisedOn, t.lang)}
                {overdue ? ` — ${t('orders.detail.overdue')}` : ''}
              </Text>
            ) : (
              t('orders.detail.noPromised')
            )}
          </DetailItem>
          <DetailItem label={t('orders.fields.technician')} testId="order-technician">
            {o.technicianName ?? (
              <Text span size="sm" c="dimmed" fs="italic">
                {t('orders.detail.unassigned')}
              </Text>
            )}
          </DetailItem>
          <DetailItem label={t('orders.fields.receivedAt')}>{formatDateTime(o.receivedAt, t.lang)}</DetailItem>
          <DetailItem label={t('orders.fields.kind')}>{o.kind === 'on_site' && o.siteName ? `${kindLabel(t, o.kind)} — ${o.siteName}` : kindLabel(t, o.kind)}</DetailItem>
        </SimpleGrid>
      </Paper>
      {closed && (
        <Alert color="gray" icon={<IconLock size={18} />} data-testid="order-closed">
          {t('orders.detail.closedInfo', { status: status ? statusName(t, status) : o.phase })}
        </Alert>
      )}
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="overview" leftSection={<IconInfoCircle size={16} />} data-testid="tab-overview">
            {t('orders.detail.tabs.overview')}
          </Tabs.Tab>
          <Tabs.Tab value="steps" leftSection={<IconListCheck size={16} />} data-testid="tab-steps">
            {t('orders.detail.tabs.steps')}
          </Tabs.Tab>
          <Tabs.Tab value="labour" leftSection={<IconClock size={16} />} data-testid="tab-labour">
            {t('orders.detail.tabs.labour')}
          </Tabs.Tab>
          <Tabs.Tab value="parts" leftSection={<IconPackage size={16} />} data-testid="tab-parts">
            {t('orders.detail.tabs.parts')}
          </Tabs.Tab>
          <Tabs.Tab value="estimates" leftSection={<IconFileDollar size={16} />} data-testid="tab-estimates">
            {t('orders.detail.tabs.estimates')}
          </Tabs.Tab>
          <Tabs.Tab value="rma" leftSection={<IconTruckDelivery size={16} />} data-testid="tab-rma">
            {t('orders.detail.tabs.rma')}
          </Tabs.Tab>
          <Tabs.Tab value="events" leftSection={<IconListDetails size={16} />} data-testid="tab-events">
            {t('orders.detail.tabs.events')}
          </Tabs.Tab>
          {mayReadMessages && (
            <Tabs.Tab value="messages" leftSection={<IconMail size={16} />} data-testid="tab-messages">
              {t('orders.detail.tabs.messages')}
            </Tabs.Tab>
          )}
          {can('audit:read') && (
            <Tabs.Tab value="audit" leftSection={<IconHistory size={16} />} data-testid="tab-audit">
              {t('orders.detail.tabs.audit')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <OrderOverview order={o} pathName={pathName} />
        </Tabs.Panel>
        <Tabs.Panel value="steps">
          <StepsTab order={o} staff={staff} />
        </Tabs.Panel>
        <Tabs.Panel value="labour">
          <LabourTab order={o} staff={staff} />
        </Tabs.Panel>
        <Tabs.Panel value="parts">
          <PartsTab order={o} />
        </Tabs.Panel>
        <Tabs.Panel value="estimates">
          <EstimatesTab order={o} />
        </Tabs.Panel>
        <Tabs.Panel value="rma">
          <RmaTab order={o} />
        </Tabs.Panel>
        <Tabs.Panel value="events">
          <OrderEvents orderId={o.id} ctx={{ statuses: byId as Map<string, OrderStatus>, staffName }} />
        </Tabs.Panel>
        {mayReadMessages && (
          <Tabs.Panel value="messages">
            <OrderMessages order={o} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="audit">
          <AuditTimeline entity="service_orders" id={o.id} names={auditNames} />
        </Tabs.Panel>
      </Tabs>
      <ReleaseModal order={o} opened={releasing} onClose={() => setReleasing(false)} />
      {editing && <OrderEditModal order={o} onClose={() => setEditing(false)} />}
    </Stack>
  );
}
