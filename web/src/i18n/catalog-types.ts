// Types derived from the Polish catalog (the source of truth). The English catalog is typed as
// `Catalog`, so a missing or an extra key fails type-check; `TKey` is every leaf as a dot path.
import type { pl } from './pl.ts';

export type Language = 'pl' | 'en';
export const LANGUAGES: readonly Language[] = ['pl', 'en'];

/** Plural forms as Intl.PluralRules names them; every plural entry has all four in both catalogs. */
export type PluralForms = { one: string; few: string; many: string; other: string };

type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };
export type Catalog = Widen<typeof pl>;

type Paths<T> = {
  [K in keyof T & string]: T[K] extends string ? K : `${K}.${Paths<T[K]>}`;
}[keyof T & string];

type PluralPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? never : T[K] extends PluralForms ? K : `${K}.${PluralPaths<T[K]>}`;
}[keyof T & string];

/** Every translatable string, e.g. 'customers.list.title'. */
export type TKey = Paths<Catalog>;
/** Entries with plural forms, e.g. 'customers.import.commit'. */
export type TPluralKey = PluralPaths<Catalog>;

export type TVars = Record<string, string | number>;
