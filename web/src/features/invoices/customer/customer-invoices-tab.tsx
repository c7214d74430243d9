// The "Faktury" tab of a customer's page: what the customer owes past the due date (count, balance and
// each overdue invoice) on top, then all their invoices, newest first.
import { Alert, Anchor, Button, Center, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconFileInvoice } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, formatMoney } from '../../../i18n/format.ts';
import { ListFrame } from '../../../ui/list-frame.tsx';
import { QueryError } from '../../../ui/query-error.tsx';
import type { InvoiceFilters } from '../api/invoice-shapes.ts';
import { INVOICE_FILTER_DEFAULTS, PAGE_SIZE, useInvoiceList } from '../api/invoices-api.ts';
import { InvoiceStatusBadge } from '../components/invoice-badges.tsx';
import { InvoiceNumberLink } from '../components/invoice-links.tsx';

/** The customer's invoices, newest first; the overdue ones all on one page (with their totals). */
function useCustomerInvoices(customerId: string, overdue: boolean) {
  const filters: InvoiceFilters = { ...INVOICE_FILTER_DEFAULTS, customerId, overdue: overdue ? 'true' : '' };
  return useInvoiceList(filters, { pageSize: overdue ? 50 : PAGE_SIZE, keepPrevious: false });
}

export function CustomerInvoicesTab({ customerId }: { customerId: string }) {
  return (
    <Stack>
      <OverdueSummary customerId={customerId} />
      <AllInvoices customerId={customerId} />
    </Stack>
  );
}

function OverdueSummary({ customerId }: { customerId: string }) {
  const t = useT();
  const overdue = useCustomerInvoices(customerId, true);
  if (overdue.error) return <QueryError error={overdue.error} onRetry={() => void overdue.refetch()} />;
  if (overdue.isPending)
    return (
      <Center py="md">
        <Loader size="sm" aria-label={t('app.loading')} />
      </Center>
    );
  // The first page always carries the totals (a customer's overdue invoices never reach the cap in practice).
  const totals = overdue.data.pages[0]!.totals ?? { capped: false, count: 0, balanceMinor: 0 };
  const items = overdue.data.pages.flatMap((p) => p.items);
  const money = (m: number | null) => (m === null ? '—' : formatMoney(m, 'PLN', t.lang));
  if (totals.count === 0)
    return (
      <Alert color="green" variant="light" icon={<IconCircleCheck size={18} />} data-testid="customer-overdue-none">
        {t('invoiceSettings.customer.overdueNone')}
      </Alert>
    );
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={20} />} title={t('invoiceSettings.customer.overdueTitle')} data-testid="customer-overdue" data-count={totals.count} data-balance={totals.balanceMinor}>
      <Stack gap="sm">
        <Text fw={700} size="lg" c="red.8" data-testid="customer-overdue-summary">
          {t.n('invoiceSettings.customer.overdueSummary', totals.count, { balance: money(totals.balanceMinor) })}
        </Text>
        <Table.ScrollContainer minWidth={520}>
          <Table verticalSpacing={4} data-testid="customer-overdue-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('invoices.fields.number')}</Table.Th>
                <Table.Th>{t('invoices.fields.dueDate')}</Table.Th>
                <Table.Th>{t('invoices.fields.daysOverdue')}</Table.Th>
                <Table.Th ta="right">{t('invoices.fields.balance')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.id} data-testid="customer-overdue-row">
                  <Table.Td>
                    <InvoiceNumberLink invoice={i} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(i.dueDate, t.lang)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text span size="sm" c="red.8" fw={600}>
                      {t.n('invoiceSettings.daysOverdue', i.daysOverdue)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {money(i.balanceMinor)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {overdue.hasNextPage && (
          <Button variant="subtle" color="red" size="xs" w="fit-content" onClick={() => void overdue.fetchNextPage()} loading={overdue.isFetchingNextPage} data-testid="customer-overdue-load-more">
            {t('common.loadMore')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

function AllInvoices({ customerId }: { customerId: string }) {
  const t = useT();
  const navigate = useNavigate();
  const list = useCustomerInvoices(customerId, false);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const money = (m: number) => formatMoney(m, 'PLN', t.lang);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={4}>{t('invoiceSettings.customer.all')}</Title>
        <Anchor component={Link} to={`/invoices?customerId=${encodeURIComponent(customerId)}`} size="sm" data-testid="customer-invoices-list-link">
          {t('invoiceSettings.customer.openList')}
        </Anchor>
      </Group>
      <ListFrame query={list} testId="customer-invoices" empty={{ icon: <IconFileInvoice size={28} />, title: t('invoiceSettings.customer.emptyTitle'), text: t('invoiceSettings.customer.emptyText') }}>
        <Table.ScrollContainer minWidth={760}>
          <Table highlightOnHover verticalSpacing="sm" data-testid="customer-invoices-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('invoices.fields.number')}</Table.Th>
                <Table.Th>{t('invoices.fields.issueDate')}</Table.Th>
                <Table.Th>{t('invoices.fields.dueDate')}</Table.Th>
                <Table.Th>{t('invoices.fields.status')}</Table.Th>
                <Table.Th ta="right">{t('invoices.fields.gross')}</Table.Th>
                <Table.Th ta="right">{t('invoices.fields.balance')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr
                  key={i.id}
                  style={{ cursor: 'pointer' }}
                  onClick={(e) => {
                    if (!(e.target instanceof HTMLElement && e.target.closest('a'))) void navigate(`/invoices/${i.id}`);
                  }}
                  data-testid="customer-invoice-row"
                  data-status={i.displayStatus}
                >
                  <Table.Td>
                    <InvoiceNumberLink invoice={i} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{i.status === 'draft' ? t('common.empty') : formatDate(i.issueDate, t.lang)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text span size="sm" c={i.overdue ? 'red.8' : undefined} fw={i.overdue ? 600 : undefined}>
                      {formatDate(i.dueDate, t.lang)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <InvoiceStatusBadge invoice={i} />
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {money(i.grossMinor)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {i.status === 'issued' ? money(i.balanceMinor) : t('common.empty')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ListFrame>
    </Stack>
  );
}
