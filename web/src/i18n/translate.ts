// Runtime lookup and interpolation for the typed catalogs. `{name}` placeholders take vars.
import type { Catalog, Language, PluralForms, TKey, TPluralKey, TVars } from './catalog-types.ts';

export type Translate = ((key: TKey, vars?: TVars) => string) & {
  /** Plural entry chosen by Intl.PluralRules for `count` (also available as {count}). */
  n: (key: TPluralKey, count: number, vars?: TVars) => string;
  /** A key built at run time (error codes, audit actions); undefined when the catalog lacks it. */
  opt: (key: string, vars?: TVars) => string | undefined;
  lang: Language;
};

function lookup(catalog: Catalog, key: string): unknown {
  let node: unknown = catalog;
  for (const part of key.split('.')) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

export function interpolate(text: string, vars?: TVars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function createTranslate(catalog: Catalog, lang: Language): Translate {
  const rules = new Intl.PluralRules(lang === 'pl' ? 'pl-PL' : 'en-GB');
  const t = (key: TKey, vars?: TVars) => {
    const found = lookup(catalog, key);
    return typeof found === 'string' ? interpolate(found, vars) : key;
  };
  const n = (key: TPluralKey, count: number, vars?: TVars) => {
    const forms = lookup(catalog, key) as PluralForms | undefined;
    if (!forms) return key;
    const form = rules.select(count) as keyof PluralForms;
    return interpolate(forms[form] ?? forms.other, { count, ...vars });
  };
  const opt = (key: string, vars?: TVars) => {
    const found = lookup(catalog, key);
    return typeof found === 'string' ? interpolate(found, vars) : undefined;
  };
  return Object.assign(t, { n, opt, lang });
}
