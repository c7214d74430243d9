import { Anchor, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../../../app/session.ts';
import { useT } from '../../../../i18n/i18n-context.tsx';
import { perm } from '../../../assets/api/asset-permissions.ts';
import type { Asset, AssetType } from '../../../assets/api/asset-shapes.ts';
import { CustodyBadge } from '../../../assets/components/custody-badge.tsx';
import { CustomFieldInput } from '../../../assets/components/custom-field-input.tsx';
import { ProductPicker } from '../../../assets/components/remote-pickers.tsx';
import { useCustomerAssets } from '../../api/lookups-api.ts';
import type { IntakeForm, Mode } from './use-intake-form.ts';

const assetLabel = (a: Pick<Asset, 'name' | 'serialNumber'>) => (a.serialNumber ? `${a.name} · ${a.serialNumber}` : a.name);

/** What is brought in: one of the customer's assets, or a new one with its type's custom fields. */
export function AssetSection({ form, types, type }: { form: IntakeForm; types: AssetType[]; type: AssetType | null }) {
  const t = useT();
  const can = useCan();
  const { order, asset } = form;
  const v = order.values;
  const a = asset.values;
  const newCustomer = form.customerMode === 'new';
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="intake-asset-title">
      <Stack gap="md">
        <Group justify="space-between" align="center">
          <Title order={3} size="h4" id="intake-asset-title">
            {t('orders.intake.assetSection')}
          </Title>
          <SegmentedControl
            value={form.assetMode}
            onChange={(m) => form.setAssetMode(m as Mode)}
            data={[
              { value: 'existing', label: t('orders.intake.existingAsset'), disabled: newCustomer },
              { value: 'new', label: t('orders.intake.newAsset') },
            ]}
            aria-label={t('orders.intake.assetSection')}
            data-testid="intake-asset-mode"
          />
        </Group>
        {form.assetMode === 'existing' ? (
          v.customerId ? (
            <ExistingAssetSelect form={form} />
          ) : (
            <Text size="sm" c={order.errors.assetId ? 'red' : 'dimmed'} data-testid="intake-asset-hint">
              {order.errors.assetId ?? t('orders.intake.chooseCustomerFirst')}
            </Text>
          )
        ) : (
          <Stack gap="sm" data-testid="intake-new-asset">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Stack gap={4}>
                <Select
                  label={t('assets.fields.type')}
                  placeholder={t('assets.form.typePlaceholder')}
                  required
                  searchable
                  data={types.map((x) => ({ value: x.id, label: x.name }))}
                  value={a.assetTypeId || null}
                  onChange={(id) => asset.set('assetTypeId', id ?? '')}
                  error={asset.errors.assetTypeId}
                  nothingFoundMessage={t('assets.form.nothingFound')}
                  data-testid="intake-asset-type"
                />
                {types.length === 0 && (
                  <Text size="xs" c="dimmed">
                    {t('assets.form.noTypes')}{' '}
                    {can(perm('assets:configure')) && (
                      <Anchor component={Link} to="/settings/asset-types/new" size="xs" target="_blank">
                        {t('assets.form.noTypesLink')}
                      </Anchor>
                    )}
                  </Text>
                )}
              </Stack>
              <TextInput
                label={t('assets.fields.name')}
                placeholder={t('orders.intake.namePlaceholder')}
                required
                {...asset.text('name')}
                style={{ gridColumn: 'span 2' }}
                data-testid="intake-asset-name"
              />
              <TextInput
                label={t('assets.fields.serialNumber')}
                {...asset.text('serialNumber')}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
                data-testid="intake-asset-serial"
              />
              <TextInput label={t('assets.fields.manufacturer')} {...asset.text('manufacturer')} data-testid="intake-asset-manufacturer" />
              <TextInput label={t('assets.fields.model')} {...asset.text('model')} data-testid="intake-asset-model" />
              <ProductPicker
                label={t('assets.fields.product')}
                placeholder={t('assets.form.productPlaceholder')}
                value={a.productId ? { id: a.productId, label: a.productName } : null}
                onChange={(p) => {
                  asset.set('productId', p?.id ?? '');
                  asset.set('productName', p ? ('code' in p ? `${p.code} · ${p.name}` : p.label) : '');
                  if (p && 'code' in p) {
                    if (!a.name.trim()) asset.set('name', p.name);
                    if (!a.manufacturer.trim()) asset.set('manufacturer', p.manufacturer);
                    if (!a.model.trim()) asset.set('model', p.model);
                  }
                }}
                error={asset.errors.productId}
                testId="intake-asset-product"
              />
            </SimpleGrid>
            {type && type.fields.length > 0 && (
              <>
                <Text size="sm" fw={500} mt="xs">
                  {t('assets.form.sectionCustom', { type: type.name })}
                </Text>
                <SimpleGrid cols={{ base: 1, sm: 3 }} data-testid="intake-asset-custom">
                  {type.fields.map((f) => (
                    <CustomFieldInput key={f.key} field={f} value={form.custom[f.key]} onChange={(x) => form.setCustomValue(f.key, x)} error={form.customErrors[f.key] || undefined} />
                  ))}
                </SimpleGrid>
              </>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

/** The customer's assets as a searchable select (searched on the server when there are many). */
function ExistingAssetSelect({ form }: { form: IntakeForm }) {
  const t = useT();
  const { order } = form;
  const v = order.values;
  const [search, setSearch] = useState('');
  const query = search === v.assetLabel ? '' : search;
  const assets = useCustomerAssets(v.customerId, query);
  const items = assets.data?.items ?? [];
  const byId = new Map(items.map((x) => [x.id, x]));
  const selected = byId.get(v.assetId);
  const data = [...(v.assetId && !byId.has(v.assetId) ? [{ value: v.assetId, label: v.assetLabel || '…' }] : []), ...items.map((x) => ({ value: x.id, label: assetLabel(x) }))];
  const none = assets.isSuccess && items.length === 0 && !query.trim();
  if (none)
    return (
      <Text size="sm" c={order.errors.assetId ? 'red' : 'dimmed'} data-testid="intake-no-assets">
        {order.errors.assetId ?? t('orders.intake.noAssets')}
      </Text>
    );
  return (
    <Stack gap="xs">
      <Select
        label={t('orders.fields.asset')}
        placeholder={assets.isPending ? t('orders.intake.assetsLoading') : t('orders.intake.assetPlaceholder')}
        required
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        data={data}
        value={v.assetId || null}
        onChange={(id) => {
          order.set('assetId', id ?? '');
          const x = id ? byId.get(id) : undefined;
          order.set('assetLabel', x ? assetLabel(x) : '');
        }}
        renderOption={({ option }) => {
          const x = byId.get(option.value);
          return (
            <Group justify="space-between" wrap="nowrap" w="100%" gap="xs">
              <Stack gap={0}>
                <Text size="sm">{x?.name ?? option.label}</Text>
                {x && (x.serialNumber || x.assetTypeName) && (
                  <Text size="xs" c="dimmed">
                    {[x.assetTypeName, x.serialNumber].filter(Boolean).join(' · ')}
                  </Text>
                )}
              </Stack>
              {x && <CustodyBadge custody={x.custody} size="xs" />}
            </Group>
          );
        }}
        nothingFoundMessage={assets.isFetching ? t('app.loading') : t('assets.form.nothingFound')}
        error={order.errors.assetId}
        data-testid="intake-asset"
      />
      {assets.data?.nextCursor && !query.trim() && (
        <Text size="xs" c="dimmed">
          {t('orders.intake.moreAssets')}
        </Text>
      )}
      {selected && (
        <Group gap="xs" data-testid="intake-asset-card">
          <Text size="sm" c="dimmed">
            {[selected.assetTypeName, [selected.manufacturer, selected.model].filter(Boolean).join(' ')].filter(Boolean).join(' · ')}
          </Text>
          <CustodyBadge custody={selected.custody} size="xs" />
        </Group>
      )}
    </Stack>
  );
}
