import { Select, Switch, TextInput } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { AssetField } from '../api/asset-shapes.ts';

/** What the form keeps for one custom field: text as typed, or a yes/no. */
export type CustomFormValue = string | boolean;

type Props = { field: AssetField; value: CustomFormValue | undefined; onChange: (v: CustomFormValue) => void; error?: string | undefined };

/** One custom field of the asset's type, rendered by its kind. */
export function CustomFieldInput({ field, value, onChange, error }: Props) {
  const t = useT();
  const common = { label: field.label, required: field.required, error, 'data-testid': `custom-${field.key}`, 'data-field-key': field.key };
  switch (field.kind) {
    case 'boolean':
      return (
        <Switch
          mt={28}
          label={field.label}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
          error={error}
          size="md"
          data-testid={`custom-${field.key}`}
          data-field-key={field.key}
        />
      );
    case 'choice':
      return (
        <Select
          {...common}
          data={field.options}
          value={typeof value === 'string' && value !== '' ? value : null}
          onChange={(v) => onChange(v ?? '')}
          clearable={!field.required}
          searchable={field.options.length > 8}
          placeholder={t('assets.form.none')}
        />
      );
    case 'date':
      return <TextInput {...common} type="date" value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value)} />;
    case 'number':
      return (
        <TextInput
          {...common}
          inputMode="decimal"
          autoComplete="off"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value)}
          rightSection={field.unit ? <span style={{ fontSize: 12, color: 'var(--mantine-color-dimmed)' }}>{field.unit}</span> : undefined}
          rightSectionWidth={field.unit.length > 3 ? 56 : 40}
          styles={{ input: { textAlign: 'right' } }}
        />
      );
    default:
      return <TextInput {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}
