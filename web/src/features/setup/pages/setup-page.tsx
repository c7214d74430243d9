import { Button, Divider, Paper, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useAcceptSession } from '../../../app/session.ts';
import type { Language } from '../../../i18n/catalog-types.ts';
import { isLanguage, useLanguage, useT } from '../../../i18n/i18n-context.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { generalErrorText, splitFieldErrors, useFormState } from '../../../ui/use-form-state.ts';
import { emptyCompany } from '../../company/api/company-api.ts';
import { CompanyFields } from '../../company/components/company-fields.tsx';
import { usePerformSetup } from '../api/setup-api.ts';

type Admin = { name: string; email: string; password: string; repeat: string; language: Language };

/** First run: the company and the first administrator; signs them in. */
export function SetupPage() {
  const t = useT();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const accept = useAcceptSession();
  const setup = usePerformSetup();
  const company = useFormState(() => ({ ...emptyCompany(), defaultLanguage: language }));
  const admin = useFormState<Admin>(() => ({ name: '', email: '', password: '', repeat: '', language }));
  const [general, setGeneral] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const required = t('common.required');
    const ce: typeof company.errors = {};
    if (!company.values.name.trim()) ce.name = required;
    if (!company.values.nip.trim()) ce.nip = required;
    const ae: typeof admin.errors = {};
    if (!admin.values.name.trim()) ae.name = required;
    if (!admin.values.email.trim()) ae.email = required;
    if (!admin.values.password) ae.password = required;
    else if (admin.values.password !== admin.values.repeat) ae.repeat = t('auth.password.mismatch');
    company.setErrors(ce);
    admin.setErrors(ae);
    setGeneral(null);
    if (Object.keys(ce).length || Object.keys(ae).length) return;

    const { repeat: _repeat, ...adminBody } = admin.values;
    setup.mutate(
      { company: company.values, admin: adminBody },
      {
        onSuccess: (info) => {
          accept(info);
          notifySuccess(t('setup.done'));
          void navigate('/', { replace: true });
        },
        onError: (error) => {
          const c = splitFieldErrors(error, company.values, t, 'company.');
          const a = splitFieldErrors(error, admin.values, t, 'admin.');
          company.setErrors(c.matched);
          admin.setErrors(a.matched);
          const landed = Object.keys(c.matched).length + Object.keys(a.matched).length > 0;
          const rest = c.rest.filter((fe) => !fe.path.startsWith('admin.') || !(fe.path.slice(6) in admin.values));
          setGeneral(generalErrorText(t, error, landed, rest));
        },
      },
    );
  };

  return (
    <Paper withBorder shadow="sm" p="xl" radius="md">
      <form onSubmit={submit} noValidate data-testid="setup-form">
        <Stack gap="lg">
          <div>
            <Title order={2}>{t('setup.title')}</Title>
            <Text c="dimmed" mt={4}>
              {t('setup.intro')}
            </Text>
          </div>
          <Divider label={t('setup.companySection')} labelPosition="left" />
          <CompanyFields values={company.values} errors={company.errors} onChange={company.set} withCountry={false} autoFocus />
          <Divider label={t('setup.adminSection')} labelPosition="left" />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('setup.adminName')} required {...admin.text('name')} name="adminName" />
            <TextInput label={t('setup.adminEmail')} required type="email" autoComplete="username" {...admin.text('email')} name="adminEmail" />
            <PasswordInput
              label={t('setup.adminPassword')}
              description={t('auth.password.hint')}
              required
              autoComplete="new-password"
              {...admin.text('password')}
              name="adminPassword"
            />
            <PasswordInput label={t('setup.adminPasswordRepeat')} required autoComplete="new-password" {...admin.text('repeat')} name="adminPasswordRepeat" />
            <Select
              label={t('setup.adminLanguage')}
              value={admin.values.language}
              onChange={(v) => isLanguage(v) && admin.set('language', v)}
              allowDeselect={false}
              data={[
                { value: 'pl', label: t('languages.pl') },
                { value: 'en', label: t('languages.en') },
              ]}
            />
          </SimpleGrid>
          <FormAlert message={general} />
          <Button type="submit" size="md" loading={setup.isPending} data-testid="setup-submit">
            {t('setup.submit')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
