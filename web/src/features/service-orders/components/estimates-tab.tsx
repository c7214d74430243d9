import { Alert, Badge, Button, Center, Group, Loader, Modal, NumberInput, Paper, Select, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconCheck, IconEdit, IconFileDollar, IconPlus, IconSend, IconX } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, formatDateTime, formatMoney, formatQuantity } from '../../../i18n/format.ts';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { QueryError } from '../../../ui/query-error.tsx';
import { useFormState } from '../../../ui/use-form-state.ts';
import { EmptyStateCard } from '../../assets/components/empty-state-card.tsx';
import { useVatLabel } from '../../catalogue/api/vat-rates-api.ts';
import type { Order } from '../api/order-shapes.ts';
import { estimatePdfUrl, useCreateEstimate, useEstimates, usePaperDecision, useSendEstimate, useWithdrawEstimate, type Estimate } from '../api/work-api.ts';
import { EstimateEditModal } from './estimate-edit-modal.tsx';
import { useHourlyServices } from './labour-tab.tsx';
import { TotalsTable, TrackingLinkBox } from './order-overview.tsx';
import { unitShort } from './parts-tab.tsx';
import { PrintButton } from './release-modal.tsx';

const STATUS_COLORS: Record<string, string> = { draft: 'gray', sent: 'blue', accepted: 'green', rejected: 'red', expired: 'orange', withdrawn: 'gray' };

/** Cost estimates for the customer: built from the work, sent with an accept link, or decided on paper. */
export function EstimatesTab({ order }: { order: Order }) {
  const t = useT();
  const can = useCan();
  const estimates = useEstimates(order.id);
  const [creating, setCreating] = useState(false);
  const closed = order.phase === 'released' || order.phase === 'cancelled';
  const mayWrite = can('orders:write') && !closed;
  if (estimates.isPending)
    return (
      <Center py="lg">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  if (estimates.error) return <QueryError error={estimates.error} onRetry={() => void estimates.refetch()} />;
  const items = estimates.data;
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={4}>{t('orders.estimates.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('orders.estimates.intro')}
          </Text>
        </Stack>
        {mayWrite && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="estimate-create">
            {t('orders.estimates.create')}
          </Button>
        )}
      </Group>
      {items.length === 0 ? (
        <EmptyStateCard icon={<IconFileDollar size={28} />} title={t('orders.estimates.emptyTitle')} text={t('orders.estimates.emptyText')} testId="estimates-empty" />
      ) : (
        items.map((e) => <EstimateCard key={e.id} order={order} estimate={e} mayWrite={mayWrite} />)
      )}
      {creating && <CreateModal orderId={order.id} onClose={() => setCreating(false)} />}
    </Stack>
  );
}

function EstimateCard({ order, estimate: e, mayWrite }: { order: Order; estimate: Estimate; mayWrite: boolean }) {
  const t = useT();
  const vat = useVatLabel();
  const [sending, setSending] = useState(false);
  const [deciding, setDeciding] = useState<'accepted' | 'rejected' | null>(null);
  const [withdrawing, setWithdrawing] = useState(false);
  const [editing, setEditing] = useState(false);
  const [withdrawError, setWithdrawError] = useState<string | null>(null);
  const withdraw = useWithdrawEstimate(order.id);
  const money = (m: number) => formatMoney(m, 'PLN', t.lang);
  const open = e.status === 'draft' || e.status === 'sent' || e.status === 'expired';
  return (
    <Paper withBorder p="md" radius="md" data-testid="estimate-card" data-status={e.status}>
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>{t('orders.estimates.version', { version: e.version })}</Text>
            <Badge color={STATUS_COLORS[e.status] ?? 'gray'} variant="light" data-testid="estimate-status">
              {t(`orders.estimates.statuses.${e.status}`)}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {[
              t('orders.estimates.createdAt', { date: formatDateTime(e.createdAt, t.lang) }),
              e.sentAt ? t('orders.estimates.sentAt', { date: formatDateTime(e.sentAt, t.lang) }) : '',
              e.validUntil ? t('orders.estimates.validUntil', { date: formatDate(e.validUntil, t.lang) }) : '',
              e.decidedAt ? t(e.decidedVia === 'paper' ? 'orders.estimates.decidedPaper' : 'orders.estimates.decidedLink', { date: formatDateTime(e.decidedAt, t.lang) }) : '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
        <Group gap="xs">
          <PrintButton url={estimatePdfUrl(order.id, e.id, order.lang)} label={t('orders.estimates.pdf')} testId="estimate-pdf" variant="default" />
          {mayWrite && e.status === 'draft' && (
            <Button size="sm" variant="default" leftSection={<IconEdit size={14} />} onClick={() => setEditing(true)} data-testid="estimate-edit">
              {t('orders.estimates.edit.open')}
            </Button>
          )}
          {mayWrite && open && (
            <>
              <Button size="sm" leftSection={<IconSend size={14} />} onClick={() => setSending(true)} data-testid="estimate-send">
                {e.status === 'draft' ? t('orders.estimates.send') : t('orders.estimates.sendAgain')}
              </Button>
              <Button size="sm" variant="default" color="green" leftSection={<IconCheck size={14} />} onClick={() => setDeciding('accepted')} data-testid="estimate-paper-accept">
                {t('orders.estimates.paperAccept')}
              </Button>
              <Button size="sm" variant="default" color="red" leftSection={<IconX size={14} />} onClick={() => setDeciding('rejected')} data-testid="estimate-paper-reject">
                {t('orders.estimates.paperReject')}
              </Button>
              {e.status !== 'expired' && (
                <Button size="sm" variant="subtle" color="gray" onClick={() => setWithdrawing(true)} data-testid="estimate-withdraw">
                  {t('orders.estimates.withdraw')}
                </Button>
              )}
            </>
          )}
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={600}>
        <Table verticalSpacing={4} fz="sm" data-testid="estimate-lines">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('orders.lines.fields.name')}</Table.Th>
              <Table.Th ta="right">{t('orders.lines.fields.quantity')}</Table.Th>
              <Table.Th ta="right">{t('orders.lines.fields.unitPrice')}</Table.Th>
              <Table.Th>{t('orders.parts.fields.vat')}</Table.Th>
              <Table.Th ta="right">{t('orders.parts.fields.net')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {e.lines.map((l, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  {l.name}
                  <Text span size="xs" c="dimmed">
                    {' '}
                    · {t(`orders.estimates.lineKinds.${l.kind}`)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatQuantity(l.quantity, t.lang)} {unitShort(t, l.unit)}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {money(l.unitPriceMinor)}
                </Table.Td>
                <Table.Td>{vat(l.vatRateCode, t.lang)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {money(l.netMinor)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack mt="sm" gap="xs">
        <TotalsTable totals={e.totals} />
        {e.note && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {t('orders.estimates.note')}: {e.note}
          </Text>
        )}
        {e.decisionComment && (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            {t('orders.estimates.decisionComment')}: {e.decisionComment}
          </Text>
        )}
      </Stack>
      {editing && <EstimateEditModal orderId={order.id} estimate={e} onClose={() => setEditing(false)} />}
      {sending && <SendModal orderId={order.id} estimate={e} onClose={() => setSending(false)} />}
      {deciding && <DecisionModal orderId={order.id} estimate={e} decision={deciding} onClose={() => setDeciding(null)} />}
      <ConfirmModal
        opened={withdrawing}
        title={t('orders.estimates.withdrawTitle')}
        confirmLabel={t('orders.estimates.withdraw')}
        color="orange"
        loading={withdraw.isPending}
        error={withdrawError}
        onConfirm={() =>
          withdraw.mutate(e.id, {
            onSuccess: () => {
              notifySuccess(t('orders.estimates.withdrawn', { version: e.version }));
              setWithdrawing(false);
            },
            onError: (err) => setWithdrawError(apiErrorText(t, err)),
          })
        }
        onClose={() => {
          setWithdrawing(false);
          setWithdrawError(null);
        }}
      >
        {t('orders.estimates.withdrawText', { version: e.version })}
      </ConfirmModal>
    </Paper>
  );
}

function CreateModal({ orderId, onClose }: { orderId: string; onClose: () => void }) {
  const t = useT();
  const create = useCreateEstimate(orderId);
  const services = useHourlyServices();
  const form = useFormState<{ labourServiceId: string; note: string }>({ labourServiceId: '', note: '' });
  const v = form.values;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { labourServiceId: v.labourServiceId || null, note: v.note.trim() },
      {
        onSuccess: (r) => {
          notifySuccess(t('orders.estimates.created', { version: r.version }));
          onClose();
        },
        onError: (error) => form.applyApiError(error, t),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('orders.estimates.createTitle')} size="lg" attributes={{ content: { 'data-testid': 'estimate-create-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('orders.estimates.createHint')}
          </Text>
          <Select
            label={t('orders.estimates.labourService')}
            description={t('orders.estimates.labourServiceHint')}
            clearable
            searchable
            data-autofocus
            data={(services.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))}
            value={v.labourServiceId || null}
            onChange={(id) => form.set('labourServiceId', id ?? '')}
            error={form.errors.labourServiceId}
            nothingFoundMessage={t('assets.form.nothingFound')}
            data-testid="estimate-labour-service"
          />
          <Textarea label={t('orders.estimates.note')} description={t('orders.estimates.noteHint')} autosize minRows={2} maxLength={2000} {...form.text('note')} data-testid="estimate-note" />
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="estimate-create-submit">
              {t('orders.estimates.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Send: the customer's accept link is answered once; show it to copy. */
function SendModal({ orderId, estimate, onClose }: { orderId: string; estimate: Estimate; onClose: () => void }) {
  const t = useT();
  const send = useSendEstimate(orderId);
  const [days, setDays] = useState<number | string>(14);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const validDays = Number(days);
    if (!Number.isInteger(validDays) || validDays < 1 || validDays > 365) return setError(t('orders.estimates.validDaysInvalid'));
    send.mutate(
      { id: estimate.id, validDays },
      {
        onSuccess: (r) => {
          notifySuccess(t('orders.estimates.sent', { version: estimate.version }));
          setUrl(r.acceptUrl);
        },
        onError: (err) => setError(apiErrorText(t, err)),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('orders.estimates.sendTitle', { version: estimate.version })} size="lg" attributes={{ content: { 'data-testid': 'estimate-send-modal' } }}>
      {url ? (
        <Stack>
          <TrackingLinkBox url={url} title={t('orders.estimates.acceptLinkTitle')} text={t('orders.estimates.acceptLinkText')} />
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            {estimate.status !== 'draft' && (
              <Alert color="yellow" variant="light">
                {t('orders.estimates.sendAgainHint')}
              </Alert>
            )}
            <NumberInput label={t('orders.estimates.validDays')} min={1} max={365} allowDecimal={false} allowNegative={false} value={days} onChange={setDays} error={error} data-autofocus data-testid="estimate-valid-days" />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" leftSection={<IconSend size={14} />} loading={send.isPending} data-testid="estimate-send-submit">
                {t('orders.estimates.send')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** The customer's signed paper: accepted → repair; rejected → ready for release without repair. */
function DecisionModal({ orderId, estimate, decision, onClose }: { orderId: string; estimate: Estimate; decision: 'accepted' | 'rejected'; onClose: () => void }) {
  const t = useT();
  const decide = usePaperDecision(orderId);
  const form = useFormState<{ comment: string }>({ comment: '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    decide.mutate(
      { id: estimate.id, decision, comment: form.values.comment.trim() },
      {
        onSuccess: () => {
          notifySuccess(t(decision === 'accepted' ? 'orders.estimates.acceptedNotice' : 'orders.estimates.rejectedNotice', { version: estimate.version }));
          onClose();
        },
        onError: (error) => form.applyApiError(error, t),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t(decision === 'accepted' ? 'orders.estimates.paperAcceptTitle' : 'orders.estimates.paperRejectTitle', { version: estimate.version })} attributes={{ content: { 'data-testid': 'estimate-decision-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t(decision === 'accepted' ? 'orders.estimates.paperAcceptText' : 'orders.estimates.paperRejectText')}</Text>
          <Textarea label={t('orders.estimates.decisionComment')} autosize minRows={2} maxLength={2000} data-autofocus {...form.text('comment')} data-testid="estimate-decision-comment" />
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={decision === 'accepted' ? 'green' : 'red'} loading={decide.isPending} data-testid="estimate-decision-submit">
              {t(decision === 'accepted' ? 'orders.estimates.paperAccept' : 'orders.estimates.paperReject')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
