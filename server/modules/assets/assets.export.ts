// Export of the current (filtered, sorted) asset list to CSV or XLSX, streamed in keyset batches.
// Filtered to one type, the export adds that type's custom fields as columns (headed by their labels,
// as the import reads them).
import type { Readable } from 'node:stream';
import type { Ctx, Deps } from '../../deps.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { exportRows, type ExportColumn } from '../../kernel/http/table-export.ts';
import { yesNo, type ExportFormat, type ExportLang } from '../catalog/catalog.export.ts';
import { loadAssetType } from './asset-types.usecases.ts';
import { assetsRepository as repo, type AssetView } from './assets.repository.ts';
import { formatMeter } from './assets.rules.ts';
import type { AssetListFilters, FieldDto } from './assets.schemas.ts';
import { assetFilter } from './assets.usecases.ts';
import { quantityFromDb } from '../../kernel/money/quantity.ts';

const CUSTODY_LABEL: Record<string, { pl: string; en: string }> = {
  with_customer: { pl: 'U klienta', en: 'With the customer' },
  in_shop: { pl: 'Przyjęte do serwisu', en: 'Taken into the shop' },
  on_site_service: { pl: 'Serwis u klienta', en: 'Serviced on site' },
  external_service: { pl: 'W serwisie zewnętrznym', en: 'At an external service' },
};

export const ASSET_COLUMNS: ExportColumn<AssetView>[] = [
  { pl: 'Nazwa', en: 'Name', width: 36, value: (r) => r.name },
  { pl: 'Typ', en: 'Type', width: 20, value: (r) => r.assetTypeName },
  { pl: 'Numer seryjny', en: 'Serial number', width: 22, value: (r) => r.serialNumber },
  { pl: 'Klient', en: 'Customer', width: 36, value: (r) => r.customerName },
  { pl: 'Producent', en: 'Manufacturer', width: 20, value: (r) => r.manufacturer },
  { pl: 'Model', en: 'Model', width: 20, value: (r) => r.model },
  { pl: 'Produkt', en: 'Product', width: 24, value: (r) => r.productName ?? '' },
  { pl: 'Lokalizacja', en: 'Site', width: 24, value: (r) => r.siteName ?? '' },
  { pl: 'Miejsce', en: 'Position', width: 20, value: (r) => r.position },
  { pl: 'Status', en: 'Custody', width: 22, value: (r, lang) => CUSTODY_LABEL[r.custody]?.[lang] ?? r.custody },
  { pl: 'Data zakupu', en: 'Purchase date', width: 12, value: (r) => r.purchaseDate ?? '' },
  { pl: 'Data instalacji', en: 'Installation date', width: 12, value: (r) => r.installationDate ?? '' },
  { pl: 'Licznik', en: 'Meter', width: 12, value: (r) => (r.meterValue === null ? '' : formatMeter(quantityFromDb(r.meterValue))) },
  { pl: 'Najbliższy termin', en: 'Next service date', width: 14, value: (r) => r.next?.dueOn ?? '' },
  { pl: 'Zarchiwizowane', en: 'Archived', width: 12, value: (r, lang) => yesNo(r.archivedAt !== null, lang) },
  { pl: 'ID', en: 'ID', width: 38, value: (r) => r.id },
];

const customColumn = (f: FieldDto): ExportColumn<AssetView> => ({
  pl: f.label,
  en: f.label,
  width: 18,
  value: (r, lang) => {
    const v = (r.custom as Record<string, unknown>)[f.key];
    if (v === undefined || v === null) return '';
    if (typeof v === 'boolean') return yesNo(v, lang) || (lang === 'pl' ? 'nie' : 'no');
    return typeof v === 'number' ? v : String(v);
  },
});

export async function exportAssets(deps: Deps, ctx: Ctx, q: AssetListFilters & { format: ExportFormat }, lang: ExportLang): Promise<Readable> {
  authorize(ctx.actor, 'assets:export');
  const filter = await assetFilter(deps.database.db, q);
  const type = q.assetTypeId ? await loadAssetType(deps.database.db, q.assetTypeId) : null;
  const columns = [...ASSET_COLUMNS.slice(0, -1), ...(type?.fields.map(customColumn) ?? []), ASSET_COLUMNS[ASSET_COLUMNS.length - 1]!];
  return exportRows({ columns, batches: repo.stream(deps.database.db, filter), format: q.format, lang, sheet: { pl: 'Urządzenia', en: 'Assets' } });
}
