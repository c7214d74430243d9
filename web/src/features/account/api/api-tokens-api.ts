// Your own API tokens: list, create (secret shown once), revoke.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client.ts';

export type ApiToken = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };
export type CreatedApiToken = { token: ApiToken; secret: string };

export const apiTokenKeys = {
  all: ['api-tokens'] as const,
  list: () => [...apiTokenKeys.all, 'list'] as const,
};

export function useApiTokens() {
  return useQuery({ queryKey: apiTokenKeys.list(), queryFn: () => api<{ items: ApiToken[] }>('/api/v1/api-tokens') });
}

export function useCreateApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api<CreatedApiToken>('/api/v1/api-tokens', { method: 'POST', body: { name } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: apiTokenKeys.all }),
  });
}

export function useRevokeApiToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<ApiToken>(`/api/v1/api-tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: apiTokenKeys.all }),
  });
}
