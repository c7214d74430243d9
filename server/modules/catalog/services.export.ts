// Export of the current (filtered, sorted) service list to CSV or XLSX, streamed in keyset batches.
// Units and VAT codes stay codes and prices are "1234.56", as parts do, so a file can be imported back.
import type { Readable } from 'node:stream';
import type { Ctx, Deps } from '../../deps.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { exportRows, type ExportColumn } from '../../kernel/http/table-export.ts';
import { formatMinor } from '../../kernel/money/money.ts';
import { yesNo, type ExportFormat, type ExportLang } from './catalog.export.ts';
import { servicesRepository as repo, type ServiceRow } from './services.repository.ts';
import type { ServiceListFilters } from './services.schemas.ts';
import { serviceFilter } from './services.usecases.ts';

export const SERVICE_COLUMNS: ExportColumn<ServiceRow>[] = [
  { pl: 'Kod', en: 'Code', width: 16, value: (r) => r.code },
  { pl: 'Nazwa', en: 'Name', width: 40, value: (r) => r.name },
  { pl: 'Jednostka', en: 'Unit', width: 8, value: (r) => r.unit },
  { pl: 'Cena netto', en: 'Net price', width: 12, value: (r) => formatMinor(Number(r.defaultPriceMinor)) },
  { pl: 'Stawka VAT', en: 'VAT rate', width: 8, value: (r) => r.vatRateCode },
  { pl: 'Rozliczanie co (min)', en: 'Billing increment (min)', width: 12, value: (r) => r.billingIncrementMinutes },
  { pl: 'Opis', en: 'Description', width: 40, value: (r) => r.description },
  { pl: 'Zarchiwizowana', en: 'Archived', width: 12, value: (r, lang) => yesNo(r.archivedAt !== null, lang) },
  { pl: 'ID', en: 'ID', width: 38, value: (r) => r.id },
];

export function exportServices(deps: Deps, ctx: Ctx, q: ServiceListFilters & { format: ExportFormat }, lang: ExportLang): Readable {
  authorize(ctx.actor, 'catalog:export');
  return exportRows({ columns: SERVICE_COLUMNS, batches: repo.stream(deps.database.db, serviceFilter(q)), format: q.format, lang, sheet: { pl: 'Usługi', en: 'Services' } });
}
