import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import type { Role } from '../../../app/api-types.ts';
import { isLanguage, useLanguage, useT } from '../../../i18n/i18n-context.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useInviteUser, type InviteBody, type UserWithTemporaryPassword } from '../api/users-api.ts';
import { languageOptions, roleOptions } from './role-options.ts';

export function InviteUserModal({ onClose, onInvited }: { onClose: () => void; onInvited: (r: UserWithTemporaryPassword) => void }) {
  const t = useT();
  const { language } = useLanguage();
  const invite = useInviteUser();
  const form = useFormState<InviteBody>(() => ({ email: '', name: '', role: 'technician', language }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: typeof form.errors = {};
    if (!form.values.name.trim()) errors.name = t('common.required');
    if (!form.values.email.trim()) errors.email = t('common.required');
    form.setErrors(errors);
    if (Object.keys(errors).length) return;
    invite.mutate(form.values, { onSuccess: onInvited, onError: (error) => form.applyApiError(error, t) });
  };
  return (
    <Modal opened onClose={onClose} title={t('users.inviteTitle')} size="lg" attributes={{ content: { 'data-testid': 'invite-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('users.fields.name')} required data-autofocus {...form.text('name')} />
            <TextInput label={t('users.fields.email')} type="email" required {...form.text('email')} />
            <NativeSelect
              label={t('users.fields.role')}
              value={form.values.role}
              onChange={(e) => form.set('role', e.currentTarget.value as Role)}
              error={form.errors.role}
              data={roleOptions(t)}
              data-testid="invite-role"
            />
            <NativeSelect
              label={t('users.fields.language')}
              value={form.values.language}
              onChange={(e) => isLanguage(e.currentTarget.value) && form.set('language', e.currentTarget.value)}
              data={languageOptions(t)}
            />
          </SimpleGrid>
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={invite.isPending} data-testid="invite-submit">
              {t('users.inviteSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
