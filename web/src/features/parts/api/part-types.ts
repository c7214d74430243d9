// Spare parts (mirrors server/modules/catalog/parts.schemas.ts). Money in integer grosze, quantities
// as exact decimal strings ("2.500").
export const PART_UNITS = ['pcs', 'set', 'm', 'kg', 'l', 'pack'] as const;
export type PartUnit = (typeof PART_UNITS)[number];

export type PartInput = {
  code: string;
  name: string;
  unit: PartUnit;
  manufacturerPartNumber: string;
  ean: string | null;
  purchasePriceMinor: number;
  salePriceMinor: number;
  vatRateCode: string;
  minStock: string;
  description: string;
};

export type Part = PartInput & {
  id: string;
  onHand: string;
  lowStock: boolean;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
};

export type PartFilters = { q: string; status: 'active' | 'archived' | 'all'; lowStock: '' | 'true'; sort: 'name' | '-name' | 'code' | '-code' };
