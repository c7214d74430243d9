import { Group, NativeSelect, TextInput } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.tsx';
import { SearchInput } from '../../../ui/search-input.tsx';
import { PHASES, type OrderFilters, type OrderStatus } from '../api/order-shapes.ts';
import type { StaffOption } from '../api/staff-api.ts';
import { phaseLabel, statusName } from './order-text.ts';

type Props = {
  filters: OrderFilters;
  onChange: (patch: Partial<OrderFilters>) => void;
  statuses: OrderStatus[];
  staff: StaffOption[];
  resetToken: number;
};

/** Search, status, phase (or "open"), technician, received from–to, sort. */
export function OrderFilterBar({ filters, onChange, statuses, staff, resetToken }: Props) {
  const t = useT();
  // statuses grouped by phase; archived ones only when a link asks for them
  const groups = PHASES.map((p) => ({
    group: phaseLabel(t, p),
    items: statuses
      .filter((s) => s.phase === p && (!s.archived || s.id === filters.statusId))
      .map((s) => ({ value: s.id, label: s.archived ? `${statusName(t, s)} ${t('orders.list.archivedStatus')}` : statusName(t, s) })),
  })).filter((g) => g.items.length > 0);
  const technicians = staff.some((s) => s.id === filters.technicianId) || !filters.technicianId ? staff : [...staff, { id: filters.technicianId, name: '…', role: null }];
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <SearchInput value={filters.q} onChange={(q) => onChange({ q })} placeholder={t('orders.list.searchPlaceholder')} resetToken={resetToken} testId="orders-search" />
      <NativeSelect
        label={t('orders.list.phaseFilter')}
        value={filters.phase}
        onChange={(e) => onChange({ phase: e.currentTarget.value })}
        data={[
          { value: 'open', label: t('orders.list.phaseOpen') },
          { value: 'all', label: t('orders.list.phaseAll') },
          ...PHASES.map((p) => ({ value: p, label: phaseLabel(t, p) })),
        ]}
        data-testid="orders-filter-phase"
      />
      <NativeSelect
        label={t('orders.list.statusFilter')}
        value={filters.statusId}
        onChange={(e) => onChange({ statusId: e.currentTarget.value })}
        data={[{ value: '', label: t('orders.list.allStatuses') }, ...groups]}
        data-testid="orders-filter-status"
      />
      <NativeSelect
        label={t('orders.list.technicianFilter')}
        value={filters.technicianId}
        onChange={(e) => onChange({ technicianId: e.currentTarget.value })}
        data={[{ value: '', label: t('orders.list.allTechnicians') }, ...technicians.map((s) => ({ value: s.id, label: s.name }))]}
        data-testid="orders-filter-technician"
      />
      <TextInput type="date" label={t('orders.list.from')} value={filters.from} onChange={(e) => onChange({ from: e.currentTarget.value })} w={160} data-testid="orders-filter-from" />
      <TextInput type="date" label={t('orders.list.to')} value={filters.to} onChange={(e) => onChange({ to: e.currentTarget.value })} w={160} data-testid="orders-filter-to" />
      <NativeSelect
        label={t('orders.list.sort.label')}
        value={filters.sort}
        onChange={(e) => onChange({ sort: e.currentTarget.value as OrderFilters['sort'] })}
        data={[
          { value: '-created', label: t('orders.list.sort.newest') },
          { value: 'created', label: t('orders.list.sort.oldest') },
          { value: 'promised', label: t('orders.list.sort.promised') },
        ]}
        data-testid="orders-filter-sort"
      />
    </Group>
  );
}
