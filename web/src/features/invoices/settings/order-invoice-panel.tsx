// The "Faktura" panel of a service order: its invoice(s) when it has one, otherwise — once the work is
// finished — "Wystaw fakturę", which drafts the invoice from the order and opens it.
import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconFileInvoice } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../../app/api-client.ts';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, formatMoney } from '../../../i18n/format.ts';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { QueryError } from '../../../ui/query-error.tsx';
import type { Phase } from '../../service-orders/api/order-shapes.ts';
import { INVOICE_FILTER_DEFAULTS, useInvoiceList, useInvoiceServiceOrder } from '../api/invoices-api.ts';
import { InvoiceStatusBadge } from '../components/invoice-badges.tsx';
import { InvoiceNumberLink } from '../components/invoice-links.tsx';

const INVOICEABLE: readonly Phase[] = ['ready_for_release', 'released'];

/** What went wrong creating the invoice; a 409 carries the existing invoice to link to. */
type Failure = { text: string; invoiceId: string | null };

export function OrderInvoicePanel({ order }: { order: { id: string; phase: Phase } }) {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const mayRead = can('invoices:read');
  const mayDraft = can('invoices:draft');
  const invoices = useInvoiceList({ ...INVOICE_FILTER_DEFAULTS, serviceOrderId: order.id }, { pageSize: 5, enabled: mayRead, keepPrevious: false });
  const create = useInvoiceServiceOrder();
  const [failure, setFailure] = useState<Failure | null>(null);
  if (!mayRead && !mayDraft) return null;

  const active = (invoices.data?.pages[0]?.items ?? []).filter((i) => i.status !== 'cancelled');
  const finished = INVOICEABLE.includes(order.phase);
  const money = (m: number) => formatMoney(m, 'PLN', t.lang);

  const onCreate = () => {
    setFailure(null);
    create.mutate(order.id, {
      onSuccess: (invoice) => void navigate(`/invoices/${invoice.id}`),
      onError: (e) => {
        const invoiceId = e instanceof ApiError && e.code === 'invoices.order_invoiced' && typeof e.body.invoiceId === 'string' ? e.body.invoiceId : null;
        setFailure({ text: apiErrorText(t, e), invoiceId });
      },
    });
  };

  let body;
  if (mayRead && invoices.isPending) body = <Loader size="sm" aria-label={t('app.loading')} />;
  else if (mayRead && invoices.error) body = <QueryError error={invoices.error} onRetry={() => void invoices.refetch()} />;
  else if (active.length > 0)
    body = (
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing={6} data-testid="order-invoices">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('invoices.fields.number')}</Table.Th>
              <Table.Th>{t('invoices.fields.issueDate')}</Table.Th>
              <Table.Th>{t('invoices.fields.status')}</Table.Th>
              <Table.Th ta="right">{t('invoices.fields.gross')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {active.map((i) => (
              <Table.Tr key={i.id} data-testid="order-invoice-row">
                <Table.Td>
                  <InvoiceNumberLink invoice={i} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{i.status === 'draft' ? t('common.empty') : formatDate(i.issueDate, t.lang)}</Table.Td>
                <Table.Td>
                  <InvoiceStatusBadge invoice={i} />
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="order-invoice-gross">
                  {money(i.grossMinor)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  else if (finished && mayDraft)
    body = (
      <Group justify="space-between" align="center">
        <Text size="sm" c="dimmed" maw={520}>
          {t('invoiceSettings.order.createHint')}
        </Text>
        <Button leftSection={<IconFileInvoice size={16} />} onClick={onCreate} loading={create.isPending} data-testid="order-create-invoice">
          {t('invoiceSettings.order.create')}
        </Button>
      </Group>
    );
  else
    body = (
      <Text size="sm" c="dimmed" data-testid="order-invoice-none">
        {finished || order.phase === 'cancelled' ? t('invoiceSettings.order.none') : t('invoiceSettings.order.notFinished')}
      </Text>
    );

  return (
    <Paper withBorder p="md" radius="md" data-testid="order-invoice-panel">
      <Stack gap="sm">
        <Title order={4}>{t('invoiceSettings.order.title')}</Title>
        {body}
        {failure && (
          <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert" withCloseButton onClose={() => setFailure(null)} data-testid="order-invoice-error">
            <Stack gap={4}>
              <Text size="sm">{failure.text}</Text>
              {failure.invoiceId && (
                <Anchor component={Link} to={`/invoices/${failure.invoiceId}`} size="sm" data-testid="order-invoice-existing">
                  {t('invoiceSettings.order.openExisting')}
                </Anchor>
              )}
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
