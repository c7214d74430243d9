import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { useSignedIn } from '../../../app/session.ts';
import type { Language } from '../../../i18n/catalog-types.ts';
import { isLanguage, useLanguage, useT } from '../../../i18n/i18n-context.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useUpdateProfile } from '../../auth/api/auth-api.ts';

export function ProfileForm() {
  const t = useT();
  const { user } = useSignedIn();
  const { setLanguage } = useLanguage();
  const update = useUpdateProfile();
  const form = useFormState<{ name: string; language: Language }>(() => ({ name: user.name, language: user.language }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.values.name.trim()) return form.setErrors({ name: t('common.required') });
    update.mutate(form.values, {
      onSuccess: (u) => {
        setLanguage(u.language);
        notifySuccess(t('account.profile.saved'));
      },
      onError: (error) => form.applyApiError(error, t),
    });
  };
  return (
    <Paper withBorder p="lg" radius="md">
      <form onSubmit={submit} noValidate data-testid="profile-form">
        <Stack>
          <Title order={4}>{t('account.profile.title')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('account.profile.name')} required {...form.text('name')} />
            <TextInput label={t('account.profile.email')} value={user.email} readOnly disabled />
            <TextInput label={t('account.profile.role')} value={t(`roles.${user.role}`)} readOnly disabled />
            <NativeSelect
              label={t('account.profile.language')}
              value={form.values.language}
              onChange={(e) => isLanguage(e.currentTarget.value) && form.set('language', e.currentTarget.value)}
              data={[
                { value: 'pl', label: t('languages.pl') },
                { value: 'en', label: t('languages.en') },
              ]}
              data-testid="profile-language"
            />
          </SimpleGrid>
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} data-testid="profile-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
