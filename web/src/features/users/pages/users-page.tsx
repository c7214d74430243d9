import { ActionIcon, Badge, Button, Center, Group, Loader, Paper, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconEdit, IconKey, IconSearch, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { User } from '../../../app/api-types.ts';
import { useCan, useSignedIn } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/page-header.tsx';
import { QueryError } from '../../../ui/query-error.tsx';
import { useResetPassword, useUserList, type UserWithTemporaryPassword } from '../api/users-api.ts';
import { EditUserModal } from '../components/edit-user-modal.tsx';
import { InviteUserModal } from '../components/invite-user-modal.tsx';
import { TemporaryPasswordModal } from '../components/temporary-password-modal.tsx';

export function UsersPage() {
  const t = useT();
  const can = useCan();
  const me = useSignedIn().user;
  const mayManage = can('users:manage');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const list = useUserList(q);
  const reset = useResetPassword();
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [resetError, setResetError] = useState<string | null>(null);
  const [secret, setSecret] = useState<UserWithTemporaryPassword | null>(null);
  const users = list.data?.pages.flatMap((p) => p.items) ?? [];

  const doReset = () =>
    resetting &&
    reset.mutate(resetting.id, {
      onSuccess: (r) => {
        setResetting(null);
        setSecret(r);
      },
      onError: (e) => setResetError(apiErrorText(t, e)),
    });

  return (
    <Stack>
      <PageHeader
        title={t('users.title')}
        actions={
          mayManage && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={() => setInviting(true)} data-testid="user-invite">
              {t('users.invite')}
            </Button>
          )
        }
      />
      <TextInput
        label={t('users.searchLabel')}
        placeholder={t('users.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        maw={400}
        type="search"
        data-testid="user-search"
      />
      {list.error ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : users.length === 0 ? (
        <Text c="dimmed">{t('users.empty')}</Text>
      ) : (
        <Paper withBorder radius="md" p="xs">
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" highlightOnHover data-testid="users-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('users.fields.name')}</Table.Th>
                  <Table.Th>{t('users.fields.email')}</Table.Th>
                  <Table.Th>{t('users.fields.role')}</Table.Th>
                  <Table.Th>{t('users.fields.language')}</Table.Th>
                  <Table.Th>{t('users.fields.status')}</Table.Th>
                  {mayManage && <Table.Th w={90}>{t('common.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.map((u) => (
                  <Table.Tr key={u.id} data-testid="user-row">
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {u.name}
                        {u.id === me.id && (
                          <Text span c="dimmed" size="xs">
                            {' '}
                            ({t('users.you')})
                          </Text>
                        )}
                      </Text>
                    </Table.Td>
                    <Table.Td>{u.email}</Table.Td>
                    <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
                    <Table.Td>{u.language.toUpperCase()}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        <Badge color={u.active ? 'green' : 'gray'} variant="light" size="sm">
                          {u.active ? t('users.status.active') : t('users.status.inactive')}
                        </Badge>
                        {u.mustChangePassword && (
                          <Badge color="yellow" variant="light" size="sm">
                            {t('users.status.mustChange')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    {mayManage && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Tooltip label={t('common.edit')}>
                            <ActionIcon variant="subtle" onClick={() => setEditing(u)} aria-label={t('common.edit')} data-testid="user-edit">
                              <IconEdit size={16} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label={t('users.resetPassword')}>
                            <ActionIcon
                              variant="subtle"
                              color="orange"
                              onClick={() => {
                                setResetError(null);
                                setResetting(u);
                              }}
                              aria-label={t('users.resetPassword')}
                              data-testid="user-reset-password"
                            >
                              <IconKey size={16} />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.hasNextPage && (
            <Group justify="center" p="sm">
              <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="users-load-more">
                {t('common.loadMore')}
              </Button>
            </Group>
          )}
        </Paper>
      )}

      {inviting && (
        <InviteUserModal
          onClose={() => setInviting(false)}
          onInvited={(r) => {
            setInviting(false);
            notifySuccess(t('users.invited', { name: r.user.name }));
            setSecret(r);
          }}
        />
      )}
      {editing && <EditUserModal key={editing.id} user={editing} isSelf={editing.id === me.id} onClose={() => setEditing(null)} />}
      <ConfirmModal
        opened={resetting !== null}
        title={t('users.resetConfirm.title')}
        confirmLabel={t('users.resetPassword')}
        color="orange"
        loading={reset.isPending}
        error={resetError}
        onConfirm={doReset}
        onClose={() => setResetting(null)}
      >
        {t('users.resetConfirm.text', { name: resetting?.name ?? '' })}
      </ConfirmModal>
      {secret && <TemporaryPasswordModal result={secret} onClose={() => setSecret(null)} />}
    </Stack>
  );
}
