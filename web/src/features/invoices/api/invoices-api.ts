// Invoices: query-key factory and TanStack Query hooks for /api/v1/invoices (list with totals, one
// invoice, drafts, issue, corrections, sent, KSeF state, payments), the invoicing settings, invoicing
// a service order, the bank statement import, and the URLs of the files the server makes (PDF, KSeF
// XML, export).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, apiUpload, withQuery } from '../../../app/api-client.ts';
import type { Language } from '../../../i18n/catalog-types.ts';
import { auditKeys } from '../../audit/api/audit-api.ts';
import { customerKeys } from '../../customers/api/customers-api.ts';
import { orderKeys } from '../../service-orders/api/orders-api.ts';
import type {
  Invoice,
  InvoiceDraftInput,
  InvoiceDraftPatch,
  InvoiceFilters,
  InvoicePage,
  InvoiceSettings,
  InvoiceSettingsInput,
  KsefRecordInput,
  Payment,
  PaymentInput,
  StatementCommitRow,
  StatementRow,
} from './invoice-shapes.ts';

const base = '/api/v1/invoices';
export const PAGE_SIZE = 25;

export const INVOICE_FILTER_DEFAULTS: InvoiceFilters = { q: '', status: '', kind: '', customerId: '', from: '', to: '', overdue: '' };
export const INVOICE_FILTER_VALUES = {
  status: ['', 'draft', 'issued', 'sent', 'partially_paid', 'paid', 'overdue', 'cancelled'],
  kind: ['', 'vat', 'correction'],
  overdue: ['', 'true', 'false'],
} as const;

export const invoiceKeys = {
  all: ['invoices'] as const,
  lists: () => [...invoiceKeys.all, 'list'] as const,
  list: (filters: InvoiceFilters & { serviceOrderId?: string }) => [...invoiceKeys.lists(), filters] as const,
  details: () => [...invoiceKeys.all, 'detail'] as const,
  detail: (id: string) => [...invoiceKeys.details(), id] as const,
  payments: (id: string) => [...invoiceKeys.detail(id), 'payments'] as const,
  settings: ['invoice-settings'] as const,
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Filters as the API's query string: empty values and half-typed dates left out. */
export const filterQuery = (f: InvoiceFilters & { serviceOrderId?: string }) => ({
  q: f.q.trim(),
  status: f.status,
  kind: f.kind,
  customerId: f.customerId,
  serviceOrderId: f.serviceOrderId ?? '',
  from: DATE.test(f.from) ? f.from : '',
  to: DATE.test(f.to) ? f.to : '',
  overdue: f.overdue,
});

export const exportUrl = (f: InvoiceFilters, format: 'csv' | 'xlsx', lang: Language) => withQuery(`${base}/export`, { ...filterQuery(f), format, lang });
export const invoicePdfUrl = (id: string) => `${base}/${id}/pdf`;
export const invoiceXmlUrl = (id: string) => `${base}/${id}/ksef.xml`;

type ListOptions = {
  pageSize?: number;
  enabled?: boolean;
  /**
   * Keep showing the previous result while other filters load (the list page). Off where the list
   * belongs to one record (a customer's or an order's invoices): another record's invoices must not
   * stand in for them.
   */
  keepPrevious?: boolean;
};

/** The keyset-paged list; every page carries the totals of the whole filtered set (the first one is shown). */
export function useInvoiceList(filters: InvoiceFilters & { serviceOrderId?: string }, { pageSize = PAGE_SIZE, enabled = true, keepPrevious = true }: ListOptions = {}) {
  return useInfiniteQuery({
    queryKey: invoiceKeys.list(filters),
    queryFn: ({ pageParam, signal }) => api<InvoicePage>(base, { query: { ...filterQuery(filters), limit: pageSize, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    placeholderData: (prev) => (keepPrevious ? prev : undefined),
  });
}

export function useInvoice(id: string) {
  return useQuery({ queryKey: invoiceKeys.detail(id), queryFn: () => api<Invoice>(`${base}/${id}`) });
}

// ── settings ──

/** Invoicing settings (the settings page; a draft offers their bank accounts); readable with invoices:read. */
export function useInvoiceSettings() {
  return useQuery({ queryKey: invoiceKeys.settings, queryFn: ({ signal }) => api<InvoiceSettings>('/api/v1/invoice-settings', { signal }), staleTime: 60_000 });
}

export function useUpdateInvoiceSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InvoiceSettingsInput) => api<InvoiceSettings>('/api/v1/invoice-settings', { method: 'PUT', body }),
    onSuccess: (saved) => qc.setQueryData(invoiceKeys.settings, saved),
  });
}

/**
 * After any change to an invoice: everything under ['invoices'] — lists (also those pinned on order
 * and customer pages), details (a correction or a payment changes the corrected invoice's balance
 * too) and payments —, its audit trail, its service order (which shows its invoice) and the customer.
 */
export function invalidateInvoice(qc: QueryClient, inv?: Pick<Invoice, 'id' | 'customerId' | 'serviceOrderId'>) {
  void qc.invalidateQueries({ queryKey: invoiceKeys.all });
  if (!inv) return;
  void qc.invalidateQueries({ queryKey: auditKeys.trail('invoices', inv.id) });
  if (inv.serviceOrderId) {
    void qc.invalidateQueries({ queryKey: orderKeys.detail(inv.serviceOrderId) });
    void qc.invalidateQueries({ queryKey: orderKeys.lists() });
  }
  void qc.invalidateQueries({ queryKey: customerKeys.detail(inv.customerId) });
}

/** The invoice as the server answered it: stored as the detail, and everything around it refreshed. */
function accept(qc: QueryClient, inv: Invoice) {
  qc.setQueryData(invoiceKeys.detail(inv.id), inv);
  invalidateInvoice(qc, inv);
}

export function useCreateInvoice() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: InvoiceDraftInput) => api<Invoice>(base, { method: 'POST', body }), onSuccess: (inv) => accept(qc, inv) });
}

export function useUpdateInvoice(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: InvoiceDraftPatch) => api<Invoice>(`${base}/${id}`, { method: 'PATCH', body }), onSuccess: (inv) => accept(qc, inv) });
}

export function useCancelInvoice(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: () => api<Invoice>(`${base}/${id}/cancel`, { method: 'POST' }), onSuccess: (inv) => accept(qc, inv) });
}

export function useIssueInvoice(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: () => api<Invoice>(`${base}/${id}/issue`, { method: 'POST' }), onSuccess: (inv) => accept(qc, inv) });
}

/** Starts a correcting invoice of `id`: answers the new draft (the corrected invoice lists it from now). */
export function useCreateCorrection(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (reason: string) => api<Invoice>(`${base}/${id}/corrections`, { method: 'POST', body: { reason } }), onSuccess: (inv) => accept(qc, inv) });
}

export function useMarkSent(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: () => api<Invoice>(`${base}/${id}/sent`, { method: 'POST' }), onSuccess: (inv) => accept(qc, inv) });
}

export function useRecordKsef(id: string) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: KsefRecordInput) => api<Invoice>(`${base}/${id}/ksef`, { method: 'PUT', body }), onSuccess: (inv) => accept(qc, inv) });
}

// ── payments ──

export function useInvoicePayments(id: string, enabled = true) {
  return useQuery({ queryKey: invoiceKeys.payments(id), queryFn: () => api<{ items: Payment[] }>(`${base}/${id}/payments`).then((r) => r.items), enabled });
}

/** A payment changes the invoice's paid amount, balance and status: the invoice is refetched. */
const afterPayment = (qc: QueryClient, invoice: Pick<Invoice, 'id' | 'customerId' | 'serviceOrderId'>) => invalidateInvoice(qc, invoice);

export function useRecordPayment(invoice: Pick<Invoice, 'id' | 'customerId' | 'serviceOrderId'>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (body: PaymentInput) => api<Payment>(`${base}/${invoice.id}/payments`, { method: 'POST', body }), onSuccess: () => afterPayment(qc, invoice) });
}

export function useRemovePayment(invoice: Pick<Invoice, 'id' | 'customerId' | 'serviceOrderId'>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: (paymentId: string) => api<void>(`/api/v1/invoice-payments/${paymentId}`, { method: 'DELETE' }), onSuccess: () => afterPayment(qc, invoice) });
}

// ── bank statements ──

/** What the preview endpoint takes (a 10 MB file is about 14 MB of base64). */
export const MAX_STATEMENT_BYTES = 10 * 1024 * 1024;

/** Reads a statement (the CSV as base64) and matches its transfers to invoices; writes nothing. `onProgress` follows the upload. */
export function previewStatement(contentBase64: string, onProgress: (fraction: number) => void, signal: AbortSignal) {
  return apiUpload<{ rows: StatementRow[] }>('/api/v1/bank-statements/preview', { contentBase64 }, { onProgress, signal });
}

/** Records the chosen statement lines as payments, all or none; every invoice they touch changes. */
export function useCommitStatement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (rows: StatementCommitRow[]) => api<{ recorded: number }>('/api/v1/bank-statements/commit', { method: 'POST', body: { rows } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: invoiceKeys.all });
      void qc.invalidateQueries({ queryKey: [...auditKeys.all, 'invoices'] });
      void qc.invalidateQueries({ queryKey: customerKeys.details() });
    },
  });
}

// ── service orders ──

/**
 * "Wystaw fakturę" on a finished service order: its labour, parts and lines become a draft for the
 * order's customer (POST /api/v1/service-orders/:id/invoice). Answers the draft; navigate to
 * /invoices/:id. 409 invoices.order_invoiced carries the existing invoice's id in the problem body.
 */
export function useInvoiceServiceOrder() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (orderId: string) => api<Invoice>(`/api/v1/service-orders/${orderId}/invoice`, { method: 'POST' }),
    onSuccess: (inv) => {
      accept(qc, inv);
      // the order's history got an "invoice drafted" event
      if (inv.serviceOrderId) void qc.invalidateQueries({ queryKey: auditKeys.trail('service_orders', inv.serviceOrderId) });
    },
    // 409 invoices.order_invoiced: someone else was quicker; the order's list shows their invoice
    onError: () => void qc.invalidateQueries({ queryKey: invoiceKeys.lists() }),
  });
}
