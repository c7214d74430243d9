// One framed part of the invoice page (data, lines, corrections, payments, KSeF, and their forms):
// a titled <section> — or a <form> when it submits — labelled by its title.
import { Group, Paper, Stack, Text, Title, type MantineSpacing } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';

type Props = {
  /** The title's element id (the section is labelled by it). */
  id: string;
  title: ReactNode;
  /** A line under the title. */
  intro?: ReactNode;
  /** Buttons on the title's line. */
  actions?: ReactNode;
  testId?: string;
  gap?: MantineSpacing;
  /** Makes the section a form (sub-forms get a smaller title). */
  onSubmit?: (e: FormEvent) => void;
  children: ReactNode;
};

export function InvoiceSection({ id, title, intro, actions, testId, gap = 'sm', onSubmit, children }: Props) {
  const heading = (
    <Title order={onSubmit ? 5 : 4} id={id}>
      {title}
    </Title>
  );
  const head = intro ? (
    <Stack gap={2}>
      {heading}
      <Text size="sm" c="dimmed">
        {intro}
      </Text>
    </Stack>
  ) : (
    heading
  );
  const body = (
    <Stack gap={gap}>
      {actions ? (
        <Group justify="space-between">
          {head}
          {actions}
        </Group>
      ) : (
        head
      )}
      {children}
    </Stack>
  );
  return onSubmit ? (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={onSubmit} noValidate aria-labelledby={id} data-testid={testId}>
      {body}
    </Paper>
  ) : (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={id} data-testid={testId}>
      {body}
    </Paper>
  );
}
