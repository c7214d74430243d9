import { Paper, Stack } from '@mantine/core';
import { useNavigate } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/page-header.tsx';
import { useFormState } from '../../../ui/use-form-state.ts';
import { CatalogueCrumbs } from '../../catalogue/components/catalogue-crumbs.tsx';
import { partsApi } from '../api/parts-api.ts';
import { PartForm, partBody, partFormValues } from '../components/part-form.tsx';

export function PartNewPage() {
  const t = useT();
  const navigate = useNavigate();
  const create = partsApi.useCreate();
  const form = useFormState(() => partFormValues(t.lang));
  const submit = () => {
    const r = partBody(form.values, t);
    if ('errors' in r) return form.setErrors(r.errors);
    create.mutate(r.body, {
      onSuccess: (part) => {
        notifySuccess(t('catalogue.form.created', { name: part.name }));
        void navigate(`/catalogue/parts/${part.id}`);
      },
      onError: (error) => form.applyApiError(error, t),
    });
  };
  return (
    <Stack>
      <CatalogueCrumbs list={{ to: '/catalogue/parts', label: t('parts.list.title') }} />
      <PageHeader title={t('parts.form.newTitle')} />
      <Paper withBorder p="lg" radius="md">
        <PartForm form={form} onSubmit={submit} submitting={create.isPending} submitLabel={t('parts.form.create')} cancelTo="/catalogue/parts" />
      </Paper>
    </Stack>
  );
}
