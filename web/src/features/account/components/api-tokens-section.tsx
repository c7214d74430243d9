import { Badge, Button, Group, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { QueryError } from '../../../ui/query-error.tsx';
import { SecretBox } from '../../../ui/secret-box.tsx';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useApiTokens, useCreateApiToken, useRevokeApiToken, type ApiToken, type CreatedApiToken } from '../api/api-tokens-api.ts';

export function ApiTokensSection() {
  const t = useT();
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const revoke = useRevokeApiToken();
  const form = useFormState({ name: '' });
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.values.name.trim()) return form.setErrors({ name: t('common.required') });
    create.mutate(form.values.name, {
      onSuccess: (r) => {
        form.reset({ name: '' });
        setCreated(r);
        notifySuccess(t('account.tokens.created'));
      },
      onError: (error) => form.applyApiError(error, t),
    });
  };

  const doRevoke = () =>
    revoking &&
    revoke.mutate(revoking.id, {
      onSuccess: () => {
        setRevoking(null);
        notifySuccess(t('account.tokens.revokedDone'));
      },
      onError: (e) => setRevokeError(apiErrorText(t, e)),
    });

  return (
    <Paper withBorder p="lg" radius="md" data-testid="api-tokens">
      <Stack>
        <div>
          <Title order={4}>{t('account.tokens.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('account.tokens.intro')}
          </Text>
        </div>
        <form onSubmit={submit} noValidate>
          <Group align="flex-start">
            <TextInput
              label={t('account.tokens.name')}
              placeholder={t('account.tokens.namePlaceholder')}
              style={{ flex: '1 1 260px' }}
              data-testid="api-token-name"
              {...form.text('name')}
            />
            <Button type="submit" mt={25} loading={create.isPending} leftSection={<IconKey size={16} />} data-testid="api-token-create">
              {t('account.tokens.create')}
            </Button>
          </Group>
          <FormAlert message={form.general} />
        </form>
        {tokens.error ? (
          <QueryError error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : tokens.data && tokens.data.items.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('account.tokens.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" data-testid="api-tokens-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('account.tokens.columns.name')}</Table.Th>
                  <Table.Th>{t('account.tokens.columns.prefix')}</Table.Th>
                  <Table.Th>{t('account.tokens.columns.createdAt')}</Table.Th>
                  <Table.Th>{t('account.tokens.columns.lastUsedAt')}</Table.Th>
                  <Table.Th>{t('account.tokens.columns.status')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(tokens.data?.items ?? []).map((tok) => (
                  <Table.Tr key={tok.id} data-testid="api-token-row">
                    <Table.Td fw={500}>{tok.name}</Table.Td>
                    <Table.Td ff="monospace">{tok.prefix}…</Table.Td>
                    <Table.Td>{formatDateTime(tok.createdAt, t.lang)}</Table.Td>
                    <Table.Td>{tok.lastUsedAt ? formatDateTime(tok.lastUsedAt, t.lang) : t('account.tokens.never')}</Table.Td>
                    <Table.Td>
                      <Badge color={tok.revokedAt ? 'gray' : 'green'} variant="light" size="sm">
                        {tok.revokedAt ? t('account.tokens.revoked') : t('account.tokens.active')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      {!tok.revokedAt && (
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          onClick={() => {
                            setRevokeError(null);
                            setRevoking(tok);
                          }}
                          data-testid="api-token-revoke"
                        >
                          {t('account.tokens.revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <Modal opened={created !== null} onClose={() => setCreated(null)} title={t('account.tokens.secretTitle')} size="lg" closeOnClickOutside={false} attributes={{ content: { 'data-testid': 'api-token-secret-modal' } }}>
        {created && (
          <Stack>
            <Text fw={500}>{created.token.name}</Text>
            <SecretBox secret={created.secret} warning={t('account.tokens.secretWarning')} />
            <Group justify="flex-end">
              <Button onClick={() => setCreated(null)} data-testid="secret-done">
                {t('secret.done')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <ConfirmModal
        opened={revoking !== null}
        title={t('account.tokens.revokeConfirm.title')}
        confirmLabel={t('account.tokens.revoke')}
        loading={revoke.isPending}
        error={revokeError}
        onConfirm={doRevoke}
        onClose={() => setRevoking(null)}
      >
        {t('account.tokens.revokeConfirm.text', { name: revoking?.name ?? '' })}
      </ConfirmModal>
    </Paper>
  );
}
