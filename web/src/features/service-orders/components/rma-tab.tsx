import { Badge, Button, Center, Group, Input, Loader, Modal, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconEdit, IconPackageImport, IconTruckDelivery } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate } from '../../../i18n/format.ts';
import { DetailItem } from '../../../ui/detail-item.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { QueryError } from '../../../ui/query-error.tsx';
import { useFormState } from '../../../ui/use-form-state.ts';
import { EmptyStateCard } from '../../assets/components/empty-state-card.tsx';
import type { Order } from '../api/order-shapes.ts';
import { RMA_OUTCOMES, useReturnRma, useRmas, useSendRma, useUpdateRma, type Rma, type RmaOutcome } from '../api/work-api.ts';
import { todayInWarsaw } from './order-text.ts';

/** The item at a manufacturer or an external workshop: sent, tracked, returned. */
export function RmaTab({ order }: { order: Order }) {
  const t = useT();
  const can = useCan();
  const rmas = useRmas(order.id);
  const [sending, setSending] = useState(false);
  const [editing, setEditing] = useState<Rma | null>(null);
  const [returning, setReturning] = useState<Rma | null>(null);
  const mayWrite = can('orders:write') && order.phase !== 'released' && order.phase !== 'cancelled';
  if (rmas.isPending)
    return (
      <Center py="lg">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  if (rmas.error) return <QueryError error={rmas.error} onRetry={() => void rmas.refetch()} />;
  const open = rmas.data.find((r) => r.open);
  const maySend = mayWrite && !open && (order.allowedPhases.includes('external_service') || order.phase === 'external_service');
  const sendButton = maySend && (
    <Button leftSection={<IconTruckDelivery size={16} />} onClick={() => setSending(true)} data-testid="rma-send">
      {t('orders.rma.send')}
    </Button>
  );
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={4}>{t('orders.rma.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('orders.rma.intro')}
          </Text>
        </Stack>
        {sendButton}
      </Group>
      {rmas.data.length === 0 ? (
        <EmptyStateCard icon={<IconTruckDelivery size={28} />} title={t('orders.rma.emptyTitle')} text={t('orders.rma.emptyText')} testId="rma-empty" />
      ) : (
        rmas.data.map((r) => (
          <Paper key={r.id} withBorder p="md" radius="md" data-testid="rma-card" data-open={r.open}>
            <Group justify="space-between" align="flex-start" mb="sm">
              <Group gap="xs">
                <Text fw={600}>{r.caseNumber ? `${r.vendor} (${r.caseNumber})` : r.vendor}</Text>
                {r.open ? (
                  <Badge color={r.late ? 'red' : 'grape'} variant="light">
                    {r.late ? t('orders.rma.late') : t('orders.rma.out')}
                  </Badge>
                ) : (
                  <Badge color="green" variant="light">
                    {t('orders.rma.returned')}
                  </Badge>
                )}
              </Group>
              {mayWrite && r.open && (
                <Group gap="xs">
                  <Button size="xs" variant="default" leftSection={<IconEdit size={14} />} onClick={() => setEditing(r)} data-testid="rma-edit">
                    {t('common.edit')}
                  </Button>
                  <Button size="xs" leftSection={<IconPackageImport size={14} />} onClick={() => setReturning(r)} data-testid="rma-return">
                    {t('orders.rma.return')}
                  </Button>
                </Group>
              )}
            </Group>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <DetailItem label={t('orders.rma.fields.shippedOn')}>{formatDate(r.shippedOn, t.lang)}</DetailItem>
              <DetailItem label={t('orders.rma.fields.waybill')}>{r.waybill || t('common.empty')}</DetailItem>
              <DetailItem label={t('orders.rma.fields.expectedReturnOn')}>
                <Text span size="sm" c={r.late ? 'red' : undefined} fw={r.late ? 600 : undefined}>
                  {formatDate(r.expectedReturnOn, t.lang)}
                </Text>
              </DetailItem>
              <DetailItem label={t('orders.rma.fields.returnedOn')}>{r.returnedOn ? `${formatDate(r.returnedOn, t.lang)}${r.outcome ? ` — ${t(`orders.rma.outcomes.${r.outcome}`)}` : ''}` : t('common.empty')}</DetailItem>
            </SimpleGrid>
            {r.note && (
              <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {r.note}
              </Text>
            )}
          </Paper>
        ))
      )}
      {sending && <SendModal orderId={order.id} onClose={() => setSending(false)} />}
      {editing && <EditModal orderId={order.id} rma={editing} onClose={() => setEditing(null)} />}
      {returning && <ReturnModal orderId={order.id} rma={returning} onClose={() => setReturning(null)} />}
    </Stack>
  );
}

type SendValues = { vendor: string; caseNumber: string; shippedOn: string; waybill: string; expectedReturnOn: string; note: string };

function SendModal({ orderId, onClose }: { orderId: string; onClose: () => void }) {
  const t = useT();
  const send = useSendRma(orderId);
  const form = useFormState<SendValues>({ vendor: '', caseNumber: '', shippedOn: todayInWarsaw(), waybill: '', expectedReturnOn: '', note: '' });
  const v = form.values;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!v.vendor.trim()) return form.setErrors({ vendor: t('common.required') });
    send.mutate(
      { vendor: v.vendor.trim(), caseNumber: v.caseNumber.trim(), ...(v.shippedOn ? { shippedOn: v.shippedOn } : {}), waybill: v.waybill.trim(), expectedReturnOn: v.expectedReturnOn || null, note: v.note.trim() },
      {
        onSuccess: (r) => {
          notifySuccess(t('orders.rma.sent', { vendor: r.vendor }));
          onClose();
        },
        onError: (error) => form.applyApiError(error, t),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('orders.rma.sendTitle')} size="lg" attributes={{ content: { 'data-testid': 'rma-send-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('orders.rma.sendHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('orders.rma.fields.vendor')} required data-autofocus maxLength={200} {...form.text('vendor')} data-testid="rma-vendor" />
            <TextInput label={t('orders.rma.fields.caseNumber')} maxLength={100} {...form.text('caseNumber')} data-testid="rma-case" />
            <TextInput label={t('orders.rma.fields.shippedOn')} type="date" {...form.text('shippedOn')} data-testid="rma-shipped" />
            <TextInput label={t('orders.rma.fields.waybill')} maxLength={100} {...form.text('waybill')} data-testid="rma-waybill" />
            <TextInput label={t('orders.rma.fields.expectedReturnOn')} type="date" {...form.text('expectedReturnOn')} data-testid="rma-expected" />
          </SimpleGrid>
          <Textarea label={t('orders.rma.fields.note')} description={t('orders.rma.noteHint')} autosize minRows={2} maxLength={2000} {...form.text('note')} data-testid="rma-note" />
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending} data-testid="rma-send-submit">
              {t('orders.rma.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function EditModal({ orderId, rma, onClose }: { orderId: string; rma: Rma; onClose: () => void }) {
  const t = useT();
  const update = useUpdateRma(orderId);
  const form = useFormState({ caseNumber: rma.caseNumber, waybill: rma.waybill, expectedReturnOn: rma.expectedReturnOn ?? '', note: rma.note });
  const v = form.values;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      { id: rma.id, body: { caseNumber: v.caseNumber.trim(), waybill: v.waybill.trim(), expectedReturnOn: v.expectedReturnOn || null, note: v.note.trim() } },
      {
        onSuccess: () => {
          notifySuccess(t('common.saved'));
          onClose();
        },
        onError: (error) => form.applyApiError(error, t),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('orders.rma.editTitle', { vendor: rma.vendor })} size="lg" attributes={{ content: { 'data-testid': 'rma-edit-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('orders.rma.fields.caseNumber')} data-autofocus maxLength={100} {...form.text('caseNumber')} />
            <TextInput label={t('orders.rma.fields.waybill')} maxLength={100} {...form.text('waybill')} />
            <TextInput label={t('orders.rma.fields.expectedReturnOn')} type="date" {...form.text('expectedReturnOn')} />
          </SimpleGrid>
          <Textarea label={t('orders.rma.fields.note')} description={t('orders.rma.noteHint')} autosize minRows={2} maxLength={2000} {...form.text('note')} />
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} data-testid="rma-edit-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

type ReturnValues = { returnedOn: string; outcome: string; note: string; nextPhase: 'in_repair' | 'ready_for_release' };

function ReturnModal({ orderId, rma, onClose }: { orderId: string; rma: Rma; onClose: () => void }) {
  const t = useT();
  const ret = useReturnRma(orderId);
  const form = useFormState<ReturnValues>({ returnedOn: todayInWarsaw(), outcome: '', note: '', nextPhase: 'in_repair' });
  const v = form.values;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!v.outcome) return form.setErrors({ outcome: t('common.required') });
    ret.mutate(
      { id: rma.id, body: { ...(v.returnedOn ? { returnedOn: v.returnedOn } : {}), outcome: v.outcome as RmaOutcome, note: v.note.trim(), nextPhase: v.nextPhase } },
      {
        onSuccess: () => {
          notifySuccess(t('orders.rma.returnedNotice', { vendor: rma.vendor }));
          onClose();
        },
        onError: (error) => form.applyApiError(error, t),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('orders.rma.returnTitle', { vendor: rma.vendor })} size="lg" attributes={{ content: { 'data-testid': 'rma-return-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('orders.rma.fields.returnedOn')} type="date" {...form.text('returnedOn')} data-testid="rma-returned-on" />
            <Select
              label={t('orders.rma.fields.outcome')}
              required
              data-autofocus
              data={RMA_OUTCOMES.map((o) => ({ value: o, label: t(`orders.rma.outcomes.${o}`) }))}
              value={v.outcome || null}
              onChange={(x) => form.set('outcome', x ?? '')}
              error={form.errors.outcome}
              data-testid="rma-outcome"
            />
          </SimpleGrid>
          <Input.Wrapper label={t('orders.rma.fields.nextPhase')}>
            <div>
              <SegmentedControl
                value={v.nextPhase}
                onChange={(x) => form.set('nextPhase', x === 'ready_for_release' ? 'ready_for_release' : 'in_repair')}
                data={[
                  { value: 'in_repair', label: t('orders.rma.nextInRepair') },
                  { value: 'ready_for_release', label: t('orders.rma.nextReady') },
                ]}
                aria-label={t('orders.rma.fields.nextPhase')}
                data-testid="rma-next-phase"
              />
            </div>
          </Input.Wrapper>
          <Textarea label={t('orders.rma.fields.note')} autosize minRows={2} maxLength={2000} {...form.text('note')} data-testid="rma-return-note" />
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={ret.isPending} data-testid="rma-return-submit">
              {t('orders.rma.return')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
