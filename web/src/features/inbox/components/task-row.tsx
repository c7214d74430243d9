import { Anchor, Badge, Button, Group, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import {
  IconArrowForwardUp,
  IconCalendarDue,
  IconCheck,
  IconChecklist,
  IconExternalLink,
  IconFileInvoice,
  IconGauge,
  IconPackageExport,
  IconPlayerPlay,
  IconTool,
  IconTruckReturn,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate } from '../../../i18n/format.ts';
import { STEP_ACTIONS, type Task, type TaskUrgency } from '../api/inbox-api.ts';
import { assigneeText, kindName, subjectHref, taskText } from './task-text.ts';

const ICONS: Record<string, ReactNode> = {
  service_date_due: <IconCalendarDue size={18} />,
  meter_threshold: <IconGauge size={18} />,
  order_step: <IconTool size={18} />,
  order_release: <IconPackageExport size={18} />,
  estimate_waiting: <IconFileInvoice size={18} />,
  rma_late: <IconTruckReturn size={18} />,
};

export const URGENCY_COLOR: Record<TaskUrgency, string> = { overdue: 'red', today: 'orange', later: 'blue', none: 'gray' };

export type RowActions = {
  busy: (task: Task, action: 'done' | 'start' | 'finish') => boolean;
  done: (task: Task) => void;
  step: (task: Task, action: 'start' | 'done') => void;
  release: ((task: Task) => void) | null;
  /** Starting and finishing order steps (orders:write). */
  steps: boolean;
  assign: ((task: Task) => void) | null;
};

/** One task: what it is (icon and sentence), when, for whom — and the action right there. */
export function TaskRow({ task, actions }: { task: Task; actions: RowActions }) {
  const t = useT();
  const open = task.status === 'open';
  const href = subjectHref(task);
  const text = taskText(t, task);
  const overdue = task.urgency === 'overdue';
  const stepState = task.kind === 'order_step' && open && task.sourceStatus ? t.opt(`inbox.step.${task.sourceStatus}`) : undefined;

  const primary = (() => {
    if (!open) return null;
    if (task.kind === 'order_step' && STEP_ACTIONS && actions.steps && task.sourceId && (task.sourceStatus === 'todo' || task.sourceStatus === 'in_progress')) {
      const starting = task.sourceStatus === 'todo';
      return (
        <Button
          size="xs"
          color={starting ? 'blue' : 'green'}
          leftSection={starting ? <IconPlayerPlay size={14} /> : <IconCheck size={14} />}
          loading={actions.busy(task, starting ? 'start' : 'finish')}
          onClick={() => actions.step(task, starting ? 'start' : 'done')}
          data-testid={starting ? 'task-start' : 'task-finish'}
        >
          {starting ? t('inbox.actions.start') : t('inbox.actions.finish')}
        </Button>
      );
    }
    if (task.kind === 'order_release') {
      if (!actions.release) return null;
      const release = actions.release;
      return (
        <Button size="xs" leftSection={<IconPackageExport size={14} />} onClick={() => release(task)} data-testid="task-release">
          {t('inbox.actions.release')}
        </Button>
      );
    }
    return (
      <Button size="xs" variant="light" color="green" leftSection={<IconCheck size={14} />} loading={actions.busy(task, 'done')} onClick={() => actions.done(task)} data-testid="task-done">
        {t('inbox.actions.done')}
      </Button>
    );
  })();

  return (
    <Group justify="space-between" align="center" wrap="wrap" gap="sm" py="sm" px="xs" opacity={open ? 1 : 0.65} data-testid="task-row" data-kind={task.kind} data-urgency={task.urgency} data-task-id={task.id}>
      <Group gap="sm" wrap="nowrap" align="flex-start" style={{ flex: '1 1 360px', minWidth: 0 }}>
        <Tooltip label={kindName(t, task)}>
          <ThemeIcon size={34} radius="md" variant="light" color={open ? URGENCY_COLOR[task.urgency] : 'gray'} aria-label={kindName(t, task)} data-testid="task-icon">
            {ICONS[task.kind] ?? <IconChecklist size={18} />}
          </ThemeIcon>
        </Tooltip>
        <Stack gap={2} style={{ minWidth: 0 }}>
          {href ? (
            <Anchor component={Link} to={href} fw={500} size="sm" c="inherit" data-testid="task-text">
              {text}
            </Anchor>
          ) : (
            <Text fw={500} size="sm" data-testid="task-text">
              {text}
            </Text>
          )}
          <Group gap={8} wrap="wrap">
            <Text size="xs" c={overdue ? 'red' : 'dimmed'} fw={overdue ? 600 : undefined} data-testid="task-due">
              {task.dueOn ? formatDate(task.dueOn, t.lang) : t('inbox.due.none')}
            </Text>
            {open && (task.urgency === 'overdue' || task.urgency === 'today') && (
              <Badge size="xs" variant="light" color={URGENCY_COLOR[task.urgency]}>
                {t(`inbox.due.${task.urgency}`)}
              </Badge>
            )}
            <Text size="xs" c="dimmed">
              ·
            </Text>
            <Text size="xs" c="dimmed" data-testid="task-assignee">
              {t('inbox.assignee', { who: assigneeText(t, task) })}
            </Text>
            {stepState && (
              <Badge size="xs" variant="outline" color={task.sourceStatus === 'in_progress' ? 'blue' : 'gray'} data-testid="task-step-state">
                {stepState}
              </Badge>
            )}
          </Group>
        </Stack>
      </Group>
      <Group gap={6} wrap="nowrap" justify="flex-end" style={{ marginLeft: 'auto' }} aria-label={t('inbox.actions.label')}>
        {href && (
          <Button component={Link} to={href} size="xs" variant="default" leftSection={<IconExternalLink size={14} />} data-testid="task-open">
            {t('inbox.actions.open')}
          </Button>
        )}
        {primary}
        {open && actions.assign && (
          <Button size="xs" variant="subtle" color="gray" leftSection={<IconArrowForwardUp size={14} />} onClick={() => actions.assign?.(task)} data-testid="task-assign">
            {t('inbox.actions.assign')}
          </Button>
        )}
        {!open && (
          <Badge color="green" variant="light">
            {t('inbox.actions.closed')}
          </Badge>
        )}
      </Group>
    </Group>
  );
}
