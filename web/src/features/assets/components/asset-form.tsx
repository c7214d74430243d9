import { Anchor, Button, Divider, Group, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api } from '../../../app/api-client.ts';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { decimalSeparator } from '../../../i18n/format.ts';
import type { Translate } from '../../../i18n/translate.ts';
import { fieldErrorText } from '../../../ui/api-error-text.ts';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { generalErrorText, splitFieldErrors, useFormState, type FieldErrors } from '../../../ui/use-form-state.ts';
import { customerKeys } from '../../customers/api/customers-api.ts';
import type { CustomerDetail } from '../../customers/api/customer-types.ts';
import { perm } from '../api/asset-permissions.ts';
import type { Asset, AssetField, AssetInput, AssetType, CustomValue } from '../api/asset-shapes.ts';
import { useAssetType, useAssetTypes } from '../api/asset-types-api.ts';
import { CustomFieldInput, type CustomFormValue } from './custom-field-input.tsx';
import { CustomerPicker, ProductPicker } from './remote-pickers.tsx';

export type AssetFormValues = {
  customerId: string;
  customerName: string;
  assetTypeId: string;
  productId: string;
  productName: string;
  name: string;
  serialNumber: string;
  manufacturer: string;
  model: string;
  purchaseDate: string;
  installationDate: string;
  specification: string;
  siteId: string;
  position: string;
  contactId: string;
};

type CustomState = Record<string, CustomFormValue>;

export const assetFormValues = (a?: Asset, prefill?: { customerId?: string | null }): AssetFormValues => ({
  customerId: a?.customerId ?? prefill?.customerId ?? '',
  customerName: a?.customerName ?? '',
  assetTypeId: a?.assetTypeId ?? '',
  productId: a?.productId ?? '',
  productName: a?.productName ?? '',
  name: a?.name ?? '',
  serialNumber: a?.serialNumber ?? '',
  manufacturer: a?.manufacturer ?? '',
  model: a?.model ?? '',
  purchaseDate: a?.purchaseDate ?? '',
  installationDate: a?.installationDate ?? '',
  specification: a?.specification ?? '',
  siteId: a?.siteId ?? '',
  position: a?.position ?? '',
  contactId: a?.contactId ?? '',
});

/** Stored custom values as the form shows them: numbers with the language's decimal separator. */
function customFormValues(custom: Record<string, CustomValue> | undefined, t: Translate): CustomState {
  const out: CustomState = {};
  for (const [k, v] of Object.entries(custom ?? {})) {
    if (typeof v === 'boolean') out[k] = v;
    else if (typeof v === 'number') out[k] = String(v).replace('.', decimalSeparator(t.lang));
    else if (typeof v === 'string') out[k] = v;
  }
  return out;
}

const NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/** The custom values of the type's fields for the API, or the errors the server would give. */
function customBody(fields: AssetField[], custom: CustomState, t: Translate): { values: Record<string, CustomValue>; errors: Record<string, string> } {
  const values: Record<string, CustomValue> = {};
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const raw = custom[f.key];
    if (f.kind === 'boolean') {
      values[f.key] = raw === true;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      if (f.required) errors[f.key] = t('common.required');
      continue;
    }
    if (f.kind === 'number') {
      const s = text.replace(/[\s\u00a0]/g, '').replace('\u2212', '-');
      if (!NUMBER.test(s)) errors[f.key] = t('assets.form.numberInvalid');
      else values[f.key] = Number(s.replace(',', '.'));
    } else if (f.kind === 'date') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) errors[f.key] = t('assets.form.dateInvalid');
      else values[f.key] = text;
    } else values[f.key] = text;
  }
  return { values, errors };
}

/** The form's state: the fixed fields, the custom values of the chosen type and their errors. */
export function useAssetForm(asset: Asset | undefined, prefill: { customerId?: string | null } | undefined, t: Translate) {
  const form = useFormState<AssetFormValues>(() => assetFormValues(asset, prefill));
  const [custom, setCustom] = useState<CustomState>(() => customFormValues(asset?.custom, t));
  const [customErrors, setCustomErrors] = useState<Record<string, string>>({});
  const setCustomValue = useCallback((key: string, v: CustomFormValue) => {
    setCustom((c) => ({ ...c, [key]: v }));
    setCustomErrors((e) => (e[key] ? { ...e, [key]: '' } : e));
  }, []);

  /** Client-side checks mirroring the server's; the body when they pass. */
  const validate = (fields: AssetField[]): AssetInput | null => {
    const v = form.values;
    const errors: FieldErrors<AssetFormValues> = {};
    if (!v.customerId) errors.customerId = t('common.required');
    if (!v.assetTypeId) errors.assetTypeId = t('common.required');
    if (!v.name.trim()) errors.name = t('common.required');
    const c = customBody(fields, custom, t);
    form.setErrors(errors);
    setCustomErrors(c.errors);
    if (Object.keys(errors).length || Object.keys(c.errors).length) return null;
    return {
      customerId: v.customerId,
      assetTypeId: v.assetTypeId,
      productId: v.productId || null,
      name: v.name.trim(),
      serialNumber: v.serialNumber.trim(),
      manufacturer: v.manufacturer.trim(),
      model: v.model.trim(),
      purchaseDate: v.purchaseDate || null,
      installationDate: v.installationDate || null,
      specification: v.specification,
      siteId: v.siteId || null,
      position: v.position.trim(),
      contactId: v.contactId || null,
      custom: c.values,
    };
  };

  /** Server errors next to their inputs, `custom.<key>` next to the custom field; the rest above the buttons. */
  const applyApiError = (error: unknown) => {
    const { matched, rest } = splitFieldErrors(error, form.values, t);
    const onCustom: Record<string, string> = {};
    const left = rest.filter((fe) => {
      const m = /^custom\.(.+)$/.exec(fe.path);
      if (!m) return true;
      // the label is right above the input: no need to repeat it in the message
      const { name: _name, ...params } = fe.params ?? {};
      onCustom[m[1]!] ??= fieldErrorText(t, { ...fe, params });
      return false;
    });
    const landed = Object.keys(matched).length + Object.keys(onCustom).length > 0;
    form.setErrors(matched, generalErrorText(t, error, landed, left));
    setCustomErrors(onCustom);
  };

  return { form, custom, setCustomValue, customErrors, validate, applyAssetError: applyApiError };
}

export type AssetFormState = ReturnType<typeof useAssetForm>;

function useCustomerDetail(id: string) {
  return useQuery({ queryKey: customerKeys.detail(id), queryFn: () => api<CustomerDetail>(`/api/v1/customers/${id}`), enabled: !!id });
}

/** The type's fields: from the list when it has it, else the type itself (an archived one). */
export function useTypeFields(typeId: string, types: AssetType[] | undefined) {
  const inList = types?.find((x) => x.id === typeId);
  const one = useAssetType(inList ? null : typeId);
  return inList ?? one.data ?? null;
}

type Props = {
  state: AssetFormState;
  asset?: Asset;
  onSubmit: () => void;
  submitting: boolean;
  submitLabel: string;
  cancelTo: string;
};

export function AssetForm({ state, asset, onSubmit, submitting, submitLabel, cancelTo }: Props) {
  const t = useT();
  const can = useCan();
  const { form, custom, setCustomValue, customErrors } = state;
  const v = form.values;
  const types = useAssetTypes('active');
  const type = useTypeFields(v.assetTypeId, types.data?.items);
  const customer = useCustomerDetail(v.customerId);
  const sites = (customer.data?.sites ?? []).filter((s) => !s.archived || s.id === v.siteId);
  const contacts = (customer.data?.contacts ?? []).filter((c) => !c.archived || c.id === v.contactId);
  const typeOptions = (types.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }));
  if (asset && !typeOptions.some((o) => o.value === asset.assetTypeId))
    typeOptions.push({ value: asset.assetTypeId, label: `${asset.assetTypeName} ${t('assets.form.archivedSuffix')}` });
  const customerLabel = v.customerName || customer.data?.name || '…';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };

  return (
    <form onSubmit={submit} noValidate data-testid="asset-form">
      <Stack gap="md">
        <Divider label={t('assets.form.sectionOwner')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <CustomerPicker
            label={t('assets.fields.customer')}
            placeholder={t('assets.form.customerPlaceholder')}
            value={v.customerId ? { id: v.customerId, label: customerLabel } : null}
            onChange={(c) => {
              form.set('customerId', c?.id ?? '');
              form.set('customerName', c ? ('name' in c ? c.name : c.label) : '');
              form.set('siteId', '');
              form.set('contactId', '');
            }}
            error={form.errors.customerId}
            required
            disabled={!!asset}
            {...(asset ? { description: t('assets.form.customerLocked') } : {})}
            testId="asset-customer"
          />
          <Stack gap={4}>
            <Select
              label={t('assets.fields.type')}
              placeholder={t('assets.form.typePlaceholder')}
              required
              searchable
              data={typeOptions}
              value={v.assetTypeId || null}
              onChange={(id) => form.set('assetTypeId', id ?? '')}
              error={form.errors.assetTypeId}
              nothingFoundMessage={t('assets.form.nothingFound')}
              data-testid="asset-type"
            />
            {types.data && types.data.items.length === 0 && (
              <Text size="xs" c="dimmed">
                {t('assets.form.noTypes')}{' '}
                {can(perm('assets:configure')) && (
                  <Anchor component={Link} to="/settings/asset-types/new" size="xs">
                    {t('assets.form.noTypesLink')}
                  </Anchor>
                )}
              </Text>
            )}
          </Stack>
          <ProductPicker
            label={t('assets.fields.product')}
            placeholder={t('assets.form.productPlaceholder')}
            value={v.productId ? { id: v.productId, label: v.productName } : null}
            onChange={(p) => {
              form.set('productId', p?.id ?? '');
              form.set('productName', p ? ('code' in p ? `${p.code} · ${p.name}` : p.label) : '');
              if (p && 'code' in p) {
                if (!v.name.trim()) form.set('name', p.name);
                if (!v.manufacturer.trim()) form.set('manufacturer', p.manufacturer);
                if (!v.model.trim()) form.set('model', p.model);
              }
            }}
            error={form.errors.productId}
            testId="asset-product"
          />
        </SimpleGrid>

        <Divider label={t('assets.form.sectionIdentity')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('assets.fields.name')} required {...form.text('name')} style={{ gridColumn: 'span 2' }} data-testid="asset-name" />
          <TextInput label={t('assets.fields.serialNumber')} {...form.text('serialNumber')} styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }} data-testid="asset-serial" />
          <TextInput label={t('assets.fields.manufacturer')} {...form.text('manufacturer')} data-testid="asset-manufacturer" />
          <TextInput label={t('assets.fields.model')} {...form.text('model')} data-testid="asset-model" />
          <div />
          <TextInput label={t('assets.fields.purchaseDate')} type="date" {...form.text('purchaseDate')} data-testid="asset-purchase-date" />
          <TextInput label={t('assets.fields.installationDate')} type="date" {...form.text('installationDate')} data-testid="asset-installation-date" />
        </SimpleGrid>

        {type && (
          <>
            <Divider label={t('assets.form.sectionCustom', { type: type.name })} labelPosition="left" />
            {type.fields.length === 0 ? (
              <Text size="sm" c="dimmed" data-testid="asset-no-custom">
                {t('assets.form.noCustomFields')}
              </Text>
            ) : (
              <SimpleGrid cols={{ base: 1, sm: 3 }} data-testid="asset-custom-fields">
                {type.fields.map((f) => (
                  <CustomFieldInput key={f.key} field={f} value={custom[f.key]} onChange={(x) => setCustomValue(f.key, x)} error={customErrors[f.key] || undefined} />
                ))}
              </SimpleGrid>
            )}
          </>
        )}

        <Divider label={t('assets.form.sectionPlace')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select
            label={t('assets.fields.site')}
            placeholder={!v.customerId ? t('assets.form.chooseCustomerFirst') : sites.length === 0 ? t('assets.form.noSites') : t('assets.form.none')}
            disabled={!v.customerId || sites.length === 0}
            clearable
            data={sites.map((s) => ({ value: s.id, label: [s.name, s.city].filter(Boolean).join(', ') }))}
            value={v.siteId || null}
            onChange={(id) => form.set('siteId', id ?? '')}
            error={form.errors.siteId}
            data-testid="asset-site"
          />
          <TextInput label={t('assets.fields.position')} description={t('assets.form.positionHint')} {...form.text('position')} data-testid="asset-position" />
          <Select
            label={t('assets.fields.contact')}
            description={t('assets.form.contactHint')}
            placeholder={!v.customerId ? t('assets.form.chooseCustomerFirst') : contacts.length === 0 ? t('assets.form.noContacts') : t('assets.form.none')}
            disabled={!v.customerId || contacts.length === 0}
            clearable
            data={contacts.map((c) => ({ value: c.id, label: [c.name, c.role].filter(Boolean).join(' — ') }))}
            value={v.contactId || null}
            onChange={(id) => form.set('contactId', id ?? '')}
            error={form.errors.contactId}
            data-testid="asset-contact"
          />
        </SimpleGrid>
        <Textarea label={t('assets.fields.specification')} autosize minRows={3} maxRows={12} {...form.text('specification')} data-testid="asset-specification" />
        <FormAlert message={form.general} />
        <Group justify="flex-end">
          <Button component={Link} to={cancelTo} variant="default">
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={submitting} data-testid="asset-submit">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

