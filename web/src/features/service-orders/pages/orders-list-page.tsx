import { Stack } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { OrderList } from '../components/order-list.tsx';

export function OrdersListPage() {
  const t = useT();
  return (
    <Stack>
      <OrderList headerActions={(actions) => <PageHeader title={t('orders.list.title')} subtitle={t('orders.list.intro')} actions={actions} />} />
    </Stack>
  );
}
