// Staff users: list (search + keyset paging), invite, edit, reset password.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client.ts';
import type { Page, Role, User } from '../../../app/api-types.ts';
import type { Language } from '../../../i18n/catalog-types.ts';

export type InviteBody = { email: string; name: string; role: Role; language: Language };
export type UserPatch = Partial<{ name: string; role: Role; language: Language; active: boolean }>;
export type UserWithTemporaryPassword = { user: User; temporaryPassword: string };

export const userKeys = {
  all: ['users'] as const,
  lists: () => [...userKeys.all, 'list'] as const,
  list: (q: string) => [...userKeys.lists(), q] as const,
};

export function useUserList(q: string) {
  return useInfiniteQuery({
    queryKey: userKeys.list(q),
    queryFn: ({ pageParam, signal }) => api<Page<User>>('/api/v1/users', { query: { q: q.trim(), limit: 50, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (prev) => prev,
  });
}

function useInvalidateUsers() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: userKeys.all });
    void qc.invalidateQueries({ queryKey: ['setup', 'guide'] });
  };
}

export function useInviteUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: InviteBody) => api<UserWithTemporaryPassword>('/api/v1/users', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UserPatch }) => api<User>(`/api/v1/users/${id}`, { method: 'PATCH', body }),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (id: string) => api<UserWithTemporaryPassword>(`/api/v1/users/${id}/reset-password`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}
