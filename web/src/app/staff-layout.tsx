import { AppShell, Burger, Container, Group, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTool } from '@tabler/icons-react';
import { Link, Outlet } from 'react-router';
import { useT } from '../i18n/i18n-context.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { NavLinks } from './nav-links.tsx';
import { useSignedIn } from './session.ts';
import { UserMenu } from './user-menu.tsx';

/** The staff app: header (name, language, user menu), navigation, content. */
export function StaffLayout() {
  const t = useT();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { user } = useSignedIn();
  const showNav = !user.mustChangePassword;
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={showNav ? { width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } } : undefined}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            {showNav && <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} data-testid="nav-burger" />}
            <UnstyledButton component={Link} to="/" data-testid="app-name">
              <Group gap={6} wrap="nowrap">
                <IconTool size={22} color="var(--mantine-color-blue-6)" />
                <Text fw={700} size="lg">
                  {t('app.name')}
                </Text>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguageSwitch />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      {showNav && (
        <AppShell.Navbar p="xs">
          <NavLinks onNavigate={close} />
        </AppShell.Navbar>
      )}
      <AppShell.Main>
        <Container size="xl" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
