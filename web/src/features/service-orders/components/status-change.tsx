import { Alert, Badge, Button, Group, Menu, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconChevronDown, IconTag } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useLastDefined } from '../../../ui/use-last-defined.ts';
import { PHASES, type Order, type OrderStatus } from '../api/order-shapes.ts';
import { useChangeStatus } from '../api/orders-api.ts';
import { StatusBadge } from './order-badges.tsx';
import { channelLabel, phaseLabel, statusName } from './order-text.ts';

/**
 * The statuses the order may move to now: those of the phases the server allows (`allowedPhases`) and
 * the other statuses of its own phase. Release has its own button (who picked it up, the receipt).
 */
export function reachableStatuses(order: Order, statuses: OrderStatus[]): OrderStatus[] {
  if (order.phase === 'released' || order.phase === 'cancelled') return [];
  return statuses.filter((s) => !s.archived && s.id !== order.statusId && s.phase !== 'released' && (s.phase === order.phase || order.allowedPhases.includes(s.phase)));
}

/** "Zmień status ▾": the reachable statuses grouped by phase; picking one asks for an optional note. */
export function StatusMenu({ order, statuses }: { order: Order; statuses: OrderStatus[] }) {
  const t = useT();
  const [target, setTarget] = useState<OrderStatus | null>(null);
  const reachable = reachableStatuses(order, statuses);
  const groups = PHASES.map((p) => ({ phase: p, items: reachable.filter((s) => s.phase === p) })).filter((g) => g.items.length > 0);
  // the order's own phase first: "same phase" moves are the everyday ones
  groups.sort((a, b) => (a.phase === order.phase ? -1 : b.phase === order.phase ? 1 : 0));
  if (groups.length === 0) return null;
  return (
    <>
      <Menu position="bottom-end" withinPortal shadow="md" width={280}>
        <Menu.Target>
          <Button variant="default" leftSection={<IconTag size={16} />} rightSection={<IconChevronDown size={14} />} data-testid="order-status-menu">
            {t('orders.detail.changeStatus')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown data-testid="order-status-options">
          {groups.map((g, i) => (
            <div key={g.phase}>
              {i > 0 && <Menu.Divider />}
              <Menu.Label>{g.phase === order.phase ? `${phaseLabel(t, g.phase)} · ${t('orders.status.sameGroup')}` : phaseLabel(t, g.phase)}</Menu.Label>
              {g.items.map((s) => (
                <Menu.Item
                  key={s.id}
                  onClick={() => setTarget(s)}
                  leftSection={<span style={{ width: 10, height: 10, borderRadius: 5, display: 'inline-block', background: `var(--mantine-color-${s.color}-6)` }} />}
                  color={s.phase === 'cancelled' ? 'red' : undefined}
                  data-testid="order-status-option"
                  data-status-name={s.namePl}
                >
                  {statusName(t, s)}
                </Menu.Item>
              ))}
            </div>
          ))}
        </Menu.Dropdown>
      </Menu>
      <StatusModal order={order} statuses={statuses} target={target} onClose={() => setTarget(null)} />
    </>
  );
}

function StatusModal({ order, statuses, target, onClose }: { order: Order; statuses: OrderStatus[]; target: OrderStatus | null; onClose: () => void }) {
  const t = useT();
  const change = useChangeStatus(order.id);
  const form = useFormState<{ note: string; statusId: string }>({ note: '', statusId: '' });
  const shown = useLastDefined(target);
  const current = statuses.find((s) => s.id === order.statusId);
  const close = () => {
    form.reset({ note: '', statusId: '' });
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!shown) return;
    change.mutate(
      { statusId: shown.id, note: form.values.note.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('orders.status.changed', { status: statusName(t, shown) }));
          close();
        },
        onError: (error) => form.applyApiError(error, t),
      },
    );
  };
  const cancelling = shown?.phase === 'cancelled';
  const channels = shown && order.notifyChannel !== 'none' && ((order.notifyChannel === 'email' && shown.notifyEmail) || (order.notifyChannel === 'sms' && shown.notifySms));
  return (
    <Modal opened={target !== null} onClose={close} title={t('orders.status.title')} attributes={{ content: { 'data-testid': 'status-modal' } }}>
      {shown && (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Group gap="xs" wrap="nowrap">
              <StatusBadge status={current} phase={order.phase} size="md" />
              <IconArrowRight size={16} aria-hidden />
              <Badge color={shown.color} variant="filled" size="md" data-testid="status-modal-target">
                {statusName(t, shown)}
              </Badge>
            </Group>
            {cancelling && (
              <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="status-cancel-warning">
                {t('orders.status.cancelWarning')}
              </Alert>
            )}
            {channels && (
              <Text size="sm" c="dimmed">
                {t('orders.status.notifies', { channel: channelLabel(t, order.notifyChannel) })}
              </Text>
            )}
            <Textarea
              label={t('orders.status.note')}
              placeholder={t('orders.status.notePlaceholder')}
              autosize
              minRows={2}
              maxLength={1000}
              data-autofocus
              {...form.text('note')}
              data-testid="status-note"
            />
            {form.errors.statusId && <FormAlert message={form.errors.statusId} />}
            <FormAlert message={form.general} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color={cancelling ? 'red' : undefined} loading={change.isPending} data-testid="status-submit">
                {cancelling ? t('orders.status.cancelSubmit') : t('orders.status.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
