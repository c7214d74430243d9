import { Button, Divider, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import type { Language } from '../../../i18n/catalog-types.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { minorToInput, parseMoneyInput, parseQuantityInput, quantityToInput } from '../../../i18n/format.ts';
import type { Translate } from '../../../i18n/translate.ts';
import { DecimalInput } from '../../../ui/decimal-input.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import type { FieldErrors, FormState } from '../../../ui/use-form-state.ts';
import { VatSelect } from '../../catalogue/components/vat-select.tsx';
import { PART_UNITS, type Part, type PartInput, type PartUnit } from '../api/part-types.ts';

/** Form values carry text as typed; the keys are the API's, so field errors land where they belong. */
export type PartFormValues = {
  code: string;
  name: string;
  unit: PartUnit;
  manufacturerPartNumber: string;
  ean: string;
  purchasePriceMinor: string;
  salePriceMinor: string;
  vatRateCode: string;
  minStock: string;
  description: string;
};

export const partFormValues = (lang: Language, p?: Part): PartFormValues => ({
  code: p?.code ?? '',
  name: p?.name ?? '',
  unit: p?.unit ?? 'pcs',
  manufacturerPartNumber: p?.manufacturerPartNumber ?? '',
  ean: p?.ean ?? '',
  purchasePriceMinor: p ? minorToInput(p.purchasePriceMinor, lang) : '',
  salePriceMinor: p ? minorToInput(p.salePriceMinor, lang) : '',
  vatRateCode: p?.vatRateCode ?? '23',
  minStock: p ? quantityToInput(p.minStock, lang) : '0',
  description: p?.description ?? '',
});

/** The body, or the fields the browser can already tell are wrong. */
export function partBody(v: PartFormValues, t: Translate): { body: PartInput } | { errors: FieldErrors<PartFormValues> } {
  const errors: FieldErrors<PartFormValues> = {};
  if (!v.code.trim()) errors.code = t('common.required');
  if (!v.name.trim()) errors.name = t('common.required');
  const purchase = v.purchasePriceMinor.trim() ? parseMoneyInput(v.purchasePriceMinor) : 0;
  const sale = v.salePriceMinor.trim() ? parseMoneyInput(v.salePriceMinor) : 0;
  if (purchase === null) errors.purchasePriceMinor = t('catalogue.money.invalid');
  if (sale === null) errors.salePriceMinor = t('catalogue.money.invalid');
  const minStock = v.minStock.trim() ? parseQuantityInput(v.minStock) : '0';
  if (minStock === null) errors.minStock = t('catalogue.quantity.invalid');
  if (Object.keys(errors).length || purchase === null || sale === null || minStock === null) return { errors };
  return {
    body: {
      code: v.code.trim(),
      name: v.name.trim(),
      unit: v.unit,
      manufacturerPartNumber: v.manufacturerPartNumber.trim(),
      ean: v.ean.trim() || null,
      purchasePriceMinor: purchase,
      salePriceMinor: sale,
      vatRateCode: v.vatRateCode,
      minStock,
      description: v.description,
    },
  };
}

type Props = { form: FormState<PartFormValues>; onSubmit: () => void; submitting: boolean; submitLabel: string; cancelTo: string };

export function PartForm({ form, onSubmit, submitting, submitLabel, cancelTo }: Props) {
  const t = useT();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  const money = (name: 'purchasePriceMinor' | 'salePriceMinor', label: string) => (
    <DecimalInput
      kind="money"
      label={label}
      description={t('catalogue.money.hint')}
      value={form.values[name]}
      onChange={(v) => form.set(name, v)}
      error={form.errors[name]}
      name={name}
      data-testid={`part-${name}`}
    />
  );
  return (
    <form onSubmit={submit} noValidate data-testid="part-form">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('catalogue.fields.code')} description={t('parts.hints.code')} required autoFocus {...form.text('code')} data-testid="part-code" />
          <TextInput label={t('catalogue.fields.name')} required {...form.text('name')} style={{ gridColumn: 'span 2' }} data-testid="part-name" />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('parts.fields.unit')}
            value={form.values.unit}
            onChange={(v) => v && form.set('unit', v as PartUnit)}
            data={PART_UNITS.map((u) => ({ value: u, label: t(`parts.units.${u}`) }))}
            error={form.errors.unit}
            allowDeselect={false}
            data-testid="part-unit"
          />
          <TextInput label={t('parts.fields.manufacturerPartNumber')} {...form.text('manufacturerPartNumber')} />
          <TextInput label={t('parts.fields.ean')} description={t('parts.hints.ean')} inputMode="numeric" {...form.text('ean')} data-testid="part-ean" />
        </SimpleGrid>
        <Divider label={t('parts.form.sectionPrices')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {money('purchasePriceMinor', t('parts.fields.purchasePrice'))}
          {money('salePriceMinor', t('parts.fields.salePrice'))}
          <VatSelect value={form.values.vatRateCode} onChange={(v) => form.set('vatRateCode', v)} error={form.errors.vatRateCode} />
        </SimpleGrid>
        <Divider label={t('parts.form.sectionStock')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DecimalInput
            kind="quantity"
            unit={t(`parts.unitsShort.${form.values.unit}`)}
            label={t('parts.fields.minStock')}
            description={t('parts.hints.minStock')}
            value={form.values.minStock}
            onChange={(v) => form.set('minStock', v)}
            error={form.errors.minStock}
            name="minStock"
            data-testid="part-minStock"
          />
        </SimpleGrid>
        <Textarea label={t('catalogue.fields.description')} autosize minRows={3} {...form.text('description')} />
        <FormAlert message={form.general} />
        <Group justify="flex-end">
          <Button component={Link} to={cancelTo} variant="default">
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={submitting} data-testid="part-submit">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
