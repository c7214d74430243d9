import { Avatar, Button, Menu, Text } from '@mantine/core';
import { IconChevronDown, IconKey, IconLogout, IconUser } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useT } from '../i18n/i18n-context.tsx';
import { useSignOut } from '../features/auth/api/auth-api.ts';
import { notifySuccess } from '../ui/notify.ts';
import { useSignedIn } from './session.ts';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase() ?? '')
    .join('');

export function UserMenu() {
  const t = useT();
  const { user } = useSignedIn();
  const signOut = useSignOut();
  const navigate = useNavigate();
  // mutateAsync: the menu unmounts as soon as the session is gone, the promise still settles
  const doSignOut = async () => {
    try {
      await signOut.mutateAsync();
      notifySuccess(t('header.signedOut'));
    } catch {
      // the session is dropped locally anyway
    }
    void navigate('/sign-in', { replace: true });
  };
  return (
    <Menu position="bottom-end" width={220} withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          leftSection={<Avatar size={26} radius="xl" color="blue">{initials(user.name)}</Avatar>}
          rightSection={<IconChevronDown size={14} />}
          aria-label={t('header.userMenu')}
          data-testid="user-menu"
        >
          <Text size="sm" visibleFrom="sm" span>
            {user.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item component={Link} to="/account" leftSection={<IconUser size={16} />} data-testid="menu-account">
          {t('header.account')}
        </Menu.Item>
        <Menu.Item component={Link} to="/account/password" leftSection={<IconKey size={16} />} data-testid="menu-password">
          {t('header.changePassword')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => void doSignOut()} data-testid="menu-sign-out">
          {t('header.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
