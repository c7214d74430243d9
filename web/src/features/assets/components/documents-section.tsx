import { ActionIcon, Anchor, Button, FileInput, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconDownload, IconFile, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime, localeOf } from '../../../i18n/format.ts';
import type { Language } from '../../../i18n/catalog-types.ts';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { QueryError } from '../../../ui/query-error.tsx';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useLastDefined } from '../../../ui/use-last-defined.ts';
import { perm } from '../api/asset-permissions.ts';
import type { Asset, AssetDocument } from '../api/asset-shapes.ts';
import { documentUrl, useDeleteDocument, useDocuments, useUploadDocument } from '../api/assets-api.ts';

export function formatBytes(n: number, lang: Language): string {
  const nf = (v: number, digits: number) => new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: digits }).format(v);
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${nf(n / 1024, 0)} kB`;
  return `${nf(n / (1024 * 1024), 1)} MB`;
}

/** Technical sheets, warranties, photos: upload with progress, download, delete after a question. */
export function DocumentsSection({ asset }: { asset: Asset }) {
  const t = useT();
  const can = useCan();
  const mayWrite = can(perm('assets:write')) && !asset.archived;
  const docs = useDocuments(asset.id);
  const upload = useUploadDocument(asset.id);
  const remove = useDeleteDocument(asset.id);
  const form = useFormState<{ file: File | null; description: string }>({ file: null, description: '' });
  const [progress, setProgress] = useState(0);
  const [removing, setRemoving] = useState<AssetDocument | null>(null);
  const shownRemoving = useLastDefined(removing);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const items = docs.data?.pages.flatMap((p) => p.items) ?? [];
  const dash = t('common.empty');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const file = form.values.file;
    if (!file) return form.setErrors({ file: t('common.required') });
    setProgress(0);
    upload.mutate(
      { file, description: form.values.description.trim(), onProgress: setProgress },
      {
        onSuccess: (d) => {
          notifySuccess(t('assets.documents.uploaded', { name: d.fileName }));
          form.reset({ file: null, description: '' });
        },
        onError: (error) => form.applyApiError(error, t),
      },
    );
  };

  const doRemove = () =>
    removing &&
    remove.mutate(removing.id, {
      onSuccess: () => {
        notifySuccess(t('assets.documents.deleted', { name: removing.fileName }));
        setRemoving(null);
        setRemoveError(null);
      },
      onError: (e) => setRemoveError(apiErrorText(t, e)),
    });

  const percent = Math.round(progress * 100);
  return (
    <Stack>
      {mayWrite && (
        <Paper withBorder radius="md" p="md">
          <form onSubmit={submit} noValidate data-testid="document-form">
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <FileInput
                  label={t('assets.documents.file')}
                  description={t('assets.documents.fileHint')}
                  placeholder={t('assets.documents.filePlaceholder')}
                  leftSection={<IconFile size={16} />}
                  value={form.values.file}
                  onChange={(f) => form.set('file', f)}
                  error={form.errors.file}
                  clearable
                  required
                  disabled={upload.isPending}
                  data-testid="document-file"
                />
                <TextInput
                  label={t('assets.documents.description')}
                  placeholder={t('assets.documents.descriptionPlaceholder')}
                  description=" "
                  maxLength={500}
                  disabled={upload.isPending}
                  {...form.text('description')}
                  data-testid="document-description"
                />
              </SimpleGrid>
              {upload.isPending && (
                <Stack gap={4} data-testid="document-upload-progress">
                  <Group justify="space-between">
                    <Text size="sm">{t('assets.documents.uploading')}</Text>
                    <Text size="sm" c="dimmed">
                      {percent}%
                    </Text>
                  </Group>
                  <Progress value={percent} aria-label={t('assets.documents.uploading')} />
                </Stack>
              )}
              <FormAlert message={form.general} />
              <Group justify="flex-end">
                <Button type="submit" leftSection={<IconUpload size={16} />} loading={upload.isPending} disabled={!form.values.file} data-testid="document-upload">
                  {t('assets.documents.upload')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
      <Paper withBorder radius="md" p="md">
        {docs.error ? (
          <QueryError error={docs.error} onRetry={() => void docs.refetch()} />
        ) : docs.isPending ? (
          <Text c="dimmed">{t('app.loading')}</Text>
        ) : items.length === 0 ? (
          <Text c="dimmed" data-testid="documents-empty">
            {t('assets.documents.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" data-testid="documents-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('assets.documents.fields.fileName')}</Table.Th>
                  <Table.Th>{t('assets.documents.fields.description')}</Table.Th>
                  <Table.Th ta="right">{t('assets.documents.fields.size')}</Table.Th>
                  <Table.Th>{t('assets.documents.fields.uploadedBy')}</Table.Th>
                  <Table.Th w={90}>{t('common.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((d) => (
                  <Table.Tr key={d.id} data-testid="document-row" data-file-name={d.fileName}>
                    <Table.Td>
                      <Anchor href={documentUrl(d.id)} target="_blank" rel="noopener" size="sm" fw={500} style={{ wordBreak: 'break-all' }}>
                        {d.fileName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{d.description || dash}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatBytes(d.sizeBytes, t.lang)}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{d.uploadedByName ?? dash}</Text>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(d.uploadedAt, t.lang)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Tooltip label={t('assets.documents.download', { name: d.fileName })}>
                          <ActionIcon
                            component="a"
                            href={documentUrl(d.id)}
                            download={d.fileName}
                            variant="subtle"
                            aria-label={t('assets.documents.download', { name: d.fileName })}
                            data-testid="document-download"
                          >
                            <IconDownload size={16} />
                          </ActionIcon>
                        </Tooltip>
                        {mayWrite && (
                          <Tooltip label={t('assets.documents.delete', { name: d.fileName })}>
                            <ActionIcon variant="subtle" color="red" onClick={() => setRemoving(d)} aria-label={t('assets.documents.delete', { name: d.fileName })} data-testid="document-delete">
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {docs.hasNextPage && (
          <Button variant="light" mt="sm" onClick={() => void docs.fetchNextPage()} loading={docs.isFetchingNextPage}>
            {t('assets.documents.loadMore')}
          </Button>
        )}
      </Paper>
      <ConfirmModal
        opened={removing !== null}
        title={t('assets.documents.deleteConfirm.title')}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        error={removeError}
        onConfirm={doRemove}
        onClose={() => {
          setRemoving(null);
          setRemoveError(null);
        }}
      >
        {t('assets.documents.deleteConfirm.text', { name: shownRemoving?.fileName ?? '' })}
      </ConfirmModal>
    </Stack>
  );
}
