import { Button, Center, Group, Loader, Stack, Table, Text, Timeline } from '@mantine/core';
import {
  IconArchive,
  IconArrowRight,
  IconArrowsSort,
  IconCash,
  IconCheck,
  IconCloudUpload,
  IconCopy,
  IconEdit,
  IconFileCheck,
  IconFileDollar,
  IconFileImport,
  IconFilePencil,
  IconGauge,
  IconLink,
  IconMapPin,
  IconMessage,
  IconNote,
  IconPackage,
  IconPackageExport,
  IconPlayerPlay,
  IconPlus,
  IconRestore,
  IconRoute,
  IconSend,
  IconTrash,
  IconPoint,
  IconTransfer,
  IconTruckDelivery,
  IconX,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { QueryError } from '../../../ui/query-error.tsx';
import { useAuditTrail, type AuditEntry } from '../api/audit-api.ts';
import {
  EVENT_FIELDS,
  HIDDEN_FIELDS,
  REFERENCE_FIELDS,
  auditFieldLabel,
  auditSubLabel,
  auditValue,
  isCreationDefault,
  isEmptyValue,
  isTechnicalId,
  namedChange,
  narrowChange,
  referenceChange,
  type AuditNames,
} from './audit-values.ts';

function actionIcon(action: string): ReactNode {
  if (action === 'status_changed') return <IconArrowRight size={12} />;
  if (action === 'issued') return <IconFileCheck size={12} />;
  if (action === 'sent') return <IconSend size={12} />;
  if (action === 'cancelled') return <IconX size={12} />;
  if (action === 'corrected' || action === 'correction_started') return <IconFilePencil size={12} />;
  if (action === 'payment_recorded') return <IconCash size={12} />;
  if (action === 'ksef_recorded') return <IconCloudUpload size={12} />;
  if (action === 'released') return <IconPackageExport size={12} />;
  if (action === 'path_applied') return <IconRoute size={12} />;
  if (action.startsWith('estimate_') && action !== 'estimate_withdrawn') return <IconFileDollar size={12} />;
  if (action.startsWith('rma_')) return <IconTruckDelivery size={12} />;
  if (action === 'part_issued') return <IconPackage size={12} />;
  if (action.startsWith('tracking_link_')) return <IconLink size={12} />;
  if (action.startsWith('template_')) return <IconMessage size={12} />;
  if (action === 'reordered') return <IconArrowsSort size={12} />;
  if (action === 'step_started') return <IconPlayerPlay size={12} />;
  if (action === 'step_skipped' || action === 'estimate_withdrawn') return <IconX size={12} />;
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

/** Actions that bring something into being: only the new values are shown. */
const CREATION_ACTIONS = new Set(['created', 'imported', 'copied', 'items_imported', 'reading_recorded', 'run_requested', 'part_issued', 'rma_sent', 'estimate_created', 'path_applied']);

function EntryChanges({ entry, names }: { entry: AuditEntry; names?: AuditNames | undefined }) {
  const t = useT();
  const ctx = { entity: entry.entity, subEntity: entry.subEntity };
  const creation =
    CREATION_ACTIONS.has(entry.action) ||
    entry.action.endsWith('_added') ||
    entry.action.startsWith('stock_');
  const removal = entry.action.endsWith('_removed') || entry.action === 'template_reset';
  const rows = Object.entries(entry.changes)
    .map(([field, c]) => {
      const named = namedChange(names, field, c);
      return [field, named ?? narrowChange(field, c), named !== null] as const;
    })
    .filter(
      ([field, c, named]) =>
        !HIDDEN_FIELDS.has(field) &&
        (named || REFERENCE_FIELDS.has(field) || !(isTechnicalId(c.before) || isTechnicalId(c.after))) &&
        !(creation && ((REFERENCE_FIELDS.has(field) && !named) || (field === 'archived' && c.after === false) || isCreationDefault(entry.entity, field, c.after))) &&
        !(isEmptyValue(c.before) && isEmptyValue(c.after)) &&
        !(creation && isEmptyValue(c.after)),
    );
  if (rows.length === 0) return null;
  return (
    <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing="xs" fz="sm" mt={4} data-testid="audit-changes">
      <Table.Tbody>
        {rows.map(([field, c, named]) => (
          <Table.Tr key={field} data-field={field}>
            <Table.Td c="dimmed" w={1} style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
              {auditFieldLabel(t, field, entry.entity)}:
            </Table.Td>
            <Table.Td style={{ wordBreak: 'break-word' }}>
              {REFERENCE_FIELDS.has(field) && !named ? (
                referenceChange(t, c)
              ) : creation || (EVENT_FIELDS.has(field) && isEmptyValue(c.before)) ? (
                auditValue(t, field, c.after, ctx)
              ) : removal && isEmptyValue(c.after) ? (
                <Text span td="line-through" size="sm">
                  {auditValue(t, field, c.before, ctx)}
                </Text>
              ) : (
                <>
                  <Text span td="line-through" c="dimmed" size="sm">
                    {auditValue(t, field, c.before, ctx)}
                  </Text>
                  {' → '}
                  <Text span fw={500} size="sm">
                    {auditValue(t, field, c.after, ctx)}
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

/**
 * Who did what and when to one record, newest first, with field-level before → after. `names` turns
 * ids the page can resolve (a status, a colleague) into names; other ids are left out.
 */
export function AuditTimeline({ entity, id, names }: { entity: string; id: string; names?: AuditNames }) {
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
          const sub = e.subEntity ? (t.opt(`audit.actionSubEntities.${e.action}`) ?? t.opt(`audit.subEntities.${e.subEntity}`) ?? e.subEntity) : null;
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
              <EntryChanges entry={e} names={names} />
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
