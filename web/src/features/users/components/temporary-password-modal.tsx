import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.tsx';
import { SecretBox } from '../../../ui/secret-box.tsx';
import type { UserWithTemporaryPassword } from '../api/users-api.ts';

/** The one and only time a temporary password is shown. */
export function TemporaryPasswordModal({ result, onClose }: { result: UserWithTemporaryPassword; onClose: () => void }) {
  const t = useT();
  return (
    <Modal opened onClose={onClose} title={t('users.tempPasswordTitle')} size="lg" closeOnClickOutside={false} attributes={{ content: { 'data-testid': 'temp-password-modal' } }}>
      <Stack>
        <Text>
          {result.user.name} · {result.user.email}
        </Text>
        <SecretBox secret={result.temporaryPassword} warning={t('users.tempPasswordText', { name: result.user.name })} />
        <Group justify="flex-end">
          <Button onClick={onClose} data-testid="secret-done">
            {t('secret.done')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
