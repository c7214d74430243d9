import type { Readable } from 'node:stream';
import type { Ctx, Deps } from '../../deps.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { exportRows, type ExportColumn } from '../../kernel/http/table-export.ts';
import { formatMinor } from '../../kernel/money/money.ts';
import { formatQuantity, quantityFromDb } from '../../kernel/money/quantity.ts';
import { foldText } from '../../kernel/text/normalize.ts';
import { partsRepository, type PartWithStock } from './parts.repository.ts';

// Column headers match what the import recognizes, so an export can be edited and imported back.
const COLUMNS: ExportColumn<PartWithStock>[] = [
  { pl: 'Kod', en: 'Code', width: 16, value: (r) => r.code },
  { pl: 'Nazwa', en: 'Name', width: 40, value: (r) => r.name },
  { pl: 'Jednostka', en: 'Unit', width: 8, value: (r) => r.unit },
  { pl: 'Nr katalogowy producenta', en: 'Manufacturer part number', width: 20, value: (r) => r.manufacturerPartNumber },
  { pl: 'EAN', en: 'EAN', width: 15, value: (r) => r.ean },
  { pl: 'Cena zakupu netto', en: 'Purchase price net', width: 12, value: (r) => formatMinor(r.purchasePriceMinor) },
  { pl: 'Cena sprzedaży netto', en: 'Sale price net', width: 12, value: (r) => formatMinor(r.salePriceMinor) },
  { pl: 'Stawka VAT', en: 'VAT rate', width: 8, value: (r) => r.vatRateCode },
  { pl: 'Stan minimalny', en: 'Minimum stock', width: 10, value: (r) => formatQuantity(quantityFromDb(r.minStock)) },
  { pl: 'Stan', en: 'On hand', width: 10, value: (r) => formatQuantity(quantityFromDb(r.onHand)) },
  { pl: 'Opis', en: 'Description', width: 30, value: (r) => r.description },
  { pl: 'Zarchiwizowana', en: 'Archived', width: 10, value: (r, lang) => (r.archivedAt ? (lang === 'pl' ? 'tak' : 'yes') : '') },
];

export function exportParts(
  deps: Deps,
  ctx: Ctx,
  q: { q?: string | undefined; status: 'active' | 'archived' | 'all'; lowStock?: 'true' | 'false' | undefined; sort: 'name' | '-name' | 'code' | '-code'; format: 'csv' | 'xlsx'; lang: 'pl' | 'en' },
): Readable {
  authorize(ctx.actor, 'catalog:export');
  const batches = partsRepository.stream(deps.database.db, { pattern: q.q ? foldText(q.q) : null, status: q.status, lowStock: q.lowStock === 'true', sort: q.sort });
  return exportRows({ columns: COLUMNS, batches, format: q.format, lang: q.lang, sheet: { pl: 'Części', en: 'Parts' } });
}
