import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n-context.tsx';
import { FormAlert } from './form-alert.tsx';

type Props = {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  loading?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
  /** Extra buttons (e.g. "archive instead") shown left of the confirm button. */
  extra?: ReactNode;
};

/** A yes/no question before something that cannot be taken back lightly. */
export function ConfirmModal({ opened, title, children, confirmLabel, color = 'red', loading, error, onConfirm, onClose, extra }: Props) {
  const t = useT();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered attributes={{ content: { 'data-testid': 'confirm-modal' } }}>
      <Stack>
        {typeof children === 'string' ? <Text>{children}</Text> : children}
        <FormAlert message={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          {extra}
          <Button color={color} loading={loading} onClick={onConfirm} data-testid="confirm-ok" data-autofocus>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
