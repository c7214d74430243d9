// Export of the current (filtered, sorted) list of service paths to CSV or XLSX, one row per path.
import type { Readable } from 'node:stream';
import type { Ctx, Deps } from '../../deps.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { exportRows, type ExportColumn } from '../../kernel/http/table-export.ts';
import { yesNo, type ExportFormat, type ExportLang } from '../catalog/catalog.export.ts';
import { servicePathsRepository as repo, type PathListRow } from './service-paths.repository.ts';
import type { PathListFilters } from './service-paths.schemas.ts';
import { pathFilter } from './service-paths.usecases.ts';

const COLUMNS: ExportColumn<PathListRow>[] = [
  { pl: 'Nazwa', en: 'Name', width: 30, value: (r) => r.name },
  { pl: 'Opis', en: 'Description', width: 40, value: (r) => r.description },
  { pl: 'Liczba czynności', en: 'Steps', width: 10, value: (r) => r.stepCount },
  { pl: 'Czynności', en: 'Activities', width: 60, value: (r) => r.stepNames ?? '' },
  { pl: 'Planowany czas (min)', en: 'Planned time (min)', width: 12, value: (r) => r.plannedMinutes },
  { pl: 'Zarchiwizowana', en: 'Archived', width: 12, value: (r, lang) => yesNo(r.archivedAt !== null, lang) },
  { pl: 'ID', en: 'ID', width: 38, value: (r) => r.id },
];

export function exportServicePaths(deps: Deps, ctx: Ctx, q: PathListFilters & { format: ExportFormat }, lang: ExportLang): Readable {
  authorize(ctx.actor, 'catalog:export');
  return exportRows({ columns: COLUMNS, batches: repo.stream(deps.database.db, pathFilter(q)), format: q.format, lang, sheet: { pl: 'Ścieżki serwisowe', en: 'Service paths' } });
}
