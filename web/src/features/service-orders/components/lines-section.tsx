import { ActionIcon, Button, Group, Input, Modal, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { api } from '../../../app/api-client.ts';
import type { Page } from '../../../app/api-types.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatMoney, formatQuantity, parseMoneyInput, parseQuantityInput, quantitySign } from '../../../i18n/format.ts';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { DecimalInput } from '../../../ui/decimal-input.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useLastDefined } from '../../../ui/use-last-defined.ts';
import { useVatLabel } from '../../catalogue/api/vat-rates-api.ts';
import { VatSelect } from '../../catalogue/components/vat-select.tsx';
import type { Service } from '../../services/api/services-api.ts';
import { renamePaths } from '../api/rename-paths.ts';
import { useAddLine, useRemoveLine, type LineInput, type OrderLine } from '../api/work-api.ts';
import { unitShort } from './parts-tab.tsx';

/** Other billable lines: a catalogue service by quantity (a visit, a diagnosis fee) or free text. */
export function LinesSection({ orderId, lines, mayWrite }: { orderId: string; lines: OrderLine[]; mayWrite: boolean }) {
  const t = useT();
  const vat = useVatLabel();
  const remove = useRemoveLine(orderId);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<OrderLine | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = useLastDefined(removing);
  const money = (m: number) => formatMoney(m, 'PLN', t.lang);
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={4}>{t('orders.lines.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('orders.lines.intro')}
          </Text>
        </Stack>
        {mayWrite && (
          <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} data-testid="line-add">
            {t('orders.lines.add')}
          </Button>
        )}
      </Group>
      {lines.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="lines-empty">
          {t('orders.lines.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" data-testid="lines-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('orders.lines.fields.name')}</Table.Th>
                <Table.Th ta="right">{t('orders.lines.fields.quantity')}</Table.Th>
                <Table.Th ta="right">{t('orders.lines.fields.unitPrice')}</Table.Th>
                <Table.Th>{t('orders.parts.fields.vat')}</Table.Th>
                <Table.Th ta="right">{t('orders.parts.fields.net')}</Table.Th>
                {mayWrite && <Table.Th w={40} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((l) => (
                <Table.Tr key={l.id} data-testid="line-row">
                  <Table.Td>{l.name}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatQuantity(l.quantity, t.lang)} {unitShort(t, l.unit)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {money(l.unitPriceMinor)}
                  </Table.Td>
                  <Table.Td>{vat(l.vatRateCode, t.lang)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {money(l.netMinor)}
                  </Table.Td>
                  {mayWrite && (
                    <Table.Td>
                      <Tooltip label={t('common.delete')}>
                        <ActionIcon variant="subtle" color="red" onClick={() => setRemoving(l)} aria-label={`${t('common.delete')}: ${l.name}`} data-testid="line-remove">
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {adding && <LineModal orderId={orderId} onClose={() => setAdding(false)} />}
      <ConfirmModal
        opened={removing !== null}
        title={t('orders.lines.removeTitle')}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        error={error}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              notifySuccess(t('orders.lines.removed', { name: removing.name }));
              setRemoving(null);
              setError(null);
            },
            onError: (e) => setError(apiErrorText(t, e)),
          })
        }
        onClose={() => {
          setRemoving(null);
          setError(null);
        }}
      >
        {t('orders.lines.removeText', { name: shown?.name ?? '' })}
      </ConfirmModal>
    </Stack>
  );
}

type Values = { mode: 'service' | 'free'; serviceId: string; name: string; quantity: string; unit: string; unitPrice: string; vatRateCode: string };

function LineModal({ orderId, onClose }: { orderId: string; onClose: () => void }) {
  const t = useT();
  const add = useAddLine(orderId);
  const services = useQuery({
    queryKey: ['services', 'list', 'order-lines'],
    queryFn: () => api<Page<Service>>('/api/v1/services', { query: { status: 'active', sort: 'name', limit: 100 } }).then((r) => r.items),
    staleTime: 60_000,
  });
  const form = useFormState<Values>({ mode: 'service', serviceId: '', name: '', quantity: '1', unit: '', unitPrice: '', vatRateCode: '23' });
  const v = form.values;
  const service = services.data?.find((s) => s.id === v.serviceId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Partial<Record<keyof Values, string>> = {};
    const quantity = parseQuantityInput(v.quantity);
    if (quantity === null || quantitySign(quantity) <= 0) errors.quantity = t('orders.errors.orders.quantity_not_positive');
    const price = v.unitPrice.trim() ? parseMoneyInput(v.unitPrice) : null;
    if (v.unitPrice.trim() && price === null) errors.unitPrice = t('orders.lines.priceInvalid');
    let body: LineInput;
    if (v.mode === 'service') {
      if (!v.serviceId) errors.serviceId = t('common.required');
      body = { serviceId: v.serviceId, quantity: quantity ?? '1', ...(price !== null ? { unitPriceMinor: price } : {}) };
    } else {
      if (!v.name.trim()) errors.name = t('common.required');
      if (price === null) errors.unitPrice = t('common.required');
      body = { serviceId: null, name: v.name.trim(), quantity: quantity ?? '1', unit: v.unit.trim() || 'szt.', unitPriceMinor: price ?? 0, vatRateCode: v.vatRateCode };
    }
    if (Object.keys(errors).length) return form.setErrors(errors);
    add.mutate(body, {
      onSuccess: (l) => {
        notifySuccess(t('orders.lines.added', { name: l.name }));
        onClose();
      },
      onError: (error) => form.applyApiError(renamePaths(error, { unitPriceMinor: 'unitPrice' }), t),
    });
  };
  return (
    <Modal opened onClose={onClose} title={t('orders.lines.addTitle')} size="lg" attributes={{ content: { 'data-testid': 'line-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Input.Wrapper label={t('orders.lines.kind')}>
            <div>
              <SegmentedControl
                value={v.mode}
                onChange={(m) => form.set('mode', m === 'free' ? 'free' : 'service')}
                data={[
                  { value: 'service', label: t('orders.lines.fromService') },
                  { value: 'free', label: t('orders.lines.freeText') },
                ]}
                aria-label={t('orders.lines.kind')}
                data-testid="line-mode"
              />
            </div>
          </Input.Wrapper>
          {v.mode === 'service' ? (
            <Select
              label={t('orders.lines.fields.service')}
              required
              searchable
              data-autofocus
              data={(services.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))}
              value={v.serviceId || null}
              onChange={(id) => form.set('serviceId', id ?? '')}
              error={form.errors.serviceId}
              nothingFoundMessage={t('assets.form.nothingFound')}
              data-testid="line-service"
            />
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('orders.lines.fields.name')} required maxLength={300} {...form.text('name')} style={{ gridColumn: 'span 2' }} data-autofocus data-testid="line-name" />
              <TextInput label={t('orders.lines.fields.unit')} placeholder="szt." maxLength={20} {...form.text('unit')} data-testid="line-unit" />
            </SimpleGrid>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DecimalInput kind="quantity" unit={service ? unitShort(t, service.unit) : v.unit} label={t('orders.lines.fields.quantity')} required value={v.quantity} onChange={(x) => form.set('quantity', x)} error={form.errors.quantity} data-testid="line-quantity" />
            <DecimalInput
              kind="money"
              label={t('orders.lines.fields.unitPrice')}
              description={v.mode === 'service' ? t('orders.lines.priceHint') : undefined}
              placeholder={service ? formatMoney(service.defaultPriceMinor, 'PLN', t.lang) : undefined}
              required={v.mode === 'free'}
              value={v.unitPrice}
              onChange={(x) => form.set('unitPrice', x)}
              error={form.errors.unitPrice}
              data-testid="line-price"
            />
            {v.mode === 'free' && <VatSelect value={v.vatRateCode} onChange={(c) => form.set('vatRateCode', c)} error={form.errors.vatRateCode} />}
          </SimpleGrid>
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="line-submit">
              {t('orders.lines.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
