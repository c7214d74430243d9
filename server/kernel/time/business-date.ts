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
