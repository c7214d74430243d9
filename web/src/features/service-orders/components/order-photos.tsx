// Photos of an order: the picker with previews at intake, the upload progress, and the strip on the
// order page (thumbnails, full size on click, add more, delete after a question).
import { ActionIcon, Anchor, Box, Button, FileButton, Group, Image, Modal, Paper, Progress, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconPhotoPlus, IconTrash, IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useState, type DragEvent } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { Translate } from '../../../i18n/translate.ts';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { notifySuccess, notifyWarning } from '../../../ui/notify.ts';
import { QueryError } from '../../../ui/query-error.tsx';
import { useLastDefined } from '../../../ui/use-last-defined.ts';
import { looksLikePhoto, PHOTO_ACCEPT, photoUrl, useDeletePhoto, useOrderPhotos, useUploadPhotos, type OrderPhoto, type PhotosProgress } from '../api/photos-api.ts';

const THUMB = 96;

/** Keeps the photos among the chosen files and says which others were skipped. */
function onlyPhotos(t: Translate, files: File[]): File[] {
  const photos = files.filter(looksLikePhoto);
  const skipped = files.filter((f) => !looksLikePhoto(f));
  if (skipped.length) notifyWarning(t('orders.photos.title'), t('orders.photos.notImage', { names: skipped.map((f) => f.name).join(', ') }));
  return photos;
}

/** Tells the user which uploads failed and why (the rest are in). */
export function reportPhotoUpload(t: Translate, result: { uploaded: OrderPhoto[]; failed: { file: File; error: unknown }[] }) {
  if (result.uploaded.length) notifySuccess(t('orders.photos.uploaded', { count: result.uploaded.length }));
  if (result.failed.length)
    notifyWarning(t('orders.photos.failedTitle'), t('orders.photos.failed', { names: result.failed.map((f) => `${f.file.name} (${apiErrorText(t, f.error)})`).join(', ') }));
}

/** A drop zone that is also a button opening the file picker (several images at once). */
function PhotoDropZone({ onFiles, disabled, testId }: { onFiles: (files: File[]) => void; disabled?: boolean; testId: string }) {
  const t = useT();
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!disabled) onFiles([...e.dataTransfer.files]);
  };
  return (
    <Box
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      p="md"
      style={{ border: `2px dashed var(--mantine-color-${over ? 'blue-5' : 'gray-4'})`, borderRadius: 'var(--mantine-radius-md)', textAlign: 'center' }}
      data-testid={`${testId}-zone`}
    >
      <FileButton onChange={(files) => onFiles(files)} accept={PHOTO_ACCEPT} multiple disabled={disabled}>
        {(props) => (
          <Button {...props} variant="light" leftSection={<IconPhotoPlus size={16} />} disabled={disabled} data-testid={testId}>
            {t('orders.photos.choose')}
          </Button>
        )}
      </FileButton>
    </Box>
  );
}

export function PhotosProgressBar({ progress, testId }: { progress: PhotosProgress; testId: string }) {
  const t = useT();
  const label = t('orders.photos.uploading', { done: Math.min(progress.done + 1, progress.total), total: progress.total });
  return (
    <Stack gap={4} data-testid={testId}>
      <Text size="sm">{label}</Text>
      <Progress value={Math.round(progress.fraction * 100)} aria-label={label} />
    </Stack>
  );
}

/** Intake: the chosen photos with previews; they are uploaded once the order exists. */
export function IntakePhotos({ files, onChange, progress }: { files: File[]; onChange: (files: File[]) => void; progress: PhotosProgress | null }) {
  const t = useT();
  const previews = useMemo(() => files.map((f) => URL.createObjectURL(f)), [files]);
  useEffect(() => () => previews.forEach((u) => URL.revokeObjectURL(u)), [previews]);
  const busy = progress !== null;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="intake-photos-title">
      <Stack gap="md">
        <div>
          <Title order={3} size="h4" id="intake-photos-title">
            {t('orders.photos.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('orders.photos.intakeHint')}
          </Text>
        </div>
        <PhotoDropZone onFiles={(chosen) => onChange([...files, ...onlyPhotos(t, chosen)])} disabled={busy} testId="intake-photos" />
        {files.length > 0 && (
          <Group gap="sm" data-testid="intake-photos-previews">
            {files.map((f, i) => (
              <Box key={`${f.name}-${i}`} pos="relative" data-testid="intake-photo-preview">
                <Image src={previews[i]} w={THUMB} h={THUMB} fit="cover" radius="sm" alt={f.name} title={f.name} />
                {!busy && (
                  <ActionIcon
                    size="sm"
                    color="red"
                    variant="filled"
                    pos="absolute"
                    top={4}
                    right={4}
                    onClick={() => onChange(files.filter((_, j) => j !== i))}
                    aria-label={t('orders.photos.remove', { name: f.name })}
                  >
                    <IconX size={12} />
                  </ActionIcon>
                )}
              </Box>
            ))}
          </Group>
        )}
        {progress && <PhotosProgressBar progress={progress} testId="intake-photos-progress" />}
      </Stack>
    </Paper>
  );
}

/** The order page: the photo strip; with orders:write, add more and delete. */
export function OrderPhotos({ orderId, mayWrite }: { orderId: string; mayWrite: boolean }) {
  const t = useT();
  const photos = useOrderPhotos(orderId);
  const upload = useUploadPhotos(orderId);
  const remove = useDeletePhoto(orderId);
  const [progress, setProgress] = useState<PhotosProgress | null>(null);
  const [viewing, setViewing] = useState<OrderPhoto | null>(null);
  const shownViewing = useLastDefined(viewing);
  const [removing, setRemoving] = useState<OrderPhoto | null>(null);
  const shownRemoving = useLastDefined(removing);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const items = photos.data?.items ?? [];

  const add = (chosen: File[]) => {
    const files = onlyPhotos(t, chosen);
    if (!files.length) return;
    upload.mutate(
      { files, onProgress: setProgress },
      {
        onSuccess: (result) => reportPhotoUpload(t, result),
        onSettled: () => setProgress(null),
      },
    );
  };

  const doRemove = () =>
    removing &&
    remove.mutate(removing.id, {
      onSuccess: () => {
        notifySuccess(t('orders.photos.deleted', { name: removing.fileName }));
        setRemoving(null);
        setRemoveError(null);
      },
      onError: (e) => setRemoveError(apiErrorText(t, e)),
    });

  return (
    <Paper withBorder p="md" radius="md" data-testid="order-photos">
      <Group justify="space-between" mb="sm">
        <Title order={4}>{t('orders.photos.title')}</Title>
        {mayWrite && (
          <FileButton onChange={add} accept={PHOTO_ACCEPT} multiple disabled={upload.isPending}>
            {(props) => (
              <Button {...props} size="xs" variant="light" leftSection={<IconPhotoPlus size={14} />} loading={upload.isPending} data-testid="order-photos-add">
                {t('orders.photos.add')}
              </Button>
            )}
          </FileButton>
        )}
      </Group>
      {progress && <PhotosProgressBar progress={progress} testId="order-photos-progress" />}
      {photos.error ? (
        <QueryError error={photos.error} onRetry={() => void photos.refetch()} />
      ) : photos.isPending ? (
        <Text c="dimmed">{t('app.loading')}</Text>
      ) : items.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="order-photos-empty">
          {t('orders.photos.empty')}
        </Text>
      ) : (
        <Group gap="sm" wrap="nowrap" style={{ overflowX: 'auto' }} pb={4}>
          {items.map((p) => (
            <Box key={p.id} pos="relative" style={{ flexShrink: 0 }} data-testid="order-photo" data-file-name={p.fileName}>
              <Tooltip label={p.caption || p.fileName}>
                <Anchor href={photoUrl(p.id)} onClick={(e) => (e.preventDefault(), setViewing(p))} aria-label={t('orders.photos.open', { name: p.fileName })}>
                  <Image src={photoUrl(p.id)} w={THUMB} h={THUMB} fit="cover" radius="sm" alt={p.caption || p.fileName} loading="lazy" />
                </Anchor>
              </Tooltip>
              {mayWrite && (
                <ActionIcon
                  size="sm"
                  color="red"
                  variant="filled"
                  pos="absolute"
                  top={4}
                  right={4}
                  onClick={() => setRemoving(p)}
                  aria-label={t('orders.photos.delete', { name: p.fileName })}
                  data-testid="order-photo-delete"
                >
                  <IconTrash size={12} />
                </ActionIcon>
              )}
            </Box>
          ))}
        </Group>
      )}
      <Modal opened={viewing !== null} onClose={() => setViewing(null)} title={shownViewing?.caption || shownViewing?.fileName} size="xl" centered>
        {shownViewing && (
          <Stack gap="xs">
            <Image src={photoUrl(shownViewing.id)} alt={shownViewing.caption || shownViewing.fileName} fit="contain" mah="75vh" />
            <Anchor href={photoUrl(shownViewing.id)} target="_blank" rel="noopener" size="sm">
              {shownViewing.fileName}
            </Anchor>
          </Stack>
        )}
      </Modal>
      <ConfirmModal
        opened={removing !== null}
        title={t('orders.photos.deleteConfirm.title')}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        error={removeError}
        onConfirm={doRemove}
        onClose={() => {
          setRemoving(null);
          setRemoveError(null);
        }}
      >
        {t('orders.photos.deleteConfirm.text', { name: shownRemoving?.fileName ?? '' })}
      </ConfirmModal>
    </Paper>
  );
}
