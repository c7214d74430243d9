import { Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconFileInvoice } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, formatMoney } from '../../../i18n/format.ts';
import { ExportButtons } from '../../../ui/export-buttons.tsx';
import { ListFrame } from '../../../ui/list-frame.tsx';
import { ClearFiltersButton } from '../../catalogue/components/list-filters.tsx';
import type { ListTotals, InvoiceSummary } from '../api/invoice-shapes.ts';
import { INVOICE_FILTER_DEFAULTS, exportUrl, useInvoiceList } from '../api/invoices-api.ts';
import { invoiceFiltersNarrow, useInvoiceFilters, type InvoicePin } from '../api/use-invoice-filters.ts';
import { InvoiceStatusBadge, KsefBadge } from './invoice-badges.tsx';
import { InvoiceFilterBar } from './invoice-filters.tsx';
import { BuyerLink, InvoiceNumberLink } from './invoice-links.tsx';
import { NewInvoiceButton } from './new-invoice-modal.tsx';

type Props = {
  /** Pins the list to one customer (the customer's page). */
  pin?: InvoicePin & { customerName?: string };
  headerActions?: (actions: ReactNode) => ReactNode;
};

/** The filtered, keyset-paged list of invoices with the totals of the filtered set, export and "Nowa faktura". */
export function InvoiceList({ pin = {}, headerActions }: Props) {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const [filters, setFilters] = useInvoiceFilters(pin);
  const [resetToken, setResetToken] = useState(0);
  const list = useInvoiceList(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const totals = list.data?.pages[0]?.totals;
  const narrowed = invoiceFiltersNarrow(filters, pin);
  const pinned = !!pin.customerId;
  const newButton = <NewInvoiceButton customerId={pin.customerId ?? (filters.customerId || undefined)} customerName={pin.customerName} />;
  const actions = (
    <>
      {can('invoices:export') && <ExportButtons url={(format, lang) => exportUrl(filters, format, lang)} testId="invoices" />}
      {newButton}
    </>
  );

  return (
    <Stack>
      {headerActions ? (
        headerActions(actions)
      ) : (
        <Group justify="flex-end" gap="xs">
          {actions}
        </Group>
      )}
      <InvoiceFilterBar filters={filters} onChange={setFilters} resetToken={resetToken} pinnedCustomer={pinned} />
      {totals && totals.count > 0 && <TotalsBar totals={totals} />}
      <ListFrame
        query={list}
        testId="invoices"
        empty={{
          icon: <IconFileInvoice size={28} />,
          title: narrowed ? t('invoices.list.emptyFilteredTitle') : t('invoices.list.emptyTitle'),
          text: narrowed ? t('invoices.list.emptyFilteredText') : t('invoices.list.emptyText'),
          actions: narrowed ? (
            <ClearFiltersButton
              onClear={() => {
                setFilters({ ...INVOICE_FILTER_DEFAULTS, customerId: pinned ? '' : INVOICE_FILTER_DEFAULTS.customerId });
                setResetToken((n) => n + 1);
              }}
            />
          ) : (
            newButton
          ),
        }}
      >
        <Table.ScrollContainer minWidth={pinned ? 860 : 980}>
          <Table highlightOnHover verticalSpacing="sm" horizontalSpacing={8} data-testid="invoices-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('invoices.fields.number')}</Table.Th>
                <Table.Th>{t('invoices.fields.kind')}</Table.Th>
                {!pinned && <Table.Th>{t('invoices.fields.customer')}</Table.Th>}
                <Table.Th>{t('invoices.fields.issueDate')}</Table.Th>
                <Table.Th>{t('invoices.fields.dueDate')}</Table.Th>
                <Table.Th ta="right">{t('invoices.fields.gross')}</Table.Th>
                <Table.Th ta="right">{t('invoices.fields.balance')}</Table.Th>
                <Table.Th>{t('invoices.fields.status')}</Table.Th>
                <Table.Th>{t('invoices.fields.ksef')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <InvoiceRow key={i.id} invoice={i} showCustomer={!pinned} onOpen={() => void navigate(`/invoices/${i.id}`)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ListFrame>
    </Stack>
  );
}

function TotalsBar({ totals }: { totals: ListTotals }) {
  const t = useT();
  const money = (m: number | null) => (m === null ? '—' : formatMoney(m, 'PLN', t.lang));
  const cells: [string, string, string][] = [
    [t('invoices.list.totals.count'), totals.capped ? t('invoices.list.totals.countCapped', { count: String(totals.count) }) : String(totals.count), 'count'],
    [t('invoices.fields.net'), money(totals.netMinor), 'net'],
    [t('invoices.fields.vat'), money(totals.vatMinor), 'vat'],
    [t('invoices.fields.gross'), money(totals.grossMinor), 'gross'],
    [t('invoices.fields.balance'), money(totals.balanceMinor), 'balance'],
  ];
  return (
    <Paper withBorder radius="md" p="sm" bg="var(--mantine-color-default-hover)" data-testid="invoices-totals" aria-label={t('invoices.list.totals.label')}>
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
        {cells.map(([label, value, key]) => (
          <Stack key={key} gap={0}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {label}
            </Text>
            <Text fw={600} data-testid={`invoices-total-${key}`} style={{ whiteSpace: 'nowrap' }}>
              {value}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
      <Text size="xs" c={totals.capped ? 'orange' : 'dimmed'} mt={4} data-testid={totals.capped ? 'invoices-totals-capped' : undefined}>
        {totals.capped ? t('invoices.list.totals.capped', { count: String(totals.count) }) : t('invoices.list.totals.hint')}
      </Text>
    </Paper>
  );
}

function InvoiceRow({ invoice: i, showCustomer, onOpen }: { invoice: InvoiceSummary; showCustomer: boolean; onOpen: () => void }) {
  const t = useT();
  const money = (m: number) => formatMoney(m, 'PLN', t.lang);
  const draft = i.status === 'draft';
  const cancelled = i.status === 'cancelled';
  return (
    <Table.Tr
      style={{ cursor: 'pointer', opacity: cancelled ? 0.6 : 1 }}
      onClick={(e) => {
        if (!(e.target instanceof HTMLElement && e.target.closest('a'))) onOpen();
      }}
      data-testid="invoice-row"
      data-number={i.number ?? ''}
      data-id={i.id}
    >
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <InvoiceNumberLink invoice={i} markCorrection={false} />
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm" c={i.kind === 'correction' ? 'orange.8' : undefined}>
          {t(`invoices.kindsShort.${i.kind}`)}
        </Text>
      </Table.Td>
      {showCustomer && (
        <Table.Td style={{ minWidth: 170 }}>
          <BuyerLink invoice={i} />
        </Table.Td>
      )}
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm">{i.number ? formatDate(i.issueDate, t.lang) : t('common.empty')}</Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm" c={i.overdue ? 'red' : undefined} fw={i.overdue ? 600 : undefined}>
          {formatDate(i.dueDate, t.lang)}
        </Text>
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm" fw={500} data-testid="invoice-row-gross">
          {money(i.grossMinor)}
        </Text>
      </Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm" c={i.balanceMinor > 0 && i.overdue ? 'red' : i.balanceMinor === 0 ? 'dimmed' : undefined} data-testid="invoice-row-balance">
          {draft || cancelled || i.kind === 'correction' ? t('common.empty') : money(i.balanceMinor)}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <InvoiceStatusBadge invoice={i} />
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {draft || cancelled ? (
          <Text size="sm" c="dimmed">
            {t('common.empty')}
          </Text>
        ) : (
          <span title={i.ksefNumber ?? undefined} data-ksef-number={i.ksefNumber ?? ''}>
            <KsefBadge status={i.ksefStatus} short />
          </span>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
