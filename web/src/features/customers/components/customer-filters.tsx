import { Group, Kbd, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { CustomerFilters as Filters } from '../api/customer-types.ts';

type Props = { filters: Filters; onChange: (patch: Partial<Filters>) => void; resetToken: number };

/** Search (debounced, "/" focuses it), kind, status, city, sort. */
export function CustomerFilters({ filters, onChange, resetToken }: Props) {
  const t = useT();
  const searchRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState({ q: filters.q, city: filters.city });
  const [debounced] = useDebouncedValue(text, 300);

  useHotkeys([['/', () => searchRef.current?.focus()]]);

  // "clear filters" elsewhere on the page empties the text fields too
  useEffect(() => {
    if (resetToken > 0) setText({ q: '', city: '' });
  }, [resetToken]);

  useEffect(() => {
    if (debounced.q !== filters.q || debounced.city !== filters.city) onChange({ q: debounced.q, city: debounced.city });
  }, [debounced]);

  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        ref={searchRef}
        label={t('customers.list.searchLabel')}
        placeholder={t('customers.list.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        rightSection={<Kbd size="xs">/</Kbd>}
        title={t('customers.list.searchHint')}
        value={text.q}
        onChange={(e) => {
          const q = e.currentTarget.value;
          setText((s) => ({ ...s, q }));
        }}
        style={{ flex: '1 1 260px' }}
        data-testid="customer-search"
        type="search"
      />
      <NativeSelect
        label={t('customers.list.kindFilter')}
        value={filters.kind}
        onChange={(e) => onChange({ kind: e.currentTarget.value as Filters['kind'] })}
        data={[
          { value: '', label: t('customers.list.kindAll') },
          { value: 'company', label: t('customers.kind.company') },
          { value: 'individual', label: t('customers.kind.individual') },
        ]}
        data-testid="filter-kind"
      />
      <NativeSelect
        label={t('customers.list.statusFilter')}
        value={filters.status}
        onChange={(e) => onChange({ status: e.currentTarget.value as Filters['status'] })}
        data={[
          { value: 'active', label: t('customers.list.status.active') },
          { value: 'archived', label: t('customers.list.status.archived') },
          { value: 'all', label: t('customers.list.status.all') },
        ]}
        data-testid="filter-status"
      />
      <TextInput
        label={t('customers.list.cityFilter')}
        value={text.city}
        onChange={(e) => {
          const city = e.currentTarget.value;
          setText((s) => ({ ...s, city }));
        }}
        w={170}
        data-testid="filter-city"
      />
      <NativeSelect
        label={t('customers.list.sortLabel')}
        value={filters.sort}
        onChange={(e) => onChange({ sort: e.currentTarget.value as Filters['sort'] })}
        data={[
          { value: 'name', label: t('customers.list.sort.name') },
          { value: '-name', label: t('customers.list.sort.nameDesc') },
          { value: '-createdAt', label: t('customers.list.sort.newest') },
          { value: 'createdAt', label: t('customers.list.sort.oldest') },
        ]}
        data-testid="filter-sort"
      />
    </Group>
  );
}
