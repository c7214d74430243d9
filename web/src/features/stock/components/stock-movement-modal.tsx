import { Button, Group, Input, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, type FormEvent } from 'react';
import { ApiError } from '../../../app/api-client.ts';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatQuantity, minorToInput, parseMoneyInput, parseQuantityInput } from '../../../i18n/format.ts';
import { DecimalInput } from '../../../ui/decimal-input.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { useFormState, type FieldErrors } from '../../../ui/use-form-state.ts';
import type { Part } from '../../parts/api/part-types.ts';
import { useRecordMovement, useStockLocations, type MovementInput, type MovementKind } from '../api/stock-api.ts';

type Values = { kind: MovementKind; quantity: string; locationId: string; toLocationId: string; unitCostMinor: string; reason: string };

/** Receipt, issue, return, transfer or (with stock:adjust) an adjustment of one part. */
export function StockMovementModal({ part, onClose }: { part: Part; onClose: () => void }) {
  const t = useT();
  const can = useCan();
  const locations = useStockLocations();
  const record = useRecordMovement();
  const form = useFormState<Values>(() => ({
    kind: 'receipt',
    quantity: '',
    locationId: '',
    toLocationId: '',
    unitCostMinor: part.purchasePriceMinor ? minorToInput(part.purchasePriceMinor, t.lang) : '',
    reason: '',
  }));
  const { values } = form;
  const active = (locations.data ?? []).filter((l) => l.active);
  const options = active.map((l) => ({ value: l.id, label: l.name }));
  // one location: nothing to choose
  useEffect(() => {
    if (!values.locationId && active[0]) form.set('locationId', active[0].id);
  }, [locations.data]);

  const kinds: MovementKind[] = ['receipt', 'issue', 'return', 'transfer', ...(can('stock:adjust') ? (['adjustment'] as const) : [])];
  const unit = t(`parts.unitsShort.${part.unit}`);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: FieldErrors<Values> = {};
    const quantity = parseQuantityInput(values.quantity, { allowNegative: values.kind === 'adjustment' });
    if (!values.quantity.trim()) errors.quantity = t('common.required');
    else if (quantity === null) errors.quantity = t('catalogue.quantity.invalid');
    if (!values.locationId) errors.locationId = t('common.required');
    if (values.kind === 'transfer' && !values.toLocationId) errors.toLocationId = t('common.required');
    if (values.kind === 'adjustment' && !values.reason.trim()) errors.reason = t('stock.movement.reasonRequired');
    const cost = values.kind === 'receipt' && values.unitCostMinor.trim() ? parseMoneyInput(values.unitCostMinor) : undefined;
    if (cost === null) errors.unitCostMinor = t('catalogue.money.invalid');
    if (Object.keys(errors).length || quantity === null || cost === null) return form.setErrors(errors);
    const body: MovementInput = {
      partId: part.id,
      kind: values.kind,
      quantity,
      locationId: values.locationId,
      reason: values.reason.trim(),
      ...(values.kind === 'transfer' ? { toLocationId: values.toLocationId } : {}),
      ...(cost !== undefined ? { unitCostMinor: cost } : {}),
    };
    record.mutate(body, {
      onSuccess: () => {
        notifySuccess(t(`stock.movement.done.${values.kind}`, { quantity: formatQuantity(quantity, t.lang), unit, name: part.name }));
        onClose();
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'stock.insufficient') {
          const available = typeof error.body.available === 'string' ? formatQuantity(error.body.available, t.lang) : '?';
          form.setErrors({ quantity: t('stock.movement.insufficient', { available, unit }) });
        } else form.applyApiError(error, t);
      },
    });
  };

  return (
    <Modal opened onClose={onClose} title={t('stock.movement.title', { name: part.name })} size="lg" attributes={{ content: { 'data-testid': 'stock-movement-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Input.Wrapper label={t('stock.movement.kind')}>
            <div>
              <SegmentedControl
                fullWidth
                value={values.kind}
                onChange={(v) => form.set('kind', v as MovementKind)}
                data={kinds.map((k) => ({ value: k, label: t(`stock.kinds.${k}`) }))}
                data-testid="movement-kind"
              />
            </div>
          </Input.Wrapper>
          <Text size="sm" c="dimmed">
            {t(`stock.movement.help.${values.kind}`)}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <DecimalInput
              kind="quantity"
              unit={unit}
              label={values.kind === 'adjustment' ? t('stock.movement.change') : t('stock.movement.quantity')}
              description={values.kind === 'adjustment' ? t('stock.movement.changeHint') : undefined}
              required
              data-autofocus
              value={values.quantity}
              onChange={(v) => form.set('quantity', v)}
              error={form.errors.quantity}
              name="quantity"
              data-testid="movement-quantity"
            />
            {values.kind === 'receipt' && (
              <DecimalInput
                kind="money"
                label={t('stock.movement.unitCost')}
                description={t('stock.movement.unitCostHint')}
                value={values.unitCostMinor}
                onChange={(v) => form.set('unitCostMinor', v)}
                error={form.errors.unitCostMinor}
                name="unitCostMinor"
                data-testid="movement-unit-cost"
              />
            )}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={values.kind === 'transfer' ? t('stock.movement.from') : t('stock.movement.location')}
              value={values.locationId || null}
              onChange={(v) => form.set('locationId', v ?? '')}
              data={options}
              error={form.errors.locationId}
              required
              allowDeselect={false}
              data-testid="movement-location"
            />
            {values.kind === 'transfer' && (
              <Select
                label={t('stock.movement.to')}
                value={values.toLocationId || null}
                onChange={(v) => form.set('toLocationId', v ?? '')}
                data={options.filter((o) => o.value !== values.locationId)}
                error={form.errors.toLocationId}
                required
                allowDeselect={false}
                nothingFoundMessage={t('stock.movement.noOtherLocation')}
                data-testid="movement-to-location"
              />
            )}
          </SimpleGrid>
          <Textarea
            label={values.kind === 'adjustment' ? t('stock.movement.reason') : t('stock.movement.note')}
            required={values.kind === 'adjustment'}
            autosize
            minRows={2}
            {...form.text('reason')}
            data-testid="movement-reason"
          />
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending} data-testid="movement-submit">
              {t(`stock.movement.submit.${values.kind}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
