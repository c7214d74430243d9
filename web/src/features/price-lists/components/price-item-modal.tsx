import { Button, Group, Input, Modal, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { bpToInput, formatMoney, minorToInput, parseMoneyInput, parsePercentInput } from '../../../i18n/format.ts';
import { DecimalInput } from '../../../ui/decimal-input.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useSetPriceItem, type CatalogueItem, type ItemType, type PriceItem, type PriceList } from '../api/price-lists-api.ts';
import { ItemPicker } from './item-picker.tsx';

type Values = { itemId: string; mode: 'price' | 'percent'; priceMinor: string; percentBp: string };

/** Put a part or service on the list with a fixed price or a percentage; or change one already there. */
export function PriceItemModal({ list, item, onClose }: { list: PriceList; item: PriceItem | null; onClose: () => void }) {
  const t = useT();
  const save = useSetPriceItem(list.id);
  const [type, setType] = useState<ItemType>(item?.itemType ?? 'part');
  const [picked, setPicked] = useState<CatalogueItem | null>(
    item ? { type: item.itemType, id: item.itemId, code: item.itemCode, name: item.itemName, defaultNetMinor: item.defaultNetMinor, vatRateCode: '' } : null,
  );
  const form = useFormState<Values>(() => ({
    itemId: item?.itemId ?? '',
    mode: item?.percentBp != null ? 'percent' : 'price',
    priceMinor: item?.priceMinor != null ? minorToInput(item.priceMinor, t.lang) : '',
    percentBp: item?.percentBp != null ? bpToInput(item.percentBp, t.lang) : '',
  }));
  const { values } = form;
  const gross = list.entryMode === 'gross';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!picked) return form.setErrors({ itemId: t('common.required') });
    let priceMinor: number | null = null;
    let percentBp: number | null = null;
    if (values.mode === 'price') {
      priceMinor = values.priceMinor.trim() ? parseMoneyInput(values.priceMinor) : null;
      if (priceMinor === null) return form.setErrors({ priceMinor: values.priceMinor.trim() ? t('catalogue.money.invalid') : t('common.required') });
    } else {
      percentBp = values.percentBp.trim() ? parsePercentInput(values.percentBp) : null;
      if (percentBp === null) return form.setErrors({ percentBp: values.percentBp.trim() ? t('catalogue.percent.invalid') : t('common.required') });
      if (percentBp <= -10000) return form.setErrors({ percentBp: t('catalogue.percent.tooLow') });
    }
    save.mutate(
      { itemType: picked.type, itemId: picked.id, priceMinor, percentBp },
      {
        onSuccess: () => {
          notifySuccess(item ? t('priceLists.items.saved') : t('priceLists.items.added', { name: picked.name }));
          onClose();
        },
        onError: (error) => form.applyApiError(error, t),
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={item ? t('priceLists.items.editTitle') : t('priceLists.items.addTitle')} size="lg" attributes={{ content: { 'data-testid': 'price-item-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ItemPicker
            type={type}
            onTypeChange={setType}
            value={picked}
            onChange={(i) => {
              setPicked(i);
              form.set('itemId', i?.id ?? '');
            }}
            error={form.errors.itemId}
            disabled={item !== null}
            testId="price-item"
          />
          {picked && (
            <Text size="sm" c="dimmed" data-testid="price-item-default">
              {t('priceLists.items.defaultPrice', { price: formatMoney(picked.defaultNetMinor, 'PLN', t.lang) })}
            </Text>
          )}
          <Input.Wrapper label={t('priceLists.items.mode')}>
            <div>
              <SegmentedControl
                value={values.mode}
                onChange={(v) => form.set('mode', v === 'percent' ? 'percent' : 'price')}
                data={[
                  { value: 'price', label: t('priceLists.items.modes.price') },
                  { value: 'percent', label: t('priceLists.items.modes.percent') },
                ]}
                data-testid="price-item-mode"
              />
            </div>
          </Input.Wrapper>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {values.mode === 'price' ? (
              <DecimalInput
                kind="money"
                label={gross ? t('priceLists.items.grossPrice') : t('priceLists.items.netPrice')}
                description={t('catalogue.money.hint')}
                required
                data-autofocus
                value={values.priceMinor}
                onChange={(v) => form.set('priceMinor', v)}
                error={form.errors.priceMinor}
                name="priceMinor"
                data-testid="price-item-price"
              />
            ) : (
              <DecimalInput
                kind="percent"
                label={t('priceLists.items.percent')}
                description={t('priceLists.hints.defaultPercent')}
                placeholder={t('priceLists.hints.percentPlaceholder')}
                required
                value={values.percentBp}
                onChange={(v) => form.set('percentBp', v)}
                error={form.errors.percentBp}
                name="percentBp"
                data-testid="price-item-percent"
              />
            )}
          </SimpleGrid>
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="price-item-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
