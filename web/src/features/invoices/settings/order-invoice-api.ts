// A service order's invoices: GET /api/v1/invoices?serviceOrderId=… and POST
// /api/v1/service-orders/:id/invoice (a draft from the order's labour, parts and lines).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../app/api-client.ts';
import { orderKeys } from '../../service-orders/api/orders-api.ts';
import type { Invoice, InvoicePage } from '../api/invoice-shapes.ts';

/** Under ['invoices'] so that whatever changes an invoice refreshes it too. */
export const orderInvoicesKey = (orderId: string) => ['invoices', 'of-order', orderId] as const;

export function useOrderInvoices(orderId: string, enabled: boolean) {
  return useQuery({
    queryKey: orderInvoicesKey(orderId),
    queryFn: ({ signal }) => api<InvoicePage>('/api/v1/invoices', { query: { serviceOrderId: orderId, limit: 5 }, signal }),
    enabled,
  });
}

export function useInvoiceOrder(orderId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<Invoice>(`/api/v1/service-orders/${encodeURIComponent(orderId)}/invoice`, { method: 'POST' }),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: ['invoices'] });
      void qc.invalidateQueries({ queryKey: orderKeys.part(orderId, 'events') });
    },
  });
}
