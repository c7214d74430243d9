import { Button, Center, EmptyState, Group, Loader, Paper, Text } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n-context.tsx';
import { QueryError } from './query-error.tsx';

type Props = {
  query: UseInfiniteQueryResult<InfiniteData<{ items: unknown[] }>, Error>;
  /** data-testid prefix: `<prefix>-empty`, `<prefix>-count`, `<prefix>-load-more`. */
  testId: string;
  empty: { icon: ReactNode; title: string; text: string; actions?: ReactNode };
  children: ReactNode;
};

/** A keyset list's frame: loader, error with retry, empty state, the table, "shown N" and "load more". */
export function ListFrame({ query, testId, empty, children }: Props) {
  const t = useT();
  if (query.error) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending)
    return (
      <Center py="xl">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  const count = query.data.pages.reduce((n, p) => n + p.items.length, 0);
  if (count === 0)
    return (
      <Paper withBorder p="xl" radius="md" data-testid={`${testId}-empty`}>
        <EmptyState icon={empty.icon} title={empty.title} description={empty.text}>
          {empty.actions && (
            <Group justify="center" mt="md">
              {empty.actions}
            </Group>
          )}
        </EmptyState>
      </Paper>
    );
  return (
    <Paper withBorder radius="md" p="xs" style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
      {children}
      <Group justify="space-between" p="sm">
        <Text size="sm" c="dimmed" data-testid={`${testId}-count`}>
          {t.n('catalogue.list.shown', count)}
        </Text>
        {query.hasNextPage && (
          <Button variant="light" onClick={() => void query.fetchNextPage()} loading={query.isFetchingNextPage} data-testid={`${testId}-load-more`}>
            {t('common.loadMore')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
