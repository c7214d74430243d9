// A cron expression for people: the simple shapes our jobs use become a sentence ("Codziennie o
// 03:30"); anything else is shown as the raw expression. Times are the cron's own (Europe/Warsaw).
export type Weekday = 'sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat';
const WEEKDAYS: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export type CronText =
  | { kind: 'daily' | 'workdays'; time: string }
  | { kind: 'weekly'; days: Weekday[]; time: string }
  | { kind: 'monthly'; day: number; time: string }
  | { kind: 'hourly'; minute: number };

const num = (s: string, max: number) => (/^\d{1,2}$/.test(s) && Number(s) <= max ? Number(s) : null);
const hhmm = (h: number, m: number) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;

export function describeCron(cron: string): CronText | null {
  const f = cron.trim().split(/\s+/);
  if (f.length !== 5) return null;
  const [mi, ho, dom, mon, dow] = f as [string, string, string, string, string];
  const minute = num(mi, 59);
  if (minute === null || mon !== '*') return null;
  if (ho === '*') return dom === '*' && dow === '*' ? { kind: 'hourly', minute } : null;
  const hour = num(ho, 23);
  if (hour === null) return null;
  const time = hhmm(hour, minute);
  if (dom === '*' && dow === '*') return { kind: 'daily', time };
  if (dom === '*' && dow === '1-5') return { kind: 'workdays', time };
  if (dom === '*' && /^[0-7](,[0-7])*$/.test(dow)) {
    const days = [...new Set(dow.split(',').map((d) => WEEKDAYS[Number(d) % 7]!))];
    return { kind: 'weekly', days, time };
  }
  const day = num(dom, 31);
  if (day !== null && day >= 1 && dow === '*') return { kind: 'monthly', day, time };
  return null;
}
