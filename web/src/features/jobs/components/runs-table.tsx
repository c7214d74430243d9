// Recent runs, newest first: filters (job, state) in the URL, "show more" paging, failed rows
// highlighted with their error, details (error output, input, key) expandable per row.
import { ActionIcon, Code, Group, NativeSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconHistory } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { DetailItem } from '../../../ui/detail-item.tsx';
import { ListFrame } from '../../../ui/list-frame.tsx';
import { filtersNarrow, useUrlFilters } from '../../../ui/use-url-filters.ts';
import { ClearFiltersButton } from '../../catalogue/components/list-filters.tsx';
import { JOB_STATES, RUN_FILTER_DEFAULTS, RUN_FILTER_VALUES, useJobRuns, useJobs, type JobRun } from '../api/jobs-api.ts';
import { formatWarsaw, jobLabel, jobsErrorText } from './job-format.ts';
import { JobStateBadge } from './job-state-badge.tsx';

const COLUMNS = 7;
const json = (v: unknown) => JSON.stringify(v, null, 2);
const failing = (r: JobRun) => r.state === 'failed' || r.state === 'retry';

export function RunsTable() {
  const t = useT();
  const [filters, setFilters] = useUrlFilters(RUN_FILTER_DEFAULTS, RUN_FILTER_VALUES);
  const runs = useJobRuns(filters);
  const jobs = useJobs();
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const items = runs.data?.pages.flatMap((p) => p.items) ?? [];
  const narrowed = filtersNarrow(filters, RUN_FILTER_DEFAULTS);
  const names = jobs.data?.items.map((j) => j.name) ?? [];
  if (filters.queue && !names.includes(filters.queue)) names.push(filters.queue);

  return (
    <Stack gap="sm">
      <Title order={3}>{t('jobs.runs.title')}</Title>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('jobs.runs.job')}
          value={filters.queue}
          onChange={(e) => setFilters({ queue: e.currentTarget.value })}
          data={[{ value: '', label: t('jobs.runs.allJobs') }, ...names.map((n) => ({ value: n, label: jobLabel(t, n) }))]}
          data-testid="runs-filter-job"
        />
        <NativeSelect
          label={t('jobs.runs.state')}
          value={filters.state}
          onChange={(e) => setFilters({ state: e.currentTarget.value as typeof filters.state })}
          data={[{ value: '', label: t('jobs.runs.allStates') }, ...JOB_STATES.map((s) => ({ value: s, label: t(`jobs.states.${s}`) }))]}
          data-testid="runs-filter-state"
        />
      </Group>
      {runs.error ? (
        <Text c="red" role="alert" data-testid="runs-error">
          {jobsErrorText(t, runs.error)}
        </Text>
      ) : (
        <ListFrame
          query={runs}
          testId="runs"
          empty={{
            icon: <IconHistory size={28} />,
            title: narrowed ? t('jobs.runs.emptyFilteredTitle') : t('jobs.runs.emptyTitle'),
            text: narrowed ? t('jobs.runs.emptyFilteredText') : t('jobs.runs.emptyText'),
            actions: narrowed && <ClearFiltersButton onClear={() => setFilters({ ...RUN_FILTER_DEFAULTS })} />,
          }}
        >
          <Table.ScrollContainer minWidth={960}>
            <Table verticalSpacing="xs" data-testid="runs-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={36} />
                  <Table.Th>{t('jobs.runs.job')}</Table.Th>
                  <Table.Th style={{ minWidth: 130 }}>{t('jobs.runs.state')}</Table.Th>
                  <Table.Th>{t('jobs.runs.created')}</Table.Th>
                  <Table.Th>{t('jobs.runs.started')}</Table.Th>
                  <Table.Th>{t('jobs.runs.completed')}</Table.Th>
                  <Table.Th>{t('jobs.runs.retries')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => {
                  const expanded = open.has(r.id);
                  const bg = failing(r) ? (r.state === 'failed' ? 'var(--mantine-color-red-light)' : 'var(--mantine-color-orange-light)') : undefined;
                  return (
                    <Fragment key={r.id}>
                      <Table.Tr bg={bg} style={{ cursor: 'pointer' }} onClick={() => toggle(r.id)} data-testid="run-row" data-state={r.state}>
                        <Table.Td>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            size="sm"
                            aria-label={expanded ? t('jobs.runs.hideDetails') : t('jobs.runs.details')}
                            aria-expanded={expanded}
                            onClick={(e) => {
                              e.stopPropagation();
                              toggle(r.id);
                            }}
                            data-testid="run-toggle"
                          >
                            {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                          </ActionIcon>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" fw={500}>
                            {jobLabel(t, r.queue)}
                          </Text>
                          {failing(r) && r.error && !expanded && (
                            <Text size="xs" c={r.state === 'failed' ? 'red.8' : 'orange.8'} lineClamp={1} maw={360} data-testid="run-error">
                              {r.error}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <JobStateBadge state={r.state} />
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Text size="sm">{formatWarsaw(r.createdOn, t.lang)}</Text>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Text size="sm">{formatWarsaw(r.startedOn, t.lang)}</Text>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Text size="sm">{formatWarsaw(r.completedOn, t.lang)}</Text>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Text size="sm">{t('jobs.runs.retriesValue', { count: r.retryCount, limit: r.retryLimit })}</Text>
                        </Table.Td>
                      </Table.Tr>
                      {expanded && (
                        <Table.Tr bg={bg} data-testid="run-details">
                          <Table.Td />
                          <Table.Td colSpan={COLUMNS - 1}>
                            <RunDetails run={r} />
                          </Table.Td>
                        </Table.Tr>
                      )}
                    </Fragment>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </ListFrame>
      )}
    </Stack>
  );
}

function RunDetails({ run }: { run: JobRun }) {
  const t = useT();
  const stack = run.output && typeof run.output === 'object' && typeof (run.output as { stack?: unknown }).stack === 'string' ? (run.output as { stack: string }).stack : null;
  return (
    <Stack gap="sm" py="xs">
      {run.error && (
        <DetailItem label={t('jobs.runs.error')}>
          <Text size="sm" c="red.8" fw={500}>
            {run.error}
          </Text>
        </DetailItem>
      )}
      {run.state === 'retry' && <Text size="sm">{t('jobs.runs.nextAttempt', { at: formatWarsaw(run.startAfter, t.lang) })}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DetailItem label={t('jobs.runs.id')}>
          <Text size="xs" ff="monospace">
            {run.id}
          </Text>
        </DetailItem>
        {run.singletonKey && (
          <DetailItem label={t('jobs.runs.key')}>
            <Text size="xs" ff="monospace">
              {run.singletonKey}
            </Text>
          </DetailItem>
        )}
      </SimpleGrid>
      <DetailItem label={t('jobs.runs.data')}>
        <Code block>{json(run.data ?? {})}</Code>
      </DetailItem>
      {run.output != null && (
        <DetailItem label={t('jobs.runs.output')}>
          <Code block style={{ maxHeight: 260, overflow: 'auto' }} data-testid="run-output">
            {stack ?? json(run.output)}
          </Code>
        </DetailItem>
      )}
    </Stack>
  );
}
