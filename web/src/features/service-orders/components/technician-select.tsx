import { Select } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { Staff } from '../api/staff-api.ts';

type Props = {
  label: string;
  placeholder: string;
  staff: Staff;
  value: string;
  onChange: (id: string) => void;
  /** Whoever is assigned now stays pickable even when they are no longer active. */
  current?: { id: string; name: string } | null;
  error?: string | undefined;
  description?: string;
  testId: string;
};

/** A technician (or any staff member), with their role beside the name. */
export function TechnicianSelect({ label, placeholder, staff, value, onChange, current, error, description, testId }: Props) {
  const t = useT();
  const options = [...staff.options];
  if (current && !options.some((o) => o.id === current.id)) options.push({ id: current.id, name: current.name, role: null });
  return (
    <Select
      label={label}
      placeholder={placeholder}
      description={description}
      clearable
      searchable
      data={options.map((o) => ({ value: o.id, label: o.role ? `${o.name} (${t(`roles.${o.role}`)})` : o.name }))}
      value={value || null}
      onChange={(id) => onChange(id ?? '')}
      error={error}
      nothingFoundMessage={t('assets.form.nothingFound')}
      data-testid={testId}
    />
  );
}
