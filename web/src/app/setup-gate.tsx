import { Navigate, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { useSetupStatus } from '../features/setup/api/setup-api.ts';
import { PageLoader } from '../ui/page-loader.tsx';
import { QueryError } from '../ui/query-error.tsx';

/** An installation without users shows only the first-run form; afterwards the form is gone. */
export function SetupGate() {
  const status = useSetupStatus();
  const { pathname } = useLocation();
  if (status.isPending) return <PageLoader />;
  if (status.error) return <QueryError error={status.error} onRetry={() => void status.refetch()} />;
  if (status.data.needsSetup && pathname !== '/setup') return <Navigate to="/setup" replace />;
  if (!status.data.needsSetup && pathname === '/setup') return <Navigate to="/" replace />;
  // New pages open at the top; back/forward returns to where the user was.
  return (
    <>
      <ScrollRestoration />
      <Outlet />
    </>
  );
}
