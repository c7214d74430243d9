// Pure rules of resources: search and sort keys.
import { foldText, polishSortKey } from '../../kernel/text/normalize.ts';

/** Registration and serial numbers are written with and without spaces/dashes: "EL 1234X" = "el1234x". */
export const compactIdentifier = (s: string) => foldText(s).replace(/[\s-]+/g, '');

/** Folded name and identifier, plus the identifier without separators. */
export function resourceSearchText(r: { name: string; identifier: string }): string {
  const compact = compactIdentifier(r.identifier);
  return [foldText(r.name), foldText(r.identifier), compact].filter(Boolean).join(' | ');
}

export const resourceSortKey = (name: string) => polishSortKey(name) || '~';

/** Query side: folded ("EL 1234X" and "el1234x" both match, see resourceSearchText). */
export function resourceSearchPattern(q: string | undefined): string | null {
  return foldText(q ?? '') || null;
}
