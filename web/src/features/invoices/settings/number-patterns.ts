// The number-pattern rules the server applies (kernel/numbering/numbering.rules.ts), mirrored for the
// settings page's live preview.
export const RESETS = ['monthly', 'yearly'] as const;
export type Reset = (typeof RESETS)[number];

const TOKEN = /\{(YYYY|YY|MM|N+)\}/g;

/** The number a pattern gives on `date` (YYYY-MM-DD) for sequence `seq`, as the server formats it. */
export function formatInvoiceNumber(pattern: string, date: string, seq: number): string {
  return pattern.replace(TOKEN, (_m, tok: string) => {
    if (tok === 'YYYY') return date.slice(0, 4);
    if (tok === 'YY') return date.slice(2, 4);
    if (tok === 'MM') return date.slice(5, 7);
    return String(seq).padStart(tok.length, '0');
  });
}

/** A pattern without its tokens: two series with the same fixed text would number alike. */
export const fixedText = (pattern: string) => pattern.trim().replace(/\{[^}]*\}/g, '');

/** The error code the server would answer for this pattern and reset, or null. */
export function patternProblem(pattern: string, reset: Reset): string | null {
  const tokens = [...pattern.matchAll(TOKEN)].map((m) => m[1]!);
  const year = tokens.some((x) => x === 'YYYY' || x === 'YY');
  if (!tokens.some((x) => x.startsWith('N'))) return 'numbering.sequence_missing';
  if (reset === 'yearly' && !year) return 'numbering.year_missing';
  if (reset === 'monthly' && !(tokens.includes('MM') && year)) return 'numbering.month_missing';
  return null;
}
