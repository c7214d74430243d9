// Business dates are local calendar dates ("YYYY-MM-DD") in the company's time zone, never
// local-midnight Date objects. Europe/Warsaw switches between UTC+1 and UTC+2.
export const BUSINESS_TZ = 'Europe/Warsaw';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in the zone: 2026-03-28T23:30Z is already 2026-03-29 in Warsaw. */
export function businessDate(instant: Date, timeZone = BUSINESS_TZ): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(instant); // en-CA formats as YYYY-MM-DD
}

/**
 * The instant a local day starts (midnight in the zone). Warsaw is UTC+1 or UTC+2, so midnight is
 * 23:00 or 22:00 UTC the day before; DST changes happen at 02:00/03:00, never at midnight.
 */
export function startOfBusinessDay(date: string, timeZone = BUSINESS_TZ): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  for (let offsetHours = 14; offsetHours >= -12; offsetHours--) {
    const candidate = new Date(Date.UTC(y, m - 1, d) - offsetHours * 3_600_000);
    if (businessDate(candidate, timeZone) === date && businessDate(new Date(candidate.getTime() - 1), timeZone) !== date) return candidate;
  }
  throw new Error(`no midnight found for ${date} in ${timeZone}`);
}

/** The next calendar date: "2026-12-31" → "2027-01-01". */
export const nextBusinessDate = (date: string): string => new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
