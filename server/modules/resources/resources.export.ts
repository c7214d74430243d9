// Export of the current (filtered, sorted) resource list to CSV or XLSX, streamed in keyset batches.
import type { Readable } from 'node:stream';
import type { Ctx, Deps } from '../../deps.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { exportRows, type ExportColumn } from '../../kernel/http/table-export.ts';
import { yesNo, type ExportFormat, type ExportLang } from '../catalog/catalog.export.ts';
import { resourcesRepository as repo, type ResourceRow } from './resources.repository.ts';
import type { ResourceListFilters } from './resources.schemas.ts';
import { resourceFilter } from './resources.usecases.ts';

const KINDS_PL: Record<string, string> = { vehicle: 'pojazd', equipment: 'wyposażenie' };

const COLUMNS: ExportColumn<ResourceRow>[] = [
  { pl: 'Nazwa', en: 'Name', width: 30, value: (r) => r.name },
  { pl: 'Rodzaj', en: 'Kind', width: 14, value: (r, lang) => (lang === 'pl' ? (KINDS_PL[r.kind] ?? r.kind) : r.kind) },
  { pl: 'Nr rejestracyjny / seryjny', en: 'Registration / serial number', width: 20, value: (r) => r.identifier },
  { pl: 'Aktywny', en: 'Active', width: 10, value: (r, lang) => yesNo(r.active, lang) },
  { pl: 'Uwagi', en: 'Notes', width: 40, value: (r) => r.notes },
  { pl: 'ID', en: 'ID', width: 38, value: (r) => r.id },
];

export function exportResources(deps: Deps, ctx: Ctx, q: ResourceListFilters & { format: ExportFormat }, lang: ExportLang): Readable {
  authorize(ctx.actor, 'catalog:export');
  return exportRows({ columns: COLUMNS, batches: repo.stream(deps.database.db, resourceFilter(q)), format: q.format, lang, sheet: { pl: 'Zasoby', en: 'Resources' } });
}
