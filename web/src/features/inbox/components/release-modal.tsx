import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useReleaseOrder, type Task } from '../api/inbox-api.ts';

/** Hands the item back: who picked it up (POST /api/v1/service-orders/:id/release); the release task closes with it. */
export function ReleaseModal({ task, onClose }: { task: Task; onClose: () => void }) {
  const t = useT();
  const release = useReleaseOrder();
  const order = String(task.params.orderNumber ?? '');
  const form = useFormState({ releasedTo: '', note: '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const releasedTo = form.values.releasedTo.trim();
    if (!releasedTo) return form.setErrors({ releasedTo: t('common.required') });
    release.mutate(
      { orderId: task.subjectId, releasedTo, note: form.values.note.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('inbox.notify.released', { order }));
          onClose();
        },
        onError: (error) => form.applyApiError(error, t),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('inbox.release.title')} attributes={{ content: { 'data-testid': 'release-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('inbox.release.intro', { order })}</Text>
          <TextInput label={t('inbox.release.releasedTo')} placeholder={t('inbox.release.releasedToPlaceholder')} required maxLength={200} data-autofocus {...form.text('releasedTo')} data-testid="release-to" />
          <Textarea label={t('inbox.release.note')} autosize minRows={2} maxLength={1000} {...form.text('note')} data-testid="release-note" />
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={release.isPending} data-testid="release-submit">
              {t('inbox.release.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
