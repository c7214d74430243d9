import { Button, Center, Loader, Stack, Text, Timeline } from '@mantine/core';
import {
  IconArchive,
  IconCalendarCheck,
  IconCalendarDue,
  IconCalendarPlus,
  IconCalendarX,
  IconClipboardList,
  IconEdit,
  IconFilePlus,
  IconFileX,
  IconGauge,
  IconPackageExport,
  IconPlus,
  IconPoint,
  IconRestore,
  IconTruckDelivery,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, formatDateTime } from '../../../i18n/format.ts';
import type { Translate } from '../../../i18n/translate.ts';
import { QueryError } from '../../../ui/query-error.tsx';
import type { AssetEvent } from '../api/asset-shapes.ts';
import { useAssetEvents } from '../api/assets-api.ts';
import { custodyLabel, kindLabel, meterText } from './asset-text.ts';

const ICONS: Record<string, ReactNode> = {
  created: <IconPlus size={12} />,
  updated: <IconEdit size={12} />,
  custody: <IconTruckDelivery size={12} />,
  reading: <IconGauge size={12} />,
  document_added: <IconFilePlus size={12} />,
  document_removed: <IconFileX size={12} />,
  service_date_added: <IconCalendarPlus size={12} />,
  service_date_done: <IconCalendarCheck size={12} />,
  service_date_cancelled: <IconCalendarX size={12} />,
  service_date_due: <IconCalendarDue size={12} />,
  archived: <IconArchive size={12} />,
  restored: <IconRestore size={12} />,
  order_created: <IconClipboardList size={12} />,
  order_released: <IconPackageExport size={12} />,
};

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** The title and the detail lines of one event, in the reader's language. */
export function eventText(t: Translate, e: AssetEvent, meterUnit: string | null): { title: string; lines: string[] } {
  const d = e.data;
  const lines: string[] = [];
  const kind = () => kindLabel(t, { kindCode: typeof d.kindCode === 'string' ? d.kindCode : null, kindName: str(d.kindName) });
  switch (e.kind) {
    case 'custody':
      if (str(d.reason)) lines.push(t('assets.events.reason', { reason: str(d.reason) }));
      return { title: t('assets.events.kinds.custody', { from: custodyLabel(t, str(d.from)), to: custodyLabel(t, str(d.to)) }), lines };
    case 'reading': {
      const value = meterText(str(d.value), str(d.unit) || meterUnit, t.lang);
      if (str(d.readOn)) lines.push(t('assets.events.readOn', { date: formatDate(str(d.readOn), t.lang) }));
      return { title: d.replacement === true ? t('assets.events.kinds.readingReplacement', { value }) : t('assets.events.kinds.reading', { value }), lines };
    }
    case 'document_added':
    case 'document_removed':
      return { title: t(`assets.events.kinds.${e.kind}`, { fileName: str(d.fileName) }), lines };
    case 'service_date_added':
    case 'service_date_done':
    case 'service_date_cancelled':
    case 'service_date_due':
      if (str(d.nextDueOn)) lines.push(t('assets.events.next', { date: formatDate(str(d.nextDueOn), t.lang) }));
      return { title: t(`assets.events.kinds.${e.kind}`, { kind: kind(), date: formatDate(str(d.dueOn), t.lang) }), lines };
    case 'updated': {
      const fields = Array.isArray(d.fields) ? d.fields.filter((f): f is string => typeof f === 'string') : [];
      if ('position' in d && str(d.position)) lines.push(t('assets.events.moved', { position: str(d.position) }));
      if (fields.length) lines.push(t('assets.events.changed', { fields: fields.map((f) => t.opt(`assets.fields.${f}`) ?? f).join(', ') }));
      return { title: t('assets.events.kinds.updated'), lines };
    }
    case 'order_created':
      return { title: t('assets.events.kinds.order_created', { order: str(d.orderNumber) }), lines };
    case 'order_released':
      if (str(d.releasedTo)) lines.push(t('assets.events.releasedTo', { name: str(d.releasedTo) }));
      return { title: t('assets.events.kinds.order_released', { order: str(d.orderNumber) }), lines };
    case 'created':
    case 'archived':
    case 'restored':
      return { title: t(`assets.events.kinds.${e.kind}`), lines };
    default:
      return { title: t('assets.events.kinds.unknown', { kind: e.kind }), lines };
  }
}

/** What happened to the asset — custody, readings, documents, service dates — newest first. */
export function AssetEvents({ assetId, meterUnit }: { assetId: string; meterUnit: string | null }) {
  const t = useT();
  const events = useAssetEvents(assetId);
  if (events.isPending)
    return (
      <Center py="lg">
        <Loader aria-label={t('app.loading')} />
      </Center>
    );
  if (events.error) return <QueryError error={events.error} onRetry={() => void events.refetch()} />;
  const items = events.data.pages.flatMap((p) => p.items);
  if (items.length === 0)
    return (
      <Text c="dimmed" data-testid="asset-events">
        {t('assets.events.empty')}
      </Text>
    );
  return (
    <Stack data-testid="asset-events">
      <Timeline bulletSize={22} lineWidth={2} active={items.length}>
        {items.map((e) => {
          const { title, lines } = eventText(t, e, meterUnit);
          return (
            <Timeline.Item
              key={e.id}
              bullet={ICONS[e.kind] ?? <IconPoint size={12} />}
              title={
                <Text fw={600} size="sm" data-testid="asset-event-title">
                  {title}
                </Text>
              }
              data-testid="asset-event"
              data-kind={e.kind}
            >
              {lines.map((l) => (
                <Text key={l} size="sm">
                  {l}
                </Text>
              ))}
              <Text size="xs" c="dimmed">
                {formatDateTime(e.at, t.lang)} · {e.actorName}
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
      {events.hasNextPage && (
        <Button variant="light" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage} w="fit-content" data-testid="asset-events-load-more">
          {t('assets.events.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
