import { ActionIcon, Badge, Button, Group, Modal, NativeSelect, Paper, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconArchive, IconEdit, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { ROLES, type Role } from '../../../app/api-types.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { QueryError } from '../../../ui/query-error.tsx';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useLastDefined } from '../../../ui/use-last-defined.ts';
import type { ServiceDateKind } from '../api/asset-shapes.ts';
import { useArchiveServiceDateKind, useSaveServiceDateKind, useServiceDateKinds } from '../api/asset-types-api.ts';
import { kindLabel } from './asset-text.ts';

/** Built-in kinds (translated) and the company's own, each with the role whose tasks get the reminder. */
export function ServiceDateKindsSection({ editable }: { editable: boolean }) {
  const t = useT();
  const kinds = useServiceDateKinds('active');
  const archive = useArchiveServiceDateKind();
  const [editing, setEditing] = useState<ServiceDateKind | 'new' | null>(null);
  const [archiving, setArchiving] = useState<ServiceDateKind | null>(null);
  const shownArchiving = useLastDefined(archiving);
  const [archiveError, setArchiveError] = useState<string | null>(null);

  const doArchive = () =>
    archiving &&
    archive.mutate(archiving.id, {
      onSuccess: () => {
        notifySuccess(t('assets.kinds.archived', { name: kindLabel(t, archiving) }));
        setArchiving(null);
        setArchiveError(null);
      },
      onError: (e) => setArchiveError(apiErrorText(t, e)),
    });

  return (
    <Paper withBorder radius="md" p="md" data-testid="service-date-kinds">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={2} style={{ flex: 1 }}>
          <Title order={4}>{t('assets.kinds.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('assets.kinds.intro')}
          </Text>
        </Stack>
        {editable && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="kind-add">
            {t('assets.kinds.add')}
          </Button>
        )}
      </Group>
      {kinds.error ? (
        <QueryError error={kinds.error} onRetry={() => void kinds.refetch()} />
      ) : kinds.isPending ? (
        <Text c="dimmed">{t('app.loading')}</Text>
      ) : kinds.data.length === 0 ? (
        <Text c="dimmed">{t('assets.kinds.empty')}</Text>
      ) : (
        <Table verticalSpacing="sm" data-testid="kinds-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('assets.kinds.fields.name')}</Table.Th>
              <Table.Th>{t('assets.kinds.fields.taskRole')}</Table.Th>
              {editable && <Table.Th w={90}>{t('common.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {kinds.data.map((k) => (
              <Table.Tr key={k.id} data-testid="kind-row" data-code={k.code ?? ''}>
                <Table.Td>
                  <Group gap="xs">
                    <Text size="sm" fw={500}>
                      {kindLabel(t, k)}
                    </Text>
                    {k.code && (
                      <Badge size="xs" variant="light" color="gray">
                        {t('assets.kinds.builtIn')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{t(`roles.${k.taskRole}`)}</Table.Td>
                {editable && (
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Tooltip label={t('common.edit')}>
                        <ActionIcon variant="subtle" onClick={() => setEditing(k)} aria-label={`${t('common.edit')}: ${kindLabel(t, k)}`} data-testid="kind-edit">
                          <IconEdit size={16} />
                        </ActionIcon>
                      </Tooltip>
                      {!k.code && (
                        <Tooltip label={t('common.archive')}>
                          <ActionIcon variant="subtle" color="orange" onClick={() => setArchiving(k)} aria-label={`${t('common.archive')}: ${kindLabel(t, k)}`} data-testid="kind-archive">
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
      )}
      {editing && <KindModal key={editing === 'new' ? 'new' : editing.id} kind={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmModal
        opened={archiving !== null}
        title={t('assets.kinds.archiveConfirm.title')}
        confirmLabel={t('common.archive')}
        color="orange"
        loading={archive.isPending}
        error={archiveError}
        onConfirm={doArchive}
        onClose={() => {
          setArchiving(null);
          setArchiveError(null);
        }}
      >
        {t('assets.kinds.archiveConfirm.text', { name: shownArchiving ? kindLabel(t, shownArchiving) : '' })}
      </ConfirmModal>
    </Paper>
  );
}

function KindModal({ kind, onClose }: { kind: ServiceDateKind | null; onClose: () => void }) {
  const t = useT();
  const save = useSaveServiceDateKind();
  const builtIn = !!kind?.code;
  const form = useFormState<{ name: string; taskRole: Role }>(() => ({ name: kind ? kindLabel(t, kind) : '', taskRole: kind?.taskRole ?? 'front_desk' }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!builtIn && !form.values.name.trim()) return form.setErrors({ name: t('common.required') });
    const body = builtIn ? { taskRole: form.values.taskRole } : { name: form.values.name.trim(), taskRole: form.values.taskRole };
    save.mutate(
      { ...(kind ? { id: kind.id } : {}), body },
      {
        onSuccess: (k) => {
          notifySuccess(kind ? t('assets.kinds.saved', { name: kindLabel(t, k) }) : t('assets.kinds.added', { name: kindLabel(t, k) }));
          onClose();
        },
        onError: (error) => form.applyApiError(error, t),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={kind ? t('assets.kinds.editTitle') : t('assets.kinds.addTitle')} attributes={{ content: { 'data-testid': 'kind-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('assets.kinds.fields.name')}
            required={!builtIn}
            disabled={builtIn}
            description={builtIn ? t('assets.kinds.builtInNameHint') : undefined}
            maxLength={100}
            data-autofocus
            {...form.text('name')}
            data-testid="kind-name"
          />
          <NativeSelect
            label={t('assets.kinds.fields.taskRole')}
            data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            value={form.values.taskRole}
            onChange={(e) => form.set('taskRole', e.currentTarget.value as Role)}
            error={form.errors.taskRole}
            data-testid="kind-role"
          />
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="kind-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
