// What the intake and the order page pick from: a customer (with sites and contacts), the customer's
// assets, service paths.
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api-client.ts';
import type { Page } from '../../../app/api-types.ts';
import type { Asset } from '../../assets/api/asset-shapes.ts';
import { assetKeys } from '../../assets/api/assets-api.ts';
import { customerKeys } from '../../customers/api/customers-api.ts';
import type { CustomerDetail } from '../../customers/api/customer-types.ts';
import type { ServicePath } from '../../service-paths/api/service-paths-api.ts';

export function useCustomerDetail(id: string) {
  return useQuery({ queryKey: customerKeys.detail(id), queryFn: () => api<CustomerDetail>(`/api/v1/customers/${id}`), enabled: !!id });
}

/** The customer's active assets, searched on the server once there are more than one page of them. */
export function useCustomerAssets(customerId: string, search: string) {
  const [q] = useDebouncedValue(search.trim(), 250);
  return useQuery({
    queryKey: ['assets', 'list', 'order-intake', customerId, q],
    queryFn: ({ signal }) => api<Page<Asset>>('/api/v1/assets', { query: { customerId, q, status: 'active', sort: 'name', limit: 50 }, signal }),
    enabled: !!customerId,
    placeholderData: (prev) => prev,
  });
}

export function useServicePathOptions() {
  return useQuery({
    queryKey: ['service-paths', 'list', 'order-options'],
    queryFn: () => api<Page<ServicePath>>('/api/v1/service-paths', { query: { status: 'active', sort: 'name', limit: 100 } }).then((r) => r.items),
    staleTime: 60_000,
  });
}

/** One asset, only when there is an id (a prefilled intake). */
export function useAssetIfAny(id: string | null) {
  return useQuery({ queryKey: assetKeys.detail(id ?? ''), queryFn: () => api<Asset>(`/api/v1/assets/${id}`), enabled: !!id });
}
