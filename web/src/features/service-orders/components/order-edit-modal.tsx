import { Button, Group, Input, Modal, SegmentedControl, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useCustomerDetail } from '../api/lookups-api.ts';
import { NOTIFY_CHANNELS, PRIORITIES, type NotifyChannel, type Order, type Priority } from '../api/order-shapes.ts';
import { useUpdateOrder } from '../api/orders-api.ts';
import { useStaff } from '../api/staff-api.ts';
import { channelLabel, priorityLabel } from './order-text.ts';
import { TechnicianSelect } from './technician-select.tsx';

type Values = {
  reportedProblem: string;
  accessories: string;
  condition: string;
  priority: Priority;
  promisedOn: string;
  technicianId: string;
  contactId: string;
  notifyChannel: NotifyChannel;
  notifyTo: string;
};

const valuesOf = (o: Order): Values => ({
  reportedProblem: o.reportedProblem,
  accessories: o.accessories,
  condition: o.condition,
  priority: o.priority,
  promisedOn: o.promisedOn ?? '',
  technicianId: o.technicianId ?? '',
  contactId: o.contactId ?? '',
  notifyChannel: o.notifyChannel,
  notifyTo: o.notifyTo,
});

/** Intake details, the promised date, the technician and whom to notify (the rest is fixed at intake). */
export function OrderEditModal({ order, onClose }: { order: Order; onClose: () => void }) {
  const t = useT();
  const update = useUpdateOrder(order.id);
  const staff = useStaff();
  const customer = useCustomerDetail(order.customerId);
  const contacts = (customer.data?.contacts ?? []).filter((c) => !c.archived || c.id === order.contactId);
  const form = useFormState<Values>(() => valuesOf(order));
  const v = form.values;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!v.reportedProblem.trim()) return form.setErrors({ reportedProblem: t('common.required') });
    update.mutate(
      {
        reportedProblem: v.reportedProblem.trim(),
        accessories: v.accessories.trim(),
        condition: v.condition.trim(),
        priority: v.priority,
        promisedOn: v.promisedOn || null,
        technicianId: v.technicianId || null,
        contactId: v.contactId || null,
        notifyChannel: v.notifyChannel,
        notifyTo: v.notifyChannel === 'none' ? '' : v.notifyTo.trim(),
      },
      {
        onSuccess: () => {
          notifySuccess(t('orders.edit.saved'));
          onClose();
        },
        onError: (error) => form.applyApiError(error, t),
      },
    );
  };
  /** Picking a contact fills the address for the channel (when the user has not typed one). */
  const pickContact = (id: string) => {
    form.set('contactId', id);
    const c = contacts.find((x) => x.id === id);
    if (c && v.notifyChannel !== 'none') form.set('notifyTo', v.notifyChannel === 'email' ? c.email || v.notifyTo : c.phone || v.notifyTo);
  };
  return (
    <Modal opened onClose={onClose} title={t('orders.edit.title', { number: order.number })} size="xl" attributes={{ content: { 'data-testid': 'order-edit-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Textarea label={t('orders.fields.reportedProblem')} required autosize minRows={3} maxRows={10} maxLength={5000} {...form.text('reportedProblem')} data-autofocus data-testid="edit-problem" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea label={t('orders.fields.accessories')} autosize minRows={1} maxLength={1000} {...form.text('accessories')} data-testid="edit-accessories" />
            <Textarea label={t('orders.fields.condition')} autosize minRows={1} maxLength={2000} {...form.text('condition')} data-testid="edit-condition" />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Input.Wrapper label={t('orders.fields.priority')}>
              <div>
                <SegmentedControl
                  value={v.priority}
                  onChange={(p) => form.set('priority', p as Priority)}
                  data={PRIORITIES.map((p) => ({ value: p, label: priorityLabel(t, p) }))}
                  aria-label={t('orders.fields.priority')}
                  data-testid="edit-priority"
                />
              </div>
            </Input.Wrapper>
            <TextInput label={t('orders.fields.promisedOn')} type="date" {...form.text('promisedOn')} data-testid="edit-promised" />
            <TechnicianSelect
              label={t('orders.fields.technician')}
              placeholder={t('orders.intake.technicianPlaceholder')}
              staff={staff}
              current={order.technicianId ? { id: order.technicianId, name: order.technicianName ?? '…' } : null}
              value={v.technicianId}
              onChange={(id) => form.set('technicianId', id)}
              error={form.errors.technicianId}
              testId="edit-technician"
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('orders.fields.contact')}
              placeholder={contacts.length === 0 ? t('assets.form.noContacts') : t('orders.intake.contactPlaceholder')}
              disabled={contacts.length === 0}
              clearable
              data={contacts.map((c) => ({ value: c.id, label: [c.name, c.role].filter(Boolean).join(' — ') }))}
              value={v.contactId || null}
              onChange={(id) => pickContact(id ?? '')}
              error={form.errors.contactId}
              data-testid="edit-contact"
            />
            <Input.Wrapper label={t('orders.fields.notifyChannel')}>
              <div>
                <SegmentedControl
                  value={v.notifyChannel}
                  onChange={(c) => form.set('notifyChannel', c as NotifyChannel)}
                  data={NOTIFY_CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))}
                  aria-label={t('orders.fields.notifyChannel')}
                  data-testid="edit-notify-channel"
                />
              </div>
            </Input.Wrapper>
            {v.notifyChannel !== 'none' && (
              <TextInput label={t('orders.fields.notifyTo')} type={v.notifyChannel === 'email' ? 'email' : 'tel'} {...form.text('notifyTo')} data-testid="edit-notify-to" />
            )}
          </SimpleGrid>
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} data-testid="edit-submit">
              {t('orders.edit.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
