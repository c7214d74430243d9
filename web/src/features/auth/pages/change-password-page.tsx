import { Alert, Button, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useSignedIn } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useChangePassword } from '../api/auth-api.ts';

/** Change your own password; forced after a temporary password. */
export function ChangePasswordPage() {
  const t = useT();
  const navigate = useNavigate();
  const { user } = useSignedIn();
  const change = useChangePassword();
  const form = useFormState({ currentPassword: '', newPassword: '', repeat: '' });
  const forced = user.mustChangePassword;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const required = t('common.required');
    const errors: typeof form.errors = {};
    if (!form.values.currentPassword) errors.currentPassword = required;
    if (!form.values.newPassword) errors.newPassword = required;
    else if (form.values.newPassword !== form.values.repeat) errors.repeat = t('auth.password.mismatch');
    form.setErrors(errors);
    if (Object.keys(errors).length) return;
    change.mutate(
      { currentPassword: form.values.currentPassword, newPassword: form.values.newPassword },
      {
        onSuccess: () => {
          notifySuccess(t('auth.password.changed'));
          form.reset({ currentPassword: '', newPassword: '', repeat: '' });
          void navigate(forced ? '/' : '/account', { replace: true });
        },
        onError: (error) => form.applyApiError(error, t),
      },
    );
  };

  return (
    <Paper withBorder p="xl" radius="md" maw={480} mx={forced ? 'auto' : undefined}>
      <form onSubmit={submit} noValidate data-testid="password-form">
        <Stack>
          <Title order={2} data-testid="page-title">
            {forced ? t('auth.password.forcedTitle') : t('auth.password.title')}
          </Title>
          {forced && (
            <Alert color="yellow" data-testid="password-forced">
              {t('auth.password.forcedText')}
            </Alert>
          )}
          <PasswordInput label={t('auth.password.current')} autoComplete="current-password" autoFocus required {...form.text('currentPassword')} />
          <PasswordInput
            label={t('auth.password.next')}
            description={t('auth.password.hint')}
            autoComplete="new-password"
            required
            {...form.text('newPassword')}
          />
          <PasswordInput label={t('auth.password.repeat')} autoComplete="new-password" required {...form.text('repeat')} />
          <FormAlert message={form.general} />
          <Button type="submit" loading={change.isPending} data-testid="password-submit">
            {t('auth.password.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
