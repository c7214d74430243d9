import { Button, Group, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import type { Language } from '../../../i18n/catalog-types.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { minorToInput, parseMoneyInput } from '../../../i18n/format.ts';
import type { Translate } from '../../../i18n/translate.ts';
import { DecimalInput } from '../../../ui/decimal-input.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import type { FieldErrors, FormState } from '../../../ui/use-form-state.ts';
import { VatSelect } from '../../catalogue/components/vat-select.tsx';
import { SERVICE_UNITS, type Service, type ServiceInput, type ServiceUnit } from '../api/services-api.ts';

export type ServiceFormValues = {
  code: string;
  name: string;
  unit: ServiceUnit;
  defaultPriceMinor: string;
  vatRateCode: string;
  billingIncrementMinutes: number | string;
  description: string;
};

export const serviceFormValues = (lang: Language, s?: Service): ServiceFormValues => ({
  code: s?.code ?? '',
  name: s?.name ?? '',
  unit: s?.unit ?? 'hour',
  defaultPriceMinor: s ? minorToInput(s.defaultPriceMinor, lang) : '',
  vatRateCode: s?.vatRateCode ?? '23',
  billingIncrementMinutes: s?.billingIncrementMinutes ?? '',
  description: s?.description ?? '',
});

export function serviceBody(v: ServiceFormValues, t: Translate): { body: ServiceInput } | { errors: FieldErrors<ServiceFormValues> } {
  const errors: FieldErrors<ServiceFormValues> = {};
  if (!v.code.trim()) errors.code = t('common.required');
  if (!v.name.trim()) errors.name = t('common.required');
  const price = v.defaultPriceMinor.trim() ? parseMoneyInput(v.defaultPriceMinor) : null;
  if (!v.defaultPriceMinor.trim()) errors.defaultPriceMinor = t('common.required');
  else if (price === null) errors.defaultPriceMinor = t('catalogue.money.invalid');
  const increment = v.unit !== 'hour' || v.billingIncrementMinutes === '' ? null : Number(v.billingIncrementMinutes);
  if (increment !== null && (!Number.isInteger(increment) || increment < 1 || increment > 240)) errors.billingIncrementMinutes = t('services.hints.incrementRange');
  if (Object.keys(errors).length || price === null) return { errors };
  return {
    body: {
      code: v.code.trim(),
      name: v.name.trim(),
      unit: v.unit,
      defaultPriceMinor: price,
      vatRateCode: v.vatRateCode,
      billingIncrementMinutes: increment,
      description: v.description,
    },
  };
}

/** "started 15 minutes" / "exact minutes" for a billing increment. */
export function incrementText(t: Translate, minutes: number | null): string {
  return minutes ? t.n('services.increment.started', minutes) : t('services.increment.exact');
}

type Props = { form: FormState<ServiceFormValues>; onSubmit: () => void; submitting: boolean; submitLabel: string; cancelTo: string };

export function ServiceForm({ form, onSubmit, submitting, submitLabel, cancelTo }: Props) {
  const t = useT();
  const { values } = form;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  const increment = values.billingIncrementMinutes === '' ? null : Number(values.billingIncrementMinutes);
  return (
    <form onSubmit={submit} noValidate data-testid="service-form">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('catalogue.fields.code')} required autoFocus {...form.text('code')} data-testid="service-code" />
          <TextInput label={t('catalogue.fields.name')} required {...form.text('name')} style={{ gridColumn: 'span 2' }} data-testid="service-name" />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('services.fields.unit')}
            value={values.unit}
            onChange={(v) => v && form.set('unit', v as ServiceUnit)}
            data={SERVICE_UNITS.map((u) => ({ value: u, label: t(`services.units.${u}`) }))}
            allowDeselect={false}
            error={form.errors.unit}
            data-testid="service-unit"
          />
          <DecimalInput
            kind="money"
            label={t('services.fields.price', { unit: t(`services.unitsPer.${values.unit}`) })}
            description={t('catalogue.money.hint')}
            required
            value={values.defaultPriceMinor}
            onChange={(v) => form.set('defaultPriceMinor', v)}
            error={form.errors.defaultPriceMinor}
            name="defaultPriceMinor"
            data-testid="service-price"
          />
          <VatSelect value={values.vatRateCode} onChange={(v) => form.set('vatRateCode', v)} error={form.errors.vatRateCode} />
        </SimpleGrid>
        {values.unit === 'hour' && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label={t('services.fields.billingIncrement')}
              description={incrementText(t, increment && increment > 0 ? increment : null)}
              placeholder={t('services.increment.placeholder')}
              min={1}
              max={240}
              allowDecimal={false}
              allowNegative={false}
              suffix={` ${t('services.increment.minutesSuffix')}`}
              value={values.billingIncrementMinutes}
              onChange={(v) => form.set('billingIncrementMinutes', v)}
              error={form.errors.billingIncrementMinutes}
              data-testid="service-increment"
            />
          </SimpleGrid>
        )}
        <Textarea label={t('catalogue.fields.description')} autosize minRows={3} {...form.text('description')} />
        <FormAlert message={form.general} />
        <Group justify="flex-end">
          <Button component={Link} to={cancelTo} variant="default">
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={submitting} data-testid="service-submit">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
