import { Stack } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { JobsTable } from '../components/jobs-table.tsx';
import { RunsTable } from '../components/runs-table.tsx';

/** /settings/jobs: the background jobs, their recent runs and failures (refreshes every 10 s). */
export function JobsPage() {
  const t = useT();
  return (
    <Stack gap="lg">
      <PageHeader title={t('jobs.title')} subtitle={t('jobs.intro')} />
      <JobsTable />
      <RunsTable />
    </Stack>
  );
}
