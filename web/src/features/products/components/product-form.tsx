import { Autocomplete, Button, Group, NumberInput, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { Translate } from '../../../i18n/translate.ts';
import { FormAlert } from '../../../ui/form-alert.tsx';
import type { FieldErrors, FormState } from '../../../ui/use-form-state.ts';
import { useProductCategories, type Product, type ProductInput } from '../api/products-api.ts';

export type ProductFormValues = Omit<ProductInput, 'warrantyMonths'> & { warrantyMonths: number | string };

export const productFormValues = (p?: Product): ProductFormValues => ({
  code: p?.code ?? '',
  name: p?.name ?? '',
  manufacturer: p?.manufacturer ?? '',
  model: p?.model ?? '',
  category: p?.category ?? '',
  warrantyMonths: p?.warrantyMonths ?? 0,
  description: p?.description ?? '',
});

export function productBody(v: ProductFormValues, t: Translate): { body: ProductInput } | { errors: FieldErrors<ProductFormValues> } {
  const errors: FieldErrors<ProductFormValues> = {};
  if (!v.code.trim()) errors.code = t('common.required');
  if (!v.name.trim()) errors.name = t('common.required');
  const months = v.warrantyMonths === '' ? 0 : Number(v.warrantyMonths);
  if (!Number.isInteger(months) || months < 0 || months > 600) errors.warrantyMonths = t('products.hints.warrantyRange');
  if (Object.keys(errors).length) return { errors };
  return { body: { ...v, code: v.code.trim(), name: v.name.trim(), warrantyMonths: months } };
}

type Props = { form: FormState<ProductFormValues>; onSubmit: () => void; submitting: boolean; submitLabel: string; cancelTo: string };

export function ProductForm({ form, onSubmit, submitting, submitLabel, cancelTo }: Props) {
  const t = useT();
  const categories = useProductCategories();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate data-testid="product-form">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('catalogue.fields.code')} required autoFocus {...form.text('code')} data-testid="product-code" />
          <TextInput label={t('catalogue.fields.name')} required {...form.text('name')} style={{ gridColumn: 'span 2' }} data-testid="product-name" />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('products.fields.manufacturer')} {...form.text('manufacturer')} />
          <TextInput label={t('products.fields.model')} {...form.text('model')} />
          <Autocomplete
            label={t('products.fields.category')}
            value={form.values.category}
            onChange={(v) => form.set('category', v)}
            data={categories.data ?? []}
            error={form.errors.category}
            data-testid="product-category"
          />
          <NumberInput
            label={t('products.fields.warrantyMonths')}
            description={t('products.hints.warrantyMonths')}
            min={0}
            max={600}
            allowDecimal={false}
            allowNegative={false}
            value={form.values.warrantyMonths}
            onChange={(v) => form.set('warrantyMonths', v)}
            error={form.errors.warrantyMonths}
            data-testid="product-warranty"
          />
        </SimpleGrid>
        <Textarea label={t('catalogue.fields.description')} autosize minRows={3} {...form.text('description')} />
        <FormAlert message={form.general} />
        <Group justify="flex-end">
          <Button component={Link} to={cancelTo} variant="default">
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={submitting} data-testid="product-submit">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
