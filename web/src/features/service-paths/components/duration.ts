import type { Translate } from '../../../i18n/translate.ts';

/** 90 → "1 h 30 min", 45 → "45 min", 0 → "—". */
export function formatMinutes(t: Translate, minutes: number): string {
  if (!minutes) return t('common.empty');
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? t('servicePaths.duration.hours', { h }) : '', m ? t('servicePaths.duration.minutes', { m }) : ''].filter(Boolean).join(' ');
}
