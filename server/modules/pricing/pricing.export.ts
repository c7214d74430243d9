// Export of a price list's item prices; the columns are the ones its import recognizes.
import type { Readable } from 'node:stream';
import type { Ctx, Deps } from '../../deps.ts';
import { authorize } from '../../kernel/auth/actor.ts';
import { notFound } from '../../kernel/errors/app-error.ts';
import { exportRows, type ExportColumn } from '../../kernel/http/table-export.ts';
import { formatMinor } from '../../kernel/money/money.ts';
import { pricingRepository } from './pricing.repository.ts';
import { priceItemBatches } from './pricing.usecases.ts';

type Row = { item: { itemType: string; priceMinor: number | null; percentBp: number | null }; code: string | null; name: string | null; defaultNetMinor: number | null };

const percent = (bp: number | null) => (bp === null ? '' : `${bp < 0 ? '-' : ''}${Math.trunc(Math.abs(bp) / 100)}${Math.abs(bp) % 100 ? ',' + String(Math.abs(bp) % 100).padStart(2, '0') : ''}`);

const COLUMNS: ExportColumn<Row>[] = [
  { pl: 'Typ', en: 'Type', width: 10, value: (r, lang) => (r.item.itemType === 'part' ? (lang === 'pl' ? 'część' : 'part') : lang === 'pl' ? 'usługa' : 'service') },
  { pl: 'Kod', en: 'Code', width: 16, value: (r) => r.code },
  { pl: 'Nazwa', en: 'Name', width: 40, value: (r) => r.name },
  { pl: 'Cena', en: 'Price', width: 12, value: (r) => (r.item.priceMinor === null ? '' : formatMinor(r.item.priceMinor)) },
  { pl: 'Procent', en: 'Percent', width: 10, value: (r) => percent(r.item.percentBp) },
  { pl: 'Cena domyślna netto', en: 'Default net price', width: 14, value: (r) => (r.defaultNetMinor === null ? '' : formatMinor(r.defaultNetMinor)) },
];

export async function exportPriceItems(deps: Deps, ctx: Ctx, listId: string, q: { format: 'csv' | 'xlsx'; lang: 'pl' | 'en' }): Promise<{ stream: Readable; name: string }> {
  authorize(ctx.actor, 'catalog:export');
  const list = await pricingRepository.findById(deps.database.db, listId);
  if (!list) throw notFound('price_lists');
  const stream = exportRows({ columns: COLUMNS, batches: priceItemBatches(deps.database.db, listId), format: q.format, lang: q.lang, sheet: { pl: 'Ceny', en: 'Prices' } });
  return { stream, name: list.name };
}
