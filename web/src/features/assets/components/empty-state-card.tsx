import { EmptyState, Group, Paper } from '@mantine/core';
import type { ReactNode } from 'react';

/** An empty list outside ListFrame: icon, title, text and what to do next. */
export function EmptyStateCard({ icon, title, text, actions, testId }: { icon: ReactNode; title: string; text: string; actions?: ReactNode; testId: string }) {
  return (
    <Paper withBorder p="xl" radius="md" data-testid={testId}>
      <EmptyState icon={icon} title={title} description={text}>
        {actions && (
          <Group justify="center" mt="md">
            {actions}
          </Group>
        )}
      </EmptyState>
    </Paper>
  );
}
