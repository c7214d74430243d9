// The work on an order (server/modules/service-orders/work.schemas.ts, rma.schemas.ts,
// estimates.schemas.ts): steps across people, labour, parts from stock, other lines, external service
// (RMA) and cost estimates. Every write refreshes the order (its totals and phase follow the work).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../../app/api-client.ts';
import type { Role } from '../../../app/api-types.ts';
import type { Language } from '../../../i18n/catalog-types.ts';
import type { Totals } from './order-shapes.ts';
import { invalidateOrder, orderKeys } from './orders-api.ts';

// ── shapes ──

export const STEP_STATUSES = ['todo', 'in_progress', 'done', 'skipped'] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];
export type StepAction = 'start' | 'done' | 'skip' | 'edit';

export type OrderStep = {
  id: string;
  orderId: string;
  position: number;
  name: string;
  description: string;
  ownerId: string | null;
  ownerName: string | null;
  ownerRole: Role | null;
  plannedMinutes: number;
  deadlineAt: string | null;
  status: StepStatus;
  skipReason: string;
  startedAt: string | null;
  doneAt: string | null;
  doneById: string | null;
  doneByName: string | null;
  allowedActions: StepAction[];
  createdAt: string;
};
export type StepInput = { name: string; description: string; ownerId: string | null; ownerRole: Role | null; plannedMinutes: number; deadlineAt: string | null };

export type TimeEntry = {
  id: string;
  orderId: string;
  stepId: string | null;
  stepName: string | null;
  userId: string;
  userName: string;
  workedOn: string;
  startedAt: string | null;
  endedAt: string | null;
  minutes: number;
  serviceId: string | null;
  serviceName: string | null;
  billable: boolean;
  billedMinutes: number;
  unitPriceMinor: number;
  vatRateCode: string | null;
  netMinor: number;
  note: string;
  createdAt: string;
};
export type TimeEntryInput = {
  stepId: string | null;
  userId?: string;
  workedOn?: string;
  startedAt?: string;
  endedAt?: string;
  minutes?: number;
  serviceId: string | null;
  billable: boolean;
  note: string;
};

export type PartUse = {
  id: string;
  orderId: string;
  partId: string;
  partCode: string;
  partName: string;
  unit: string;
  locationId: string;
  locationName: string;
  quantity: string;
  unitPriceMinor: number;
  vatRateCode: string;
  netMinor: number;
  issueMovementSeq: number | null;
  removedAt: string | null;
  createdAt: string;
};
export type PartUseInput = { partId: string; locationId: string; quantity: string };

export type OrderLine = {
  id: string;
  orderId: string;
  serviceId: string | null;
  name: string;
  quantity: string;
  unit: string;
  unitPriceMinor: number;
  vatRateCode: string;
  netMinor: number;
  createdAt: string;
};
export type LineInput = { serviceId: string | null; name?: string; quantity: string; unit?: string; unitPriceMinor?: number; vatRateCode?: string };

export type OrderWork = { steps: OrderStep[]; time: TimeEntry[]; parts: PartUse[]; lines: OrderLine[]; totals: Totals };

export const RMA_OUTCOMES = ['repaired', 'replaced', 'refused', 'returned_unrepaired'] as const;
export type RmaOutcome = (typeof RMA_OUTCOMES)[number];
export type Rma = {
  id: string;
  orderId: string;
  vendor: string;
  caseNumber: string;
  shippedOn: string;
  waybill: string;
  expectedReturnOn: string | null;
  returnedOn: string | null;
  outcome: RmaOutcome | null;
  note: string;
  open: boolean;
  late: boolean;
  createdAt: string;
};
export type RmaInput = { vendor: string; caseNumber: string; shippedOn?: string; waybill: string; expectedReturnOn: string | null; note: string };
export type RmaPatch = Partial<Pick<RmaInput, 'caseNumber' | 'waybill' | 'expectedReturnOn' | 'note'>>;
export type RmaReturnInput = { returnedOn?: string; outcome: RmaOutcome; note: string; nextPhase: 'in_repair' | 'ready_for_release' };

export const ESTIMATE_STATUSES = ['draft', 'sent', 'accepted', 'rejected', 'expired', 'withdrawn'] as const;
export type EstimateStatus = (typeof ESTIMATE_STATUSES)[number];
export type EstimateLine = { kind: 'labour' | 'part' | 'service'; itemId: string | null; name: string; quantity: string; unit: string; unitPriceMinor: number; vatRateCode: string; netMinor: number };
/** A draft's line as sent back: without itemId, name, unit, price and VAT are required; with it they default from the catalogue. */
export type EstimateLineInput = Omit<EstimateLine, 'netMinor'>;
export type Estimate = {
  id: string;
  orderId: string;
  version: number;
  status: EstimateStatus;
  lines: EstimateLine[];
  totals: Totals;
  note: string;
  sentAt: string | null;
  expiresAt: string | null;
  validUntil: string | null;
  decidedAt: string | null;
  decidedVia: 'link' | 'paper' | null;
  decisionComment: string;
  createdAt: string;
};

// ── reading ──

const orders = '/api/v1/service-orders';

export function useOrderWork(orderId: string) {
  return useQuery({ queryKey: orderKeys.part(orderId, 'work'), queryFn: () => api<OrderWork>(`${orders}/${orderId}/work`) });
}

export function useRmas(orderId: string) {
  return useQuery({ queryKey: orderKeys.part(orderId, 'rmas'), queryFn: () => api<{ items: Rma[] }>(`${orders}/${orderId}/rmas`).then((r) => r.items) });
}

export function useEstimates(orderId: string) {
  return useQuery({ queryKey: orderKeys.part(orderId, 'estimates'), queryFn: () => api<{ items: Estimate[] }>(`${orders}/${orderId}/estimates`).then((r) => r.items) });
}

export const estimatePdfUrl = (orderId: string, estimateId: string, lang: Language) => withQuery(`${orders}/${orderId}/estimates/${estimateId}/pdf`, { lang });

// ── writing ──

/**
 * A write on the order's work: the order (totals, phase), its parts and history, and — for parts —
 * the stock levels are refreshed afterwards.
 */
function useWorkMutation<I, O>(orderId: string, fn: (input: I) => Promise<O>, opts: { stock?: boolean } = {}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      invalidateOrder(qc, orderId);
      if (opts.stock) {
        void qc.invalidateQueries({ queryKey: ['stock'] });
        void qc.invalidateQueries({ queryKey: ['parts'] });
      }
    },
  });
}

export const useAddStep = (orderId: string) => useWorkMutation(orderId, (body: StepInput & { position?: number }) => api<OrderStep>(`${orders}/${orderId}/steps`, { method: 'POST', body }));
export const useUpdateStep = (orderId: string) =>
  useWorkMutation(orderId, ({ id, body }: { id: string; body: Partial<StepInput> }) => api<OrderStep>(`/api/v1/service-order-steps/${id}`, { method: 'PATCH', body }));
export const useStepAction = (orderId: string) =>
  useWorkMutation(orderId, ({ id, action, reason }: { id: string; action: 'start' | 'done' | 'skip'; reason?: string }) =>
    api<OrderStep>(`/api/v1/service-order-steps/${id}/${action}`, { method: 'POST', ...(action === 'skip' ? { body: { reason: reason ?? '' } } : {}) }),
  );
export const useApplyPath = (orderId: string) => useWorkMutation(orderId, (servicePathId: string) => api<{ items: OrderStep[] }>(`${orders}/${orderId}/apply-path`, { method: 'POST', body: { servicePathId } }));

/** Reorder: the new order shows at once; a failure puts the server's order back. */
export function useReorderSteps(orderId: string) {
  const qc = useQueryClient();
  const key = orderKeys.part(orderId, 'work');
  return useMutation({
    mutationFn: (stepIds: string[]) => api<{ items: OrderStep[] }>(`${orders}/${orderId}/steps/reorder`, { method: 'POST', body: { stepIds } }),
    onMutate: (stepIds) => {
      qc.setQueryData<OrderWork>(key, (old) => {
        if (!old) return old;
        const byId = new Map(old.steps.map((s) => [s.id, s]));
        return { ...old, steps: stepIds.map((id, i) => ({ ...byId.get(id)!, position: i })) };
      });
    },
    onSettled: () => invalidateOrder(qc, orderId),
  });
}

export const useAddTime = (orderId: string) => useWorkMutation(orderId, (body: TimeEntryInput) => api<TimeEntry>(`${orders}/${orderId}/time`, { method: 'POST', body }));
export const useRemoveTime = (orderId: string) => useWorkMutation(orderId, (id: string) => api<void>(`/api/v1/service-order-time/${id}`, { method: 'DELETE' }));

export const useAddPart = (orderId: string) => useWorkMutation(orderId, (body: PartUseInput) => api<PartUse>(`${orders}/${orderId}/parts`, { method: 'POST', body }), { stock: true });
export const useRemovePart = (orderId: string) => useWorkMutation(orderId, (id: string) => api<PartUse>(`/api/v1/service-order-parts/${id}`, { method: 'DELETE' }), { stock: true });

export const useAddLine = (orderId: string) => useWorkMutation(orderId, (body: LineInput) => api<OrderLine>(`${orders}/${orderId}/lines`, { method: 'POST', body }));
export const useRemoveLine = (orderId: string) => useWorkMutation(orderId, (id: string) => api<void>(`/api/v1/service-order-lines/${id}`, { method: 'DELETE' }));

export const useSendRma = (orderId: string) => useWorkMutation(orderId, (body: RmaInput) => api<Rma>(`${orders}/${orderId}/rma`, { method: 'POST', body }));
export const useUpdateRma = (orderId: string) => useWorkMutation(orderId, ({ id, body }: { id: string; body: RmaPatch }) => api<Rma>(`/api/v1/service-order-rmas/${id}`, { method: 'PATCH', body }));
export const useReturnRma = (orderId: string) => useWorkMutation(orderId, ({ id, body }: { id: string; body: RmaReturnInput }) => api<Rma>(`/api/v1/service-order-rmas/${id}/return`, { method: 'POST', body }));

const est = (orderId: string, estimateId: string, action = '') => `${orders}/${orderId}/estimates/${estimateId}${action ? `/${action}` : ''}`;
export const useCreateEstimate = (orderId: string) =>
  useWorkMutation(orderId, (body: { labourServiceId: string | null; note: string }) => api<Estimate>(`${orders}/${orderId}/estimates`, { method: 'POST', body }));
/** A draft's lines (replaced as a whole) and note. */
export const useUpdateEstimate = (orderId: string) =>
  useWorkMutation(orderId, ({ id, ...body }: { id: string; lines?: EstimateLineInput[]; note?: string }) => api<Estimate>(est(orderId, id), { method: 'PATCH', body }));
export const useSendEstimate = (orderId: string) =>
  useWorkMutation(orderId, ({ id, validDays }: { id: string; validDays: number }) => api<{ estimate: Estimate; acceptUrl: string }>(est(orderId, id, 'send'), { method: 'POST', body: { validDays } }));
export const usePaperDecision = (orderId: string) =>
  useWorkMutation(orderId, ({ id, decision, comment }: { id: string; decision: 'accepted' | 'rejected'; comment: string }) => api<Estimate>(est(orderId, id, 'paper-decision'), { method: 'POST', body: { decision, comment } }));
export const useWithdrawEstimate = (orderId: string) => useWorkMutation(orderId, (id: string) => api<Estimate>(est(orderId, id, 'withdraw'), { method: 'POST' }));
