// A task's sentence, built from its kind and params at reading time (never frozen text).
import { formatDate, formatQuantity } from '../../../i18n/format.ts';
import type { Translate } from '../../../i18n/translate.ts';
import { kindLabel } from '../../assets/components/asset-text.ts';
import type { Task } from '../api/tasks-api.ts';

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** e.g. "Gwarancja — Laptop Dell (Jan Kowalski) — termin 10 gru 2026". */
export function taskText(t: Translate, task: Task): string {
  const p = task.params;
  const vars = {
    kind: kindLabel(t, { kindCode: typeof p.kindCode === 'string' ? p.kindCode : null, kindName: str(p.kindName) }),
    asset: str(p.assetName),
    customer: str(p.customerName),
    date: formatDate(str(p.dueOn) || task.dueOn, t.lang),
    meter: `${formatQuantity(str(p.meterDueAt) || str(p.meterValue), t.lang)}${str(p.meterUnit) ? ` ${str(p.meterUnit)}` : ''}`,
  };
  if (task.kind === 'service_date_due') return t('assets.tasks.text.service_date_due', vars);
  if (task.kind === 'meter_threshold') return t('assets.tasks.text.meter_threshold', vars);
  return t('assets.tasks.text.unknown', vars);
}
