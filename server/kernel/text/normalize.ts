// Text keys for search and sorting, computed in code so PGlite (no ICU, no immutable unaccent)
// and PostgreSQL behave the same.

// Letters that NFD does not decompose into base + combining mark.
const SPECIAL: Record<string, string> = { ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ø: 'o', Ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe' };

/** Lower-case, without diacritics, whitespace collapsed: "  ŁÓDŹ  Bałuty" → "lodz baluty". */
export function foldText(input: string): string {
  return input
    .replace(/[łŁđĐøØßæœ]/g, (c) => SPECIAL[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export const digitsOnly = (s: string) => s.replace(/\D+/g, '');

// Polish alphabet: a ą b c ć d e ę f g h i j k l ł m n ń o ó p q r s ś t u v w x y z ź ż.
// A letter with a diacritic sorts right after its base letter, before the next letter: encode it as
// base + a byte above 'z'. Bytes compare like that under COLLATE "C".
const POLISH_SORT: Record<string, string> = {
  ą: 'a{', ć: 'c{', ę: 'e{', ł: 'l{', ń: 'n{', ó: 'o{', ś: 's{', ź: 'z{', ż: 'z|',
};

/** A byte-comparable key giving Polish alphabetical order, case-insensitive. */
export function polishSortKey(input: string): string {
  const lower = input.toLocaleLowerCase('pl').replace(/\s+/g, ' ').trim();
  let out = '';
  for (const ch of lower) {
    const mapped = POLISH_SORT[ch];
    if (mapped) out += mapped;
    else if (/[a-z0-9 ]/.test(ch)) out += ch;
    else {
      const folded = foldText(ch);
      out += /^[a-z0-9]+$/.test(folded) ? folded : ch === '-' || ch === '.' ? '' : folded ? ' ' : '';
    }
  }
  return out;
}
