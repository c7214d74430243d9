import { Badge, Button, Center, EmptyState, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { IconBuildingWarehouse, IconEdit, IconPlayerPause, IconPlayerPlay, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/page-header.tsx';
import { QueryError } from '../../../ui/query-error.tsx';
import { useLastDefined } from '../../../ui/use-last-defined.ts';
import { CatalogueCrumbs } from '../../catalogue/components/catalogue-crumbs.tsx';
import { useSaveLocation, useStockLocations, type StockLocation } from '../api/stock-api.ts';
import { LocationModal } from '../components/location-modal.tsx';

/** Warehouses, vans and other places where parts are kept. */
export function StockLocationsPage() {
  const t = useT();
  const can = useCan();
  const locations = useStockLocations();
  const save = useSaveLocation();
  const [editing, setEditing] = useState<StockLocation | 'new' | null>(null);
  const [deactivating, setDeactivating] = useState<StockLocation | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shownDeactivating = useLastDefined(deactivating);
  const mayEdit = can('catalog:write');

  const setActive = (l: StockLocation, active: boolean) =>
    save.mutate(
      { id: l.id, body: { active } },
      {
        onSuccess: () => {
          setDeactivating(null);
          setError(null);
          notifySuccess(active ? t('stock.locations.activated', { name: l.name }) : t('stock.locations.deactivated', { name: l.name }));
        },
        onError: (e) => (deactivating ? setError(apiErrorText(t, e)) : notifyError(apiErrorText(t, e))),
      },
    );

  const addButton = mayEdit && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="location-add">
      {t('stock.locations.add')}
    </Button>
  );

  return (
    <Stack>
      <CatalogueCrumbs list={{ to: '/catalogue/parts', label: t('parts.list.title') }} current={t('stock.locations.title')} />
      <PageHeader title={t('stock.locations.title')} subtitle={t('stock.locations.intro')} actions={addButton} />
      {locations.error ? (
        <QueryError error={locations.error} onRetry={() => void locations.refetch()} />
      ) : locations.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : locations.data.length === 0 ? (
        <Paper withBorder p="xl" radius="md">
          <EmptyState icon={<IconBuildingWarehouse size={28} />} title={t('stock.locations.emptyTitle')} description={t('stock.locations.emptyText')} />
        </Paper>
      ) : (
        <Paper withBorder radius="md" p="xs">
          <Table verticalSpacing="sm" data-testid="locations-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('stock.locations.fields.name')}</Table.Th>
                <Table.Th>{t('stock.locations.fields.kind')}</Table.Th>
                <Table.Th>{t('stock.locations.fields.notes')}</Table.Th>
                <Table.Th>{t('stock.locations.fields.status')}</Table.Th>
                {mayEdit && <Table.Th w={1}>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {locations.data.map((l) => (
                <Table.Tr key={l.id} data-testid="location-row" data-name={l.name} c={l.active ? undefined : 'dimmed'}>
                  <Table.Td fw={500}>{l.name}</Table.Td>
                  <Table.Td>{t(`stock.locationKinds.${l.kind}`)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {l.notes || t('common.empty')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={l.active ? 'green' : 'gray'}>
                      {l.active ? t('stock.locations.active') : t('stock.locations.inactive')}
                    </Badge>
                  </Table.Td>
                  {mayEdit && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="xs" variant="subtle" leftSection={<IconEdit size={14} />} onClick={() => setEditing(l)} data-testid="location-edit">
                          {t('stock.locations.rename')}
                        </Button>
                        {l.active ? (
                          <Button size="xs" variant="subtle" color="orange" leftSection={<IconPlayerPause size={14} />} onClick={() => setDeactivating(l)} data-testid="location-deactivate">
                            {t('stock.locations.deactivate')}
                          </Button>
                        ) : (
                          <Button size="xs" variant="subtle" leftSection={<IconPlayerPlay size={14} />} onClick={() => setActive(l, true)} loading={save.isPending} data-testid="location-activate">
                            {t('stock.locations.activate')}
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {editing && <LocationModal key={editing === 'new' ? 'new' : editing.id} location={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmModal
        opened={deactivating !== null}
        title={t('stock.locations.deactivateConfirm.title')}
        confirmLabel={t('stock.locations.deactivate')}
        color="orange"
        loading={save.isPending}
        error={error}
        onConfirm={() => deactivating && setActive(deactivating, false)}
        onClose={() => {
          setDeactivating(null);
          setError(null);
        }}
      >
        {t('stock.locations.deactivateConfirm.text', { name: shownDeactivating?.name ?? '' })}
      </ConfirmModal>
    </Stack>
  );
}
