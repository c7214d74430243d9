// Serviceable products: /api/v1/products (+ /categories for the filter and suggestions).
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api-client.ts';
import { catalogueApi } from '../../catalogue/api/catalogue-api.ts';

export type ProductInput = {
  code: string;
  name: string;
  manufacturer: string;
  model: string;
  category: string;
  warrantyMonths: number;
  description: string;
};
export type Product = ProductInput & { id: string; archived: boolean; archivedAt: string | null; createdAt: string; updatedAt: string };
export type ProductFilters = { q: string; category: string; status: 'active' | 'archived' | 'all'; sort: 'name' | '-name' | 'code' | '-code' };

export const productsApi = catalogueApi<Product, ProductInput>({ key: 'products', base: '/api/v1/products', auditEntity: 'products' });

export const PRODUCT_FILTER_DEFAULTS: ProductFilters = { q: '', category: '', status: 'active', sort: 'name' };
export const PRODUCT_FILTER_VALUES = { status: ['active', 'archived', 'all'], sort: ['name', '-name', 'code', '-code'] } as const;

export function useProductCategories() {
  return useQuery({
    queryKey: [...productsApi.keys.all, 'categories'],
    queryFn: () => api<{ items: string[] }>('/api/v1/products/categories').then((r) => r.items),
  });
}
