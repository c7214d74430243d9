import { ActionIcon, Badge, Button, Center, Group, Loader, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconEdit, IconFileImport, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatMoney, formatPercentBp } from '../../../i18n/format.ts';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { QueryError } from '../../../ui/query-error.tsx';
import { useLastDefined } from '../../../ui/use-last-defined.ts';
import { usePriceItems, useRemovePriceItem, type PriceItem, type PriceList } from '../api/price-lists-api.ts';
import { PriceItemModal } from './price-item-modal.tsx';

/** The list's own prices and percentages per item: add, change, remove, import. */
export function PriceItemsSection({ list }: { list: PriceList }) {
  const t = useT();
  const can = useCan();
  const items = usePriceItems(list.id);
  const remove = useRemovePriceItem(list.id);
  const [editing, setEditing] = useState<PriceItem | 'new' | null>(null);
  const [removing, setRemoving] = useState<PriceItem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shownRemoving = useLastDefined(removing);
  const mayEdit = can('catalog:write') && !list.archived;
  const rows = items.data?.pages.flatMap((p) => p.items) ?? [];

  const doRemove = () =>
    removing &&
    remove.mutate(removing, {
      onSuccess: () => {
        notifySuccess(t('priceLists.items.removed', { name: removing.itemName }));
        setRemoving(null);
        setError(null);
      },
      onError: (e) => setError(apiErrorText(t, e)),
    });

  return (
    <Paper withBorder p="md" radius="md">
      <Stack>
        <Group justify="space-between">
          <Title order={4}>{t('priceLists.items.title')}</Title>
          <Group gap="xs">
            {can('catalog:import') && !list.archived && (
              <Button component={Link} to={`/catalogue/price-lists/${list.id}/import`} variant="default" size="xs" leftSection={<IconFileImport size={14} />} data-testid="price-items-import">
                {t('catalogue.list.import')}
              </Button>
            )}
            {mayEdit && (
              <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')} data-testid="price-item-add">
                {t('priceLists.items.add')}
              </Button>
            )}
          </Group>
        </Group>
        {items.error ? (
          <QueryError error={items.error} onRetry={() => void items.refetch()} />
        ) : items.isPending ? (
          <Center py="md">
            <Loader size="sm" aria-label={t('app.loading')} />
          </Center>
        ) : rows.length === 0 ? (
          <Text c="dimmed" size="sm" data-testid="price-items-empty">
            {list.defaultPercentBp !== null
              ? t('priceLists.items.emptyWithPercent', { percent: formatPercentBp(list.defaultPercentBp, t.lang) })
              : t('priceLists.items.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing={6} data-testid="price-items-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('priceLists.items.itemType')}</Table.Th>
                  <Table.Th>{t('priceLists.items.item')}</Table.Th>
                  <Table.Th ta="right">{t('priceLists.items.basePrice')}</Table.Th>
                  <Table.Th ta="right">{t('priceLists.items.onList')}</Table.Th>
                  {mayEdit && <Table.Th w={1} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((i) => (
                  <Table.Tr key={i.id} data-testid="price-item-row" data-code={i.itemCode}>
                    <Table.Td>
                      <Badge variant="light" color={i.itemType === 'part' ? 'blue' : 'teal'}>
                        {t(`priceLists.items.types.${i.itemType}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {i.itemName}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {i.itemCode}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatMoney(i.defaultNetMinor, 'PLN', t.lang)}
                    </Table.Td>
                    <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="price-item-value">
                      {i.priceMinor !== null
                        ? `${formatMoney(i.priceMinor, 'PLN', t.lang)} ${list.entryMode === 'gross' ? t('priceLists.entryModesShort.gross') : t('priceLists.entryModesShort.net')}`
                        : formatPercentBp(i.percentBp, t.lang)}
                    </Table.Td>
                    {mayEdit && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Tooltip label={t('common.edit')}>
                            <ActionIcon variant="subtle" onClick={() => setEditing(i)} aria-label={`${t('common.edit')}: ${i.itemName}`} data-testid="price-item-edit">
                              <IconEdit size={16} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label={t('priceLists.items.remove')}>
                            <ActionIcon variant="subtle" color="red" onClick={() => setRemoving(i)} aria-label={`${t('priceLists.items.remove')}: ${i.itemName}`} data-testid="price-item-remove">
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {items.hasNextPage && (
          <Button variant="light" w="fit-content" onClick={() => void items.fetchNextPage()} loading={items.isFetchingNextPage} data-testid="price-items-load-more">
            {t('common.loadMore')}
          </Button>
        )}
      </Stack>
      {editing && <PriceItemModal key={editing === 'new' ? 'new' : editing.id} list={list} item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmModal
        opened={removing !== null}
        title={t('priceLists.items.removeConfirm.title')}
        confirmLabel={t('priceLists.items.remove')}
        loading={remove.isPending}
        error={error}
        onConfirm={doRemove}
        onClose={() => {
          setRemoving(null);
          setError(null);
        }}
      >
        {t('priceLists.items.removeConfirm.text', { name: shownRemoving?.itemName ?? '' })}
      </ConfirmModal>
    </Paper>
  );
}
