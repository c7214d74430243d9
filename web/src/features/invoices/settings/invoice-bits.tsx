// Small pieces shown wherever an invoice is mentioned outside the invoices screens (order, customer).
import { Anchor, Badge, Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { DisplayStatus, InvoiceSummary } from '../api/invoice-shapes.ts';

export const STATUS_COLORS: Record<DisplayStatus, string> = {
  draft: 'gray',
  issued: 'blue',
  sent: 'cyan',
  partially_paid: 'yellow',
  paid: 'green',
  overdue: 'red',
  cancelled: 'dark',
};

export function InvoiceStatusBadge({ status }: { status: DisplayStatus }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" data-testid="invoice-status" data-status={status}>
      {t(`invoiceSettings.statuses.${status}`)}
    </Badge>
  );
}

/** The invoice's number (or "draft") linking to its page, with a "correction" marker. */
export function InvoiceNumberLink({ invoice: i }: { invoice: Pick<InvoiceSummary, 'id' | 'number' | 'kind'> }) {
  const t = useT();
  return (
    <Group gap={6} wrap="nowrap">
      <Anchor component={Link} to={`/invoices/${i.id}`} fw={600} ff={i.number ? 'monospace' : undefined} fz="sm" fs={i.number ? undefined : 'italic'} data-testid="invoice-link" style={{ whiteSpace: 'nowrap' }}>
        {i.number ?? t('invoiceSettings.draftNumber')}
      </Anchor>
      {i.kind === 'correction' && (
        <Text span size="xs" c="dimmed">
          {t('invoiceSettings.correction')}
        </Text>
      )}
    </Group>
  );
}
