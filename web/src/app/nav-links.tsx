import { NavLink, Stack } from '@mantine/core';
import { IconApi, IconBuilding, IconExternalLink, IconListCheck, IconSettings, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { useT } from '../i18n/i18n-context.tsx';
import { useCan } from './session.ts';

/** Only the areas that exist, and only those the user's permissions allow. */
export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const can = useCan();
  const { pathname } = useLocation();
  const under = (prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);
  const settings = [
    can('company:read') && { to: '/settings/company', label: t('nav.company'), icon: <IconBuilding size={18} />, testId: 'nav-company' },
    can('users:read') && { to: '/settings/users', label: t('nav.users'), icon: <IconUsers size={18} />, testId: 'nav-users' },
  ].filter((x) => x !== false);

  return (
    <Stack gap={2} component="nav" aria-label={t('nav.label')}>
      {can('setup:read') && (
        <NavLink
          component={Link}
          to="/"
          label={t('nav.guide')}
          leftSection={<IconListCheck size={18} />}
          active={pathname === '/'}
          onClick={onNavigate}
          data-testid="nav-guide"
        />
      )}
      {can('customers:read') && (
        <NavLink
          component={Link}
          to="/customers"
          label={t('nav.customers')}
          leftSection={<IconUsersGroup size={18} />}
          active={under('/customers')}
          onClick={onNavigate}
          data-testid="nav-customers"
        />
      )}
      <NavLink
        label={t('nav.settings')}
        leftSection={<IconSettings size={18} />}
        defaultOpened
        childrenOffset={28}
        data-testid="nav-settings"
      >
        {settings.map((s) => (
          <NavLink
            key={s.to}
            component={Link}
            to={s.to}
            label={s.label}
            leftSection={s.icon}
            active={under(s.to)}
            onClick={onNavigate}
            data-testid={s.testId}
          />
        ))}
        <NavLink
          component="a"
          href="/api/docs"
          target="_blank"
          rel="noopener"
          label={t('nav.apiDocs')}
          leftSection={<IconApi size={18} />}
          rightSection={<IconExternalLink size={14} />}
          data-testid="nav-api-docs"
        />
      </NavLink>
    </Stack>
  );
}
