import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import type { User } from '../../../app/api-types.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { StaffOption } from '../../service-orders/api/staff-api.ts';
import { useStaff, useStaffMember } from '../api/inbox-api.ts';

type Props = {
  label: string;
  placeholder: string;
  value: string;
  onChange: (id: string) => void;
  error?: string | undefined;
  testId: string;
  w?: number;
};

/**
 * Whose inbox to look into: any account, deactivated ones too (their leftover tasks), searched on the
 * server as you type (name or email), with their role. Needs users:read (managers).
 */
export function StaffSelect({ label, placeholder, value, onChange, error, testId, w }: Props) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const selected = useStaffMember(value);
  const selectedLabel = selected.data ? selected.data.name : '';
  const staff = useStaff(q === selectedLabel ? '' : q, true);
  const data = useMemo(() => {
    const list: User[] = [...(staff.data ?? [])];
    if (selected.data && !list.some((u) => u.id === selected.data.id)) list.unshift(selected.data);
    return list.map((u) => ({ value: u.id, label: u.active ? `${u.name} · ${t(`roles.${u.role}`)}` : `${u.name} · ${t(`roles.${u.role}`)} (${t('inbox.person.inactive')})` }));
  }, [staff.data, selected.data, t]);
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

/**
 * Whom to hand a task to: an active colleague from the staff directory (GET /api/v1/staff, names and
 * roles only), searched in the list as you type.
 */
export function ColleagueSelect({ label, placeholder, value, onChange, options, loading, error, testId }: Omit<Props, 'w'> & { options: StaffOption[]; loading: boolean }) {
  const t = useT();
  const data = useMemo(() => options.map((u) => ({ value: u.id, label: u.role ? `${u.name} · ${t(`roles.${u.role}`)}` : u.name })), [options, t]);
  return (
    <Select
      label={label}
      placeholder={placeholder}
      searchable
      clearable={false}
      data={data}
      value={value || null}
      onChange={(v) => v && onChange(v)}
      nothingFoundMessage={loading ? t('app.loading') : t('inbox.person.nothingFound')}
      error={error}
      data-testid={testId}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
