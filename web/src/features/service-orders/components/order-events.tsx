import { Anchor, Badge, Button, Center, Group, Loader, Stack, Text, Timeline } from '@mantine/core';
import {
  IconCalendarEvent,
  IconCheck,
  IconFileInvoice,
  IconLink,
  IconPackageExport,
  IconPlus,
  IconPoint,
  IconRoute,
  IconTag,
  IconUserCheck,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, formatDateTime, formatMoney, formatQuantity } from '../../../i18n/format.ts';
import { formatMinutes } from '../../service-paths/components/duration.ts';
import type { Translate } from '../../../i18n/translate.ts';
import { QueryError } from '../../../ui/query-error.tsx';
import type { OrderEvent, OrderStatus } from '../api/order-shapes.ts';
import { useOrderEvents } from '../api/orders-api.ts';
import { phaseLabel, statusName } from './order-text.ts';

const ICONS: Record<string, ReactNode> = {
  created: <IconPlus size={12} />,
  status: <IconTag size={12} />,
  released: <IconPackageExport size={12} />,
  assigned: <IconUserCheck size={12} />,
  promised: <IconCalendarEvent size={12} />,
  path_applied: <IconRoute size={12} />,
  tracking_link_renewed: <IconLink size={12} />,
  step_done: <IconCheck size={12} />,
  invoice_drafted: <IconFileInvoice size={12} />,
};

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

export type EventContext = { statuses: Map<string, OrderStatus>; staffName: (id: string) => string | undefined };

/** The title and the detail lines of one event, in the reader's language. */
export function orderEventText(t: Translate, e: OrderEvent, ctx: EventContext): { title: string; lines: string[]; link?: { to: string; label: string } } {
  const d = e.data;
  const lines: string[] = [];
  const statusText = (id: unknown, phase: unknown) => {
    const s = typeof id === 'string' ? ctx.statuses.get(id) : undefined;
    return s ? statusName(t, s) : phaseLabel(t, str(phase));
  };
  if (str(d.note)) lines.push(t('orders.events.note', { note: str(d.note) }));
  switch (e.kind) {
    case 'created':
      if (str(d.promisedOn)) lines.push(`${t('orders.fields.promisedOn')}: ${formatDate(str(d.promisedOn), t.lang)}`);
      return { title: t('orders.events.kinds.created', { number: str(d.number) }), lines };
    case 'status':
      return {
        title: d.fromStatusId || d.from ? t('orders.events.kinds.status', { from: statusText(d.fromStatusId, d.from), to: statusText(d.toStatusId, d.to) }) : t('orders.events.kinds.statusFirst', { to: statusText(d.toStatusId, d.to) }),
        lines,
      };
    case 'released':
      return { title: t('orders.events.kinds.released', { releasedTo: str(d.releasedTo) }), lines };
    case 'assigned': {
      const id = str(d.technicianId);
      return id ? { title: t('orders.events.kinds.assigned', { name: ctx.staffName(id) ?? '…' }), lines } : { title: t('orders.events.kinds.unassigned'), lines };
    }
    case 'promised':
      return str(d.promisedOn) ? { title: t('orders.events.kinds.promised', { date: formatDate(str(d.promisedOn), t.lang) }), lines } : { title: t('orders.events.kinds.promisedCleared'), lines };
    case 'path_applied': {
      const steps = typeof d.steps === 'number' ? d.steps : 0;
      return { title: t('orders.events.kinds.path_applied', { name: str(d.pathName), steps: t.n('orders.events.stepsCount', steps) }), lines };
    }
    case 'tracking_link_renewed':
      return { title: t('orders.events.kinds.tracking_link_renewed'), lines };
    case 'invoice_drafted':
      return { title: t('orders.events.kinds.invoice_drafted'), lines, ...(str(d.invoiceId) ? { link: { to: `/invoices/${str(d.invoiceId)}`, label: t('orders.events.openInvoice') } } : {}) };
    default: {
      if (str(d.reason)) lines.push(t('orders.events.reason', { reason: str(d.reason) }));
      if (str(d.comment)) lines.push(t('orders.events.comment', { comment: str(d.comment) }));
      if (d.via === 'paper' || d.via === 'link') lines.push(t(d.via === 'paper' ? 'orders.events.viaPaper' : 'orders.events.viaLink'));
      const vars = {
        name: str(d.name),
        vendor: str(d.vendor),
        version: str(d.version),
        quantity: str(d.quantity) ? formatQuantity(str(d.quantity), t.lang) : '',
        minutes: typeof d.minutes === 'number' ? formatMinutes(t, d.minutes) : '',
        outcome: str(d.outcome) ? (t.opt(`orders.rma.outcomes.${str(d.outcome)}`) ?? str(d.outcome)) : '',
        gross: typeof d.grossMinor === 'number' ? formatMoney(d.grossMinor, 'PLN', t.lang) : '',
        fileName: str(d.fileName),
      };
      const known = t.opt(`orders.events.kinds.${e.kind}`, vars);
      return { title: known ?? t('orders.events.kinds.unknown', { kind: e.kind }), lines };
    }
  }
}

/** What happened to the order — intake, statuses, assignment, work, release — newest first. */
export function OrderEvents({ orderId, ctx }: { orderId: string; ctx: EventContext }) {
  const t = useT();
  const events = useOrderEvents(orderId);
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
      <Text c="dimmed" data-testid="order-events">
        {t('orders.events.empty')}
      </Text>
    );
  return (
    <Stack data-testid="order-events">
      <Timeline bulletSize={22} lineWidth={2} active={items.length}>
        {items.map((e) => {
          const { title, lines, link } = orderEventText(t, e, ctx);
          return (
            <Timeline.Item
              key={e.id}
              bullet={ICONS[e.kind] ?? <IconPoint size={12} />}
              title={
                <Group gap="xs">
                  <Text fw={600} size="sm" data-testid="order-event-title">
                    {title}
                  </Text>
                  {e.public && (
                    <Badge size="xs" variant="light" color="teal">
                      {t('orders.events.public')}
                    </Badge>
                  )}
                </Group>
              }
              data-testid="order-event"
              data-kind={e.kind}
            >
              {lines.map((l) => (
                <Text key={l} size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {l}
                </Text>
              ))}
              {link && (
                <Anchor component={Link} to={link.to} size="sm" data-testid="order-event-link">
                  {link.label}
                </Anchor>
              )}
              <Text size="xs" c="dimmed">
                {formatDateTime(e.at, t.lang)} · {e.actorName}
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
      {events.hasNextPage && (
        <Button variant="light" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage} w="fit-content" data-testid="order-events-load-more">
          {t('orders.events.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
