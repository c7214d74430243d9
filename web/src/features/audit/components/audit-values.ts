// How audit before/after values read for people: translated enums, dates, yes/no, dashes.
import { formatDateTime, formatNip, looksLikeInstant } from '../../../i18n/format.ts';
import type { Translate } from '../../../i18n/translate.ts';

/** Technical columns that say nothing to a reader. */
export const HIDDEN_FIELDS = new Set(['id', 'customerId', 'userId', 'authorId']);

const MAX_LENGTH = 160;

export function auditFieldLabel(t: Translate, field: string): string {
  return t.opt(`audit.fields.${field}`) ?? field;
}

export function auditValue(t: Translate, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('common.empty');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string') {
    if (field === 'kind') return t.opt(`customers.kind.${value}`) ?? value;
    if (field === 'language' || field === 'defaultLanguage') return t.opt(`languages.${value}`) ?? value;
    if (field === 'role') return t.opt(`roles.${value}`) ?? value;
    if (field === 'nip') return formatNip(value);
    if (looksLikeInstant(value)) return formatDateTime(value, t.lang);
    return value.length > MAX_LENGTH ? `${value.slice(0, MAX_LENGTH)}…` : value;
  }
  if (typeof value === 'number') return String(value);
  const json = JSON.stringify(value);
  return json.length > MAX_LENGTH ? `${json.slice(0, MAX_LENGTH)}…` : json;
}

export const isEmptyValue = (v: unknown) => v === null || v === undefined || v === '';
