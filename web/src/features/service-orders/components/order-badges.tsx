import { Badge, Text, Tooltip } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { OrderStatus } from '../api/order-shapes.ts';
import { PRIORITY_COLORS, phaseLabel, priorityLabel, statusName } from './order-text.ts';

/** The status in its colour and the reader's language; the phase in the tooltip. */
export function StatusBadge({ status, phase, size = 'sm' }: { status: OrderStatus | undefined; phase: string; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const t = useT();
  const label = status ? statusName(t, status) : phaseLabel(t, phase);
  return (
    <Tooltip label={`${t('orders.fields.phase')}: ${phaseLabel(t, phase)}`} openDelay={300}>
      <Badge color={status?.color ?? 'gray'} variant="light" size={size} style={{ whiteSpace: 'nowrap', flexShrink: 0, overflow: 'visible' }} styles={{ label: { overflow: 'visible' } }} data-testid="order-status-badge" data-phase={phase}>
        {label}
      </Badge>
    </Tooltip>
  );
}

/** High and urgent stand out; normal and low read as plain text. */
export function PriorityBadge({ priority, size = 'sm' }: { priority: string; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const t = useT();
  if (priority === 'normal' || priority === 'low')
    return (
      <Text size="sm" c={priority === 'low' ? 'dimmed' : undefined} data-testid="order-priority" data-priority={priority}>
        {priorityLabel(t, priority)}
      </Text>
    );
  return (
    <Badge color={PRIORITY_COLORS[priority] ?? 'gray'} variant={priority === 'urgent' ? 'filled' : 'light'} size={size} data-testid="order-priority" data-priority={priority}>
      {priorityLabel(t, priority)}
    </Badge>
  );
}
