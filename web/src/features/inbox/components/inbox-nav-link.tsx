import { Badge, NavLink } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useSetupGuide } from '../../setup/api/setup-api.ts';
import { countText, useTaskSummary } from '../api/inbox-api.ts';

/** Whether `/` shows the inbox (setup complete) or still the setup guide. */
export function useHomeIsInbox(): boolean {
  return useSetupGuide().data?.complete === true;
}

/** The inbox in the menu, with the number of open tasks (red when some are overdue), refreshed every 30 s. */
export function InboxNavLink({ onNavigate }: { onNavigate?: (() => void) | undefined }) {
  const t = useT();
  const { pathname } = useLocation();
  const homeIsInbox = useHomeIsInbox();
  const summary = useTaskSummary();
  const s = summary.data;
  return (
    <NavLink
      component={Link}
      to={homeIsInbox ? '/' : '/inbox'}
      label={t('inbox.nav')}
      leftSection={<IconInbox size={18} />}
      rightSection={
        s && s.open > 0 ? (
          <Badge size="sm" variant={s.overdue > 0 ? 'filled' : 'light'} color={s.overdue > 0 ? 'red' : 'blue'} aria-label={t('inbox.badge', { open: countText(s.open, s.cap), overdue: countText(s.overdue, s.cap) })} data-testid="nav-tasks-badge">
            {countText(s.open, s.cap)}
          </Badge>
        ) : null
      }
      active={pathname === '/inbox' || (pathname === '/' && homeIsInbox)}
      onClick={onNavigate}
      data-testid="nav-tasks"
    />
  );
}
