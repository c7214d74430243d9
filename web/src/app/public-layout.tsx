import { Box, Container, Group, Text } from '@mantine/core';
import { IconTool } from '@tabler/icons-react';
import { Outlet } from 'react-router';
import { useT } from '../i18n/i18n-context.tsx';
import { LanguageSwitch } from './language-switch.tsx';

/** Screens before sign-in (first run, sign-in): the product name, the language switch, a card. */
export function PublicLayout() {
  const t = useT();
  return (
    <Box mih="100vh" bg="gray.0">
      <Container size="md" py="md">
        <Group justify="space-between" mb="xl">
          <Group gap={6}>
            <IconTool size={24} color="var(--mantine-color-blue-6)" />
            <Text fw={700} size="xl" data-testid="app-name">
              {t('app.name')}
            </Text>
          </Group>
          <LanguageSwitch />
        </Group>
        <Outlet />
      </Container>
    </Box>
  );
}
