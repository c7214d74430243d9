// The customer's public pages: the order's tracking answer and the estimate link, with the decision.
// No session: requests go without a CSRF token (`public`), and a 4xx is a state of the page, not a
// reason to sign in.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client.ts';

export type Phase = 'new' | 'diagnosis' | 'awaiting_approval' | 'in_repair' | 'external_service' | 'ready_for_release' | 'released' | 'cancelled';
export type EstimateStatus = 'draft' | 'sent' | 'accepted' | 'rejected' | 'expired' | 'withdrawn';
export type Decision = 'accepted' | 'rejected';

export type Totals = { rates: { vatRateCode: string; netMinor: number; vatMinor: number; grossMinor: number }[]; netMinor: number; vatMinor: number; grossMinor: number };

export type PublicEstimate = {
  id: string;
  version: number;
  status: EstimateStatus;
  orderNumber: string;
  assetName: string;
  lines: { name: string; quantity: string; unit: string; unitPriceMinor: number; vatRateCode: string; netMinor: number }[];
  totals: Totals;
  vatLabels: Record<string, { pl: string; en: string }>;
  note: string;
  sentAt: string | null;
  validUntil: string | null;
  decidedAt: string | null;
  company: PublicCompany;
  lang: 'pl' | 'en';
};

export type PublicCompany = { name: string; phone: string; email: string };

export type TimelineEvent = {
  at: string;
  kind: 'created' | 'status' | 'promised' | 'released' | 'estimate_sent' | 'estimate_accepted' | 'estimate_rejected';
  statusNamePl: string | null;
  statusNameEn: string | null;
  phase: Phase | null;
  promisedOn: string | null;
};

export type Tracking = {
  orderNumber: string;
  assetName: string;
  status: { namePl: string; nameEn: string; phase: Phase; color: string };
  receivedOn: string;
  promisedOn: string | null;
  readyOn: string | null;
  releasedOn: string | null;
  timeline: TimelineEvent[];
  pendingEstimate: PublicEstimate | null;
  company: PublicCompany;
  lang: 'pl' | 'en';
};

export type DecisionResult = { status: EstimateStatus; decidedAt: string };
export type DecisionBody = { decision: Decision; comment: string };

const enc = encodeURIComponent;

export const trackingKeys = {
  all: ['public'] as const,
  tracking: (token: string) => [...trackingKeys.all, 'tracking', token] as const,
  estimate: (token: string) => [...trackingKeys.all, 'estimate', token] as const,
};

export function useTracking(token: string) {
  return useQuery({
    queryKey: trackingKeys.tracking(token),
    queryFn: ({ signal }) => api<Tracking>(`/api/v1/public/tracking/${enc(token)}`, { signal, allowUnauthorized: true }),
    staleTime: 30_000,
    refetchOnWindowFocus: true,
  });
}

export function useTrackingDecision(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DecisionBody & { estimateId: string }) =>
      api<DecisionResult>(`/api/v1/public/tracking/${enc(token)}/estimate-decision`, { method: 'POST', body, public: true, allowUnauthorized: true }),
    onSettled: () => qc.invalidateQueries({ queryKey: trackingKeys.tracking(token) }),
  });
}

export function usePublicEstimate(token: string) {
  return useQuery({
    queryKey: trackingKeys.estimate(token),
    queryFn: ({ signal }) => api<PublicEstimate>(`/api/v1/public/estimates/${enc(token)}`, { signal, allowUnauthorized: true }),
    staleTime: 30_000,
  });
}

export function useEstimateDecision(token: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DecisionBody) => api<DecisionResult>(`/api/v1/public/estimates/${enc(token)}/decision`, { method: 'POST', body, public: true, allowUnauthorized: true }),
    onSettled: () => qc.invalidateQueries({ queryKey: trackingKeys.estimate(token) }),
  });
}
