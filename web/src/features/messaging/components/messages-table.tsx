// The delivery log as a table: newest first, "more" paging, failed rows tinted with their error and a
// "send again" button, details (text, provider id, event, segments) per row. Used by the log page and
// embeddable for one record (e.g. a service order): <MessagesTable filters={{ …, relatedType, relatedId }} />.
import { ActionIcon, Badge, Button, Code, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconMail, IconMessage, IconRefresh, IconSend } from '@tabler/icons-react';
import { Fragment, useState, type ReactNode } from 'react';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { DetailItem } from '../../../ui/detail-item.tsx';
import { ListFrame } from '../../../ui/list-frame.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { formatWarsaw } from '../../jobs/components/job-format.ts';
import { useMessages, useRetryMessage, type Message, type MessageFilters } from '../api/messaging-api.ts';
import { formatRecipient, messagingErrorText, STATUS_COLORS } from './messaging-text.ts';

const COLUMNS = 7;

export function MessageStatusBadge({ status }: { status: Message['status'] }) {
  const t = useT();
  return (
    <Badge color={STATUS_COLORS[status]} variant={status === 'failed' ? 'filled' : 'light'} data-testid="message-status" data-status={status}>
      {t(`messaging.statuses.${status}`)}
    </Badge>
  );
}

type Props = {
  filters: MessageFilters;
  narrowed: boolean;
  emptyActions?: ReactNode;
  /** What "nothing here" says when the table belongs to one record (an order's messages). */
  empty?: { title: string; text: string };
};

export function MessagesTable({ filters, narrowed, emptyActions, empty }: Props) {
  const t = useT();
  const can = useCan();
  const mayRetry = can('messaging:configure');
  const messages = useMessages(filters);
  const retry = useRetryMessage();
  const [confirm, setConfirm] = useState<Message | null>(null);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const items = messages.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <ListFrame
        query={messages}
        testId="messages"
        empty={{
          icon: <IconSend size={28} />,
          title: empty?.title ?? (narrowed ? t('messaging.log.emptyFilteredTitle') : t('messaging.log.emptyTitle')),
          text: empty?.text ?? (narrowed ? t('messaging.log.emptyFilteredText') : t('messaging.log.emptyText')),
          actions: narrowed && emptyActions,
        }}
      >
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs" data-testid="messages-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={36} />
                <Table.Th>{t('messaging.log.queuedAt')}</Table.Th>
                <Table.Th>{t('messaging.log.to')}</Table.Th>
                <Table.Th>{t('messaging.log.content')}</Table.Th>
                <Table.Th style={{ minWidth: 110 }}>{t('messaging.log.status')}</Table.Th>
                <Table.Th>{t('messaging.log.attempts')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => {
                const expanded = open.has(m.id);
                const bg = m.status === 'failed' ? 'var(--mantine-color-red-light)' : undefined;
                return (
                  <Fragment key={m.id}>
                    <Table.Tr bg={bg} data-testid="message-row" data-status={m.status} style={{ cursor: 'pointer' }} onClick={() => toggle(m.id)}>
                      <Table.Td>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          size="sm"
                          aria-label={expanded ? t('messaging.log.hideDetails') : t('messaging.log.details')}
                          aria-expanded={expanded}
                          onClick={(e) => {
                            e.stopPropagation();
                            toggle(m.id);
                          }}
                        >
                          {expanded ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                        </ActionIcon>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm">{formatWarsaw(m.queuedAt, t.lang, { seconds: false })}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          {m.channel === 'email' ? <IconMail size={16} aria-label={t('messaging.channels.email')} /> : <IconMessage size={16} aria-label={t('messaging.channels.sms')} />}
                          <Text size="sm" style={m.channel === 'sms' ? { whiteSpace: 'nowrap' } : { wordBreak: 'break-all' }}>
                            {formatRecipient(m.to)}
                          </Text>
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={m.channel === 'email' ? 500 : undefined} lineClamp={1} maw={380}>
                          {m.channel === 'email' ? m.subject : m.body}
                        </Text>
                        {m.status === 'failed' && m.lastError && !expanded && (
                          <Text size="xs" c="red.8" lineClamp={2} maw={380} data-testid="message-error">
                            {m.lastError}
                          </Text>
                        )}
                        {m.status === 'queued' && m.lastError && (
                          <Text size="xs" c="orange.8" lineClamp={1} maw={380}>
                            {m.lastError}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <MessageStatusBadge status={m.status} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{m.attempts}</Text>
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {m.status === 'failed' && mayRetry && (
                          <Button
                            size="xs"
                            variant="white"
                            color="red"
                            leftSection={<IconRefresh size={14} />}
                            onClick={(e) => {
                              e.stopPropagation();
                              retry.reset();
                              setConfirm(m);
                            }}
                            data-testid="message-retry"
                          >
                            {t('messaging.log.retry')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                    {expanded && (
                      <Table.Tr bg={bg} data-testid="message-details">
                        <Table.Td />
                        <Table.Td colSpan={COLUMNS - 1}>
                          <MessageDetails message={m} />
                        </Table.Td>
                      </Table.Tr>
                    )}
                  </Fragment>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ListFrame>
      <ConfirmModal
        opened={confirm !== null}
        title={t('messaging.log.retryTitle')}
        confirmLabel={t('messaging.log.retry')}
        color="blue"
        loading={retry.isPending}
        error={retry.error ? messagingErrorText(t, retry.error) : null}
        onClose={() => setConfirm(null)}
        onConfirm={() =>
          confirm &&
          retry.mutate(confirm.id, {
            onSuccess: () => {
              setConfirm(null);
              notifySuccess(t('messaging.log.retried'));
            },
          })
        }
      >
        {confirm ? t('messaging.log.retryText', { to: formatRecipient(confirm.to) }) : ''}
      </ConfirmModal>
    </>
  );
}

function MessageDetails({ message: m }: { message: Message }) {
  const t = useT();
  return (
    <Stack gap="sm" py="xs">
      {m.lastError && (
        <DetailItem label={t('messaging.log.error')}>
          <Text size="sm" c={m.status === 'failed' ? 'red.8' : 'orange.8'} fw={500} style={{ wordBreak: 'break-word' }}>
            {m.lastError}
          </Text>
        </DetailItem>
      )}
      {m.channel === 'email' && (
        <DetailItem label={t('messaging.log.subject')}>
          <Text size="sm">{m.subject}</Text>
        </DetailItem>
      )}
      <DetailItem label={t('messaging.log.body')}>
        <Code block style={{ whiteSpace: 'pre-wrap', maxHeight: 260, overflow: 'auto' }}>
          {m.body}
        </Code>
      </DetailItem>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DetailItem label={t('messaging.log.sentAt')}>
          <Text size="sm">{formatWarsaw(m.sentAt, t.lang)}</Text>
        </DetailItem>
        {m.sms && (
          <DetailItem label={t('messaging.channels.sms')}>
            <Text size="sm">{t('messaging.log.sms', { segments: m.sms.segments, encoding: m.sms.encoding, characters: m.sms.characters })}</Text>
          </DetailItem>
        )}
        {m.providerMessageId && (
          <DetailItem label={t('messaging.log.providerId')}>
            <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
              {m.providerMessageId}
            </Text>
          </DetailItem>
        )}
        <DetailItem label={t('messaging.log.eventKey')}>
          <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
            {m.eventKey}
          </Text>
        </DetailItem>
      </SimpleGrid>
    </Stack>
  );
}
