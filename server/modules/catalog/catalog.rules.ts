// Pure rules shared by the catalogue's items (products, services): code key, search and sort keys.
import { foldText, polishSortKey } from '../../kernel/text/normalize.ts';

/** Codes are stored without surrounding spaces, whoever calls (the API trims too; imports may not). */
export const cleanCode = (code: string): string => code.trim();

/** Codes are unique case-insensitively and ignoring surrounding spaces: "ab-1 " and "AB-1" collide. */
export const codeKey = (code: string): string => code.trim().toLowerCase();

/** Polish alphabetical order of names; '~' sorts an (impossible) empty key last. */
export const itemSortKey = (name: string): string => polishSortKey(name) || '~';

/** The folded text a list search matches against: no case, no diacritics. */
export const itemSearchText = (parts: (string | null | undefined)[]): string => foldText(parts.filter(Boolean).join(' | '));

/** The query side of the same folding; null when there is nothing to search for. */
export function searchPattern(q: string | undefined): string | null {
  const folded = foldText(q ?? '');
  return folded || null;
}
