import { Alert, Button, Group, Text } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import { countText, useTaskSummary } from '../api/inbox-api.ts';

/** Above the guide while setup is unfinished: the open tasks are one click away. */
export function InboxTeaser() {
  const t = useT();
  const summary = useTaskSummary();
  const s = summary.data;
  if (!s || s.open === 0) return null;
  return (
    <Alert color={s.overdue > 0 ? 'red' : 'blue'} variant="light" icon={<IconInbox size={18} />} mb="md" data-testid="inbox-teaser">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text size="sm">
          {t.n('inbox.teaser.open', s.open, { count: countText(s.open, s.cap) })}
          {s.overdue > 0 && ` — ${t('inbox.teaser.overdue', { count: countText(s.overdue, s.cap) })}`}
        </Text>
        <Button component={Link} to="/inbox" size="xs" variant="light" data-testid="inbox-teaser-open">
          {t('inbox.teaser.action')}
        </Button>
      </Group>
    </Alert>
  );
}
