// The company's order statuses: /api/v1/service-order-statuses (list in order, add, rename, recolour,
// notification rules, reorder, archive / restore).
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { api } from '../../../app/api-client.ts';
import { auditKeys } from '../../audit/api/audit-api.ts';
import type { OrderStatus, StatusInput, StatusPatch } from './order-shapes.ts';

const base = '/api/v1/service-order-statuses';

export const statusKeys = {
  all: ['service-order-statuses'] as const,
  list: (includeArchived: boolean) => [...statusKeys.all, includeArchived] as const,
};

/**
 * Every status (archived too: old orders and their history still name them), in the company's order.
 * A company has a dozen or two; one request is all of them.
 */
export function useStatuses() {
  return useQuery({
    queryKey: statusKeys.list(true),
    queryFn: () => api<{ items: OrderStatus[] }>(base, { query: { includeArchived: true } }).then((r) => [...r.items].sort((a, b) => a.position - b.position)),
    staleTime: 60_000,
  });
}

function invalidate(qc: QueryClient, id?: string) {
  void qc.invalidateQueries({ queryKey: statusKeys.all });
  if (id) void qc.invalidateQueries({ queryKey: auditKeys.trail('service_order_statuses', id) });
}

export function useCreateStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: StatusInput) => api<OrderStatus>(base, { method: 'POST', body }),
    onSuccess: (s) => invalidate(qc, s.id),
  });
}

export function useUpdateStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: StatusPatch }) => api<OrderStatus>(`${base}/${id}`, { method: 'PATCH', body }),
    onMutate: ({ id, body }) => {
      // switches answer at once; the server's answer (or a refetch after a failure) settles it
      qc.setQueryData<OrderStatus[]>(statusKeys.list(true), (old) => old?.map((s) => (s.id === id ? { ...s, ...body } : s)));
    },
    onError: () => invalidate(qc),
    onSuccess: (s) => invalidate(qc, s.id),
  });
}

export function useSetStatusArchived() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) => api<OrderStatus>(`${base}/${id}/${archived ? 'archive' : 'restore'}`, { method: 'POST' }),
    onSuccess: (s) => invalidate(qc, s.id),
  });
}

/**
 * Reorder the active statuses: the new order shows at once, requests go one at a time and only the
 * latest wanted order follows the one in flight; a failure puts the server's order back.
 */
export function useReorderStatuses(onError: (e: unknown) => void) {
  const qc = useQueryClient();
  const key = statusKeys.list(true);
  const inFlight = useRef(false);
  const wanted = useRef<string[] | null>(null);

  const send = useCallback(async () => {
    if (inFlight.current || !wanted.current) return;
    const ids = wanted.current;
    wanted.current = null;
    inFlight.current = true;
    try {
      await api<{ items: OrderStatus[] }>(`${base}/reorder`, { method: 'POST', body: { ids } });
      if (!wanted.current) void qc.invalidateQueries({ queryKey: statusKeys.all });
    } catch (e) {
      wanted.current = null;
      void qc.invalidateQueries({ queryKey: statusKeys.all });
      onError(e);
    } finally {
      inFlight.current = false;
      if (wanted.current) void send();
    }
  }, [qc, onError]);

  return useCallback(
    (ids: string[]) => {
      qc.setQueryData<OrderStatus[]>(key, (old) => {
        if (!old) return old;
        const pos = new Map(ids.map((id, i) => [id, (i + 1) * 10]));
        return old.map((s) => (pos.has(s.id) ? { ...s, position: pos.get(s.id)! } : s)).sort((a, b) => a.position - b.position);
      });
      wanted.current = ids;
      void send();
    },
    [qc, send],
  );
}

// ── message wording per status: GET /:id/templates, PUT|DELETE /:id/templates/:channel/:lang ──────

export const TEMPLATE_CHANNELS = ['email', 'sms'] as const;
export const TEMPLATE_LANGS = ['pl', 'en'] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];
export type TemplateLang = (typeof TEMPLATE_LANGS)[number];
export type StatusTemplate = {
  statusId: string;
  channel: TemplateChannel;
  lang: TemplateLang;
  /** Email only. */
  subject: string;
  body: string;
  /** No saved wording: this is the built-in text. */
  isDefault: boolean;
  placeholders: string[];
};

const templateKeys = { of: (statusId: string) => [...statusKeys.all, 'templates', statusId] as const };
const templateUrl = (statusId: string, channel?: TemplateChannel, lang?: TemplateLang) => `${base}/${statusId}/templates${channel && lang ? `/${channel}/${lang}` : ''}`;

export function useStatusTemplates(statusId: string) {
  return useQuery({
    queryKey: templateKeys.of(statusId),
    queryFn: ({ signal }) => api<{ items: StatusTemplate[] }>(templateUrl(statusId), { signal }).then((r) => r.items),
  });
}

/** Save (PUT) or reset to the built-in text (DELETE); the answer replaces that one template in the cache. */
export function useStatusTemplateMutation(statusId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ channel, lang, body }: { channel: TemplateChannel; lang: TemplateLang; body: { subject: string; body: string } | null }) =>
      api<StatusTemplate>(templateUrl(statusId, channel, lang), body ? { method: 'PUT', body } : { method: 'DELETE' }),
    onSuccess: (saved) => {
      qc.setQueryData<StatusTemplate[]>(templateKeys.of(statusId), (old) => old?.map((x) => (x.channel === saved.channel && x.lang === saved.lang ? saved : x)));
      void qc.invalidateQueries({ queryKey: auditKeys.trail('service_order_statuses', statusId) });
    },
  });
}
