import { ActionIcon, Badge, Button, Center, Divider, Group, Input, Loader, Modal, SegmentedControl, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput, Textarea, Title, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconClock, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../../app/api-client.ts';
import { renamePaths } from '../api/rename-paths.ts';
import type { Page } from '../../../app/api-types.ts';
import { useCan, useSignedIn } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, formatMoney } from '../../../i18n/format.ts';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { QueryError } from '../../../ui/query-error.tsx';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useLastDefined } from '../../../ui/use-last-defined.ts';
import { EmptyStateCard } from '../../assets/components/empty-state-card.tsx';
import type { Service } from '../../services/api/services-api.ts';
import { formatMinutes } from '../../service-paths/components/duration.ts';
import type { Order } from '../api/order-shapes.ts';
import type { Staff } from '../api/staff-api.ts';
import { useAddTime, useOrderWork, useRemoveTime, type OrderStep, type TimeEntry, type TimeEntryInput } from '../api/work-api.ts';
import { LinesSection } from './lines-section.tsx';
import { todayInWarsaw } from './order-text.ts';
import { TechnicianSelect } from './technician-select.tsx';

/** Services billed per hour: what labour is recorded as. */
export function useHourlyServices() {
  return useQuery({
    queryKey: ['services', 'list', 'order-hourly'],
    queryFn: () => api<Page<Service>>('/api/v1/services', { query: { status: 'active', sort: 'name', limit: 100 } }).then((r) => r.items.filter((s) => s.unit === 'hour')),
    staleTime: 60_000,
  });
}

/** Time worked on the order: who, when, how long, as which service, billed or not. */
export function LabourTab({ order, staff }: { order: Order; staff: Staff }) {
  const t = useT();
  const can = useCan();
  const work = useOrderWork(order.id);
  const remove = useRemoveTime(order.id);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<TimeEntry | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const shownRemoving = useLastDefined(removing);
  const closed = order.phase === 'released' || order.phase === 'cancelled';
  const mayWrite = can('orders:write') && !closed;
  if (work.isPending)
    return (
      <Center py="lg">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  if (work.error) return <QueryError error={work.error} onRetry={() => void work.refetch()} />;
  const entries = work.data.time;
  const total = entries.reduce((n, e) => n + e.minutes, 0);
  const billed = entries.reduce((n, e) => n + e.billedMinutes, 0);
  const net = entries.reduce((n, e) => n + e.netMinor, 0);
  const money = (m: number) => formatMoney(m, 'PLN', t.lang);
  const addButton = mayWrite && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)} data-testid="time-add">
      {t('orders.labour.add')}
    </Button>
  );
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={4}>{t('orders.labour.title')}</Title>
          {entries.length > 0 && (
            <Text size="sm" c="dimmed" data-testid="time-summary">
              {t('orders.labour.summary', { total: formatMinutes(t, total), billed: formatMinutes(t, billed), net: money(net) })}
            </Text>
          )}
        </Stack>
        {addButton}
      </Group>
      {entries.length === 0 ? (
        <EmptyStateCard icon={<IconClock size={28} />} title={t('orders.labour.emptyTitle')} text={t('orders.labour.emptyText')} testId="time-empty" />
      ) : (
        <Table.ScrollContainer minWidth={860}>
          <Table verticalSpacing="xs" highlightOnHover data-testid="time-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('orders.labour.fields.workedOn')}</Table.Th>
                <Table.Th>{t('orders.labour.fields.user')}</Table.Th>
                <Table.Th>{t('orders.labour.fields.step')}</Table.Th>
                <Table.Th>{t('orders.labour.fields.service')}</Table.Th>
                <Table.Th ta="right">{t('orders.labour.fields.minutes')}</Table.Th>
                <Table.Th ta="right">{t('orders.labour.fields.billed')}</Table.Th>
                <Table.Th ta="right">{t('orders.labour.fields.net')}</Table.Th>
                {mayWrite && <Table.Th w={40} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Table.Tr key={e.id} data-testid="time-row">
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(e.workedOn, t.lang)}
                    {e.startedAt && e.endedAt && (
                      <Text size="xs" c="dimmed">
                        {timeOf(e.startedAt, t.lang)}–{timeOf(e.endedAt, t.lang)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{e.userName}</Table.Td>
                  <Table.Td>{e.stepName ?? t('common.empty')}</Table.Td>
                  <Table.Td>
                    {e.serviceName ?? t('common.empty')}
                    {e.note && (
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                        {e.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {formatMinutes(t, e.minutes)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {e.billable ? (
                      formatMinutes(t, e.billedMinutes)
                    ) : (
                      <Badge size="sm" color="gray" variant="light">
                        {t('orders.labour.notBillable')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {e.billable ? money(e.netMinor) : t('common.empty')}
                  </Table.Td>
                  {mayWrite && (
                    <Table.Td>
                      <Tooltip label={t('orders.labour.remove')}>
                        <ActionIcon variant="subtle" color="red" onClick={() => setRemoving(e)} aria-label={`${t('orders.labour.remove')}: ${formatDate(e.workedOn, t.lang)} ${e.userName}`} data-testid="time-remove">
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Divider my="sm" />
      <LinesSection orderId={order.id} lines={work.data.lines} mayWrite={mayWrite} />
      {adding && <TimeModal orderId={order.id} steps={work.data.steps} staff={staff} onClose={() => setAdding(false)} />}
      <ConfirmModal
        opened={removing !== null}
        title={t('orders.labour.removeTitle')}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        error={removeError}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              notifySuccess(t('orders.labour.removed'));
              setRemoving(null);
              setRemoveError(null);
            },
            onError: (e) => setRemoveError(apiErrorText(t, e)),
          })
        }
        onClose={() => {
          setRemoving(null);
          setRemoveError(null);
        }}
      >
        {shownRemoving ? t('orders.labour.removeText', { date: formatDate(shownRemoving.workedOn, t.lang), user: shownRemoving.userName, duration: formatMinutes(t, shownRemoving.minutes) }) : ''}
      </ConfirmModal>
    </Stack>
  );
}

const timeOf = (iso: string, lang: 'pl' | 'en') => new Intl.DateTimeFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/** "1:30", "1,5", "90" (minutes), "1h 30m" → minutes; null when not a duration. */
export function parseDuration(text: string): number | null {
  const s = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!s) return null;
  let m = /^(\d{1,4}):([0-5]\d)$/.exec(s);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  m = /^(\d{1,4})[.,](\d{1,2})$/.exec(s);
  if (m) return Math.round(Number(`${m[1]}.${m[2]}`) * 60);
  m = /^(?:(\d{1,4}) ?(?:h|godz\.?|g))? ?(?:(\d{1,4}) ?(?:m|min\.?))?$/.exec(s);
  if (m && (m[1] || m[2])) return Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0);
  m = /^(\d{1,5})$/.exec(s);
  if (m) return Number(m[1]);
  return null;
}

type TimeValues = {
  mode: 'duration' | 'range';
  duration: string;
  workedOn: string;
  start: string;
  end: string;
  userId: string;
  stepId: string;
  serviceId: string;
  billable: boolean;
  note: string;
};

/** Record time: a duration on a day, or a start and an end; billed as an hourly service. */
function TimeModal({ orderId, steps, staff, onClose }: { orderId: string; steps: OrderStep[]; staff: Staff; onClose: () => void }) {
  const t = useT();
  const me = useSignedIn().user;
  const services = useHourlyServices();
  const add = useAddTime(orderId);
  const running = steps.find((s) => s.status === 'in_progress');
  const form = useFormState<TimeValues>(() => ({
    mode: 'duration',
    duration: '',
    workedOn: todayInWarsaw(),
    start: '',
    end: '',
    userId: me.id,
    stepId: running?.id ?? '',
    serviceId: '',
    billable: true,
    note: '',
  }));
  const v = form.values;
  const serviceOptions = (services.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }));
  // one hourly service: nothing to choose
  const only = serviceOptions.length === 1 ? serviceOptions[0]!.value : null;
  useEffect(() => {
    if (only && !form.values.serviceId) form.set('serviceId', only);
  }, [only]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Partial<Record<keyof TimeValues, string>> = {};
    const body: TimeEntryInput = { stepId: v.stepId || null, serviceId: v.serviceId || null, billable: v.billable, note: v.note.trim(), ...(v.userId && v.userId !== me.id ? { userId: v.userId } : {}) };
    if (v.mode === 'duration') {
      const minutes = parseDuration(v.duration);
      if (minutes === null || minutes < 1) errors.duration = t('orders.labour.durationInvalid');
      else body.minutes = minutes;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v.workedOn)) errors.workedOn = t('assets.form.dateInvalid');
      else body.workedOn = v.workedOn;
    } else {
      if (!v.start) errors.start = t('common.required');
      if (!v.end) errors.end = t('common.required');
      if (v.start && v.end && new Date(v.end) <= new Date(v.start)) errors.end = t('orders.errors.orders.time_end_before_start');
      if (v.start) body.startedAt = new Date(v.start).toISOString();
      if (v.end) body.endedAt = new Date(v.end).toISOString();
    }
    if (v.billable && !v.serviceId) errors.serviceId = t('orders.errors.orders.service_required');
    if (Object.keys(errors).length) return form.setErrors(errors);
    add.mutate(body, {
      onSuccess: () => {
        notifySuccess(t('orders.labour.added'));
        onClose();
      },
      onError: (error) => form.applyApiError(renamePaths(error, { minutes: 'duration', startedAt: 'start', endedAt: 'end' }), t),
    });
  };
  return (
    <Modal opened onClose={onClose} title={t('orders.labour.addTitle')} size="lg" attributes={{ content: { 'data-testid': 'time-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Input.Wrapper label={t('orders.labour.mode')}>
            <div>
              <SegmentedControl
                value={v.mode}
                onChange={(m) => form.set('mode', m === 'range' ? 'range' : 'duration')}
                data={[
                  { value: 'duration', label: t('orders.labour.modeDuration') },
                  { value: 'range', label: t('orders.labour.modeRange') },
                ]}
                aria-label={t('orders.labour.mode')}
                data-testid="time-mode"
              />
            </div>
          </Input.Wrapper>
          {v.mode === 'duration' ? (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('orders.labour.fields.duration')} description={t('orders.labour.durationHint')} placeholder="1:30" required data-autofocus {...form.text('duration')} data-testid="time-duration" />
              <TextInput label={t('orders.labour.fields.workedOn')} type="date" required {...form.text('workedOn')} data-testid="time-date" />
            </SimpleGrid>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('orders.labour.fields.start')} type="datetime-local" required {...form.text('start')} error={form.errors.start} data-testid="time-start" />
              <TextInput label={t('orders.labour.fields.end')} type="datetime-local" required {...form.text('end')} error={form.errors.end} data-testid="time-end" />
            </SimpleGrid>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TechnicianSelect label={t('orders.labour.fields.user')} placeholder={me.name} staff={staff} value={v.userId} onChange={(id) => form.set('userId', id || me.id)} error={form.errors.userId} testId="time-user" />
            <Select
              label={t('orders.labour.fields.step')}
              placeholder={t('orders.labour.noStep')}
              clearable
              data={steps.map((s) => ({ value: s.id, label: `${s.position + 1}. ${s.name}` }))}
              value={v.stepId || null}
              onChange={(id) => form.set('stepId', id ?? '')}
              error={form.errors.stepId}
              data-testid="time-step"
            />
            <Select
              label={t('orders.labour.fields.service')}
              description={serviceOptions.length === 0 && services.isSuccess ? t('orders.labour.noHourlyServices') : undefined}
              placeholder={t('orders.labour.servicePlaceholder')}
              required={v.billable}
              clearable
              searchable
              data={serviceOptions}
              value={v.serviceId || null}
              onChange={(id) => form.set('serviceId', id ?? '')}
              error={form.errors.serviceId}
              nothingFoundMessage={t('assets.form.nothingFound')}
              data-testid="time-service"
            />
            <Switch mt={30} label={t('orders.labour.fields.billable')} checked={v.billable} onChange={(e) => form.set('billable', e.currentTarget.checked)} data-testid="time-billable" />
          </SimpleGrid>
          <Textarea label={t('orders.labour.fields.note')} autosize minRows={1} maxLength={2000} {...form.text('note')} data-testid="time-note" />
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} data-testid="time-submit">
              {t('orders.labour.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
