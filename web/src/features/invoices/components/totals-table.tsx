import { Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatMoney } from '../../../i18n/format.ts';
import type { Invoice, Totals } from '../api/invoice-shapes.ts';

/** Net, VAT and gross per rate with the sum (VAT is computed per rate on the sum of the line nets). */
export function TotalsTable({ totals, title, testId, emphasis }: { totals: Totals; title?: string; testId: string; emphasis?: boolean }) {
  const t = useT();
  const money = (m: number) => formatMoney(m, 'PLN', t.lang);
  return (
    <Stack gap={4}>
      {title && (
        <Text size="sm" fw={600}>
          {title}
        </Text>
      )}
      <Table withTableBorder verticalSpacing={4} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('invoices.totals.rate')}</Table.Th>
            <Table.Th ta="right">{t('invoices.fields.net')}</Table.Th>
            <Table.Th ta="right">{t('invoices.fields.vat')}</Table.Th>
            <Table.Th ta="right">{t('invoices.fields.gross')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {totals.rates.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={4}>
                <Text size="sm" c="dimmed">
                  {t('invoices.totals.none')}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {totals.rates.map((r) => (
            <Table.Tr key={r.vatRateCode} data-testid="totals-rate" data-rate={r.vatRateCode}>
              <Table.Td>{r.vatRateLabel}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {money(r.netMinor)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {money(r.vatMinor)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {money(r.grossMinor)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr style={{ fontWeight: 700, background: emphasis ? 'var(--mantine-color-default-hover)' : undefined }}>
            <Table.Td>{t('invoices.totals.sum')}</Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid={`${testId}-net`}>
              {money(totals.netMinor)}
            </Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid={`${testId}-vat`}>
              {money(totals.vatMinor)}
            </Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid={`${testId}-gross`}>
              {money(totals.grossMinor)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Stack>
  );
}

/** The amounts of an invoice: per rate; for a correction before, after and the difference it makes. */
export function InvoiceTotals({ invoice: i, stale }: { invoice: Invoice; stale?: boolean }) {
  const t = useT();
  return (
    <Paper withBorder radius="md" p="md" style={{ opacity: stale ? 0.55 : 1 }} data-testid="invoice-totals" data-stale={stale ? 'true' : 'false'}>
      <Stack gap="sm">
        <Title order={4}>{t('invoices.totals.title')}</Title>
        {stale && (
          <Text size="sm" c="dimmed" fs="italic" data-testid="invoice-totals-stale">
            {t('invoices.totals.stale')}
          </Text>
        )}
        {i.kind === 'correction' && i.totalsBefore && i.totalsAfter ? (
          <Stack gap="md">
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <TotalsTable totals={i.totalsBefore} title={t('invoices.totals.before')} testId="totals-before" />
              <TotalsTable totals={i.totalsAfter} title={t('invoices.totals.after')} testId="totals-after" />
            </SimpleGrid>
            <TotalsTable totals={i.totals} title={t('invoices.totals.difference')} testId="totals-difference" emphasis />
          </Stack>
        ) : (
          <TotalsTable totals={i.totals} testId="totals" emphasis />
        )}
        <Text size="sm" ta="right" data-testid="invoice-total-gross">
          {i.kind === 'correction' ? t('invoices.totals.toPayCorrection', { amount: formatMoney(i.totals.grossMinor, 'PLN', t.lang) }) : t('invoices.totals.toPay', { amount: formatMoney(i.totals.grossMinor, 'PLN', t.lang) })}
        </Text>
      </Stack>
    </Paper>
  );
}
