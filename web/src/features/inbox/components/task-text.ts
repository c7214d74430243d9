// A task's sentence, built from its kind and params at reading time (never frozen text), and where
// the task leads.
import { formatDate, formatQuantity } from '../../../i18n/format.ts';
import type { Translate } from '../../../i18n/translate.ts';
import { kindLabel } from '../../assets/components/asset-text.ts';
import type { Task } from '../api/inbox-api.ts';

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

export const KNOWN_KINDS = ['service_date_due', 'meter_threshold', 'order_step', 'order_release', 'estimate_waiting', 'rma_late'] as const;
const known = (kind: string): kind is (typeof KNOWN_KINDS)[number] => (KNOWN_KINDS as readonly string[]).includes(kind);

/**
 * e.g. "Gwarancja — Laptop Dell (Jan Kowalski) — termin 15 sty 2027",
 * "Krok „Diagnoza” — zlecenie SO/2026/000123", "Wydanie urządzenia — zlecenie SO/2026/000123".
 */
export function taskText(t: Translate, task: Task): string {
  const p = task.params;
  const vars = {
    kind: kindLabel(t, { kindCode: typeof p.kindCode === 'string' ? p.kindCode : null, kindName: str(p.kindName) }),
    asset: str(p.assetName),
    customer: str(p.customerName),
    date: formatDate(str(p.dueOn) || task.dueOn, t.lang),
    meter: `${formatQuantity(str(p.meterDueAt) || str(p.meterValue), t.lang)}${str(p.meterUnit) ? ` ${str(p.meterUnit)}` : ''}`,
    step: str(p.stepName),
    order: str(p.orderNumber),
    vendor: str(p.vendor) || '—',
    expected: formatDate(str(p.expectedReturnOn) || null, t.lang),
    sent: formatDate(str(p.sentOn) || null, t.lang),
  };
  if (known(task.kind)) return t(`inbox.text.${task.kind}`, vars);
  return t('inbox.text.other', { kind: task.kind });
}

/** The short name of the kind (icon tooltips). */
export const kindName = (t: Translate, task: Task): string => (known(task.kind) ? t(`inbox.kinds.${task.kind}`) : t('inbox.kinds.other'));

/** The order's tab where the task's work is done. */
const ORDER_TAB: Record<string, string> = { order_step: 'steps', estimate_waiting: 'estimates', rma_late: 'rma' };

/** The page the task is about: the asset's service dates, or the order (on the tab of the work). */
export function subjectHref(task: Task): string | null {
  if (task.subjectType === 'asset') return `/assets/${task.subjectId}?tab=service-dates`;
  if (task.subjectType === 'service_order') {
    const tab = ORDER_TAB[task.kind];
    return `/orders/${task.subjectId}${tab ? `?tab=${tab}` : ''}`;
  }
  return null;
}

/** Who the task is for: a person by name, or everyone with a role. */
export function assigneeText(t: Translate, task: Task): string {
  if (task.assigneeId) return task.assigneeName ?? '—';
  if (task.assigneeRole) return t.opt(`roles.${task.assigneeRole}`) ?? task.assigneeRole;
  return t('inbox.anyone');
}
