import { Button, Center, EmptyState, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileImport, IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { useLanguage, useT } from '../../../i18n/i18n-context.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { QueryError } from '../../../ui/query-error.tsx';
import { exportUrl, useCustomerList } from '../api/customers-api.ts';
import { DEFAULT_FILTERS, hasActiveFilters, useCustomerFilters } from '../api/use-customer-filters.ts';
import { CustomerFilters } from '../components/customer-filters.tsx';
import { CustomersTable } from '../components/customers-table.tsx';

export function CustomersListPage() {
  const t = useT();
  const { language } = useLanguage();
  const can = useCan();
  const [filters, setFilters] = useCustomerFilters();
  const [resetToken, setResetToken] = useState(0);
  const list = useCustomerList(filters);
  const customers = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = hasActiveFilters(filters);

  const clear = () => {
    setFilters({ ...DEFAULT_FILTERS });
    setResetToken((n) => n + 1);
  };

  const actions = (
    <>
      {can('customers:import') && (
        <Button component={Link} to="/customers/import" variant="default" leftSection={<IconFileImport size={16} />} data-testid="customers-import">
          {t('customers.list.import')}
        </Button>
      )}
      {can('customers:export') && (
        <>
          <Button component="a" href={exportUrl(filters, 'csv', language)} download variant="default" leftSection={<IconDownload size={16} />} data-testid="customers-export-csv">
            {t('customers.list.exportCsv')}
          </Button>
          <Button component="a" href={exportUrl(filters, 'xlsx', language)} download variant="default" leftSection={<IconDownload size={16} />} data-testid="customers-export-xlsx">
            {t('customers.list.exportXlsx')}
          </Button>
        </>
      )}
      {can('customers:write') && (
        <Button component={Link} to="/customers/new" leftSection={<IconPlus size={16} />} data-testid="customer-new">
          {t('customers.list.newCustomer')}
        </Button>
      )}
    </>
  );

  return (
    <Stack>
      <PageHeader title={t('customers.list.title')} actions={actions} />
      <CustomerFilters filters={filters} onChange={setFilters} resetToken={resetToken} />
      {list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : customers.length === 0 ? (
        <Paper withBorder p="xl" radius="md" data-testid="customers-empty">
          <EmptyState
            icon={<IconUsersGroup size={28} />}
            title={filtered ? t('customers.list.empty.filteredTitle') : t('customers.list.empty.title')}
            description={filtered ? t('customers.list.empty.filteredText') : t('customers.list.empty.text')}
          >
            <Group justify="center" mt="md">
              {filtered ? (
                <Button variant="default" onClick={clear} data-testid="customers-clear-filters">
                  {t('customers.list.empty.clearFilters')}
                </Button>
              ) : (
                <>
                  {can('customers:write') && (
                    <Button component={Link} to="/customers/new" leftSection={<IconPlus size={16} />}>
                      {t('customers.list.newCustomer')}
                    </Button>
                  )}
                  {can('customers:import') && (
                    <Button component={Link} to="/customers/import" variant="default" leftSection={<IconFileImport size={16} />}>
                      {t('customers.list.import')}
                    </Button>
                  )}
                </>
              )}
            </Group>
          </EmptyState>
        </Paper>
      ) : (
        <Paper withBorder radius="md" p="xs" style={{ opacity: list.isPlaceholderData ? 0.6 : 1 }}>
          <CustomersTable customers={customers} />
          <Group justify="space-between" p="sm">
            <Text size="sm" c="dimmed" data-testid="customers-count">
              {t.n('customers.list.shown', customers.length)}
            </Text>
            {list.hasNextPage && (
              <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="customers-load-more">
                {t('common.loadMore')}
              </Button>
            )}
          </Group>
        </Paper>
      )}
    </Stack>
  );
}
