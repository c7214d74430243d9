// A customer's invoices (newest first, keyset pages) and the overdue ones with their totals.
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../../app/api-client.ts';
import type { InvoicePage } from '../api/invoice-shapes.ts';

const PAGE = 25;

export const customerInvoicesKey = (customerId: string, overdue: boolean) => ['invoices', 'of-customer', customerId, overdue ? 'overdue' : 'all'] as const;

export function useCustomerInvoices(customerId: string, overdue: boolean) {
  return useInfiniteQuery({
    queryKey: customerInvoicesKey(customerId, overdue),
    queryFn: ({ pageParam, signal }) =>
      api<InvoicePage>('/api/v1/invoices', { query: { customerId, ...(overdue ? { overdue: 'true' } : {}), limit: overdue ? 50 : PAGE, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
