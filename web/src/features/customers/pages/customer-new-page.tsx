import { Paper, Stack } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/page-header.tsx';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useCreateCustomer } from '../api/customers-api.ts';
import { CustomerForm, customerBody, customerFormValues } from '../components/customer-form.tsx';

export function CustomerNewPage() {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateCustomer();
  const form = useFormState(() => customerFormValues());

  const submit = () => {
    if (!form.values.name.trim()) return form.setErrors({ name: t('common.required') });
    create.mutate(customerBody(form.values), {
      onSuccess: ({ customer, warnings }) => {
        notifySuccess(t('customers.form.created', { name: customer.name }));
        void navigate(`/customers/${customer.id}`, { state: { warnings } });
      },
      onError: (error) => form.applyApiError(error, t),
    });
  };

  return (
    <Stack>
      <PageHeader title={t('customers.form.newTitle')} />
      <Paper withBorder p="lg" radius="md">
        <CustomerForm form={form} onSubmit={submit} submitting={create.isPending} submitLabel={t('customers.form.create')} cancelTo="/customers" />
      </Paper>
    </Stack>
  );
}
