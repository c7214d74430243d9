import { Badge, Divider, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useCan, useSignedIn } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { ListFrame } from '../../../ui/list-frame.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/page-header.tsx';
import { useUrlFilters } from '../../../ui/use-url-filters.ts';
import { perm } from '../../assets/api/asset-permissions.ts';
import {
  INBOX_DEFAULTS,
  INBOX_VALUES,
  useInbox,
  useMarkTaskDone,
  useStaffMember,
  useStepAction,
  type InboxFilters,
  type Task,
  type TaskUrgency,
} from '../api/inbox-api.ts';
import { AssignModal } from '../components/assign-modal.tsx';
import { inboxErrorText } from '../components/inbox-errors.ts';
import { ReleaseModal } from '../components/release-modal.tsx';
import { StaffSelect } from '../components/staff-select.tsx';
import { TaskRow, URGENCY_COLOR, type RowActions } from '../components/task-row.tsx';

const SECTIONS: TaskUrgency[] = ['overdue', 'today', 'later', 'none'];

/**
 * The task inbox: the signed-in person's tasks and their role's, most urgent first, in sections
 * (overdue, today, coming up, no due date), each with its action. Managers look into anyone's inbox
 * and hand tasks on. Refreshes every 30 s.
 */
export function InboxPage() {
  const t = useT();
  const can = useCan();
  const { user } = useSignedIn();
  const manager = can(perm('tasks:manage'));
  const [raw, setFilters] = useUrlFilters(INBOX_DEFAULTS, INBOX_VALUES);
  const filters: InboxFilters = manager ? raw : { ...raw, scope: 'mine', userId: '' };
  const choosing = filters.scope === 'user' && !filters.userId;
  const inbox = useInbox(filters, !choosing);
  const person = useStaffMember(filters.scope === 'user' ? filters.userId : '');
  const done = useMarkTaskDone();
  const step = useStepAction();
  const [releasing, setReleasing] = useState<Task | null>(null);
  const [assigning, setAssigning] = useState<Task | null>(null);
  const items = inbox.data?.pages.flatMap((p) => p.items) ?? [];
  // more pages may continue the last section shown (the list is in urgency order)
  const lastShown = items[items.length - 1]?.urgency;

  const actions: RowActions = {
    busy: (task, action) =>
      action === 'done' ? done.isPending && done.variables === task.id : step.isPending && step.variables?.stepId === task.sourceId && (step.variables.action === 'start') === (action === 'start'),
    done: (task) => done.mutate(task.id, { onSuccess: () => notifySuccess(t('inbox.notify.done')), onError: (e) => notifyError(inboxErrorText(t, e)) }),
    step: (task, action) => {
      if (!task.sourceId) return;
      step.mutate(
        { stepId: task.sourceId, action },
        {
          onSuccess: () => notifySuccess(t(action === 'start' ? 'inbox.notify.started' : 'inbox.notify.finished', { step: String(task.params.stepName ?? '') })),
          onError: (e) => notifyError(inboxErrorText(t, e)),
        },
      );
    },
    release: can('orders:release') ? setReleasing : null,
    steps: can('orders:write'),
    assign: manager ? setAssigning : null,
  };

  const subtitle =
    filters.status === 'done'
      ? t('inbox.introDone')
      : filters.scope === 'all'
        ? t('inbox.introAll')
        : filters.scope === 'user' && person.data
          ? t('inbox.introUser', { name: person.data.name, role: t(`roles.${person.data.role}`) })
          : t('inbox.intro');
  const emptyText = filters.status === 'done' ? t('inbox.empty.doneText') : filters.scope === 'mine' || filters.userId === user.id ? t('inbox.empty.text') : t('inbox.empty.userText');

  return (
    <Stack>
      <PageHeader title={t('inbox.title')} subtitle={subtitle} />
      <Group gap="md" align="flex-end" wrap="wrap">
        {manager && (
          <SegmentedControl
            aria-label={t('inbox.scope.label')}
            value={filters.scope}
            onChange={(scope) => setFilters({ scope: scope as InboxFilters['scope'] })}
            data={[
              { value: 'mine', label: t('inbox.scope.mine') },
              { value: 'user', label: t('inbox.scope.user') },
              { value: 'all', label: t('inbox.scope.all') },
            ]}
            data-testid="tasks-scope"
          />
        )}
        {manager && filters.scope === 'user' && (
          <StaffSelect label={t('inbox.person.label')} placeholder={t('inbox.person.placeholder')} value={filters.userId} onChange={(userId) => setFilters({ userId })} testId="inbox-person" w={320} />
        )}
        <SegmentedControl
          aria-label={t('inbox.status.label')}
          value={filters.status}
          onChange={(status) => setFilters({ status: status as InboxFilters['status'] })}
          data={[
            { value: 'open', label: t('inbox.status.open') },
            { value: 'done', label: t('inbox.status.done') },
          ]}
          data-testid="tasks-status"
        />
      </Group>
      {choosing ? (
        <Paper withBorder p="lg" radius="md" data-testid="inbox-choose-person">
          <Text c="dimmed">{t('inbox.person.pick')}</Text>
        </Paper>
      ) : (
        <ListFrame
          query={inbox}
          testId="tasks"
          empty={{
            icon: <IconInbox size={28} />,
            title: filters.status === 'done' ? t('inbox.empty.doneTitle') : t('inbox.empty.title'),
            text: emptyText,
          }}
        >
          {filters.status === 'done' ? (
            <TaskList tasks={items} actions={actions} />
          ) : (
            <Stack gap="lg" p="xs">
              {SECTIONS.map((urgency) => {
                const section = items.filter((x) => x.urgency === urgency);
                if (!section.length) return null;
                return (
                  <section key={urgency} data-testid={`inbox-section-${urgency}`}>
                    <Group gap="xs" mb={4}>
                      <Title order={4} c={urgency === 'overdue' ? 'red.7' : undefined}>
                        {t(`inbox.sections.${urgency}`)}
                      </Title>
                      <Badge variant="light" color={URGENCY_COLOR[urgency]} data-testid={`inbox-section-${urgency}-count`}>
                        {section.length}
                        {urgency === lastShown && inbox.hasNextPage ? '+' : ''}
                      </Badge>
                    </Group>
                    <TaskList tasks={section} actions={actions} />
                  </section>
                );
              })}
            </Stack>
          )}
        </ListFrame>
      )}
      {releasing && <ReleaseModal task={releasing} onClose={() => setReleasing(null)} />}
      {assigning && <AssignModal task={assigning} onClose={() => setAssigning(null)} />}
    </Stack>
  );
}

function TaskList({ tasks, actions }: { tasks: Task[]; actions: RowActions }) {
  return (
    <Stack gap={0}>
      {tasks.map((task, i) => (
        <Fragment key={task.id}>
          {i > 0 && <Divider />}
          <TaskRow task={task} actions={actions} />
        </Fragment>
      ))}
    </Stack>
  );
}
