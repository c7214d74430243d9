import type { Translate } from '../../../i18n/translate.ts';

/** An import field key as people read it ("vatRate" → "Stawka VAT"). */
export const importFieldLabel = (t: Translate, key: string) => t.opt(`imports.fields.${key}`) ?? key;
