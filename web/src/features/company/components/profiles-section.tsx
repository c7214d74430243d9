import { Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { COMPANY_PROFILES, useSetCompanyProfiles, type Company, type CompanyProfile } from '../api/company-api.ts';

/** "What does your company do?": the company profiles the setup guide adapts to. */
export function ProfilesSection({ company }: { company: Company }) {
  const t = useT();
  const can = useCan();
  const mayEdit = can('company:update');
  const save = useSetCompanyProfiles();
  const [chosen, setChosen] = useState<CompanyProfile[]>(company.profiles);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const { hash } = useLocation();
  // the guide's "profile" step links here (#profiles)
  useEffect(() => {
    if (hash === '#profiles') ref.current?.scrollIntoView({ block: 'start' });
  }, [hash]);
  const dirty = chosen.length !== company.profiles.length || chosen.some((p) => !company.profiles.includes(p));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    save.mutate(chosen, {
      onSuccess: (c) => {
        setChosen(c.profiles);
        notifySuccess(t('company.profiles.saved'));
      },
      onError: (err) => setError(apiErrorText(t, err)),
    });
  };

  return (
    <Paper ref={ref} withBorder p="lg" radius="md" id="profiles" style={{ scrollMarginTop: 72 }} data-testid="profiles-section">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Stack gap={4}>
            <Title order={3}>{t('company.profiles.title')}</Title>
            <Text c="dimmed" size="sm">
              {t('company.profiles.intro')}
            </Text>
          </Stack>
          <Checkbox.Group value={chosen} onChange={(v) => setChosen(COMPANY_PROFILES.filter((p) => v.includes(p)))} aria-label={t('company.profiles.title')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {COMPANY_PROFILES.map((p) => (
                <Checkbox.Card key={p} value={p} radius="md" p="md" disabled={!mayEdit} data-testid={`profile-${p}`} data-checked={chosen.includes(p)}>
                  <Group wrap="nowrap" align="flex-start">
                    <Checkbox.Indicator disabled={!mayEdit} />
                    <div>
                      <Text fw={600}>{t(`company.profiles.options.${p}.title`)}</Text>
                      <Text size="sm" c="dimmed">
                        {t(`company.profiles.options.${p}.description`)}
                      </Text>
                    </div>
                  </Group>
                </Checkbox.Card>
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <FormAlert message={error} />
          {mayEdit && (
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {t('company.profiles.hint')}
              </Text>
              <Button type="submit" loading={save.isPending} disabled={!dirty} data-testid="profiles-submit">
                {t('company.profiles.submit')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
