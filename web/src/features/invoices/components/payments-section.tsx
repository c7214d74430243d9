// Payments of an issued VAT invoice (the page shows what is payable, paid and left above the tabs):
// the payments (removable when recorded by mistake) and a form to record one (defaults: today, the
// whole balance).
import { ActionIcon, Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconCash, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, formatMoney, minorToInput, parseMoneyInput } from '../../../i18n/format.ts';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { DecimalInput } from '../../../ui/decimal-input.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { QueryError } from '../../../ui/query-error.tsx';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useLastDefined } from '../../../ui/use-last-defined.ts';
import type { Invoice, Payment, PaymentMethod } from '../api/invoice-shapes.ts';
import { renamePaths } from '../../service-orders/api/rename-paths.ts';
import { useInvoicePayments, useRecordPayment, useRemovePayment } from '../api/invoices-api.ts';
import { InvoiceSection } from './invoice-section.tsx';
import { PAYMENT_METHODS, methodLabel } from './invoice-text.ts';

export function PaymentsSection({ invoice: i }: { invoice: Invoice }) {
  const t = useT();
  const can = useCan();
  const payments = useInvoicePayments(i.id);
  const remove = useRemovePayment(i);
  const [removing, setRemoving] = useState<Payment | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const shown = useLastDefined(removing);
  const money = (m: number) => formatMoney(m, 'PLN', t.lang);
  const mayPay = can('invoices:pay');
  return (
    <Stack>
      <InvoiceSection id="invoice-payments-title" title={t('invoices.payments.title')}>
        {payments.error ? (
          <QueryError error={payments.error} onRetry={() => void payments.refetch()} />
        ) : (payments.data ?? []).length === 0 ? (
          <Text size="sm" c="dimmed" fs="italic" data-testid="invoice-payments-empty">
            {payments.isPending ? t('app.loading') : t('invoices.payments.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" data-testid="invoice-payments">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('invoices.payments.paidOn')}</Table.Th>
                  <Table.Th ta="right">{t('invoices.payments.amount')}</Table.Th>
                  <Table.Th>{t('invoices.payments.method')}</Table.Th>
                  <Table.Th>{t('invoices.payments.reference')}</Table.Th>
                  <Table.Th>{t('invoices.payments.recordedBy')}</Table.Th>
                  {mayPay && <Table.Th w={40} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(payments.data ?? []).map((p) => (
                  <Table.Tr key={p.id} data-testid="invoice-payment-row">
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(p.paidOn, t.lang)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" fw={500}>
                        {money(p.amountMinor)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{methodLabel(t, p.method)}</Table.Td>
                    <Table.Td>{p.reference || t('common.empty')}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{p.source === 'bank_statement' ? t('invoices.payments.fromStatement') : (p.createdByName ?? t('common.empty'))}</Text>
                    </Table.Td>
                    {mayPay && (
                      <Table.Td>
                        <Tooltip label={t('invoices.payments.remove')}>
                          <ActionIcon variant="subtle" color="red" onClick={() => setRemoving(p)} aria-label={`${t('invoices.payments.remove')}: ${money(p.amountMinor)}`} data-testid="invoice-payment-remove">
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
      </InvoiceSection>
      {mayPay && i.balanceMinor > 0 && <PaymentForm key={i.balanceMinor} invoice={i} />}
      <ConfirmModal
        opened={removing !== null}
        title={t('invoices.payments.removeTitle')}
        confirmLabel={t('invoices.payments.remove')}
        loading={remove.isPending}
        error={removeError}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              notifySuccess(t('invoices.payments.removed'));
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
        {t('invoices.payments.removeText', { amount: shown ? money(shown.amountMinor) : '', date: shown ? formatDate(shown.paidOn, t.lang) : '' })}
      </ConfirmModal>
    </Stack>
  );
}

type Values = { paidOn: string; amount: string; method: PaymentMethod; reference: string };

function PaymentForm({ invoice: i }: { invoice: Invoice }) {
  const t = useT();
  const record = useRecordPayment(i);
  // The date is left empty for "today": the server's business date decides, not the browser's clock.
  const form = useFormState<Values>({ paidOn: '', amount: minorToInput(i.balanceMinor, t.lang), method: i.paymentMethod, reference: '' });
  const v = form.values;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const amount = parseMoneyInput(v.amount);
    const errors: Partial<Record<keyof Values, string>> = {};
    if (!v.amount.trim()) errors.amount = t('common.required');
    else if (amount === null || amount <= 0) errors.amount = t('invoices.payments.amountInvalid');
    if (v.paidOn && !/^\d{4}-\d{2}-\d{2}$/.test(v.paidOn)) errors.paidOn = t('invoices.detail.dateInvalid');
    if (Object.keys(errors).length) return form.setErrors(errors);
    record.mutate(
      { ...(v.paidOn ? { paidOn: v.paidOn } : {}), amountMinor: amount!, method: v.method, reference: v.reference.trim() },
      {
        onSuccess: (p) => notifySuccess(t('invoices.payments.recorded', { amount: formatMoney(p.amountMinor, 'PLN', t.lang) })),
        onError: (error) => form.applyApiError(renamePaths(error, { amountMinor: 'amount' }), t),
      },
    );
  };
  return (
    <InvoiceSection id="invoice-payment-form-title" title={t('invoices.payments.recordTitle')} onSubmit={submit} testId="invoice-payment-form">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <TextInput type="date" label={t('invoices.payments.paidOn')} description={t('invoices.payments.paidOnToday')} {...form.text('paidOn')} data-testid="payment-date" />
        <DecimalInput kind="money" label={t('invoices.payments.amount')} required value={v.amount} onChange={(x) => form.set('amount', x)} error={form.errors.amount} data-testid="payment-amount" />
        <Select
          label={t('invoices.payments.method')}
          data={PAYMENT_METHODS.map((m) => ({ value: m, label: methodLabel(t, m) }))}
          value={v.method}
          onChange={(m) => m && form.set('method', m as PaymentMethod)}
          allowDeselect={false}
          error={form.errors.method}
          data-testid="payment-method"
        />
        <TextInput label={t('invoices.payments.reference')} placeholder={t('invoices.payments.referencePlaceholder')} maxLength={300} {...form.text('reference')} data-testid="payment-reference" />
      </SimpleGrid>
      <FormAlert message={form.general} />
      <Group justify="flex-end">
        <Button type="submit" leftSection={<IconCash size={16} />} loading={record.isPending} data-testid="payment-record">
          {t('invoices.payments.record')}
        </Button>
      </Group>
    </InvoiceSection>
  );
}
