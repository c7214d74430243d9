import { ActionIcon, Alert, Badge, Button, Checkbox, Group, Modal, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { IconCalendarCheck, IconCalendarPlus, IconEdit, IconX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, parseQuantityInput, quantityToInput } from '../../../i18n/format.ts';
import type { Translate } from '../../../i18n/translate.ts';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { DecimalInput } from '../../../ui/decimal-input.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { QueryError } from '../../../ui/query-error.tsx';
import { useFormState, type FieldErrors } from '../../../ui/use-form-state.ts';
import { useLastDefined } from '../../../ui/use-last-defined.ts';
import { perm } from '../api/asset-permissions.ts';
import type { Asset, CompleteResult, ServiceDate, ServiceDateInput } from '../api/asset-shapes.ts';
import { useServiceDateKinds } from '../api/asset-types-api.ts';
import { useAddServiceDate, useCancelServiceDate, useCompleteServiceDate, useServiceDates, useUpdateServiceDate } from '../api/assets-api.ts';
import { kindLabel, meterText, todayInWarsaw } from './asset-text.ts';

const STATUS_COLORS = { open: 'blue', done: 'green', cancelled: 'gray' } as const;

/** Open service dates of the asset (or all), with add / edit / complete / cancel. */
export function ServiceDatesSection({ asset }: { asset: Asset }) {
  const t = useT();
  const can = useCan();
  const mayWrite = can(perm('assets:write')) && !asset.archived;
  const [showAll, setShowAll] = useState(false);
  const dates = useServiceDates(asset.id, showAll ? 'all' : 'open');
  const [editing, setEditing] = useState<ServiceDate | 'new' | null>(null);
  const [completing, setCompleting] = useState<ServiceDate | null>(null);
  const [cancelling, setCancelling] = useState<ServiceDate | null>(null);
  const shownCancelling = useLastDefined(cancelling);
  const [cancelError, setCancelError] = useState<string | null>(null);
  const cancel = useCancelServiceDate(asset.id);
  const today = todayInWarsaw();
  const soon = addDaysLocal(today, 30);
  const dash = t('common.empty');

  const doCancel = () =>
    cancelling &&
    cancel.mutate(cancelling.id, {
      onSuccess: () => {
        notifySuccess(t('assets.serviceDates.cancelled'));
        setCancelling(null);
        setCancelError(null);
      },
      onError: (e) => setCancelError(apiErrorText(t, e)),
    });

  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm">
        <Checkbox label={t('assets.serviceDates.showAll')} checked={showAll} onChange={(e) => setShowAll(e.currentTarget.checked)} data-testid="service-dates-show-all" />
        {mayWrite && (
          <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => setEditing('new')} data-testid="service-date-add">
            {t('assets.serviceDates.add')}
          </Button>
        )}
      </Group>
      {dates.error ? (
        <QueryError error={dates.error} onRetry={() => void dates.refetch()} />
      ) : dates.isPending ? (
        <Text c="dimmed">{t('app.loading')}</Text>
      ) : dates.data.length === 0 ? (
        <Text c="dimmed" data-testid="service-dates-empty">
          {showAll ? t('assets.serviceDates.emptyAll') : t('assets.serviceDates.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" data-testid="service-dates-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assets.serviceDates.fields.kind')}</Table.Th>
                <Table.Th>{t('assets.serviceDates.fields.dueOn')}</Table.Th>
                <Table.Th>{t('assets.serviceDates.fields.remindOn')}</Table.Th>
                <Table.Th>{t('assets.serviceDates.fields.repeat')}</Table.Th>
                <Table.Th>{t('assets.serviceDates.fields.note')}</Table.Th>
                {showAll && <Table.Th>{t('assets.serviceDates.fields.status')}</Table.Th>}
                {mayWrite && <Table.Th w={120}>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {dates.data.map((d) => {
                const open = d.status === 'open';
                const overdue = open && d.dueOn < today;
                const dueSoon = open && !overdue && d.dueOn <= soon;
                return (
                  <Table.Tr key={d.id} opacity={open ? 1 : 0.6} data-testid="service-date-row" data-kind={d.kindCode ?? d.kindName} data-status={d.status}>
                    <Table.Td fw={500}>{kindLabel(t, d)}</Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" c={overdue ? 'red' : undefined} fw={overdue ? 600 : undefined} style={{ whiteSpace: 'nowrap' }} data-testid="service-date-due">
                          {formatDate(d.dueOn, t.lang)}
                        </Text>
                        {overdue && (
                          <Badge size="xs" color="red" variant="light">
                            {t('assets.serviceDates.overdue')}
                          </Badge>
                        )}
                        {dueSoon && (
                          <Badge size="xs" color="yellow" variant="light">
                            {t('assets.serviceDates.dueSoon')}
                          </Badge>
                        )}
                      </Group>
                      {d.meterDueAt && (
                        <Text size="xs" c="dimmed">
                          {t('assets.serviceDates.meterDueAt', { value: meterText(d.meterDueAt, null, t.lang), unit: asset.meterUnit ?? '' })}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{open ? formatDate(d.remindOn, t.lang) : dash}</Table.Td>
                    <Table.Td>{repeatText(t, d, asset.meterUnit)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2}>
                        {d.note || dash}
                      </Text>
                    </Table.Td>
                    {showAll && (
                      <Table.Td>
                        <Badge size="sm" variant="light" color={STATUS_COLORS[d.status]}>
                          {t(`assets.serviceDates.status.${d.status}`)}
                        </Badge>
                        {d.completedOn && (
                          <Text size="xs" c="dimmed">
                            {formatDate(d.completedOn, t.lang)}
                          </Text>
                        )}
                      </Table.Td>
                    )}
                    {mayWrite && (
                      <Table.Td>
                        {open && (
                          <Group gap={4} wrap="nowrap">
                            <Tooltip label={t('assets.serviceDates.complete')}>
                              <ActionIcon variant="light" color="green" onClick={() => setCompleting(d)} aria-label={`${t('assets.serviceDates.complete')}: ${kindLabel(t, d)}`} data-testid="service-date-complete">
                                <IconCalendarCheck size={16} />
                              </ActionIcon>
                            </Tooltip>
                            <Tooltip label={t('common.edit')}>
                              <ActionIcon variant="subtle" onClick={() => setEditing(d)} aria-label={`${t('common.edit')}: ${kindLabel(t, d)}`} data-testid="service-date-edit">
                                <IconEdit size={16} />
                              </ActionIcon>
                            </Tooltip>
                            <Tooltip label={t('assets.serviceDates.cancel')}>
                              <ActionIcon variant="subtle" color="red" onClick={() => setCancelling(d)} aria-label={`${t('assets.serviceDates.cancel')}: ${kindLabel(t, d)}`} data-testid="service-date-cancel">
                                <IconX size={16} />
                              </ActionIcon>
                            </Tooltip>
                          </Group>
                        )}
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <ServiceDateModal key={editing === 'new' ? 'new' : editing.id} asset={asset} date={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {completing && <CompleteModal key={completing.id} asset={asset} date={completing} onClose={() => setCompleting(null)} />}
      <ConfirmModal
        opened={cancelling !== null}
        title={t('assets.serviceDates.cancelConfirm.title')}
        confirmLabel={t('assets.serviceDates.cancelConfirm.confirm')}
        loading={cancel.isPending}
        error={cancelError}
        onConfirm={doCancel}
        onClose={() => {
          setCancelling(null);
          setCancelError(null);
        }}
      >
        {t('assets.serviceDates.cancelConfirm.text', { kind: shownCancelling ? kindLabel(t, shownCancelling) : '', date: formatDate(shownCancelling?.dueOn, t.lang) })}
      </ConfirmModal>
    </Paper>
  );
}

function addDaysLocal(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function repeatText(t: Translate, d: ServiceDate, unit: string | null): string {
  const parts: string[] = [];
  if (d.recurrenceMonths) parts.push(t('assets.serviceDates.everyMonths', { months: d.recurrenceMonths }));
  if (d.meterInterval) parts.push(t('assets.serviceDates.everyMeter', { value: meterText(d.meterInterval, null, t.lang), unit: unit ?? '' }));
  return parts.length ? parts.join(', ') : t('assets.serviceDates.once');
}

type DateValues = { kindId: string; dueOn: string; reminderDays: string; recurrenceMonths: string; meterInterval: string; note: string };

function intIn(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= min && n <= max ? n : null;
}

function ServiceDateModal({ asset, date, onClose }: { asset: Asset; date: ServiceDate | null; onClose: () => void }) {
  const t = useT();
  const can = useCan();
  const kinds = useServiceDateKinds('active');
  const add = useAddServiceDate(asset.id);
  const update = useUpdateServiceDate(asset.id);
  const form = useFormState<DateValues>(() => ({
    kindId: date?.kindId ?? '',
    dueOn: date?.dueOn ?? '',
    reminderDays: String(date?.reminderDays ?? 14),
    recurrenceMonths: date?.recurrenceMonths ? String(date.recurrenceMonths) : '',
    meterInterval: quantityToInput(date?.meterInterval, t.lang),
    note: date?.note ?? '',
  }));
  const v = form.values;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: FieldErrors<DateValues> = {};
    if (!date && !v.kindId) errors.kindId = t('common.required');
    if (!v.dueOn) errors.dueOn = t('common.required');
    const reminderDays = intIn(v.reminderDays, 0, 365);
    if (reminderDays === null) errors.reminderDays = t('assets.serviceDates.integerInvalid', { min: 0, max: 365 });
    const recurrenceMonths = v.recurrenceMonths.trim() === '' ? null : intIn(v.recurrenceMonths, 1, 240);
    if (v.recurrenceMonths.trim() !== '' && recurrenceMonths === null) errors.recurrenceMonths = t('assets.serviceDates.integerInvalid', { min: 1, max: 240 });
    const meterInterval = v.meterInterval.trim() === '' ? null : parseQuantityInput(v.meterInterval);
    if (v.meterInterval.trim() !== '' && meterInterval === null) errors.meterInterval = t('assets.readings.valueInvalid');
    if (Object.keys(errors).length) return form.setErrors(errors);
    const body: Omit<ServiceDateInput, 'kindId'> = {
      dueOn: v.dueOn,
      reminderDays: reminderDays ?? 14,
      recurrenceMonths,
      meterInterval: asset.meterUnit ? meterInterval : null,
      note: v.note.trim(),
    };
    const done = (d: ServiceDate) => {
      notifySuccess(date ? t('assets.serviceDates.saved') : t('assets.serviceDates.added', { kind: kindLabel(t, d), date: formatDate(d.dueOn, t.lang) }));
      onClose();
    };
    if (date) update.mutate({ id: date.id, body }, { onSuccess: done, onError: (error) => form.applyApiError(error, t) });
    else add.mutate({ ...body, kindId: v.kindId }, { onSuccess: done, onError: (error) => form.applyApiError(error, t) });
  };
  const kindOptions = (kinds.data ?? []).map((k) => ({ value: k.id, label: kindLabel(t, k) }));
  return (
    <Modal
      opened
      onClose={onClose}
      title={date ? `${t('assets.serviceDates.editTitle')}: ${kindLabel(t, date)}` : t('assets.serviceDates.addTitle')}
      size="lg"
      attributes={{ content: { 'data-testid': 'service-date-modal' } }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {!date && (
              <Stack gap={2}>
                <NativeSelect
                  label={t('assets.serviceDates.fields.kind')}
                  required
                  data={[{ value: '', label: t('assets.serviceDates.kindPlaceholder') }, ...kindOptions]}
                  value={v.kindId}
                  onChange={(e) => form.set('kindId', e.currentTarget.value)}
                  error={form.errors.kindId}
                  data-autofocus
                  data-testid="service-date-kind"
                />
                {can(perm('assets:configure')) && (
                  <Text size="xs">
                    <Link to="/settings/asset-types?tab=kinds">{t('assets.serviceDates.manageKinds')}</Link>
                  </Text>
                )}
              </Stack>
            )}
            <TextInput label={t('assets.serviceDates.fields.dueOn')} type="date" required {...form.text('dueOn')} data-testid="service-date-due-on" />
            <TextInput
              label={t('assets.serviceDates.fields.reminderDays')}
              description={t('assets.serviceDates.hints.reminderDays')}
              inputMode="numeric"
              {...form.text('reminderDays')}
              data-testid="service-date-reminder"
            />
            <TextInput
              label={t('assets.serviceDates.fields.recurrenceMonths')}
              description={t('assets.serviceDates.hints.recurrenceMonths')}
              inputMode="numeric"
              {...form.text('recurrenceMonths')}
              data-testid="service-date-recurrence"
            />
            {asset.meterUnit && (
              <DecimalInput
                kind="quantity"
                unit={asset.meterUnit}
                label={t('assets.serviceDates.fields.meterInterval')}
                description={t('assets.serviceDates.hints.meterInterval', { unit: asset.meterUnit })}
                value={v.meterInterval}
                onChange={(x) => form.set('meterInterval', x)}
                error={form.errors.meterInterval}
                data-testid="service-date-meter-interval"
              />
            )}
          </SimpleGrid>
          <Textarea label={t('assets.serviceDates.fields.note')} autosize minRows={2} maxLength={500} {...form.text('note')} data-testid="service-date-note" />
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending || update.isPending} data-testid="service-date-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Marks a date done; a recurring one answers with the next date, shown before closing. */
function CompleteModal({ asset, date, onClose }: { asset: Asset; date: ServiceDate; onClose: () => void }) {
  const t = useT();
  const complete = useCompleteServiceDate(asset.id);
  const form = useFormState({ completedOn: todayInWarsaw(), note: '' });
  const [result, setResult] = useState<CompleteResult | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    complete.mutate(
      { id: date.id, body: { ...(form.values.completedOn ? { completedOn: form.values.completedOn } : {}), note: form.values.note.trim() } },
      {
        onSuccess: (r) => {
          notifySuccess(t('assets.serviceDates.completed', { kind: kindLabel(t, date) }));
          setResult(r);
        },
        onError: (error) => form.applyApiError(error, t),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('assets.serviceDates.completeTitle', { kind: kindLabel(t, date) })} attributes={{ content: { 'data-testid': 'service-date-complete-modal' } }}>
      {result ? (
        <Stack>
          {result.next ? (
            <Alert color="green" title={t('assets.serviceDates.nextTitle')} icon={<IconCalendarPlus size={18} />} data-testid="service-date-next">
              {t('assets.serviceDates.nextCreated', { kind: kindLabel(t, result.next), date: formatDate(result.next.dueOn, t.lang) })}
              {result.next.meterDueAt && (
                <Text size="sm">{t('assets.serviceDates.meterDueAt', { value: meterText(result.next.meterDueAt, null, t.lang), unit: asset.meterUnit ?? '' })}</Text>
              )}
            </Alert>
          ) : (
            <Alert color="gray" data-testid="service-date-no-next">
              {t('assets.serviceDates.noNext')}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus data-testid="service-date-complete-close">
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">
              {kindLabel(t, date)} · {formatDate(date.dueOn, t.lang)}
            </Text>
            <TextInput
              label={t('assets.serviceDates.fields.completedOn')}
              description={t('assets.serviceDates.hints.completedOn')}
              type="date"
              {...form.text('completedOn')}
              data-autofocus
              data-testid="service-date-completed-on"
            />
            <Textarea label={t('assets.serviceDates.fields.note')} autosize minRows={2} maxLength={500} {...form.text('note')} data-testid="service-date-complete-note" />
            <FormAlert message={form.general} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="green" loading={complete.isPending} data-testid="service-date-complete-submit">
                {t('assets.serviceDates.completeSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
