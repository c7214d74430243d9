// Searchable selects that ask the server as you type: a customer (required) and a product (optional).
import { Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../app/api-client.ts';
import type { Page } from '../../../app/api-types.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatNip } from '../../../i18n/format.ts';
import type { Customer } from '../../customers/api/customer-types.ts';
import type { Product } from '../../products/api/products-api.ts';

export type Picked = { id: string; label: string };

type PickerProps<T> = {
  label: string;
  placeholder: string;
  value: Picked | null;
  onChange: (picked: T | Picked | null) => void;
  error?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  description?: string;
  testId: string;
};

function useRemoteOptions<T extends { id: string }>(key: string, path: string, search: string, selectedLabel: string) {
  const [q] = useDebouncedValue(search, 250);
  // searching for the selected item's own label would narrow the list to it
  const query = q === selectedLabel ? '' : q.trim();
  return useQuery({
    queryKey: ['asset-pickers', key, query],
    queryFn: ({ signal }) => api<Page<T>>(path, { query: { q: query, status: 'active', limit: 20 }, signal }).then((r) => r.items),
    placeholderData: (prev) => prev,
    staleTime: 30_000,
  });
}

function RemoteSelect<T extends { id: string }>({
  props,
  queryKey,
  path,
  labelOf,
  detailOf,
}: {
  props: PickerProps<T>;
  queryKey: string;
  path: string;
  labelOf: (item: T) => string;
  detailOf: (item: T) => string;
}) {
  const t = useT();
  const { value } = props;
  const [search, setSearch] = useState('');
  const found = useRemoteOptions<T>(queryKey, path, search, value?.label ?? '');
  const items = found.data ?? [];
  const byId = new Map(items.map((i) => [i.id, i]));
  const data = [...(value && !byId.has(value.id) ? [{ value: value.id, label: value.label }] : []), ...items.map((i) => ({ value: i.id, label: labelOf(i) }))];
  return (
    <Select
      label={props.label}
      placeholder={props.placeholder}
      description={props.description}
      searchable
      clearable={!props.required}
      disabled={props.disabled}
      required={props.required}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      value={value?.id ?? null}
      onChange={(id) => {
        if (!id) return props.onChange(null);
        const item = byId.get(id);
        props.onChange(item ?? (value && value.id === id ? value : null));
      }}
      data={data}
      nothingFoundMessage={found.isFetching ? t('app.loading') : t('assets.form.nothingFound')}
      renderOption={({ option }) => {
        const item = byId.get(option.value);
        const detail = item ? detailOf(item) : '';
        return (
          <Group justify="space-between" wrap="nowrap" w="100%" gap="xs">
            <Text size="sm">{option.label}</Text>
            {detail && (
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {detail}
              </Text>
            )}
          </Group>
        );
      }}
      error={props.error}
      data-testid={props.testId}
    />
  );
}

export function CustomerPicker(props: PickerProps<Customer>) {
  return (
    <RemoteSelect<Customer>
      props={props}
      queryKey="customers"
      path="/api/v1/customers"
      labelOf={(c) => c.name}
      detailOf={(c) => [c.nip ? formatNip(c.nip) : '', c.city].filter(Boolean).join(' · ')}
    />
  );
}

export function ProductPicker(props: PickerProps<Product>) {
  return (
    <RemoteSelect<Product>
      props={props}
      queryKey="products"
      path="/api/v1/products"
      labelOf={(p) => `${p.code} · ${p.name}`}
      detailOf={(p) => [p.manufacturer, p.model].filter(Boolean).join(' ')}
    />
  );
}
