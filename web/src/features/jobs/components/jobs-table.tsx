// The defined jobs: what each does, when it runs (Warsaw time), how its last run went, failures in
// the last 7 days, and "Run now" for administrators (after a confirmation).
import { Badge, Button, Center, Group, Loader, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { JOBS_RUN, useJobs, useRunJob, type Job } from '../api/jobs-api.ts';
import { formatWarsaw, jobDescription, jobLabel, jobsErrorText, scheduleText } from './job-format.ts';
import { JobStateBadge } from './job-state-badge.tsx';
import { JobsQueryError } from './jobs-query-error.tsx';

export function JobsTable() {
  const t = useT();
  const can = useCan();
  const jobs = useJobs();
  const run = useRunJob();
  const [confirm, setConfirm] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mayRun = can(JOBS_RUN);

  if (jobs.error) return <JobsQueryError error={jobs.error} onRetry={() => void jobs.refetch()} />;
  if (jobs.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  const items = jobs.data.items;
  const close = () => {
    setConfirm(null);
    setError(null);
  };
  const start = (job: Job) =>
    run.mutate(job.name, {
      onSuccess: () => {
        close();
        notifySuccess(t('jobs.runNow.queued', { name: jobLabel(t, job.name) }));
      },
      onError: (e) => setError(jobsErrorText(t, e)),
    });

  return (
    <Paper withBorder radius="md" p="xs">
      {items.length === 0 ? (
        <Text c="dimmed" p="md" data-testid="jobs-empty">
          {t('jobs.defined.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" data-testid="jobs-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('jobs.defined.job')}</Table.Th>
                <Table.Th>
                  {t('jobs.defined.schedule')}{' '}
                  <Text span size="xs" c="dimmed" fw={400}>
                    ({t('jobs.schedule.zone')})
                  </Text>
                </Table.Th>
                <Table.Th>{t('jobs.defined.lastRun')}</Table.Th>
                <Table.Th style={{ whiteSpace: 'nowrap' }}>
                  <Tooltip label={t('jobs.defined.failuresHint')} multiline w={240}>
                    <span>{t('jobs.defined.failures')}</span>
                  </Tooltip>
                </Table.Th>
                {mayRun && <Table.Th aria-label={t('common.actions')} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((job) => (
                <Table.Tr key={job.name} data-testid="job-row" data-job={job.name}>
                  <Table.Td maw={360}>
                    <Text fw={500}>{jobLabel(t, job.name)}</Text>
                    {jobDescription(t, job.name) && (
                      <Text size="sm" c="dimmed">
                        {jobDescription(t, job.name)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {job.cron ? (
                      <Stack gap={2}>
                        <Tooltip label={`cron: ${job.cron} (${job.timezone ?? ''})`}>
                          <Text size="sm" data-testid="job-schedule">
                            {scheduleText(t, job.cron)}
                          </Text>
                        </Tooltip>
                        {job.nextRunAt && (
                          <Text size="xs" c="dimmed" data-testid="job-next-run">
                            {t('jobs.schedule.next', { at: formatWarsaw(job.nextRunAt, t.lang, { seconds: false }) })}
                          </Text>
                        )}
                      </Stack>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('jobs.schedule.onDemand')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {job.lastRun ? (
                      <Stack gap={4} align="flex-start">
                        <JobStateBadge state={job.lastRun.state} />
                        <Text size="xs" c="dimmed">
                          {formatWarsaw(job.lastRun.completedOn ?? job.lastRun.startedOn ?? job.lastRun.createdOn, t.lang)}
                        </Text>
                      </Stack>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('jobs.defined.neverRun')}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td data-testid="job-failures">
                    {job.failedLast7Days > 0 ? (
                      <Badge color="red" variant="light">
                        {job.failedLast7Days}
                      </Badge>
                    ) : (
                      <Text size="sm" c="dimmed">
                        {t('jobs.defined.noFailures')}
                      </Text>
                    )}
                  </Table.Td>
                  {mayRun && (
                    <Table.Td ta="right">
                      <Tooltip label={t('jobs.runNow.notRunnable')} disabled={job.runnable} multiline w={240}>
                        {/* a disabled button fires no mouse events: the span carries the tooltip */}
                        <span style={{ display: 'inline-block' }}>
                        <Button
                          size="xs"
                          variant="light"
                          leftSection={<IconPlayerPlay size={14} />}
                          disabled={!job.runnable}
                          onClick={() => setConfirm(job)}
                          data-testid="job-run-now"
                        >
                          {t('jobs.runNow.button')}
                        </Button>
                        </span>
                      </Tooltip>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmModal
        opened={confirm !== null}
        title={t('jobs.runNow.title')}
        confirmLabel={t('jobs.runNow.confirm')}
        color="blue"
        loading={run.isPending}
        error={error}
        onConfirm={() => confirm && start(confirm)}
        onClose={close}
      >
        {confirm ? t('jobs.runNow.text', { name: jobLabel(t, confirm.name) }) : ''}
      </ConfirmModal>
    </Paper>
  );
}
