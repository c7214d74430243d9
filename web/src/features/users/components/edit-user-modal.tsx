import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import type { Role, User } from '../../../app/api-types.ts';
import type { Language } from '../../../i18n/catalog-types.ts';
import { isLanguage, useT } from '../../../i18n/i18n-context.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useUpdateUser } from '../api/users-api.ts';
import { languageOptions, roleOptions } from './role-options.ts';

type Values = { name: string; role: Role; language: Language; active: boolean };

export function EditUserModal({ user, isSelf, onClose }: { user: User; isSelf: boolean; onClose: () => void }) {
  const t = useT();
  const update = useUpdateUser();
  const form = useFormState<Values>(() => ({ name: user.name, role: user.role, language: user.language, active: user.active }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.values.name.trim()) return form.setErrors({ name: t('common.required') });
    // send only what changed: the server refuses e.g. demoting the last administrator
    const body: Partial<Values> = {};
    if (form.values.name !== user.name) body.name = form.values.name;
    if (form.values.role !== user.role) body.role = form.values.role;
    if (form.values.language !== user.language) body.language = form.values.language;
    if (form.values.active !== user.active) body.active = form.values.active;
    if (Object.keys(body).length === 0) return onClose();
    update.mutate(
      { id: user.id, body },
      {
        onSuccess: () => {
          notifySuccess(t('users.saved'));
          onClose();
        },
        onError: (error) => form.applyApiError(error, t),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('users.editTitle')} size="lg" attributes={{ content: { 'data-testid': 'edit-user-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('users.fields.name')} required data-autofocus {...form.text('name')} />
            <TextInput label={t('users.fields.email')} value={user.email} readOnly disabled />
            <NativeSelect
              label={t('users.fields.role')}
              value={form.values.role}
              onChange={(e) => form.set('role', e.currentTarget.value as Role)}
              error={form.errors.role}
              data={roleOptions(t)}
              data-testid="edit-user-role"
            />
            <NativeSelect
              label={t('users.fields.language')}
              value={form.values.language}
              onChange={(e) => isLanguage(e.currentTarget.value) && form.set('language', e.currentTarget.value)}
              data={languageOptions(t)}
            />
          </SimpleGrid>
          <Switch
            label={t('users.fields.active')}
            checked={form.values.active}
            disabled={isSelf}
            onChange={(e) => form.set('active', e.currentTarget.checked)}
            error={form.errors.active}
            data-testid="edit-user-active"
          />
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} data-testid="edit-user-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
