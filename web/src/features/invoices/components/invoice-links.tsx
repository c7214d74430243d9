// Links that name an invoice or its buyer, the same wherever they appear (list, invoice page, order
// and customer pages, bank statement import).
import { Anchor, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatNip } from '../../../i18n/format.ts';
import type { InvoiceSummary } from '../api/invoice-shapes.ts';

/** The invoice's number (or "draft") linking to its page; a correcting invoice says so unless `kind` is shown beside it anyway. */
export function InvoiceNumberLink({ invoice: i, markCorrection = true, newTab }: { invoice: Pick<InvoiceSummary, 'id' | 'number'> & Partial<Pick<InvoiceSummary, 'kind'>>; markCorrection?: boolean; newTab?: boolean }) {
  const t = useT();
  const link = (
    <Anchor
      component={Link}
      to={`/invoices/${i.id}`}
      {...(newTab ? { target: '_blank', rel: 'noopener' } : {})}
      fw={600}
      ff={i.number ? 'monospace' : undefined}
      fz="sm"
      fs={i.number ? undefined : 'italic'}
      data-testid="invoice-link"
      style={{ whiteSpace: 'nowrap' }}
    >
      {i.number ?? t('invoices.draftNumber')}
    </Anchor>
  );
  if (!markCorrection || i.kind !== 'correction') return link;
  return (
    <Group gap={6} wrap="nowrap">
      {link}
      <Text span size="xs" c="dimmed">
        {t('invoices.kindsShort.correction')}
      </Text>
    </Group>
  );
}

/** The buyer linking to the customer's page, with the NIP below. */
export function BuyerLink({ invoice: i }: { invoice: Pick<InvoiceSummary, 'customerId' | 'customerName' | 'customerNip'> }) {
  const t = useT();
  return (
    <>
      <Anchor component={Link} to={`/customers/${i.customerId}`} size="sm">
        {i.customerName}
      </Anchor>
      {i.customerNip && (
        <Text size="xs" c="dimmed" ff="monospace">
          {t('invoices.list.nip', { nip: formatNip(i.customerNip) })}
        </Text>
      )}
    </>
  );
}
