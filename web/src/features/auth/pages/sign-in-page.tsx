import { Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useAcceptSession, useSession } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useSignIn } from '../api/auth-api.ts';

/** Only same-site paths are followed after sign-in. */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export function SignInPage() {
  const t = useT();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const accept = useAcceptSession();
  const signIn = useSignIn();
  const form = useFormState({ email: '', password: '' });
  const next = safeNext(params.get('next'));

  if (session.data) return <Navigate to={next} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: typeof form.errors = {};
    if (!form.values.email.trim()) errors.email = t('common.required');
    if (!form.values.password) errors.password = t('common.required');
    form.setErrors(errors);
    if (Object.keys(errors).length) return;
    signIn.mutate(form.values, {
      onSuccess: (info) => {
        accept(info);
        void navigate(info.user.mustChangePassword ? '/account/password' : next, { replace: true });
      },
      onError: (error) => form.applyApiError(error, t),
    });
  };

  return (
    <Paper withBorder shadow="sm" p="xl" radius="md" maw={420} mx="auto">
      <form onSubmit={submit} noValidate data-testid="sign-in-form">
        <Stack>
          <div>
            <Title order={2}>{t('auth.signIn.title')}</Title>
            <Text c="dimmed" size="sm">
              {t('auth.signIn.subtitle')}
            </Text>
          </div>
          <TextInput label={t('auth.signIn.email')} type="email" autoComplete="username" autoFocus required {...form.text('email')} />
          <PasswordInput label={t('auth.signIn.password')} autoComplete="current-password" required {...form.text('password')} />
          <FormAlert message={form.general} />
          <Button type="submit" loading={signIn.isPending} data-testid="sign-in-submit">
            {t('auth.signIn.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
