import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconChecklist, IconExternalLink } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate } from '../../../i18n/format.ts';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { ListFrame } from '../../../ui/list-frame.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/page-header.tsx';
import { useUrlFilters } from '../../../ui/use-url-filters.ts';
import { perm } from '../../assets/api/asset-permissions.ts';
import { todayInWarsaw } from '../../assets/components/asset-text.ts';
import { TASK_FILTER_DEFAULTS, TASK_FILTER_VALUES, useMarkTaskDone, useTasks, type Task, type TaskFilters } from '../api/tasks-api.ts';
import { taskText } from '../components/task-text.ts';

/** The signed-in user's open tasks (managers may see everyone's); each links to its asset. */
export function TasksPage() {
  const t = useT();
  const can = useCan();
  const manager = can(perm('tasks:manage'));
  const [raw, setFilters] = useUrlFilters(TASK_FILTER_DEFAULTS, TASK_FILTER_VALUES);
  const filters: TaskFilters = manager ? raw : { ...raw, scope: 'mine' };
  const tasks = useTasks(filters);
  const done = useMarkTaskDone();
  const items = tasks.data?.pages.flatMap((p) => p.items) ?? [];
  const today = todayInWarsaw();

  const markDone = (task: Task) =>
    done.mutate(task.id, {
      onSuccess: () => notifySuccess(t('assets.tasks.markedDone')),
      onError: (e) => notifyError(apiErrorText(t, e)),
    });

  return (
    <Stack>
      <PageHeader title={t('assets.tasks.title')} subtitle={t('assets.tasks.intro')} />
      <Group gap="md" align="flex-end">
        {manager && (
          <SegmentedControl
            aria-label={t('assets.tasks.scope.label')}
            value={filters.scope}
            onChange={(scope) => setFilters({ scope: scope as TaskFilters['scope'] })}
            data={[
              { value: 'mine', label: t('assets.tasks.scope.mine') },
              { value: 'all', label: t('assets.tasks.scope.all') },
            ]}
            data-testid="tasks-scope"
          />
        )}
        <SegmentedControl
          aria-label={t('assets.tasks.status.label')}
          value={filters.status}
          onChange={(status) => setFilters({ status: status as TaskFilters['status'] })}
          data={[
            { value: 'open', label: t('assets.tasks.status.open') },
            { value: 'done', label: t('assets.tasks.status.done') },
            { value: 'all', label: t('assets.tasks.status.all') },
          ]}
          data-testid="tasks-status"
        />
      </Group>
      <ListFrame query={tasks} testId="tasks" empty={{ icon: <IconChecklist size={28} />, title: t('assets.tasks.emptyTitle'), text: t('assets.tasks.emptyText') }}>
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" data-testid="tasks-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assets.tasks.fields.task')}</Table.Th>
                <Table.Th w={200}>{t('assets.tasks.fields.dueOn')}</Table.Th>
                <Table.Th>{t('assets.tasks.fields.assignee')}</Table.Th>
                <Table.Th w={150} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((task) => {
                const open = task.status === 'open';
                const overdue = open && !!task.dueOn && task.dueOn < today;
                const isToday = open && task.dueOn === today;
                const href = task.subjectType === 'asset' ? `/assets/${task.subjectId}?tab=service-dates` : null;
                return (
                  <Table.Tr key={task.id} opacity={open ? 1 : 0.6} data-testid="task-row" data-kind={task.kind}>
                    <Table.Td>
                      {href ? (
                        <Anchor component={Link} to={href} fw={500} size="sm" data-testid="task-text">
                          {taskText(t, task)}
                        </Anchor>
                      ) : (
                        <Text fw={500} size="sm" data-testid="task-text">
                          {taskText(t, task)}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" c={overdue ? 'red' : undefined} fw={overdue ? 600 : undefined} style={{ whiteSpace: 'nowrap' }}>
                          {task.dueOn ? formatDate(task.dueOn, t.lang) : t('common.empty')}
                        </Text>
                        {overdue && (
                          <Badge size="xs" color="red" variant="light" style={{ flexShrink: 0 }}>
                            {t('assets.tasks.overdue')}
                          </Badge>
                        )}
                        {isToday && (
                          <Badge size="xs" color="yellow" variant="light" style={{ flexShrink: 0 }}>
                            {t('assets.tasks.today')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{task.assigneeRole ? t(`roles.${task.assigneeRole}`) : t('assets.tasks.anyone')}</Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        {href && (
                          <Tooltip label={t('assets.tasks.openAsset')}>
                            <Anchor component={Link} to={href} aria-label={t('assets.tasks.openAsset')} c="dimmed" display="flex">
                              <IconExternalLink size={16} />
                            </Anchor>
                          </Tooltip>
                        )}
                        {open ? (
                          <Button
                            size="xs"
                            variant="light"
                            color="green"
                            leftSection={<IconCheck size={14} />}
                            loading={done.isPending && done.variables === task.id}
                            onClick={() => markDone(task)}
                            data-testid="task-done"
                          >
                            {t('assets.tasks.done')}
                          </Button>
                        ) : (
                          <Badge color="green" variant="light">
                            {t('assets.tasks.doneBadge')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ListFrame>
    </Stack>
  );
}
