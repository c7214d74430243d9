import { Group, Input, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatMoney } from '../../../i18n/format.ts';
import { useCatalogueItemSearch, type CatalogueItem, type ItemType } from '../api/price-lists-api.ts';

type Props = {
  type: ItemType;
  onTypeChange: (type: ItemType) => void;
  value: CatalogueItem | null;
  onChange: (item: CatalogueItem | null) => void;
  error?: string | undefined;
  disabled?: boolean;
  testId: string;
};

/** Part or service, then a searchable select that asks the server (code, name; Polish letters optional). */
export function ItemPicker({ type, onTypeChange, value, onChange, error, disabled, testId }: Props) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  // searching for the selected item's own label would narrow the list to it
  const selectedLabel = value ? `${value.code} · ${value.name}` : '';
  const found = useCatalogueItemSearch(type, q === selectedLabel ? '' : q);
  const items = [...(value && value.type === type ? [value] : []), ...(found.data ?? []).filter((i) => i.id !== value?.id)];
  const byId = new Map(items.map((i) => [i.id, i]));
  return (
    <Stack gap="xs">
      <Input.Wrapper label={t('priceLists.items.itemType')}>
        <div>
          <SegmentedControl
            value={type}
            disabled={disabled}
            onChange={(v) => {
              onTypeChange(v === 'service' ? 'service' : 'part');
              onChange(null);
              setSearch('');
            }}
            data={[
              { value: 'part', label: t('priceLists.items.types.part') },
              { value: 'service', label: t('priceLists.items.types.service') },
            ]}
            data-testid={`${testId}-type`}
          />
        </div>
      </Input.Wrapper>
      <Select
        label={t('priceLists.items.item')}
        placeholder={t('priceLists.items.searchPlaceholder')}
        searchable
        disabled={disabled}
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        value={value?.id ?? null}
        onChange={(id) => onChange(id ? (byId.get(id) ?? null) : null)}
        data={items.map((i) => ({ value: i.id, label: `${i.code} · ${i.name}` }))}
        nothingFoundMessage={found.isFetching ? t('app.loading') : t('priceLists.items.nothingFound')}
        renderOption={({ option }) => {
          const i = byId.get(option.value);
          return (
            <Group justify="space-between" wrap="nowrap" w="100%">
              <Text size="sm">{option.label}</Text>
              {i && (
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(i.defaultNetMinor, 'PLN', t.lang)}
                </Text>
              )}
            </Group>
          );
        }}
        error={error}
        required
        data-testid={`${testId}-item`}
      />
    </Stack>
  );
}
