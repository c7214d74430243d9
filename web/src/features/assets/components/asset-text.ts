// How asset values read for people: built-in kinds by code, custody, custom values, local dates.
import { formatDate, formatQuantity } from '../../../i18n/format.ts';
import type { Translate } from '../../../i18n/translate.ts';
import type { AssetField, CustomValue } from '../api/asset-shapes.ts';

/** A built-in kind (code set) in the reader's language; a company-defined one by its name. */
export const kindLabel = (t: Translate, kind: { kindCode?: string | null; code?: string | null; kindName?: string; name?: string }): string => {
  const code = kind.kindCode ?? kind.code ?? null;
  return (code ? t.opt(`assets.kindCodes.${code}`) : undefined) ?? kind.kindName ?? kind.name ?? '';
};

export const custodyLabel = (t: Translate, custody: string): string => t.opt(`assets.custody.${custody}`) ?? custody;

/** Today as a business date (YYYY-MM-DD) in Europe/Warsaw, as the server counts days. */
export const todayInWarsaw = (): string => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(new Date());

/** A meter value with its unit: "12 500,5 km". */
export const meterText = (value: string | null | undefined, unit: string | null | undefined, lang: Translate['lang']): string =>
  value === null || value === undefined || value === '' ? '—' : `${formatQuantity(value, lang)}${unit ? ` ${unit}` : ''}`;

/** A stored custom value as text: numbers with the field's unit, dates, yes/no. */
export function customValueText(t: Translate, field: Pick<AssetField, 'kind' | 'unit'> | undefined, value: CustomValue | undefined): string {
  if (value === null || value === undefined || value === '') return t('common.empty');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') {
    const text = new Intl.NumberFormat(t.lang === 'pl' ? 'pl-PL' : 'en-GB', { maximumFractionDigits: 6 }).format(value);
    return field?.unit ? `${text} ${field.unit}` : text;
  }
  if (field?.kind === 'date') return formatDate(value, t.lang);
  return value;
}
