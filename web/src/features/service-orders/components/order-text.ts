// How order values read for people: phases, priorities, kinds, channels, status names in the UI language.
import type { Translate } from '../../../i18n/translate.ts';
import type { OrderStatus } from '../api/order-shapes.ts';

export const phaseLabel = (t: Translate, phase: string): string => t.opt(`orders.phases.${phase}`) ?? phase;
export const priorityLabel = (t: Translate, priority: string): string => t.opt(`orders.priorities.${priority}`) ?? priority;
export const kindLabel = (t: Translate, kind: string): string => t.opt(`orders.kinds.${kind}`) ?? kind;
export const channelLabel = (t: Translate, channel: string): string => t.opt(`orders.notifyChannels.${channel}`) ?? channel;

/** The status's name in the reader's language (the other one when that is empty). */
export const statusName = (t: Translate, s: Pick<OrderStatus, 'namePl' | 'nameEn'>): string => (t.lang === 'en' ? s.nameEn || s.namePl : s.namePl || s.nameEn);

/** Today as a business date (YYYY-MM-DD) in Europe/Warsaw, as the server counts days. */
export const todayInWarsaw = (): string => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(new Date());

/** A promised date is overdue once its day has passed and the order is still open. */
export const isOverdue = (promisedOn: string | null, phase: string, today: string): boolean =>
  !!promisedOn && promisedOn < today && phase !== 'released' && phase !== 'cancelled' && phase !== 'ready_for_release';

export const PRIORITY_COLORS: Record<string, string> = { low: 'gray', normal: 'blue', high: 'orange', urgent: 'red' };
