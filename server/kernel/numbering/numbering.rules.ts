// Number patterns for documents: `SO/{YYYY}/{NNNNNN}`, `FV/{YYYY}/{MM}/{NNNN}`. Pure.
export type Reset = 'yearly' | 'monthly' | 'never';

const TOKEN = /\{(YYYY|YY|MM|N+)\}/g;

/** The period a number belongs to, from the document's local date (YYYY-MM-DD). */
export function periodOf(reset: Reset, date: string): string {
  return reset === 'yearly' ? date.slice(0, 4) : reset === 'monthly' ? date.slice(0, 7) : '';
}

/** Formats a number: {YYYY} year, {YY} two-digit year, {MM} month, {NNNN} the sequence zero-padded to the width. */
export function formatNumber(pattern: string, date: string, seq: number): string {
  return pattern.replace(TOKEN, (_m, t: string) => {
    if (t === 'YYYY') return date.slice(0, 4);
    if (t === 'YY') return date.slice(2, 4);
    if (t === 'MM') return date.slice(5, 7);
    return String(seq).padStart(t.length, '0');
  });
}

/** Why a pattern cannot number documents without collisions, or null. */
export function patternProblem(pattern: string, reset: Reset): string | null {
  const tokens = [...pattern.matchAll(TOKEN)].map((m) => m[1]!);
  if (!tokens.some((t) => t.startsWith('N'))) return 'numbering.sequence_missing';
  if (reset === 'yearly' && !tokens.some((t) => t === 'YYYY' || t === 'YY')) return 'numbering.year_missing';
  if (reset === 'monthly' && !(tokens.includes('MM') && tokens.some((t) => t === 'YYYY' || t === 'YY'))) return 'numbering.month_missing';
  return null;
}
