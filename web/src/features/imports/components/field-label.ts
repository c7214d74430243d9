import type { Translate } from '../../../i18n/translate.ts';
import type { ImportField } from '../api/imports-api.ts';

/**
 * An import field key as people read it ("vatRate" → "Stawka VAT"); a custom field of an asset type
 * ("custom.moc_kw") by its own label from the upload's field list.
 */
export const importFieldLabel = (t: Translate, key: string, fields?: readonly ImportField[]) =>
  fields?.find((f) => f.key === key)?.label ?? t.opt(`imports.fields.${key}`) ?? key;
