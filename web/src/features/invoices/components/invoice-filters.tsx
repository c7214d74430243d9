import { Group, NativeSelect, Switch, TextInput } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.tsx';
import { SearchInput } from '../../../ui/search-input.tsx';
import { CustomerPicker } from '../../assets/components/remote-pickers.tsx';
import { useCustomerName } from './customer-name.ts';
import type { InvoiceFilters } from '../api/invoice-shapes.ts';
import { DISPLAY_STATUSES, statusLabel } from './invoice-text.ts';

type Props = {
  filters: InvoiceFilters;
  onChange: (patch: Partial<InvoiceFilters>) => void;
  resetToken: number;
  /** The list belongs to one customer: no customer filter. */
  pinnedCustomer?: boolean;
};

/** Search (number, customer, NIP), status, kind, customer, issue date from–to, only overdue. */
export function InvoiceFilterBar({ filters, onChange, resetToken, pinnedCustomer }: Props) {
  const t = useT();
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <SearchInput value={filters.q} onChange={(q) => onChange({ q })} placeholder={t('invoices.list.searchPlaceholder')} resetToken={resetToken} testId="invoices-search" />
      <NativeSelect
        label={t('invoices.fields.status')}
        value={filters.status}
        onChange={(e) => onChange({ status: e.currentTarget.value as InvoiceFilters['status'] })}
        data={[{ value: '', label: t('invoices.list.allStatuses') }, ...DISPLAY_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))]}
        data-testid="invoices-filter-status"
      />
      <NativeSelect
        label={t('invoices.fields.kind')}
        value={filters.kind}
        onChange={(e) => onChange({ kind: e.currentTarget.value as InvoiceFilters['kind'] })}
        data={[
          { value: '', label: t('invoices.list.allKinds') },
          { value: 'vat', label: t('invoices.kinds.vat') },
          { value: 'correction', label: t('invoices.kinds.correction') },
        ]}
        data-testid="invoices-filter-kind"
      />
      {!pinnedCustomer && <CustomerFilter id={filters.customerId} onChange={(customerId) => onChange({ customerId })} />}
      <TextInput type="date" label={t('invoices.list.from')} value={filters.from} onChange={(e) => onChange({ from: e.currentTarget.value })} w={160} data-testid="invoices-filter-from" />
      <TextInput type="date" label={t('invoices.list.to')} value={filters.to} onChange={(e) => onChange({ to: e.currentTarget.value })} w={160} data-testid="invoices-filter-to" />
      <Switch
        label={t('invoices.list.overdueOnly')}
        checked={filters.overdue === 'true'}
        onChange={(e) => onChange({ overdue: e.currentTarget.checked ? 'true' : '' })}
        mb={8}
        data-testid="invoices-filter-overdue"
      />
    </Group>
  );
}

function CustomerFilter({ id, onChange }: { id: string; onChange: (id: string) => void }) {
  const t = useT();
  const name = useCustomerName(id);
  return (
    <div style={{ width: 240 }}>
      <CustomerPicker
        label={t('invoices.fields.customer')}
        placeholder={t('invoices.list.allCustomers')}
        value={id ? { id, label: name ?? '…' } : null}
        onChange={(picked) => onChange(picked?.id ?? '')}
        testId="invoices-filter-customer"
      />
    </div>
  );
}
