import { Button, Center, Group, Loader, Stack, Table, Text, Timeline } from '@mantine/core';
import { IconArchive, IconArrowsSort, IconCheck, IconCopy, IconEdit, IconFileImport, IconGauge, IconMapPin, IconNote, IconPlayerPlay, IconPlus, IconRestore, IconTrash, IconPoint, IconTransfer, IconX } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { QueryError } from '../../../ui/query-error.tsx';
import { useAuditTrail, type AuditEntry } from '../api/audit-api.ts';
import { EVENT_FIELDS, HIDDEN_FIELDS, REFERENCE_FIELDS, auditFieldLabel, auditSubLabel, auditValue, isEmptyValue, narrowChange, referenceChange } from './audit-values.ts';

function actionIcon(action: string): ReactNode {
  if (action.endsWith('added') || action === 'created') return <IconPlus size={12} />;
  if (action.endsWith('archived')) return <IconArchive size={12} />;
  if (action === 'restored') return <IconRestore size={12} />;
  if (action === 'deleted') return <IconTrash size={12} />;
  if (action === 'imported' || action === 'items_imported') return <IconFileImport size={12} />;
  if (action === 'copied') return <IconCopy size={12} />;
  if (action.startsWith('stock_')) return <IconTransfer size={12} />;
  if (action === 'steps_reordered') return <IconArrowsSort size={12} />;
  if (action.endsWith('_removed')) return <IconTrash size={12} />;
  if (action.startsWith('note')) return <IconNote size={12} />;
  if (action.endsWith('updated')) return <IconEdit size={12} />;
  if (action === 'custody_changed') return <IconMapPin size={12} />;
  if (action === 'reading_recorded') return <IconGauge size={12} />;
  if (action === 'done' || action.endsWith('_done')) return <IconCheck size={12} />;
  if (action === 'dismissed' || action.endsWith('_cancelled')) return <IconX size={12} />;
  if (action === 'run_requested') return <IconPlayerPlay size={12} />;
  return <IconPoint size={12} />;
}

function EntryChanges({ entry }: { entry: AuditEntry }) {
  const t = useT();
  const creation =
    entry.action === 'created' ||
    entry.action === 'imported' ||
    entry.action === 'copied' ||
    entry.action === 'items_imported' ||
    entry.action === 'reading_recorded' ||
    entry.action === 'run_requested' ||
    entry.action.endsWith('_added') ||
    entry.action.startsWith('stock_');
  const removal = entry.action.endsWith('_removed');
  const rows = Object.entries(entry.changes)
    .map(([field, c]) => [field, narrowChange(field, c)] as const)
    .filter(
      ([field, c]) =>
        !HIDDEN_FIELDS.has(field) &&
        !(creation && (REFERENCE_FIELDS.has(field) || (field === 'archived' && c.after === false))) &&
        !(isEmptyValue(c.before) && isEmptyValue(c.after)) &&
        !(creation && isEmptyValue(c.after)),
    );
  if (rows.length === 0) return null;
  return (
    <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing="xs" fz="sm" mt={4} data-testid="audit-changes">
      <Table.Tbody>
        {rows.map(([field, c]) => (
          <Table.Tr key={field} data-field={field}>
            <Table.Td c="dimmed" w={1} style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
              {auditFieldLabel(t, field, entry.entity)}:
            </Table.Td>
            <Table.Td style={{ wordBreak: 'break-word' }}>
              {REFERENCE_FIELDS.has(field) ? (
                referenceChange(t, c)
              ) : creation || (EVENT_FIELDS.has(field) && isEmptyValue(c.before)) ? (
                auditValue(t, field, c.after)
              ) : removal && isEmptyValue(c.after) ? (
                <Text span td="line-through" size="sm">
                  {auditValue(t, field, c.before)}
                </Text>
              ) : (
                <>
                  <Text span td="line-through" c="dimmed" size="sm">
                    {auditValue(t, field, c.before)}
                  </Text>
                  {' → '}
                  <Text span fw={500} size="sm">
                    {auditValue(t, field, c.after)}
                  </Text>
                </>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Who did what and when to one record, newest first, with field-level before → after. */
export function AuditTimeline({ entity, id }: { entity: string; id: string }) {
  const t = useT();
  const trail = useAuditTrail(entity, id);
  if (trail.isPending)
    return (
      <Center py="lg">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  if (trail.error) return <QueryError error={trail.error} onRetry={() => void trail.refetch()} />;
  const entries = trail.data.pages.flatMap((p) => p.items);
  if (entries.length === 0)
    return (
      <Text c="dimmed" data-testid="audit-timeline">
        {t('audit.empty')}
      </Text>
    );
  return (
    <Stack data-testid="audit-timeline">
      <Timeline bulletSize={22} lineWidth={2} active={entries.length}>
        {entries.map((e) => {
          const action = t.opt(`audit.actions.${e.action}`) ?? t('audit.unknownAction', { action: e.action });
          const sub = e.subEntity ? (t.opt(`audit.subEntities.${e.subEntity}`) ?? e.subEntity) : null;
          return (
            <Timeline.Item
              key={e.seq}
              bullet={actionIcon(e.action)}
              title={
                <Group gap={6}>
                  <Text fw={600} size="sm" data-testid="audit-action">
                    {action}
                  </Text>
                  {e.subLabel && (
                    <Text size="sm" c="dimmed" data-testid="audit-sub">
                      {sub ? `${sub}: ` : ''}
                      {auditSubLabel(t, e.subEntity, e.subLabel)}
                    </Text>
                  )}
                </Group>
              }
              data-testid="audit-entry"
              data-action={e.action}
            >
              <Text size="xs" c="dimmed">
                {formatDateTime(e.at, t.lang)} · {e.actorLabel}
              </Text>
              <EntryChanges entry={e} />
            </Timeline.Item>
          );
        })}
      </Timeline>
      {trail.hasNextPage && (
        <Button variant="light" onClick={() => void trail.fetchNextPage()} loading={trail.isFetchingNextPage} data-testid="audit-load-more" w="fit-content">
          {t('audit.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
