import { Badge, type MantineSize } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { InvoiceSummary, KsefStatus } from '../api/invoice-shapes.ts';
import { KSEF_COLORS, STATUS_COLORS, ksefLabel, statusLabel } from './invoice-text.ts';

/** The invoice's status as the list and the page show it; an overdue one says by how many days. */
export function InvoiceStatusBadge({ invoice, size = 'sm' }: { invoice: Pick<InvoiceSummary, 'displayStatus' | 'daysOverdue'>; size?: MantineSize }) {
  const t = useT();
  const s = invoice.displayStatus;
  const label = s === 'overdue' && invoice.daysOverdue > 0 ? t.n('invoices.overdueDays', invoice.daysOverdue) : statusLabel(t, s);
  return (
    <Badge color={STATUS_COLORS[s]} variant={s === 'overdue' ? 'filled' : 'light'} size={size} tt="none" style={{ minWidth: 'max-content' }} data-testid="invoice-status" data-status={s}>
      {label}
    </Badge>
  );
}

export function KsefBadge({ status, size = 'sm', short }: { status: KsefStatus; size?: MantineSize; short?: boolean }) {
  const t = useT();
  return (
    <Badge color={KSEF_COLORS[status]} variant={status === 'not_sent' ? 'outline' : 'light'} size={size} tt="none" style={{ minWidth: 'max-content' }} data-testid="invoice-ksef-status" data-ksef={status}>
      {short ? t(`invoices.ksefStatusesShort.${status}`) : ksefLabel(t, status)}
    </Badge>
  );
}
