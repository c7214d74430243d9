import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { FormEvent } from 'react';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/page-header.tsx';
import { PageLoader } from '../../../ui/page-loader.tsx';
import { QueryError } from '../../../ui/query-error.tsx';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useCompany, useUpdateCompany, type Company, type CompanyInput } from '../api/company-api.ts';
import { CompanyFields } from '../components/company-fields.tsx';
import { ProfilesSection } from '../components/profiles-section.tsx';

export function CompanySettingsPage() {
  const company = useCompany();
  if (company.isPending) return <PageLoader />;
  if (company.error) return <QueryError error={company.error} onRetry={() => void company.refetch()} />;
  return (
    <Stack>
      <CompanyForm company={company.data} />
      <ProfilesSection company={company.data} />
    </Stack>
  );
}

function CompanyForm({ company }: { company: Company }) {
  const t = useT();
  const can = useCan();
  const mayEdit = can('company:update');
  const update = useUpdateCompany();
  const { updatedAt, profiles: _profiles, ...input } = company;
  const form = useFormState<CompanyInput>(() => input);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: typeof form.errors = {};
    if (!form.values.name.trim()) errors.name = t('common.required');
    if (!form.values.nip.trim()) errors.nip = t('common.required');
    form.setErrors(errors);
    if (Object.keys(errors).length) return;
    update.mutate(form.values, {
      onSuccess: (saved) => {
        const { updatedAt: _u, profiles: _p, ...next } = saved;
        form.reset(next);
        notifySuccess(t('company.settings.saved'));
      },
      onError: (error) => form.applyApiError(error, t),
    });
  };

  return (
    <Stack>
      <PageHeader title={t('company.settings.title')} subtitle={t('company.settings.intro')} />
      {!mayEdit && <Alert color="gray">{t('company.settings.readOnly')}</Alert>}
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate data-testid="company-form">
          <Stack>
            <CompanyFields values={form.values} errors={form.errors} onChange={form.set} disabled={!mayEdit} autoFocus={mayEdit} />
            <FormAlert message={form.general} />
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {t('customers.detail.updatedAt')}: {formatDateTime(updatedAt, t.lang)}
              </Text>
              {mayEdit && (
                <Button type="submit" loading={update.isPending} data-testid="company-submit">
                  {t('common.save')}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
