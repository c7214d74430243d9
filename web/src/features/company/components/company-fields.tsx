import { Select, SimpleGrid, TextInput } from '@mantine/core';
import type { FieldErrors } from '../../../ui/use-form-state.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { isLanguage } from '../../../i18n/i18n-context.tsx';
import type { CompanyInput } from '../api/company-api.ts';

type Props = {
  values: CompanyInput;
  errors: FieldErrors<CompanyInput>;
  onChange: <K extends keyof CompanyInput>(name: K, value: CompanyInput[K]) => void;
  disabled?: boolean;
  withCountry?: boolean;
  autoFocus?: boolean;
};

/** The company's details; used by first-run setup and by Settings → Company. */
export function CompanyFields({ values, errors, onChange, disabled, withCountry = true, autoFocus }: Props) {
  const t = useT();
  const text = (name: Exclude<keyof CompanyInput, 'defaultLanguage'>) => ({
    value: values[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => onChange(name, e.currentTarget.value),
    error: errors[name],
    disabled,
    name,
  });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <TextInput label={t('company.fields.name')} required autoFocus={autoFocus} {...text('name')} />
      <TextInput label={t('company.fields.nip')} description={t('company.hints.nip')} required {...text('nip')} />
      <TextInput label={t('company.fields.street')} {...text('street')} />
      <TextInput label={t('company.fields.postalCode')} description={t('company.hints.postalCode')} {...text('postalCode')} />
      <TextInput label={t('company.fields.city')} {...text('city')} />
      {withCountry && <TextInput label={t('company.fields.country')} description={t('company.hints.country')} maxLength={2} {...text('country')} />}
      <TextInput label={t('company.fields.bankAccount')} description={t('company.hints.bankAccount')} {...text('bankAccount')} />
      <TextInput label={t('company.fields.email')} type="email" {...text('email')} />
      <TextInput label={t('company.fields.phone')} type="tel" {...text('phone')} />
      <Select
        label={t('company.fields.defaultLanguage')}
        value={values.defaultLanguage}
        onChange={(v) => isLanguage(v) && onChange('defaultLanguage', v)}
        error={errors.defaultLanguage}
        disabled={disabled}
        allowDeselect={false}
        data={[
          { value: 'pl', label: t('languages.pl') },
          { value: 'en', label: t('languages.en') },
        ]}
      />
    </SimpleGrid>
  );
}
