import { Group, Table, Text } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatMoney, formatPercentBp, formatQuantity } from '../../../i18n/format.ts';
import type { Invoice, InvoiceLine } from '../api/invoice-shapes.ts';
import { InvoiceSection } from './invoice-section.tsx';

/** The lines of an issued invoice (or the corrected state of a correction), read-only. */
export function LinesTable({ lines, testId = 'invoice-lines' }: { lines: InvoiceLine[]; testId?: string }) {
  const t = useT();
  const money = (m: number) => formatMoney(m, 'PLN', t.lang);
  const anyDiscount = lines.some((l) => l.discountBp > 0);
  if (lines.length === 0)
    return (
      <Text size="sm" c="dimmed" fs="italic" data-testid={`${testId}-empty`}>
        {t('invoices.lines.none')}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={32}>{t('invoices.lines.position')}</Table.Th>
            <Table.Th>{t('invoices.lines.name')}</Table.Th>
            <Table.Th ta="right">{t('invoices.lines.quantity')}</Table.Th>
            <Table.Th ta="right">{t('invoices.lines.unitPrice')}</Table.Th>
            {anyDiscount && <Table.Th ta="right">{t('invoices.lines.discount')}</Table.Th>}
            <Table.Th>{t('invoices.lines.vat')}</Table.Th>
            <Table.Th ta="right">{t('invoices.lines.net')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => (
            <Table.Tr key={l.position} data-testid={`${testId}-row`}>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {l.position}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{l.name}</Text>
                {(l.gtu || l.pkwiu || l.annex15) && (
                  <Group gap={8}>
                    {l.gtu && (
                      <Text size="xs" c="dimmed">
                        {l.gtu.replace('_', ' ')}
                      </Text>
                    )}
                    {l.pkwiu && (
                      <Text size="xs" c="dimmed">
                        {t('invoices.lines.pkwiuValue', { code: l.pkwiu })}
                      </Text>
                    )}
                    {l.annex15 && (
                      <Text size="xs" c="dimmed">
                        {t('invoices.lines.annex15')}
                      </Text>
                    )}
                  </Group>
                )}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatQuantity(l.quantity, t.lang)} {l.unit}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {money(l.unitPriceMinor)}
              </Table.Td>
              {anyDiscount && (
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {l.discountBp ? formatPercentBp(l.discountBp, t.lang) : t('common.empty')}
                </Table.Td>
              )}
              <Table.Td>{l.vatRateLabel}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={500}>
                  {money(l.netMinor)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A correcting invoice's lines before the correction (those of the corrected invoice), read-only. */
export function LinesBeforeSection({ invoice: i }: { invoice: Pick<Invoice, 'kind' | 'linesBefore' | 'correctsNumber'> }) {
  const t = useT();
  if (i.kind !== 'correction' || !i.linesBefore) return null;
  return (
    <InvoiceSection id="invoice-lines-before-title" title={t('invoices.corrections.linesBefore', { number: i.correctsNumber ?? '' })}>
      <LinesTable lines={i.linesBefore} testId="invoice-lines-before" />
    </InvoiceSection>
  );
}
