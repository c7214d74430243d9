// Spare parts: /api/v1/parts (list with on-hand, detail, create, patch, archive/restore, export).
import { catalogueApi } from '../../catalogue/api/catalogue-api.ts';
import type { Part, PartFilters, PartInput } from './part-types.ts';

export const partsApi = catalogueApi<Part, PartInput>({ key: 'parts', base: '/api/v1/parts', auditEntity: 'parts' });

export const PART_FILTER_DEFAULTS: PartFilters = { q: '', status: 'active', lowStock: '', sort: 'name' };
export const PART_FILTER_VALUES = {
  status: ['active', 'archived', 'all'],
  lowStock: ['', 'true'],
  sort: ['name', '-name', 'code', '-code'],
} as const;
