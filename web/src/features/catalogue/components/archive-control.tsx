import { Button } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { IconArchive, IconRestore } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';

type Props = {
  archived: boolean;
  name: string;
  mutation: UseMutationResult<unknown, Error, boolean>;
  testId: string;
  /** Text of the confirmation; default: the catalogue's generic one. */
  confirmText?: string;
};

/** Archive (after a confirmation) or restore a catalogue record. */
export function ArchiveControl({ archived, name, mutation, testId, confirmText }: Props) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = (value: boolean) =>
    mutation.mutate(value, {
      onSuccess: () => {
        setOpen(false);
        setError(null);
        notifySuccess(value ? t('catalogue.archive.archived', { name }) : t('catalogue.archive.restored', { name }));
      },
      onError: (e) => (open ? setError(apiErrorText(t, e)) : notifyError(apiErrorText(t, e))),
    });
  if (archived)
    return (
      <Button variant="default" leftSection={<IconRestore size={16} />} loading={mutation.isPending} onClick={() => run(false)} data-testid={`${testId}-restore`}>
        {t('common.restore')}
      </Button>
    );
  return (
    <>
      <Button variant="default" leftSection={<IconArchive size={16} />} onClick={() => setOpen(true)} data-testid={`${testId}-archive`}>
        {t('common.archive')}
      </Button>
      <ConfirmModal
        opened={open}
        title={t('catalogue.archive.title', { name })}
        confirmLabel={t('common.archive')}
        color="orange"
        loading={mutation.isPending}
        error={error}
        onConfirm={() => run(true)}
        onClose={() => {
          setOpen(false);
          setError(null);
        }}
      >
        {confirmText ?? t('catalogue.archive.text', { name })}
      </ConfirmModal>
    </>
  );
}
