import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import type { User } from '../../../app/api-types.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useStaff, useStaffMember } from '../api/inbox-api.ts';

type Props = {
  label: string;
  placeholder: string;
  value: string;
  onChange: (id: string) => void;
  /** Hand-over targets must be active; looking into an inbox works for anyone. */
  activeOnly?: boolean;
  error?: string | undefined;
  testId: string;
  w?: number;
};

/** A staff member, searched on the server as you type (name or email), with their role. */
export function StaffSelect({ label, placeholder, value, onChange, activeOnly = false, error, testId, w }: Props) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const selected = useStaffMember(value);
  const selectedLabel = selected.data ? selected.data.name : '';
  const staff = useStaff(q === selectedLabel ? '' : q, true);
  const data = useMemo(() => {
    const list: User[] = [...(staff.data ?? [])];
    if (selected.data && !list.some((u) => u.id === selected.data.id)) list.unshift(selected.data);
    return list
      .filter((u) => !activeOnly || u.active)
      .map((u) => ({ value: u.id, label: u.active ? `${u.name} · ${t(`roles.${u.role}`)}` : `${u.name} · ${t(`roles.${u.role}`)} (${t('inbox.person.inactive')})` }));
  }, [staff.data, selected.data, activeOnly, t]);
  return (
    <Select
      label={label}
      placeholder={placeholder}
      searchable
      clearable={false}
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      data={data}
      value={value || null}
      onChange={(v) => v && onChange(v)}
      nothingFoundMessage={staff.isFetching ? t('app.loading') : t('inbox.person.nothingFound')}
      error={error}
      w={w}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
