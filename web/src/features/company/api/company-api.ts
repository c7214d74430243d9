// The company running this installation: GET/PUT /api/v1/company.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client.ts';
import type { Language } from '../../../i18n/catalog-types.ts';

export type CompanyInput = {
  name: string;
  nip: string;
  street: string;
  postalCode: string;
  city: string;
  country: string;
  bankAccount: string;
  email: string;
  phone: string;
  defaultLanguage: Language;
};
/** What the company does; several may apply. The setup guide shows the steps these need. */
export const COMPANY_PROFILES = ['repair_shop', 'field_service', 'contracts_helpdesk', 'telecom'] as const;
export type CompanyProfile = (typeof COMPANY_PROFILES)[number];

export type Company = CompanyInput & { profiles: CompanyProfile[]; updatedAt: string };

export const emptyCompany = (): CompanyInput => ({
  name: '',
  nip: '',
  street: '',
  postalCode: '',
  city: '',
  country: 'PL',
  bankAccount: '',
  email: '',
  phone: '',
  defaultLanguage: 'pl',
});

export const companyKeys = {
  all: ['company'] as const,
  detail: () => [...companyKeys.all, 'detail'] as const,
};

export function useCompany() {
  return useQuery({ queryKey: companyKeys.detail(), queryFn: () => api<Company>('/api/v1/company') });
}

export function useUpdateCompany() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CompanyInput) => api<Company>('/api/v1/company', { method: 'PUT', body }),
    onSuccess: (company) => {
      qc.setQueryData(companyKeys.detail(), company);
      void qc.invalidateQueries({ queryKey: ['setup'] });
      void qc.invalidateQueries({ queryKey: ['audit', 'company'] });
    },
  });
}

export function useSetCompanyProfiles() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (profiles: CompanyProfile[]) => api<Company>('/api/v1/company/profiles', { method: 'PUT', body: { profiles } }),
    onSuccess: (company) => {
      qc.setQueryData(companyKeys.detail(), company);
      void qc.invalidateQueries({ queryKey: ['setup'] });
      void qc.invalidateQueries({ queryKey: ['audit', 'company'] });
    },
  });
}
