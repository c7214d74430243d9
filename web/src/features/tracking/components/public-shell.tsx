// The frame of the customer's pages: the shop's name, a PL/EN switch, the shop's contact and a
// privacy note. Not the staff layout: no session, no navigation. Mobile first.
import { Anchor, Box, Container, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconMail, IconPhone, IconTool } from '@tabler/icons-react';
import { useEffect, type ReactNode } from 'react';
import { isLanguage, useLanguage, useT } from '../../../i18n/i18n-context.tsx';
import type { PublicCompany } from '../api/tracking-api.ts';

const LANGUAGE_KEY = 'serwisownia.language';

/** The page opens in the order's language unless this browser already chose one. */
export function useOrderLanguage(lang: 'pl' | 'en' | undefined) {
  const { setLanguage } = useLanguage();
  useEffect(() => {
    if (!lang) return;
    let chosen: string | null = null;
    try {
      chosen = localStorage.getItem(LANGUAGE_KEY);
    } catch {
      // private mode: nothing remembered
    }
    if (!chosen) setLanguage(lang);
  }, [lang, setLanguage]);
}

/** A link's page is for its holder: not indexed, and the address (with its secret) is not sent on as a referrer. */
function usePrivatePage(title: string) {
  useEffect(() => {
    const previous = document.title;
    document.title = title;
    const metas = [
      ['robots', 'noindex, nofollow'],
      ['referrer', 'no-referrer'],
    ].map(([name, content]) => {
      const m = document.createElement('meta');
      m.name = name!;
      m.content = content!;
      document.head.appendChild(m);
      return m;
    });
    return () => {
      document.title = previous;
      for (const m of metas) m.remove();
    };
  }, [title]);
}

function PublicLanguageSwitch() {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  return (
    <SegmentedControl
      size="xs"
      value={language}
      onChange={(v) => isLanguage(v) && setLanguage(v)}
      aria-label={t('header.language')}
      data-testid="lang-switch"
      data={[
        { value: 'pl', label: 'PL' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}

export function PublicShell({ title, company, children }: { title: string; company?: PublicCompany | undefined; children: ReactNode }) {
  const t = useT();
  usePrivatePage(company?.name ? `${title} · ${company.name}` : title);
  return (
    <Box mih="100vh" bg="gray.0">
      <Container size="sm" px="md" py="md">
        <Group justify="space-between" wrap="nowrap" mb="lg" gap="sm">
          <Group gap={8} wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
            <IconTool size={24} color="var(--mantine-color-blue-6)" style={{ flexShrink: 0 }} />
            <Title order={1} size="h4" lineClamp={2} data-testid="company-name">
              {company?.name || t('app.name')}
            </Title>
          </Group>
          <div style={{ flexShrink: 0 }}>
            <PublicLanguageSwitch />
          </div>
        </Group>
        <Stack gap="md">{children}</Stack>
        {company && (company.phone || company.email) && (
          <Stack gap={4} mt="xl" data-testid="company-contact">
            <Text size="sm" fw={600}>
              {t('tracking.contact')}
            </Text>
            {company.phone && (
              <Group gap={6}>
                <IconPhone size={16} aria-label={t('tracking.phone')} />
                <Anchor size="sm" href={`tel:${company.phone.replace(/[^\d+]/g, '')}`}>
                  {company.phone}
                </Anchor>
              </Group>
            )}
            {company.email && (
              <Group gap={6}>
                <IconMail size={16} aria-label={t('tracking.email')} />
                <Anchor size="sm" href={`mailto:${company.email}`}>
                  {company.email}
                </Anchor>
              </Group>
            )}
          </Stack>
        )}
        <Text size="xs" c="dimmed" mt="lg">
          {t('tracking.privacy')}
        </Text>
      </Container>
    </Box>
  );
}
