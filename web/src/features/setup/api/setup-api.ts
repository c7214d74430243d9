// First-run setup and the setup guide.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client.ts';
import type { SessionInfo } from '../../../app/api-types.ts';
import type { Language } from '../../../i18n/catalog-types.ts';
import type { CompanyInput } from '../../company/api/company-api.ts';

export type SetupStatus = { needsSetup: boolean };
export type SetupBody = { company: CompanyInput; admin: { name: string; email: string; password: string; language: Language } };
export type GuideStep = { key: string; link: string; done: boolean };
export type Guide = { steps: GuideStep[]; complete: boolean };

export const setupKeys = {
  all: ['setup'] as const,
  status: () => [...setupKeys.all, 'status'] as const,
  guide: () => [...setupKeys.all, 'guide'] as const,
};

export function useSetupStatus() {
  return useQuery({
    queryKey: setupKeys.status(),
    queryFn: () => api<SetupStatus>('/api/v1/setup/status', { allowUnauthorized: true }),
    staleTime: Infinity,
  });
}

export function usePerformSetup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SetupBody) => api<SessionInfo>('/api/v1/setup', { method: 'POST', body, allowUnauthorized: true, public: true }),
    onSuccess: () => qc.setQueryData<SetupStatus>(setupKeys.status(), { needsSetup: false }),
  });
}

export function useSetupGuide() {
  return useQuery({ queryKey: setupKeys.guide(), queryFn: () => api<Guide>('/api/v1/setup/guide') });
}
