import { ActionIcon, Badge, Button, Group, Paper, Table, Text, Tooltip } from '@mantine/core';
import { IconArchive, IconEdit, IconPlus, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { useSaveSite } from '../api/customers-api.ts';
import type { Site } from '../api/customer-types.ts';
import { SiteModal, siteInputOf } from './site-modal.tsx';

export function SitesSection({ customerId, sites }: { customerId: string; sites: Site[] }) {
  const t = useT();
  const can = useCan();
  const mayWrite = can('customers:write');
  const save = useSaveSite(customerId);
  const [editing, setEditing] = useState<Site | 'new' | null>(null);
  const [archiving, setArchiving] = useState<Site | null>(null);
  const dash = t('common.empty');

  // The whole site goes along: the server's PATCH resets omitted fields to their defaults.
  const setArchived = (s: Site, archived: boolean) =>
    save.mutate(
      { id: s.id, body: { ...siteInputOf(s), archived } },
      {
        onSuccess: () => {
          setArchiving(null);
          notifySuccess(archived ? t('customers.sites.archived') : t('customers.sites.restored'));
        },
        onError: (e) => notifyError(apiErrorText(t, e)),
      },
    );

  return (
    <Paper withBorder radius="md" p="md">
      {mayWrite && (
        <Group justify="flex-end" mb="sm">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="site-add">
            {t('customers.sites.add')}
          </Button>
        </Group>
      )}
      {sites.length === 0 ? (
        <Text c="dimmed" data-testid="sites-empty">
          {t('customers.sites.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="sm" data-testid="sites-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customers.sites.fields.name')}</Table.Th>
                <Table.Th>{t('customers.sites.fields.address')}</Table.Th>
                <Table.Th>{t('customers.sites.fields.notes')}</Table.Th>
                {mayWrite && <Table.Th w={90}>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sites.map((s) => {
                const address = [s.street, [s.postalCode, s.city].filter(Boolean).join(' '), s.country !== 'PL' ? s.country : ''].filter(Boolean).join(', ');
                return (
                  <Table.Tr key={s.id} opacity={s.archived ? 0.55 : 1} data-testid="site-row">
                    <Table.Td>
                      <Group gap="xs">
                        <Text size="sm" fw={500}>
                          {s.name}
                        </Text>
                        {s.archived && (
                          <Badge size="xs" color="gray">
                            {t('common.archived')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>{address || dash}</Table.Td>
                    <Table.Td>{s.notes || dash}</Table.Td>
                    {mayWrite && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Tooltip label={t('common.edit')}>
                            <ActionIcon variant="subtle" onClick={() => setEditing(s)} aria-label={t('common.edit')} data-testid="site-edit">
                              <IconEdit size={16} />
                            </ActionIcon>
                          </Tooltip>
                          {s.archived ? (
                            <Tooltip label={t('common.restore')}>
                              <ActionIcon variant="subtle" onClick={() => setArchived(s, false)} aria-label={t('common.restore')} data-testid="site-restore">
                                <IconRestore size={16} />
                              </ActionIcon>
                            </Tooltip>
                          ) : (
                            <Tooltip label={t('common.archive')}>
                              <ActionIcon variant="subtle" color="orange" onClick={() => setArchiving(s)} aria-label={t('common.archive')} data-testid="site-archive">
                                <IconArchive size={16} />
                              </ActionIcon>
                            </Tooltip>
                          )}
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <SiteModal key={editing === 'new' ? 'new' : editing.id} customerId={customerId} site={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmModal
        opened={archiving !== null}
        title={t('customers.sites.archiveConfirm.title')}
        confirmLabel={t('common.archive')}
        color="orange"
        loading={save.isPending}
        onConfirm={() => archiving && setArchived(archiving, true)}
        onClose={() => setArchiving(null)}
      >
        {t('customers.sites.archiveConfirm.text', { name: archiving?.name ?? '' })}
      </ConfirmModal>
    </Paper>
  );
}
