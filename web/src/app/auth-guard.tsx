import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { Alert } from '@mantine/core';
import { useT } from '../i18n/i18n-context.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { QueryError } from '../ui/query-error.tsx';
import type { Permission } from './api-types.ts';
import { SignedInContext, useCan, useSession } from './session.ts';

export const PASSWORD_PATH = '/account/password';

/** Signed-in users only; a temporary password must be replaced before anything else. */
export function AuthGuard() {
  const { data, isPending, error, refetch } = useSession();
  const location = useLocation();
  if (isPending) return <PageLoader />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!data) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  if (data.user.mustChangePassword && location.pathname !== PASSWORD_PATH) return <Navigate to={PASSWORD_PATH} replace />;
  return (
    <SignedInContext.Provider value={data}>
      <Outlet />
    </SignedInContext.Provider>
  );
}

/** A page for one permission: others see a short refusal instead of a broken screen. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const t = useT();
  const can = useCan();
  if (!can(permission))
    return (
      <Alert color="red" data-testid="forbidden">
        {t('errors.auth.forbidden')}
      </Alert>
    );
  return children;
}
