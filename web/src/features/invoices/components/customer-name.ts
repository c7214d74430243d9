import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api-client.ts';
import type { CustomerDetail } from '../../customers/api/customer-types.ts';
import { customerKeys } from '../../customers/api/customers-api.ts';

/** A customer's name for a picker's label (the same cache entry as the customer's page); none for ''. */
export function useCustomerName(id: string): string | undefined {
  const q = useQuery({ queryKey: customerKeys.detail(id), queryFn: () => api<CustomerDetail>(`/api/v1/customers/${id}`), enabled: !!id, staleTime: 60_000 });
  return q.data?.name;
}
