import { Stack } from '@mantine/core';
import { Navigate, useLocation } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { PageLoader } from '../../../ui/page-loader.tsx';
import { perm } from '../../assets/api/asset-permissions.ts';
import { useSetupGuide } from '../../setup/api/setup-api.ts';
import { GuidePage } from '../../setup/pages/guide-page.tsx';
import { InboxTeaser } from '../components/inbox-teaser.tsx';
import { InboxPage } from './inbox-page.tsx';

/**
 * Home (`/`): the setup guide until setup is complete (with a line about open tasks above it), the
 * task inbox after that. Both stay reachable on their own: /guide and /inbox.
 */
export function HomePage() {
  const guide = useSetupGuide();
  const can = useCan();
  if (guide.isPending) return <PageLoader />;
  if (guide.data?.complete && can(perm('tasks:read'))) return <InboxPage />;
  return (
    <Stack gap={0}>
      {can(perm('tasks:read')) && <InboxTeaser />}
      <GuidePage />
    </Stack>
  );
}

/** `/tasks` (the earlier task list) lives on in the inbox, with its filters. */
export function TasksRedirect() {
  const { search } = useLocation();
  return <Navigate to={`/inbox${search}`} replace />;
}
