import { ActionIcon, Badge, Button, Group, Paper, Table, Text, Tooltip } from '@mantine/core';
import { IconArchive, IconCheck, IconEdit, IconPlus, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { useSaveContact } from '../api/customers-api.ts';
import type { Contact } from '../api/customer-types.ts';
import { ContactModal, contactInputOf } from './contact-modal.tsx';

export function ContactsSection({ customerId, contacts }: { customerId: string; contacts: Contact[] }) {
  const t = useT();
  const can = useCan();
  const mayWrite = can('customers:write');
  const save = useSaveContact(customerId);
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [archiving, setArchiving] = useState<Contact | null>(null);
  const dash = t('common.empty');

  // The whole contact goes along: the server's PATCH resets omitted fields to their defaults.
  const setArchived = (c: Contact, archived: boolean) =>
    save.mutate(
      { id: c.id, body: { ...contactInputOf(c), archived } },
      {
        onSuccess: () => {
          setArchiving(null);
          notifySuccess(archived ? t('customers.contacts.archived') : t('customers.contacts.restored'));
        },
        onError: (e) => notifyError(apiErrorText(t, e)),
      },
    );

  return (
    <Paper withBorder radius="md" p="md">
      {mayWrite && (
        <Group justify="flex-end" mb="sm">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="contact-add">
            {t('customers.contacts.add')}
          </Button>
        </Group>
      )}
      {contacts.length === 0 ? (
        <Text c="dimmed" data-testid="contacts-empty">
          {t('customers.contacts.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table verticalSpacing="sm" data-testid="contacts-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('customers.contacts.fields.name')}</Table.Th>
                <Table.Th>{t('customers.contacts.fields.role')}</Table.Th>
                <Table.Th>{t('customers.contacts.fields.email')}</Table.Th>
                <Table.Th>{t('customers.contacts.fields.phone')}</Table.Th>
                <Table.Th>{t('customers.contacts.fields.language')}</Table.Th>
                <Table.Th>{t('customers.contacts.fields.portal')}</Table.Th>
                {mayWrite && <Table.Th w={90}>{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contacts.map((c) => (
                <Table.Tr key={c.id} opacity={c.archived ? 0.55 : 1} data-testid="contact-row">
                  <Table.Td>
                    <Group gap="xs">
                      <Text size="sm" fw={500}>
                        {c.name}
                      </Text>
                      {c.archived && (
                        <Badge size="xs" color="gray">
                          {t('common.archived')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{c.role || dash}</Table.Td>
                  <Table.Td>{c.email || dash}</Table.Td>
                  <Table.Td>{c.phone || dash}</Table.Td>
                  <Table.Td>{c.language.toUpperCase()}</Table.Td>
                  <Table.Td>{c.portalAccess ? <IconCheck size={16} aria-label={t('common.yes')} /> : dash}</Table.Td>
                  {mayWrite && (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Tooltip label={t('common.edit')}>
                          <ActionIcon variant="subtle" onClick={() => setEditing(c)} aria-label={t('common.edit')} data-testid="contact-edit">
                            <IconEdit size={16} />
                          </ActionIcon>
                        </Tooltip>
                        {c.archived ? (
                          <Tooltip label={t('common.restore')}>
                            <ActionIcon variant="subtle" onClick={() => setArchived(c, false)} aria-label={t('common.restore')} data-testid="contact-restore">
                              <IconRestore size={16} />
                            </ActionIcon>
                          </Tooltip>
                        ) : (
                          <Tooltip label={t('common.archive')}>
                            <ActionIcon variant="subtle" color="orange" onClick={() => setArchiving(c)} aria-label={t('common.archive')} data-testid="contact-archive">
                              <IconArchive size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <ContactModal key={editing === 'new' ? 'new' : editing.id} customerId={customerId} contact={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      <ConfirmModal
        opened={archiving !== null}
        title={t('customers.contacts.archiveConfirm.title')}
        confirmLabel={t('common.archive')}
        color="orange"
        loading={save.isPending}
        onConfirm={() => archiving && setArchived(archiving, true)}
        onClose={() => setArchiving(null)}
      >
        {t('customers.contacts.archiveConfirm.text', { name: archiving?.name ?? '' })}
      </ConfirmModal>
    </Paper>
  );
}
