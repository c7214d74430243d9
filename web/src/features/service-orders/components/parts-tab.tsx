import { ActionIcon, Badge, Button, Center, Group, Loader, Modal, Select, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { IconArrowBackUp, IconPackage, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { api } from '../../../app/api-client.ts';
import type { Page } from '../../../app/api-types.ts';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime, formatMoney, formatQuantity, parseQuantityInput, quantitySign } from '../../../i18n/format.ts';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { DecimalInput } from '../../../ui/decimal-input.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { QueryError } from '../../../ui/query-error.tsx';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useLastDefined } from '../../../ui/use-last-defined.ts';
import { EmptyStateCard } from '../../assets/components/empty-state-card.tsx';
import { useVatLabel } from '../../catalogue/api/vat-rates-api.ts';
import type { Part } from '../../parts/api/part-types.ts';
import { stockKeys, useStockLocations, type StockLevel } from '../../stock/api/stock-api.ts';
import type { Order } from '../api/order-shapes.ts';
import { useAddPart, useOrderWork, useRemovePart, type PartUse } from '../api/work-api.ts';

export const unitShort = (t: ReturnType<typeof useT>, unit: string) => t.opt(`parts.unitsShort.${unit}`) ?? t.opt(`services.unitsPer.${unit}`) ?? unit;

/** Parts used on the order: issued from a stock location (stock goes down), removable (back to stock). */
export function PartsTab({ order }: { order: Order }) {
  const t = useT();
  const can = useCan();
  const vat = useVatLabel();
  const work = useOrderWork(order.id);
  const remove = useRemovePart(order.id);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<PartUse | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const shownRemoving = useLastDefined(removing);
  const closed = order.phase === 'released' || order.phase === 'cancelled';
  const mayWrite = can('orders:write') && can('stock:move') && !closed;
  if (work.isPending)
    return (
      <Center py="lg">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  if (work.error) return <QueryError error={work.error} onRetry={() => void work.refetch()} />;
  const parts = work.data.parts;
  const active = parts.filter((p) => !p.removedAt);
  const net = active.reduce((n, p) => n + p.netMinor, 0);
  const money = (m: number) => formatMoney(m, 'PLN', t.lang);
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={4}>{t('orders.parts.title')}</Title>
          {active.length > 0 && (
            <Text size="sm" c="dimmed" data-testid="parts-summary">
              {t('orders.parts.summary', { net: money(net) })}
            </Text>
          )}
          {can('orders:write') && !can('stock:move') && !closed && (
            <Text size="xs" c="dimmed">
              {t('orders.parts.noStockPermission')}
            </Text>
          )}
        </Stack>
        {mayWrite && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} data-testid="part-add">
            {t('orders.parts.add')}
          </Button>
        )}
      </Group>
      {parts.length === 0 ? (
        <EmptyStateCard icon={<IconPackage size={28} />} title={t('orders.parts.emptyTitle')} text={t('orders.parts.emptyText')} testId="parts-empty" />
      ) : (
        <Table.ScrollContainer minWidth={820}>
          <Table verticalSpacing="xs" highlightOnHover data-testid="parts-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('orders.parts.fields.part')}</Table.Th>
                <Table.Th>{t('orders.parts.fields.location')}</Table.Th>
                <Table.Th ta="right">{t('orders.parts.fields.quantity')}</Table.Th>
                <Table.Th ta="right">{t('orders.parts.fields.unitPrice')}</Table.Th>
                <Table.Th>{t('orders.parts.fields.vat')}</Table.Th>
                <Table.Th ta="right">{t('orders.parts.fields.net')}</Table.Th>
                {mayWrite && <Table.Th w={40} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {parts.map((p) => (
                <Table.Tr key={p.id} data-testid="part-row" data-removed={!!p.removedAt} style={{ opacity: p.removedAt ? 0.55 : 1 }}>
                  <Table.Td>
                    <Text size="sm" fw={500} td={p.removedAt ? 'line-through' : undefined}>
                      {p.partName}
                    </Text>
                    <Group gap={6}>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {p.partCode}
                      </Text>
                      {p.removedAt && (
                        <Badge size="xs" color="gray" variant="light">
                          {t('orders.parts.removedAt', { date: formatDateTime(p.removedAt, t.lang) })}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{p.locationName}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatQuantity(p.quantity, t.lang)} {unitShort(t, p.unit)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {money(p.unitPriceMinor)}
                  </Table.Td>
                  <Table.Td>{vat(p.vatRateCode, t.lang)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {p.removedAt ? t('common.empty') : money(p.netMinor)}
                  </Table.Td>
                  {mayWrite && (
                    <Table.Td>
                      {!p.removedAt && (
                        <Tooltip label={t('orders.parts.remove')}>
                          <ActionIcon variant="subtle" color="red" onClick={() => setRemoving(p)} aria-label={`${t('orders.parts.remove')}: ${p.partName}`} data-testid="part-remove">
                            <IconArrowBackUp size={16} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {adding && <IssuePartModal orderId={order.id} onClose={() => setAdding(false)} />}
      <ConfirmModal
        opened={removing !== null}
        title={t('orders.parts.removeTitle')}
        confirmLabel={t('orders.parts.removeConfirm')}
        color="orange"
        loading={remove.isPending}
        error={removeError}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              notifySuccess(t('orders.parts.removed', { name: removing.partName }));
              setRemoving(null);
              setRemoveError(null);
            },
            onError: (e) => setRemoveError(apiErrorText(t, e)),
          })
        }
        onClose={() => {
          setRemoving(null);
          setRemoveError(null);
        }}
      >
        {shownRemoving
          ? t('orders.parts.removeText', { name: shownRemoving.partName, quantity: `${formatQuantity(shownRemoving.quantity, t.lang)} ${unitShort(t, shownRemoving.unit)}`, location: shownRemoving.locationName })
          : ''}
      </ConfirmModal>
    </Stack>
  );
}

type Values = { partId: string; locationId: string; quantity: string };

/** Issue a part: which one (searched), from which location (with what is on hand there), how many. */
function IssuePartModal({ orderId, onClose }: { orderId: string; onClose: () => void }) {
  const t = useT();
  const add = useAddPart(orderId);
  const locations = useStockLocations();
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Part | null>(null);
  const [q] = useDebouncedValue(search, 250);
  const query = picked && q === `${picked.code} · ${picked.name}` ? '' : q.trim();
  const found = useQuery({
    queryKey: ['parts', 'list', 'order-picker', query],
    queryFn: ({ signal }) => api<Page<Part>>('/api/v1/parts', { query: { q: query, status: 'active', limit: 20 }, signal }).then((r) => r.items),
    placeholderData: (prev) => prev,
  });
  const levels = useQuery({
    queryKey: stockKeys.levels(picked?.id ?? ''),
    queryFn: () => api<{ levels: StockLevel[] }>(`/api/v1/parts/${picked!.id}/stock`).then((r) => r.levels),
    enabled: !!picked,
  });
  const form = useFormState<Values>({ partId: '', locationId: '', quantity: '1' });
  const v = form.values;
  const items = found.data ?? [];
  const byId = new Map(items.map((p) => [p.id, p]));
  if (picked && !byId.has(picked.id)) byId.set(picked.id, picked);
  const onHand = new Map((picked ? (levels.data ?? []) : []).map((l) => [l.locationId, l.onHand]));
  const locationOptions = (locations.data ?? [])
    .filter((l) => l.active)
    .map((l) => ({ value: l.id, label: picked ? `${l.name} — ${t('orders.parts.onHand', { quantity: `${formatQuantity(onHand.get(l.id) ?? '0', t.lang)} ${unitShort(t, picked.unit)}` })}` : l.name }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Partial<Record<keyof Values, string>> = {};
    if (!v.partId) errors.partId = t('common.required');
    if (!v.locationId) errors.locationId = t('common.required');
    const quantity = parseQuantityInput(v.quantity);
    if (quantity === null || quantitySign(quantity) <= 0) errors.quantity = t('orders.errors.orders.quantity_not_positive');
    if (Object.keys(errors).length) return form.setErrors(errors);
    add.mutate(
      { partId: v.partId, locationId: v.locationId, quantity: quantity! },
      {
        onSuccess: (r) => {
          notifySuccess(t('orders.parts.issued', { name: r.partName, quantity: `${formatQuantity(r.quantity, t.lang)} ${unitShort(t, r.unit)}` }));
          onClose();
        },
        onError: (error) => form.applyApiError(error, t),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('orders.parts.addTitle')} size="lg" attributes={{ content: { 'data-testid': 'part-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('orders.parts.fields.part')}
            placeholder={t('orders.parts.partPlaceholder')}
            required
            searchable
            data-autofocus
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options }) => options}
            data={[...byId.values()].map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` }))}
            value={v.partId || null}
            onChange={(id) => {
              form.set('partId', id ?? '');
              setPicked(id ? (byId.get(id) ?? null) : null);
            }}
            renderOption={({ option }) => {
              const p = byId.get(option.value);
              return (
                <Group justify="space-between" wrap="nowrap" w="100%" gap="xs">
                  <Text size="sm">{option.label}</Text>
                  {p && (
                    <Text size="xs" c={quantitySign(p.onHand) > 0 ? 'dimmed' : 'red'} style={{ whiteSpace: 'nowrap' }}>
                      {t('orders.parts.onHand', { quantity: `${formatQuantity(p.onHand, t.lang)} ${unitShort(t, p.unit)}` })}
                    </Text>
                  )}
                </Group>
              );
            }}
            nothingFoundMessage={found.isFetching ? t('app.loading') : t('assets.form.nothingFound')}
            error={form.errors.partId}
            data-testid="part-picker"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('orders.parts.fields.location')}
              placeholder={locationOptions.length === 0 ? t('orders.parts.noLocations') : undefined}
              required
              data={locationOptions}
              value={v.locationId || null}
              onChange={(id) => form.set('locationId', id ?? '')}
              error={form.errors.locationId}
              data-testid="part-location"
            />
            <DecimalInput
              kind="quantity"
              unit={picked ? unitShort(t, picked.unit) : ''}
              label={t('orders.parts.fields.quantity')}
              required
              value={v.quantity}
              onChange={(x) => form.set('quantity', x)}
              error={form.errors.quantity}
              data-testid="part-quantity"
            />
          </SimpleGrid>
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="part-submit">
              {t('orders.parts.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
