// Export of the current (filtered, sorted) product list to CSV or XLSX, streamed in keyset batches.
import type { Readable } from 'node:stream';
import type { Ctx, Deps } from '../../deps.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { exportRows, type ExportColumn } from '../../kernel/http/table-export.ts';
import { yesNo, type ExportFormat, type ExportLang } from './catalog.export.ts';
import { productsRepository as repo, type ProductRow } from './products.repository.ts';
import type { ProductListFilters } from './products.schemas.ts';
import { productFilter } from './products.usecases.ts';

export const PRODUCT_COLUMNS: ExportColumn<ProductRow>[] = [
  { pl: 'Kod', en: 'Code', width: 16, value: (r) => r.code },
  { pl: 'Nazwa', en: 'Name', width: 40, value: (r) => r.name },
  { pl: 'Producent', en: 'Manufacturer', width: 20, value: (r) => r.manufacturer },
  { pl: 'Model', en: 'Model', width: 20, value: (r) => r.model },
  { pl: 'Kategoria', en: 'Category', width: 20, value: (r) => r.category },
  { pl: 'Gwarancja (mies.)', en: 'Warranty (months)', width: 10, value: (r) => r.warrantyMonths },
  { pl: 'Opis', en: 'Description', width: 40, value: (r) => r.description },
  { pl: 'Zarchiwizowany', en: 'Archived', width: 12, value: (r, lang) => yesNo(r.archivedAt !== null, lang) },
  { pl: 'ID', en: 'ID', width: 38, value: (r) => r.id },
];

export function exportProducts(deps: Deps, ctx: Ctx, q: ProductListFilters & { format: ExportFormat }, lang: ExportLang): Readable {
  authorize(ctx.actor, 'catalog:export');
  return exportRows({ columns: PRODUCT_COLUMNS, batches: repo.stream(deps.database.db, productFilter(q)), format: q.format, lang, sheet: { pl: 'Produkty', en: 'Products' } });
}
