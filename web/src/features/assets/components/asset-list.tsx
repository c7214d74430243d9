import { Anchor, Badge, Button, CloseButton, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconDevices, IconPlus, IconPrinter } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { useLanguage, useT } from '../../../i18n/i18n-context.tsx';
import { formatDate } from '../../../i18n/format.ts';
import { ExportButtons } from '../../../ui/export-buttons.tsx';
import { ListFrame } from '../../../ui/list-frame.tsx';
import { notifyError } from '../../../ui/notify.ts';
import { ClearFiltersButton } from '../../catalogue/components/list-filters.tsx';
import { useCustomer } from '../../customers/api/customers-api.ts';
import { perm } from '../api/asset-permissions.ts';
import type { Asset } from '../api/asset-shapes.ts';
import { ASSET_FILTER_DEFAULTS, exportUrl, labelsUrl, useAssetList } from '../api/assets-api.ts';
import { useAssetTypes } from '../api/asset-types-api.ts';
import { assetFiltersNarrow, useAssetFilters } from '../api/use-asset-filters.ts';
import { openPdf } from '../api/open-pdf.ts';
import { AssetFilterBar } from './asset-filters.tsx';
import { kindLabel, todayInWarsaw } from './asset-text.ts';
import { CustodyBadge } from './custody-badge.tsx';
import { ArchivedBadge } from '../../catalogue/components/status-badges.tsx';

/** "Nowe urządzenie", prefilled with the customer when the list belongs to one. */
export function NewAssetButton({ customerId, label, variant }: { customerId?: string | undefined; label?: string; variant?: string }) {
  const t = useT();
  const can = useCan();
  if (!can(perm('assets:write'))) return null;
  return (
    <Button
      component={Link}
      to={customerId ? `/assets/new?customerId=${customerId}` : '/assets/new'}
      leftSection={<IconPlus size={16} />}
      variant={variant}
      data-testid="asset-new"
    >
      {label ?? t('assets.list.new')}
    </Button>
  );
}

/**
 * The filtered, keyset-paged list of assets with its toolbar (labels sheet, export, new). On a
 * customer's page it is pinned to that customer (no customer column, "add" prefilled).
 */
export function AssetList({ customerId, headerActions }: { customerId?: string; headerActions?: (actions: ReactNode) => ReactNode }) {
  const t = useT();
  const can = useCan();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const pinned = !!customerId;
  const [filters, setFilters] = useAssetFilters(customerId);
  const [resetToken, setResetToken] = useState(0);
  const [printing, setPrinting] = useState(false);
  const types = useAssetTypes('all');
  const list = useAssetList(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const narrowed = assetFiltersNarrow(filters, pinned);
  const today = todayInWarsaw();
  const dash = t('common.empty');
  const newCustomerId = customerId ?? (filters.customerId || undefined);

  const actions = (
    <>
      <Tooltip label={t('assets.list.printLabelsHint')}>
        <Button
          variant="default"
          leftSection={<IconPrinter size={16} />}
          loading={printing}
          onClick={() => {
            setPrinting(true);
            void openPdf(labelsUrl(filters, language), t).then((problem) => {
              setPrinting(false);
              if (problem) notifyError(problem);
            });
          }}
          data-testid="assets-print-labels"
          data-href={labelsUrl(filters, language)}
        >
          {t('assets.list.printLabels')}
        </Button>
      </Tooltip>
      {can(perm('assets:export')) && <ExportButtons url={(format, lang) => exportUrl(filters, format, lang)} testId="assets" />}
      <NewAssetButton customerId={newCustomerId} label={pinned ? t('assets.customerTab.add') : undefined} />
    </>
  );

  return (
    <Stack>
      {headerActions ? (
        headerActions(actions)
      ) : (
        <Group justify="flex-end" gap="xs">
          {actions}
        </Group>
      )}
      {!pinned && filters.customerId && <CustomerFilterChip id={filters.customerId} onClear={() => setFilters({ customerId: '' })} />}
      <AssetFilterBar
        filters={filters}
        onChange={setFilters}
        types={types.data?.items ?? []}
        resetToken={resetToken}
      />
      <ListFrame
        query={list}
        testId="assets"
        empty={{
          icon: <IconDevices size={28} />,
          title: narrowed ? t('assets.list.emptyFilteredTitle') : t('assets.list.emptyTitle'),
          text: narrowed ? t('assets.list.emptyFilteredText') : t('assets.list.emptyText'),
          actions: narrowed ? (
            <ClearFiltersButton
              onClear={() => {
                setFilters({ ...ASSET_FILTER_DEFAULTS, customerId: pinned ? '' : filters.customerId });
                setResetToken((n) => n + 1);
              }}
            />
          ) : (
            <NewAssetButton customerId={newCustomerId} label={pinned ? t('assets.customerTab.add') : undefined} />
          ),
        }}
      >
        <Table.ScrollContainer minWidth={pinned ? 700 : 900}>
          <Table highlightOnHover verticalSpacing="sm" data-testid="assets-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assets.fields.name')}</Table.Th>
                <Table.Th>{t('assets.fields.type')}</Table.Th>
                <Table.Th>{t('assets.fields.serialNumber')}</Table.Th>
                {!pinned && <Table.Th>{t('assets.fields.customer')}</Table.Th>}
                <Table.Th>{t('assets.fields.custody')}</Table.Th>
                <Table.Th>{t('assets.fields.nextServiceDate')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => (
                <Table.Tr
                  key={a.id}
                  style={{ cursor: 'pointer' }}
                  onClick={(e) => {
                    if (!(e.target instanceof HTMLElement && e.target.closest('a'))) void navigate(`/assets/${a.id}`);
                  }}
                  data-testid="asset-row"
                  data-name={a.name}
                >
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Anchor component={Link} to={`/assets/${a.id}`} fw={500}>
                        {a.name}
                      </Anchor>
                      {a.archived && <ArchivedBadge />}
                    </Group>
                    {(a.manufacturer || a.model) && (
                      <Text size="xs" c="dimmed">
                        {[a.manufacturer, a.model].filter(Boolean).join(' ')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{a.assetTypeName}</Table.Td>
                  <Table.Td ff="monospace" fz="sm">
                    {a.serialNumber || dash}
                  </Table.Td>
                  {!pinned && (
                    <Table.Td>
                      <Anchor component={Link} to={`/customers/${a.customerId}`} size="sm">
                        {a.customerName}
                      </Anchor>
                    </Table.Td>
                  )}
                  <Table.Td>
                    <CustodyBadge custody={a.custody} />
                  </Table.Td>
                  <Table.Td>
                    <NextDateCell asset={a} today={today} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ListFrame>
    </Stack>
  );
}

function NextDateCell({ asset, today }: { asset: Asset; today: string }) {
  const t = useT();
  const next = asset.nextServiceDate;
  if (!next) return <Text size="sm" c="dimmed">{t('common.empty')}</Text>;
  const overdue = next.dueOn < today;
  return (
    <Stack gap={0} data-testid="asset-next-date" data-overdue={overdue}>
      <Group gap={6} wrap="nowrap">
        <Text size="sm" c={overdue ? 'red' : undefined} fw={overdue ? 600 : undefined} style={{ whiteSpace: 'nowrap' }}>
          {formatDate(next.dueOn, t.lang)}
        </Text>
        {overdue && (
          <Badge color="red" size="xs" variant="light" style={{ flexShrink: 0 }}>
            {t('assets.list.overdue')}
          </Badge>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {kindLabel(t, next)}
      </Text>
    </Stack>
  );
}

/** "Klient: X ×" above a list opened from a customer (/assets?customerId=…). */
function CustomerFilterChip({ id, onClear }: { id: string; onClear: () => void }) {
  const t = useT();
  const customer = useCustomer(id);
  return (
    <Group gap={4}>
      <Badge size="lg" variant="light" radius="sm" tt="none" data-testid="assets-customer-filter" pr={4} rightSection={<CloseButton size="xs" onClick={onClear} aria-label={t('assets.list.clearCustomer')} />}>
        {t('assets.list.customerFilter', { name: customer.data?.name ?? '…' })}
      </Badge>
    </Group>
  );
}
