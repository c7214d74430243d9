import { Button, Group, Input, SegmentedControl, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import type { Language } from '../../../i18n/catalog-types.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { bpToInput, parsePercentInput } from '../../../i18n/format.ts';
import type { Translate } from '../../../i18n/translate.ts';
import { DecimalInput } from '../../../ui/decimal-input.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import type { FieldErrors, FormState } from '../../../ui/use-form-state.ts';
import type { EntryMode, PriceList, PriceListInput } from '../api/price-lists-api.ts';

export type PriceListFormValues = { name: string; validFrom: string; validTo: string; entryMode: EntryMode; defaultPercentBp: string; notes: string };

export const priceListFormValues = (lang: Language, l?: PriceList): PriceListFormValues => ({
  name: l?.name ?? '',
  validFrom: l?.validFrom ?? '',
  validTo: l?.validTo ?? '',
  entryMode: l?.entryMode ?? 'net',
  defaultPercentBp: bpToInput(l?.defaultPercentBp, lang),
  notes: l?.notes ?? '',
});

export function priceListBody(v: PriceListFormValues, t: Translate): { body: PriceListInput } | { errors: FieldErrors<PriceListFormValues> } {
  const errors: FieldErrors<PriceListFormValues> = {};
  if (!v.name.trim()) errors.name = t('common.required');
  const percent = v.defaultPercentBp.trim() ? parsePercentInput(v.defaultPercentBp) : null;
  if (v.defaultPercentBp.trim() && percent === null) errors.defaultPercentBp = t('catalogue.percent.invalid');
  if (percent !== null && percent <= -10000) errors.defaultPercentBp = t('catalogue.percent.tooLow');
  if (v.validFrom && v.validTo && v.validTo < v.validFrom) errors.validTo = t('errors.pricing.validity_reversed');
  if (Object.keys(errors).length) return { errors };
  return {
    body: { name: v.name.trim(), validFrom: v.validFrom || null, validTo: v.validTo || null, entryMode: v.entryMode, defaultPercentBp: percent, notes: v.notes },
  };
}

type Props = { form: FormState<PriceListFormValues>; onSubmit: () => void; submitting: boolean; submitLabel: string; cancelTo: string };

export function PriceListForm({ form, onSubmit, submitting, submitLabel, cancelTo }: Props) {
  const t = useT();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate data-testid="price-list-form">
      <Stack>
        <TextInput label={t('priceLists.fields.name')} required autoFocus {...form.text('name')} data-testid="price-list-name" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label={t('priceLists.fields.validFrom')} description={t('priceLists.hints.validFrom')} {...form.text('validFrom')} data-testid="price-list-valid-from" />
          <TextInput type="date" label={t('priceLists.fields.validTo')} description={t('priceLists.hints.validTo')} {...form.text('validTo')} data-testid="price-list-valid-to" />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Input.Wrapper label={t('priceLists.fields.entryMode')} description={t('priceLists.hints.entryMode')} error={form.errors.entryMode}>
            <div style={{ marginTop: 4 }}>
              <SegmentedControl
                value={form.values.entryMode}
                onChange={(v) => form.set('entryMode', v === 'gross' ? 'gross' : 'net')}
                data={[
                  { value: 'net', label: t('priceLists.entryModes.net') },
                  { value: 'gross', label: t('priceLists.entryModes.gross') },
                ]}
                data-testid="price-list-entry-mode"
              />
            </div>
          </Input.Wrapper>
          <DecimalInput
            kind="percent"
            label={t('priceLists.fields.defaultPercent')}
            description={t('priceLists.hints.defaultPercent')}
            placeholder={t('priceLists.hints.percentPlaceholder')}
            value={form.values.defaultPercentBp}
            onChange={(v) => form.set('defaultPercentBp', v)}
            error={form.errors.defaultPercentBp}
            name="defaultPercentBp"
            data-testid="price-list-default-percent"
          />
        </SimpleGrid>
        <Textarea label={t('priceLists.fields.notes')} autosize minRows={2} {...form.text('notes')} />
        <FormAlert message={form.general} />
        <Group justify="flex-end">
          <Button component={Link} to={cancelTo} variant="default">
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={submitting} data-testid="price-list-submit">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** "1 sty 2026 – 31 gru 2026", "od 1 sty 2026", "bez ograniczeń". */
export function validityText(t: Translate, l: Pick<PriceList, 'validFrom' | 'validTo'>, formatDate: (d: string) => string): string {
  if (l.validFrom && l.validTo) return `${formatDate(l.validFrom)} – ${formatDate(l.validTo)}`;
  if (l.validFrom) return t('priceLists.validity.from', { date: formatDate(l.validFrom) });
  if (l.validTo) return t('priceLists.validity.to', { date: formatDate(l.validTo) });
  return t('priceLists.validity.always');
}
