import { ActionIcon, Badge, Button, Center, Group, Kbd, Loader, Menu, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconClock, IconDots, IconEdit, IconHourglass, IconListCheck, IconPlayerPlay, IconPlayerSkipForward, IconPlus, IconRoute, IconUser } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { ROLES, type Role } from '../../../app/api-types.ts';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { QueryError } from '../../../ui/query-error.tsx';
import { useFormState } from '../../../ui/use-form-state.ts';
import { EmptyStateCard } from '../../assets/components/empty-state-card.tsx';
import { formatMinutes } from '../../service-paths/components/duration.ts';
import { useServicePathOptions } from '../api/lookups-api.ts';
import type { Order } from '../api/order-shapes.ts';
import type { Staff } from '../api/staff-api.ts';
import { useAddStep, useApplyPath, useOrderWork, useReorderSteps, useStepAction, useUpdateStep, type OrderStep } from '../api/work-api.ts';
import { SortableList } from './sortable-list.tsx';
import { TechnicianSelect } from './technician-select.tsx';

export const STEP_COLORS: Record<string, string> = { todo: 'gray', in_progress: 'blue', done: 'green', skipped: 'orange' };

/** The order's steps in their order: who does each, how long it should take, by when; start, done, skip. */
export function StepsTab({ order, staff }: { order: Order; staff: Staff }) {
  const t = useT();
  const can = useCan();
  const work = useOrderWork(order.id);
  const reorder = useReorderSteps(order.id);
  const [editing, setEditing] = useState<OrderStep | 'new' | null>(null);
  const [skipping, setSkipping] = useState<OrderStep | null>(null);
  const closed = order.phase === 'released' || order.phase === 'cancelled';
  const mayWrite = can('orders:write') && !closed;
  if (work.isPending)
    return (
      <Center py="lg">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  if (work.error) return <QueryError error={work.error} onRetry={() => void work.refetch()} />;
  const steps = [...work.data.steps].sort((a, b) => a.position - b.position);
  const planned = steps.reduce((n, s) => n + (s.status === 'skipped' ? 0 : s.plannedMinutes), 0);
  const done = steps.filter((s) => s.status === 'done' || s.status === 'skipped').length;
  const actions = mayWrite && (
    <Group gap="xs">
      <ApplyPathButton orderId={order.id} />
      <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="step-add">
        {t('orders.steps.add')}
      </Button>
    </Group>
  );
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={4}>{t('orders.steps.title')}</Title>
          {steps.length > 0 && (
            <Text size="sm" c="dimmed" data-testid="steps-summary">
              {t('orders.steps.summary', { done, total: steps.length, planned: formatMinutes(t, planned) })}
            </Text>
          )}
          {mayWrite && steps.length > 1 && (
            <Text size="xs" c="dimmed">
              {t('orders.sortable.hint.before')} <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">↑</Kbd> / <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">↓</Kbd> {t('orders.sortable.hint.after')}
            </Text>
          )}
        </Stack>
        {actions}
      </Group>
      {steps.length === 0 ? (
        <EmptyStateCard icon={<IconListCheck size={28} />} title={t('orders.steps.emptyTitle')} text={t('orders.steps.emptyText')} testId="steps-empty" />
      ) : (
        <SortableList
          items={steps}
          nameOf={(s) => s.name}
          label={t('orders.steps.title')}
          testId="steps-list"
          rowTestId="step-row"
          onReorder={mayWrite ? (ids) => reorder.mutate(ids, { onError: (e) => notifyError(apiErrorText(t, e)) }) : undefined}
          renderRow={(s, i) => <StepRow step={s} index={i} orderId={order.id} mayWrite={mayWrite} onEdit={() => setEditing(s)} onSkip={() => setSkipping(s)} />}
        />
      )}
      {editing && <StepModal key={editing === 'new' ? 'new' : editing.id} orderId={order.id} step={editing === 'new' ? null : editing} staff={staff} onClose={() => setEditing(null)} />}
      <SkipModal orderId={order.id} step={skipping} onClose={() => setSkipping(null)} />
    </Stack>
  );
}

function StepRow({ step: s, index, orderId, mayWrite, onEdit, onSkip }: { step: OrderStep; index: number; orderId: string; mayWrite: boolean; onEdit: () => void; onSkip: () => void }) {
  const t = useT();
  const act = useStepAction(orderId);
  const overdue = !!s.deadlineAt && (s.status === 'todo' || s.status === 'in_progress') && new Date(s.deadlineAt).getTime() < Date.now();
  const owner = s.ownerName ?? (s.ownerRole ? t(`roles.${s.ownerRole}`) : t('orders.steps.anyone'));
  const run = (action: 'start' | 'done') =>
    act.mutate(
      { id: s.id, action },
      {
        onSuccess: () => notifySuccess(action === 'start' ? t('orders.steps.started', { name: s.name }) : t('orders.steps.doneNotice', { name: s.name })),
        onError: (e) => notifyError(apiErrorText(t, e)),
      },
    );
  const can = (a: string) => mayWrite && s.allowedActions.includes(a as OrderStep['allowedActions'][number]);
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" data-step-status={s.status} data-step-name={s.name}>
      <Stack gap={4} style={{ minWidth: 0 }}>
        <Group gap="xs" wrap="nowrap">
          <Text c="dimmed" size="sm" w={22} ta="right">
            {index + 1}.
          </Text>
          <Text fw={600} td={s.status === 'skipped' ? 'line-through' : undefined} style={{ wordBreak: 'break-word' }}>
            {s.name}
          </Text>
          <Badge color={STEP_COLORS[s.status] ?? 'gray'} variant={s.status === 'done' ? 'filled' : 'light'} size="sm" data-testid="step-status">
            {t(`orders.steps.statuses.${s.status}`)}
          </Badge>
        </Group>
        {s.description && (
          <Text size="sm" c="dimmed" pl={30} style={{ whiteSpace: 'pre-wrap' }}>
            {s.description}
          </Text>
        )}
        <Group gap="md" pl={30}>
          <Group gap={4}>
            <IconUser size={14} aria-hidden />
            <Text size="sm" data-testid="step-owner">
              {owner}
            </Text>
          </Group>
          {s.plannedMinutes > 0 && (
            <Group gap={4}>
              <IconHourglass size={14} aria-hidden />
              <Text size="sm">{formatMinutes(t, s.plannedMinutes)}</Text>
            </Group>
          )}
          {s.deadlineAt && (
            <Group gap={4}>
              <IconClock size={14} aria-hidden />
              <Text size="sm" c={overdue ? 'red' : undefined} fw={overdue ? 600 : undefined}>
                {t('orders.steps.deadline', { date: formatDateTime(s.deadlineAt, t.lang) })}
              </Text>
            </Group>
          )}
        </Group>
        {(s.status === 'done' || s.status === 'skipped') && (
          <Text size="xs" c="dimmed" pl={30}>
            {s.status === 'done' ? t('orders.steps.doneBy', { name: s.doneByName ?? '—', date: formatDateTime(s.doneAt, t.lang) }) : t('orders.steps.skippedBy', { name: s.doneByName ?? '—', date: formatDateTime(s.doneAt, t.lang), reason: s.skipReason })}
          </Text>
        )}
        {s.status === 'in_progress' && s.startedAt && (
          <Text size="xs" c="dimmed" pl={30}>
            {t('orders.steps.startedAt', { date: formatDateTime(s.startedAt, t.lang) })}
          </Text>
        )}
      </Stack>
      {mayWrite && s.allowedActions.length > 0 && (
        <Group gap={4} wrap="nowrap">
          {can('start') && (
            <Button size="xs" variant="light" leftSection={<IconPlayerPlay size={14} />} loading={act.isPending && act.variables?.action === 'start'} onClick={() => run('start')} data-testid="step-start">
              {t('orders.steps.start')}
            </Button>
          )}
          {can('done') && (
            <Button size="xs" color="green" leftSection={<IconCheck size={14} />} loading={act.isPending && act.variables?.action === 'done'} onClick={() => run('done')} data-testid="step-done">
              {t('orders.steps.done')}
            </Button>
          )}
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Tooltip label={t('common.actions')}>
                <ActionIcon variant="subtle" aria-label={`${t('common.actions')}: ${s.name}`} data-testid="step-menu">
                  <IconDots size={16} />
                </ActionIcon>
              </Tooltip>
            </Menu.Target>
            <Menu.Dropdown>
              {can('edit') && (
                <Menu.Item leftSection={<IconEdit size={14} />} onClick={onEdit} data-testid="step-edit">
                  {t('common.edit')}
                </Menu.Item>
              )}
              {can('skip') && (
                <Menu.Item leftSection={<IconPlayerSkipForward size={14} />} color="orange" onClick={onSkip} data-testid="step-skip">
                  {t('orders.steps.skip')}
                </Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        </Group>
      )}
    </Group>
  );
}

/** A local date-time input value (YYYY-MM-DDTHH:mm) ↔ an ISO instant. */
const toLocalInput = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const fromLocalInput = (v: string) => (v ? new Date(v).toISOString() : null);

type StepValues = { name: string; description: string; ownerId: string; ownerRole: string; plannedMinutes: number | string; deadlineAt: string };

/** Add a step at the end, or change one: who does it (a person, or a role), planned time, deadline. */
function StepModal({ orderId, step, staff, onClose }: { orderId: string; step: OrderStep | null; staff: Staff; onClose: () => void }) {
  const t = useT();
  const add = useAddStep(orderId);
  const update = useUpdateStep(orderId);
  const form = useFormState<StepValues>(() => ({
    name: step?.name ?? '',
    description: step?.description ?? '',
    ownerId: step?.ownerId ?? '',
    ownerRole: step?.ownerRole ?? '',
    plannedMinutes: step?.plannedMinutes ?? 0,
    deadlineAt: toLocalInput(step?.deadlineAt ?? null),
  }));
  const v = form.values;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!v.name.trim()) return form.setErrors({ name: t('common.required') });
    const body = {
      name: v.name.trim(),
      description: v.description.trim(),
      ownerId: v.ownerId || null,
      ownerRole: v.ownerId ? null : ((v.ownerRole || null) as Role | null),
      plannedMinutes: v.plannedMinutes === '' ? 0 : Number(v.plannedMinutes),
      deadlineAt: fromLocalInput(v.deadlineAt),
    };
    const done = {
      onSuccess: () => {
        notifySuccess(step ? t('orders.steps.saved') : t('orders.steps.added', { name: body.name }));
        onClose();
      },
      onError: (error: unknown) => form.applyApiError(error, t),
    };
    if (step) update.mutate({ id: step.id, body }, done);
    else add.mutate(body, done);
  };
  return (
    <Modal opened onClose={onClose} title={step ? t('orders.steps.editTitle') : t('orders.steps.addTitle')} size="lg" attributes={{ content: { 'data-testid': 'order-step-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('orders.steps.fields.name')} required data-autofocus maxLength={200} {...form.text('name')} data-testid="order-step-name" />
          <Textarea label={t('orders.steps.fields.description')} autosize minRows={2} maxLength={5000} {...form.text('description')} data-testid="order-step-description" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TechnicianSelect
              label={t('orders.steps.fields.owner')}
              placeholder={t('orders.steps.ownerPlaceholder')}
              staff={staff}
              current={step?.ownerId ? { id: step.ownerId, name: step.ownerName ?? '…' } : null}
              value={v.ownerId}
              onChange={(id) => form.set('ownerId', id)}
              error={form.errors.ownerId}
              testId="order-step-owner"
            />
            <Select
              label={t('orders.steps.fields.role')}
              description={v.ownerId ? t('orders.steps.roleIgnored') : undefined}
              disabled={!!v.ownerId}
              value={v.ownerRole}
              onChange={(x) => form.set('ownerRole', x ?? '')}
              data={[{ value: '', label: t('orders.steps.anyone') }, ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))]}
              allowDeselect={false}
              error={form.errors.ownerRole}
              data-testid="order-step-role"
            />
            <NumberInput
              label={t('orders.steps.fields.plannedMinutes')}
              min={0}
              max={100000}
              step={15}
              allowDecimal={false}
              allowNegative={false}
              suffix=" min"
              value={v.plannedMinutes}
              onChange={(x) => form.set('plannedMinutes', x)}
              error={form.errors.plannedMinutes}
              data-testid="order-step-planned"
            />
            <TextInput label={t('orders.steps.fields.deadline')} type="datetime-local" {...form.text('deadlineAt')} data-testid="order-step-deadline" />
          </SimpleGrid>
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending || update.isPending} data-testid="order-step-submit">
              {step ? t('common.save') : t('orders.steps.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Skipping needs a reason (it stays in the history). */
function SkipModal({ orderId, step, onClose }: { orderId: string; step: OrderStep | null; onClose: () => void }) {
  const t = useT();
  const act = useStepAction(orderId);
  const form = useFormState<{ reason: string }>({ reason: '' });
  const close = () => {
    form.reset({ reason: '' });
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!step) return;
    if (!form.values.reason.trim()) return form.setErrors({ reason: t('orders.errors.orders.step_skip_reason_required') });
    act.mutate(
      { id: step.id, action: 'skip', reason: form.values.reason.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('orders.steps.skipped', { name: step.name }));
          close();
        },
        onError: (error) => form.applyApiError(error, t),
      },
    );
  };
  return (
    <Modal opened={step !== null} onClose={close} title={t('orders.steps.skipTitle', { name: step?.name ?? '' })} attributes={{ content: { 'data-testid': 'step-skip-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Textarea label={t('orders.steps.skipReason')} required autosize minRows={2} maxLength={1000} data-autofocus {...form.text('reason')} data-testid="step-skip-reason" />
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="orange" loading={act.isPending} data-testid="step-skip-submit">
              {t('orders.steps.skip')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Copy a service path's activities onto the order (appended after the existing steps). */
function ApplyPathButton({ orderId }: { orderId: string }) {
  const t = useT();
  const paths = useServicePathOptions();
  const apply = useApplyPath(orderId);
  const [open, setOpen] = useState(false);
  const [pathId, setPathId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setOpen(false);
    setPathId(null);
    setError(null);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!pathId) return setError(t('common.required'));
    apply.mutate(pathId, {
      onSuccess: (r) => {
        notifySuccess(t('orders.steps.pathApplied', { steps: t.n('orders.events.stepsCount', r.items.length) }));
        close();
      },
      onError: (err) => setError(apiErrorText(t, err)),
    });
  };
  return (
    <>
      <Button variant="default" leftSection={<IconRoute size={16} />} onClick={() => setOpen(true)} data-testid="step-apply-path">
        {t('orders.steps.applyPath')}
      </Button>
      <Modal opened={open} onClose={close} title={t('orders.steps.applyPath')} attributes={{ content: { 'data-testid': 'apply-path-modal' } }}>
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm" c="dimmed">
              {t('orders.steps.applyPathHint')}
            </Text>
            <Select
              label={t('orders.fields.servicePath')}
              data={(paths.data ?? []).map((p) => ({ value: p.id, label: `${p.name} (${t.n('orders.events.stepsCount', p.stepCount)})` }))}
              value={pathId}
              onChange={(x) => {
                setPathId(x);
                setError(null);
              }}
              searchable
              data-autofocus
              nothingFoundMessage={t('assets.form.nothingFound')}
              error={error}
              data-testid="apply-path-select"
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={apply.isPending} data-testid="apply-path-submit">
                {t('orders.steps.applyPathSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
