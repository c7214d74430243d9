// Services (billable labour items): /api/v1/services. Prices in integer grosze, net.
import { catalogueApi } from '../../catalogue/api/catalogue-api.ts';

export const SERVICE_UNITS = ['hour', 'piece', 'visit', 'km'] as const;
export type ServiceUnit = (typeof SERVICE_UNITS)[number];

export type ServiceInput = {
  code: string;
  name: string;
  unit: ServiceUnit;
  defaultPriceMinor: number;
  vatRateCode: string;
  billingIncrementMinutes: number | null;
  description: string;
};
export type Service = ServiceInput & { id: string; archived: boolean; archivedAt: string | null; createdAt: string; updatedAt: string };
export type ServiceFilters = { q: string; status: 'active' | 'archived' | 'all'; sort: 'name' | '-name' | 'code' | '-code' };

export const servicesApi = catalogueApi<Service, ServiceInput>({ key: 'services', base: '/api/v1/services', auditEntity: 'services' });

export const SERVICE_FILTER_DEFAULTS: ServiceFilters = { q: '', status: 'active', sort: 'name' };
export const SERVICE_FILTER_VALUES = { status: ['active', 'archived', 'all'], sort: ['name', '-name', 'code', '-code'] } as const;
