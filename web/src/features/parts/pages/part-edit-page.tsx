import { Paper, Stack } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/page-header.tsx';
import { PageLoader } from '../../../ui/page-loader.tsx';
import { QueryError } from '../../../ui/query-error.tsx';
import { useFormState } from '../../../ui/use-form-state.ts';
import { CatalogueCrumbs } from '../../catalogue/components/catalogue-crumbs.tsx';
import { partsApi } from '../api/parts-api.ts';
import type { Part } from '../api/part-types.ts';
import { PartForm, partBody, partFormValues } from '../components/part-form.tsx';

export function PartEditPage() {
  const { id = '' } = useParams();
  const part = partsApi.useOne(id);
  if (part.isPending) return <PageLoader />;
  if (part.error) return <QueryError error={part.error} onRetry={() => void part.refetch()} />;
  return <EditForm key={id} part={part.data} />;
}

function EditForm({ part }: { part: Part }) {
  const t = useT();
  const navigate = useNavigate();
  const update = partsApi.useUpdate(part.id);
  const form = useFormState(() => partFormValues(t.lang, part));
  const submit = () => {
    const r = partBody(form.values, t);
    if ('errors' in r) return form.setErrors(r.errors);
    update.mutate(r.body, {
      onSuccess: () => {
        notifySuccess(t('common.saved'));
        void navigate(`/catalogue/parts/${part.id}`);
      },
      onError: (error) => form.applyApiError(error, t),
    });
  };
  return (
    <Stack>
      <CatalogueCrumbs list={{ to: '/catalogue/parts', label: t('parts.list.title') }} current={part.name} />
      <PageHeader title={t('parts.form.editTitle')} subtitle={`${part.code} · ${part.name}`} />
      <Paper withBorder p="lg" radius="md">
        <PartForm form={form} onSubmit={submit} submitting={update.isPending} submitLabel={t('catalogue.form.save')} cancelTo={`/catalogue/parts/${part.id}`} />
      </Paper>
    </Stack>
  );
}
