import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import { MESSAGE_FILTER_DEFAULTS, type MessageFilters } from '../../messaging/api/messaging-api.ts';
import { MessagesTable } from '../../messaging/components/messages-table.tsx';
import type { Order } from '../api/order-shapes.ts';
import { channelLabel } from './order-text.ts';

/**
 * The emails and SMS sent to the customer about this order, with their delivery state
 * (GET /api/v1/messages?relatedType=service_order&relatedId=…; messaging:read — the page shows the
 * tab only to those who have it).
 */
export function OrderMessages({ order }: { order: Order }) {
  const t = useT();
  const filters: MessageFilters = { ...MESSAGE_FILTER_DEFAULTS, relatedType: 'service_order', relatedId: order.id };
  const notify = order.notifyChannel === 'none' || !order.notifyTo ? t('orders.messages.noNotify') : t('orders.messages.notifyTo', { channel: channelLabel(t, order.notifyChannel), to: order.notifyTo });
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={4}>{t('orders.messages.title')}</Title>
          <Text size="sm" c="dimmed" data-testid="order-messages-notify">
            {notify}
          </Text>
        </Stack>
        <Anchor component={Link} to={`/settings/messages?relatedType=service_order&relatedId=${order.id}`} size="sm" data-testid="order-messages-log">
          {t('orders.messages.openLog')}
        </Anchor>
      </Group>
      <MessagesTable filters={filters} narrowed={false} empty={{ title: t('orders.messages.emptyTitle'), text: t('orders.messages.emptyText') }} />
    </Stack>
  );
}
