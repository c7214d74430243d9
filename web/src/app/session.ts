// The signed-in session as server state: who, which permissions, the CSRF token.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext } from 'react';
import { useLanguage } from '../i18n/i18n-context.tsx';
import { ApiError, api, setCsrfToken } from './api-client.ts';
import type { Permission, SessionInfo } from './api-types.ts';

export const sessionKeys = { session: ['auth', 'session'] as const };

export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    const info = await api<SessionInfo>('/api/v1/auth/session', { allowUnauthorized: true });
    setCsrfToken(info.csrfToken);
    return info;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionKeys.session, queryFn: fetchSession, staleTime: 60_000 });
}

/**
 * The session as the auth guard saw it. Components behind the guard read it from here rather than
 * from the query, so that signing out re-renders the guard (which navigates away) before them.
 */
export const SignedInContext = createContext<SessionInfo | null>(null);

/** The current session; only for components rendered behind the auth guard. */
export function useSignedIn(): SessionInfo {
  const session = useContext(SignedInContext);
  if (!session) throw new Error('useSignedIn outside the auth guard');
  return session;
}

/** can('customers:import') → whether the signed-in user's role allows it. */
export function useCan() {
  const { data } = useSession();
  return useCallback((p: Permission) => !!data?.permissions.includes(p), [data]);
}

/** After sign-in or setup: remember the session and switch to the user's language. */
export function useAcceptSession() {
  const qc = useQueryClient();
  const { setLanguage } = useLanguage();
  return useCallback(
    (info: SessionInfo) => {
      setCsrfToken(info.csrfToken);
      qc.setQueryData(sessionKeys.session, info);
      setLanguage(info.user.language);
    },
    [qc, setLanguage],
  );
}
