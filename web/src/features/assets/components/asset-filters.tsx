import { Group, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { SearchInput } from '../../../ui/search-input.tsx';
import { CUSTODY, type AssetFilters, type AssetType } from '../api/asset-shapes.ts';
import { custodyLabel } from './asset-text.ts';

type Props = {
  filters: AssetFilters;
  onChange: (patch: Partial<AssetFilters>) => void;
  types: AssetType[];
  resetToken: number;
};

/** Search, type (then one of its custom fields = a value), custody, archive status, sort. */
export function AssetFilterBar({ filters, onChange, types, resetToken }: Props) {
  const t = useT();
  const type = types.find((x) => x.id === filters.assetTypeId);
  const field = type?.fields.find((f) => f.key === filters.field);
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <SearchInput value={filters.q} onChange={(q) => onChange({ q })} placeholder={t('assets.list.searchPlaceholder')} resetToken={resetToken} testId="assets-search" />
      <NativeSelect
        label={t('assets.list.typeFilter')}
        value={filters.assetTypeId}
        onChange={(e) => onChange({ assetTypeId: e.currentTarget.value, field: '', value: '' })}
        data={[{ value: '', label: t('assets.list.allTypes') }, ...types.map((x) => ({ value: x.id, label: x.name }))]}
        data-testid="assets-filter-type"
      />
      {type && type.fields.length > 0 && (
        <NativeSelect
          label={t('assets.list.fieldFilter')}
          value={filters.field}
          onChange={(e) => onChange({ field: e.currentTarget.value, value: '' })}
          data={[{ value: '', label: t('assets.list.anyField') }, ...type.fields.map((f) => ({ value: f.key, label: f.label }))]}
          data-testid="assets-filter-field"
        />
      )}
      {field &&
        (field.kind === 'choice' || field.kind === 'boolean' ? (
          <NativeSelect
            label={t('assets.list.fieldValue')}
            value={filters.value}
            onChange={(e) => onChange({ value: e.currentTarget.value })}
            data={[
              { value: '', label: t('common.all') },
              ...(field.kind === 'choice'
                ? field.options.map((o) => ({ value: o, label: o }))
                : [
                    { value: 'true', label: t('common.yes') },
                    { value: 'false', label: t('common.no') },
                  ]),
            ]}
            data-testid="assets-filter-value"
          />
        ) : (
          <DebouncedValueInput key={field.key} kind={field.kind} unit={field.unit} value={filters.value} onChange={(value) => onChange({ value })} />
        ))}
      <NativeSelect
        label={t('assets.list.custodyFilter')}
        value={filters.custody}
        onChange={(e) => onChange({ custody: e.currentTarget.value })}
        data={[{ value: '', label: t('assets.list.allCustody') }, ...CUSTODY.map((c) => ({ value: c, label: custodyLabel(t, c) }))]}
        data-testid="assets-filter-custody"
      />
      <NativeSelect
        label={t('assets.list.archiveFilter')}
        value={filters.status}
        onChange={(e) => onChange({ status: e.currentTarget.value as AssetFilters['status'] })}
        data={[
          { value: 'active', label: t('catalogue.list.statusActive') },
          { value: 'archived', label: t('catalogue.list.statusArchived') },
          { value: 'all', label: t('catalogue.list.statusAll') },
        ]}
        data-testid="assets-filter-status"
      />
      <NativeSelect
        label={t('assets.list.sort.label')}
        value={filters.sort}
        onChange={(e) => onChange({ sort: e.currentTarget.value as AssetFilters['sort'] })}
        data={[
          { value: '', label: t('assets.list.sort.auto') },
          { value: 'name', label: t('assets.list.sort.name') },
          { value: '-name', label: t('assets.list.sort.nameDesc') },
          { value: '-created', label: t('assets.list.sort.newest') },
          { value: 'created', label: t('assets.list.sort.oldest') },
          { value: 'serial', label: t('assets.list.sort.serial') },
        ]}
        data-testid="assets-filter-sort"
      />
    </Group>
  );
}

function DebouncedValueInput({ kind, unit, value, onChange }: { kind: string; unit: string; value: string; onChange: (v: string) => void }) {
  const t = useT();
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text, 300);
  useEffect(() => {
    if (debounced !== value) onChange(debounced);
  }, [debounced]);
  return (
    <TextInput
      label={t('assets.list.fieldValue')}
      type={kind === 'date' ? 'date' : 'text'}
      inputMode={kind === 'number' ? 'decimal' : undefined}
      rightSection={unit ? <span style={{ fontSize: 12, color: 'var(--mantine-color-dimmed)' }}>{unit}</span> : undefined}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      w={170}
      data-testid="assets-filter-value"
    />
  );
}
