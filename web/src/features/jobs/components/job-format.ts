// How the jobs screens name jobs, schedules, states, times and errors.
import { ApiError } from '../../../app/api-client.ts';
import { localeOf } from '../../../i18n/format.ts';
import type { Language } from '../../../i18n/catalog-types.ts';
import type { Translate } from '../../../i18n/translate.ts';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { describeCron } from '../api/cron-text.ts';
import type { JobState } from '../api/jobs-api.ts';

/** The translated name of a known job, else its queue name. */
export const jobLabel = (t: Translate, name: string) => t.opt(`jobs.names.${name}.name`) ?? name;
export const jobDescription = (t: Translate, name: string) => t.opt(`jobs.names.${name}.description`);

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/** "Codziennie o 03:30" for the simple shapes, the raw cron otherwise. */
export function scheduleText(t: Translate, cron: string): string {
  const c = describeCron(cron);
  if (!c) return cron;
  switch (c.kind) {
    case 'daily':
      return t('jobs.schedule.daily', { time: c.time });
    case 'workdays':
      return t('jobs.schedule.workdays', { time: c.time });
    case 'weekly':
      return capitalize(t('jobs.schedule.weekly', { days: c.days.map((d) => t(`jobs.schedule.weekdays.${d}`)).join(', '), time: c.time }));
    case 'monthly':
      return t('jobs.schedule.monthly', { day: c.day, time: c.time });
    case 'hourly':
      return t('jobs.schedule.hourly', { minute: c.minute });
  }
}

export const STATE_COLORS: Record<JobState, string> = {
  created: 'blue',
  retry: 'orange',
  active: 'cyan',
  completed: 'green',
  cancelled: 'gray',
  failed: 'red',
};

const formats = new Map<string, Intl.DateTimeFormat>();
/**
 * An instant as Warsaw wall-clock time, whatever the browser's zone (schedules are Warsaw time);
 * with seconds by default, since runs are seconds apart.
 */
export function formatWarsaw(value: string | null | undefined, lang: Language, opts: { seconds?: boolean } = {}): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const timeStyle = opts.seconds === false ? 'short' : 'medium';
  const key = `${lang}|${timeStyle}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle, timeZone: 'Europe/Warsaw' })));
  return f.format(d);
}

/** The jobs API's own codes (jobs.not_running, …) from this feature's texts, anything else as usual. */
export function jobsErrorText(t: Translate, error: unknown): string {
  if (error instanceof ApiError && error.code.startsWith('jobs.')) {
    const own = t.opt(`jobs.errors.${error.code.slice('jobs.'.length)}`);
    if (own) return own;
  }
  return apiErrorText(t, error);
}
