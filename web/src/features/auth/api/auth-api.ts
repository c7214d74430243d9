// Sign-in, sign-out, own password and profile.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../../../app/api-client.ts';
import type { SessionInfo, User } from '../../../app/api-types.ts';
import { sessionKeys } from '../../../app/session.ts';
import type { Language } from '../../../i18n/catalog-types.ts';

export type SignInBody = { email: string; password: string };
export type ChangePasswordBody = { currentPassword: string; newPassword: string };
export type ProfileBody = Partial<{ name: string; language: Language }>;

export function useSignIn() {
  return useMutation({
    mutationFn: (body: SignInBody) => api<SessionInfo>('/api/v1/auth/sign-in', { method: 'POST', body, allowUnauthorized: true, public: true }),
  });
}

export function useSignOut() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/v1/auth/sign-out', { method: 'POST', allowUnauthorized: true }),
    onSettled: () => {
      setCsrfToken(null);
      qc.setQueryData(sessionKeys.session, null);
      // nothing of the previous user stays in memory
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKeys.session[0] });
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => api<void>('/api/v1/auth/password', { method: 'PUT', body }),
    onSuccess: () => {
      // the guard reads this at once; the refetch confirms it
      qc.setQueryData<SessionInfo | null>(sessionKeys.session, (s) => (s ? { ...s, user: { ...s.user, mustChangePassword: false } } : s));
      void qc.invalidateQueries({ queryKey: sessionKeys.session });
    },
  });
}

export function useUpdateProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileBody) => api<User>('/api/v1/auth/profile', { method: 'PATCH', body }),
    onSuccess: (user) => {
      qc.setQueryData<SessionInfo | null>(sessionKeys.session, (s) => (s ? { ...s, user } : s));
    },
  });
}
