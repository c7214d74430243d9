// An issued (or cancelled) invoice read-only: its data, lines and totals; a correction with the lines
// before and after and the difference.
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, formatDateTime } from '../../../i18n/format.ts';
import { DetailItem } from '../../../ui/detail-item.tsx';
import type { Invoice } from '../api/invoice-shapes.ts';
import { BuyerLink } from './invoice-links.tsx';
import { InvoiceSection } from './invoice-section.tsx';
import { LinesBeforeSection, LinesTable } from './lines-table.tsx';
import { formatAccount, methodLabel } from './invoice-text.ts';
import { InvoiceTotals } from './totals-table.tsx';

export function InvoiceDocument({ invoice: i }: { invoice: Invoice }) {
  const t = useT();
  const correction = i.kind === 'correction';
  const anyExempt = [...i.lines, ...(i.linesBefore ?? [])].some((l) => l.vatRateCode === 'zw');
  return (
    <Stack>
      <InvoiceSection id="invoice-data-title" title={t('invoices.detail.dataTitle')} gap="md">
        {correction && (
          <DetailItem label={t('invoices.fields.correctionReason')} testId="invoice-correction-reason">
            {i.correctionReason || t('common.empty')}
          </DetailItem>
        )}
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 4 }}>
          <DetailItem label={t('invoices.fields.buyer')} testId="invoice-buyer">
            <BuyerLink invoice={i} />
          </DetailItem>
          <DetailItem label={t('invoices.fields.issueDate')} testId="invoice-issue-date">
            {i.number ? formatDate(i.issueDate, t.lang) : i.status === 'draft' ? t('invoices.detail.issueDateOnIssue') : t('common.empty')}
          </DetailItem>
          <DetailItem label={t('invoices.fields.saleDate')}>{formatDate(i.saleDate, t.lang)}</DetailItem>
          <DetailItem label={t('invoices.fields.dueDate')} testId="invoice-due-date">
            <Text span size="sm" c={i.overdue ? 'red' : undefined} fw={i.overdue ? 700 : undefined}>
              {formatDate(i.dueDate, t.lang)}
            </Text>
          </DetailItem>
          <DetailItem label={t('invoices.fields.paymentMethod')}>{methodLabel(t, i.paymentMethod)}</DetailItem>
          {i.bankAccount && (
            <DetailItem label={t('invoices.fields.bankAccount')}>
              <Text span size="sm" ff="monospace">
                {formatAccount(i.bankAccount)}
              </Text>
            </DetailItem>
          )}
          <DetailItem label={t('invoices.fields.splitPayment')}>{i.splitPayment ? t('common.yes') : t('common.no')}</DetailItem>
          <DetailItem label={t('invoices.fields.placeOfIssue')}>{i.placeOfIssue || t('common.empty')}</DetailItem>
          <DetailItem label={t('invoices.fields.lang')}>{t(`invoices.languages.${i.lang}`)}</DetailItem>
          {i.issuedAt && <DetailItem label={t('invoices.detail.issuedAt')}>{formatDateTime(i.issuedAt, t.lang)}</DetailItem>}
          {i.sentAt && (
            <DetailItem label={t('invoices.detail.sentAt')} testId="invoice-sent-at">
              {formatDateTime(i.sentAt, t.lang)}
            </DetailItem>
          )}
          {i.cancelledAt && <DetailItem label={t('invoices.detail.cancelledAt')}>{formatDateTime(i.cancelledAt, t.lang)}</DetailItem>}
        </SimpleGrid>
        {anyExempt && i.exemptionBasis && <DetailItem label={t('invoices.fields.exemptionBasis')}>{i.exemptionBasis}</DetailItem>}
        {i.notes && <DetailItem label={t('invoices.fields.notes')}>{i.notes}</DetailItem>}
      </InvoiceSection>
      <LinesBeforeSection invoice={i} />
      <InvoiceSection id="invoice-lines-title" title={correction ? t('invoices.corrections.linesAfter') : t('invoices.lines.title')}>
        <LinesTable lines={i.lines} />
      </InvoiceSection>
      <InvoiceTotals invoice={i} />
    </Stack>
  );
}
