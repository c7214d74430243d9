import { Paper, Stack } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/page-header.tsx';
import { PageLoader } from '../../../ui/page-loader.tsx';
import { QueryError } from '../../../ui/query-error.tsx';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useCustomer, useUpdateCustomer } from '../api/customers-api.ts';
import type { Customer } from '../api/customer-types.ts';
import { CustomerForm, customerBody, customerFormValues } from '../components/customer-form.tsx';

export function CustomerEditPage() {
  const { id = '' } = useParams();
  const customer = useCustomer(id);
  if (customer.isPending) return <PageLoader />;
  if (customer.error) return <QueryError error={customer.error} onRetry={() => void customer.refetch()} />;
  return <EditForm key={id} customer={customer.data} />;
}

function EditForm({ customer }: { customer: Customer }) {
  const t = useT();
  const navigate = useNavigate();
  const update = useUpdateCustomer(customer.id);
  const form = useFormState(() => customerFormValues(customer));

  const submit = () => {
    if (!form.values.name.trim()) return form.setErrors({ name: t('common.required') });
    update.mutate(customerBody(form.values), {
      onSuccess: ({ warnings }) => {
        notifySuccess(t('customers.form.saved'));
        void navigate(`/customers/${customer.id}`, { state: { warnings } });
      },
      onError: (error) => form.applyApiError(error, t),
    });
  };

  return (
    <Stack>
      <PageHeader title={t('customers.form.editTitle')} subtitle={customer.name} />
      <Paper withBorder p="lg" radius="md">
        <CustomerForm
          form={form}
          onSubmit={submit}
          submitting={update.isPending}
          submitLabel={t('customers.form.save')}
          cancelTo={`/customers/${customer.id}`}
          customerId={customer.id}
        />
      </Paper>
    </Stack>
  );
}
