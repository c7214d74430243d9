import { Anchor, Badge, Button, CloseButton, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconClipboardList, IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, formatDateTime } from '../../../i18n/format.ts';
import { ListFrame } from '../../../ui/list-frame.tsx';
import { ClearFiltersButton } from '../../catalogue/components/list-filters.tsx';
import { useAsset } from '../../assets/api/assets-api.ts';
import { useCustomer } from '../../customers/api/customers-api.ts';
import type { OrderStatus, OrderSummary } from '../api/order-shapes.ts';
import { useOrderList } from '../api/orders-api.ts';
import { useStaff } from '../api/staff-api.ts';
import { useStatuses } from '../api/statuses-api.ts';
import { orderFiltersNarrow, useOrderFilters, type OrderPin } from '../api/use-order-filters.ts';
import { PriorityBadge, StatusBadge } from './order-badges.tsx';
import { OrderFilterBar } from './order-filters.tsx';
import { isOverdue, todayInWarsaw } from './order-text.ts';

/** "Nowe zlecenie", prefilled with the customer and the asset when the list belongs to one. */
export function NewOrderButton({ customerId, assetId, variant }: { customerId?: string | undefined; assetId?: string | undefined; variant?: string }) {
  const t = useT();
  const can = useCan();
  if (!can('orders:write')) return null;
  const qs = new URLSearchParams();
  if (customerId) qs.set('customerId', customerId);
  if (assetId) qs.set('assetId', assetId);
  const query = qs.toString();
  return (
    <Button component={Link} to={`/orders/new${query ? `?${query}` : ''}`} leftSection={<IconPlus size={16} />} variant={variant} data-testid="order-new">
      {t('orders.list.new')}
    </Button>
  );
}

type Props = {
  /** Pins the list to one customer or asset (their pages' "Zlecenia" tab). */
  pin?: OrderPin & { customerOfAsset?: string };
  headerActions?: (actions: ReactNode) => ReactNode;
};

/** The filtered, keyset-paged list of orders with its toolbar; pinned on a customer's or an asset's page. */
export function OrderList({ pin = {}, headerActions }: Props) {
  const t = useT();
  const navigate = useNavigate();
  const [filters, setFilters, defaults] = useOrderFilters(pin);
  const [resetToken, setResetToken] = useState(0);
  const statuses = useStatuses();
  const staff = useStaff();
  const list = useOrderList(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const byId = new Map((statuses.data ?? []).map((s) => [s.id, s]));
  const pinnedCustomer = !!pin.customerId;
  const pinnedAsset = !!pin.assetId;
  const narrowed = orderFiltersNarrow(filters, defaults, pin);
  const today = todayInWarsaw();
  const newCustomerId = pin.customerId ?? pin.customerOfAsset ?? (filters.customerId || undefined);
  const newAssetId = pin.assetId ?? (filters.assetId || undefined);
  const actions = <NewOrderButton customerId={newCustomerId} assetId={newAssetId} />;

  return (
    <Stack>
      {headerActions ? (
        headerActions(actions)
      ) : (
        <Group justify="flex-end" gap="xs">
          {actions}
        </Group>
      )}
      {!pinnedCustomer && !pinnedAsset && (filters.customerId || filters.assetId) && (
        <Group gap={4}>
          {filters.customerId && <CustomerChip id={filters.customerId} onClear={() => setFilters({ customerId: '' })} />}
          {filters.assetId && <AssetChip id={filters.assetId} onClear={() => setFilters({ assetId: '' })} />}
        </Group>
      )}
      <OrderFilterBar filters={filters} onChange={setFilters} statuses={statuses.data ?? []} staff={staff.options} resetToken={resetToken} />
      {filters.sort === 'promised' && (
        <Text size="xs" c="dimmed" mt={-8} data-testid="orders-promised-hint">
          {t('orders.list.promisedSortHint')}
        </Text>
      )}
      <ListFrame
        query={list}
        testId="orders"
        empty={{
          icon: <IconClipboardList size={28} />,
          title: narrowed ? t('orders.list.emptyFilteredTitle') : t('orders.list.emptyTitle'),
          text: narrowed
            ? t('orders.list.emptyFilteredText')
            : pinnedAsset
              ? t('orders.tab.emptyAssetText')
              : pinnedCustomer
                ? t('orders.tab.emptyCustomerText')
                : t('orders.list.emptyText'),
          actions: narrowed ? (
            <ClearFiltersButton
              onClear={() => {
                setFilters({ ...defaults, customerId: pinnedCustomer ? '' : filters.customerId, assetId: pinnedAsset ? '' : filters.assetId });
                setResetToken((n) => n + 1);
              }}
            />
          ) : (
            <NewOrderButton customerId={newCustomerId} assetId={newAssetId} />
          ),
        }}
      >
        <Table.ScrollContainer minWidth={pinnedCustomer || pinnedAsset ? 860 : 1100}>
          <Table highlightOnHover verticalSpacing="sm" data-testid="orders-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('orders.fields.number')}</Table.Th>
                <Table.Th>{t('orders.fields.receivedAt')}</Table.Th>
                {!pinnedCustomer && !pinnedAsset && <Table.Th>{t('orders.fields.customer')}</Table.Th>}
                {!pinnedAsset && <Table.Th>{t('orders.fields.asset')}</Table.Th>}
                <Table.Th>{t('orders.fields.status')}</Table.Th>
                <Table.Th>{t('orders.fields.priority')}</Table.Th>
                <Table.Th>{t('orders.fields.promisedOn')}</Table.Th>
                <Table.Th>{t('orders.fields.technician')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((o) => (
                <OrderRow key={o.id} order={o} status={byId.get(o.statusId)} today={today} showCustomer={!pinnedCustomer && !pinnedAsset} showAsset={!pinnedAsset} onOpen={() => void navigate(`/orders/${o.id}`)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ListFrame>
    </Stack>
  );
}

function OrderRow({ order: o, status, today, showCustomer, showAsset, onOpen }: { order: OrderSummary; status: OrderStatus | undefined; today: string; showCustomer: boolean; showAsset: boolean; onOpen: () => void }) {
  const t = useT();
  const overdue = isOverdue(o.promisedOn, o.phase, today);
  return (
    <Table.Tr
      style={{ cursor: 'pointer' }}
      onClick={(e) => {
        if (!(e.target instanceof HTMLElement && e.target.closest('a'))) onOpen();
      }}
      data-testid="order-row"
      data-number={o.number}
    >
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Anchor component={Link} to={`/orders/${o.id}`} fw={600} ff="monospace" fz="sm">
          {o.number}
        </Anchor>
        {o.kind === 'on_site' && (
          <Text size="xs" c="dimmed">
            {t('orders.kinds.on_site')}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm">{formatDateTime(o.receivedAt, t.lang)}</Text>
      </Table.Td>
      {showCustomer && (
        <Table.Td>
          <Anchor component={Link} to={`/customers/${o.customerId}`} size="sm">
            {o.customerName}
          </Anchor>
        </Table.Td>
      )}
      {showAsset && (
        <Table.Td>
          <Anchor component={Link} to={`/assets/${o.assetId}`} size="sm">
            {o.assetName}
          </Anchor>
          {o.serialNumber && (
            <Text size="xs" c="dimmed" ff="monospace">
              {o.serialNumber}
            </Text>
          )}
        </Table.Td>
      )}
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <StatusBadge status={status} phase={o.phase} />
      </Table.Td>
      <Table.Td>
        <PriorityBadge priority={o.priority} />
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {o.promisedOn ? (
          <Group gap={6} wrap="nowrap" data-testid="order-promised" data-overdue={overdue}>
            <Text size="sm" c={overdue ? 'red' : undefined} fw={overdue ? 600 : undefined} style={{ whiteSpace: 'nowrap' }}>
              {formatDate(o.promisedOn, t.lang)}
            </Text>
            {overdue && (
              <Tooltip label={t('orders.list.overdue')}>
                <IconAlertTriangle size={16} color="var(--mantine-color-red-6)" aria-label={t('orders.list.overdue')} style={{ flexShrink: 0 }} />
              </Tooltip>
            )}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('common.empty')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {o.technicianName ? (
          <Text size="sm">{o.technicianName}</Text>
        ) : (
          <Text size="sm" c="dimmed" fs="italic">
            {t('orders.list.noTechnician')}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function FilterChip({ label, clearLabel, onClear, testId }: { label: string; clearLabel: string; onClear: () => void; testId: string }) {
  return (
    <Badge size="lg" variant="light" radius="sm" tt="none" data-testid={testId} pr={4} rightSection={<CloseButton size="xs" onClick={onClear} aria-label={clearLabel} />}>
      {label}
    </Badge>
  );
}

function CustomerChip({ id, onClear }: { id: string; onClear: () => void }) {
  const t = useT();
  const customer = useCustomer(id);
  return <FilterChip label={t('orders.list.customerFilter', { name: customer.data?.name ?? '…' })} clearLabel={t('orders.list.clearCustomer')} onClear={onClear} testId="orders-customer-filter" />;
}

function AssetChip({ id, onClear }: { id: string; onClear: () => void }) {
  const t = useT();
  const asset = useAsset(id);
  return <FilterChip label={t('orders.list.assetFilter', { name: asset.data?.name ?? '…' })} clearLabel={t('orders.list.clearAsset')} onClear={onClear} testId="orders-asset-filter" />;
}
