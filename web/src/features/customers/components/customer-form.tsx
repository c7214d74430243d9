import { Button, Divider, Group, Input, SegmentedControl, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import type { FormState } from '../../../ui/use-form-state.ts';
import type { Customer, CustomerInput, CustomerKind } from '../api/customer-types.ts';
import { NipField } from './nip-field.tsx';

export type CustomerFormValues = {
  kind: CustomerKind;
  name: string;
  nip: string;
  regon: string;
  pesel: string;
  email: string;
  phone: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  notes: string;
};

export const customerFormValues = (c?: Customer): CustomerFormValues => ({
  kind: c?.kind ?? 'company',
  name: c?.name ?? '',
  nip: c?.nip ?? '',
  regon: c?.regon ?? '',
  pesel: c?.pesel ?? '',
  email: c?.email ?? '',
  phone: c?.phone ?? '',
  street: c?.street ?? '',
  postalCode: c?.postalCode ?? '',
  city: c?.city ?? '',
  country: c?.country ?? 'PL',
  notes: c?.notes ?? '',
});

export const customerBody = (v: CustomerFormValues): CustomerInput => ({
  ...v,
  nip: v.nip.trim() || null,
  regon: v.regon.trim() || null,
  pesel: v.pesel.trim() || null,
});

type Props = {
  form: FormState<CustomerFormValues>;
  onSubmit: () => void;
  submitting: boolean;
  submitLabel: string;
  cancelTo: string;
  customerId?: string;
};

/** Fields of a customer. NIP is shown for companies, PESEL for individuals (or whenever filled). */
export function CustomerForm({ form, onSubmit, submitting, submitLabel, cancelTo, customerId }: Props) {
  const t = useT();
  const { values } = form;
  const showNip = values.kind === 'company' || values.nip !== '';
  const showPesel = values.kind === 'individual' || values.pesel !== '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate data-testid="customer-form">
      <Stack gap="md">
        <Input.Wrapper label={t('customers.fields.kind')} id="customer-kind" error={form.errors.kind}>
          <div>
            <SegmentedControl
              value={values.kind}
              onChange={(v) => form.set('kind', v === 'individual' ? 'individual' : 'company')}
              aria-labelledby="customer-kind-label"
              data-testid="customer-kind"
              data={[
                { value: 'company', label: t('customers.kind.company') },
                { value: 'individual', label: t('customers.kind.individual') },
              ]}
            />
          </div>
        </Input.Wrapper>
        <TextInput label={t('customers.fields.name')} required autoFocus {...form.text('name')} />
        <Divider label={t('customers.form.sectionIdentity')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {showNip && (
            <NipField
              label={t('customers.fields.nip')}
              value={values.nip}
              onChange={(v) => form.set('nip', v)}
              error={form.errors.nip}
              {...(customerId ? { excludeId: customerId } : {})}
            />
          )}
          <TextInput label={t('customers.fields.regon')} inputMode="numeric" {...form.text('regon')} />
          {showPesel && <TextInput label={t('customers.fields.pesel')} inputMode="numeric" {...form.text('pesel')} />}
        </SimpleGrid>
        <Divider label={t('customers.form.sectionContact')} labelPosition="left" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('customers.fields.email')} type="email" {...form.text('email')} />
          <TextInput label={t('customers.fields.phone')} type="tel" {...form.text('phone')} />
          <TextInput label={t('customers.fields.street')} {...form.text('street')} />
          <TextInput label={t('customers.fields.postalCode')} description={t('company.hints.postalCode')} {...form.text('postalCode')} />
          <TextInput label={t('customers.fields.city')} {...form.text('city')} />
          <TextInput label={t('customers.fields.country')} description={t('company.hints.country')} maxLength={2} {...form.text('country')} />
        </SimpleGrid>
        <Textarea label={t('customers.fields.notes')} autosize minRows={3} {...form.text('notes')} />
        <FormAlert message={form.general} />
        <Group justify="flex-end">
          <Button component={Link} to={cancelTo} variant="default">
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={submitting} data-testid="customer-submit">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
