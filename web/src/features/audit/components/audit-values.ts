// How audit before/after values read for people: translated enums, dates, yes/no, dashes.
import { formatDate, formatDateTime, formatMoney, formatNip, formatPercentBp, formatQuantity, looksLikeInstant } from '../../../i18n/format.ts';
import type { Translate } from '../../../i18n/translate.ts';

/** Technical columns that say nothing to a reader. */
export const HIDDEN_FIELDS = new Set(['id', 'customerId', 'userId', 'authorId', 'partId', 'priceListId', 'itemId', 'transferId', 'locationId', 'toLocationId']);

const MAX_LENGTH = 160;

/** Stock movements are audited as "stock: <location>" → "+2.000". */
const STOCK_FIELD = /^stock: (.*)$/;

export function auditFieldLabel(t: Translate, field: string): string {
  const stock = STOCK_FIELD.exec(field);
  if (stock) return t('audit.fields.stockAt', { location: stock[1] ?? '' });
  return t.opt(`audit.fields.${field}`) ?? field;
}

export function auditValue(t: Translate, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('common.empty');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string') {
    if (STOCK_FIELD.test(field) && /^[+-]?\d+(\.\d+)?$/.test(value)) return `${value.startsWith('+') ? '+' : ''}${formatQuantity(value.replace(/^\+/, ''), t.lang)}`;
    if (field === 'kind') return t.opt(`customers.kind.${value}`) ?? t.opt(`resources.kinds.${value}`) ?? t.opt(`stock.locationKinds.${value}`) ?? t.opt(`stock.ledgerKinds.${value}`) ?? value;
    if (field === 'language' || field === 'defaultLanguage') return t.opt(`languages.${value}`) ?? value;
    if (field === 'role') return t.opt(`roles.${value}`) ?? value;
    if (field === 'nip') return formatNip(value);
    if (field === 'unit') return t.opt(`parts.units.${value}`) ?? t.opt(`services.units.${value}`) ?? value;
    if (field === 'entryMode') return t.opt(`priceLists.entryModes.${value}`) ?? value;
    if (field === 'itemType') return t.opt(`priceLists.items.types.${value}`) ?? value;
    if (field === 'validFrom' || field === 'validTo') return formatDate(value, t.lang);
    if (/^-?\d+(\.\d+)?$/.test(value) && (field === 'quantity' || field === 'minStock' || field === 'onHand')) return formatQuantity(value, t.lang);
    if (looksLikeInstant(value)) return formatDateTime(value, t.lang);
    return value.length > MAX_LENGTH ? `${value.slice(0, MAX_LENGTH)}…` : value;
  }
  if (typeof value === 'number') {
    if (/Minor$/.test(field)) return formatMoney(value, 'PLN', t.lang);
    if (/Bp$/.test(field)) return formatPercentBp(value, t.lang);
    if (field === 'position') return String(value + 1); // the API counts steps from 0
    return String(value);
  }
  if (Array.isArray(value) && field === 'profiles')
    return value.length ? value.map((p) => t.opt(`company.profiles.options.${String(p)}.title`) ?? String(p)).join(', ') : t('common.empty');
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    const text = field === 'order' || field === 'steps' ? value.map((v, i) => `${i + 1}. ${v}`).join(', ') : value.join(', ');
    return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH)}…` : text || t('common.empty');
  }
  if (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') return (value as { name: string }).name;
  const json = JSON.stringify(value);
  return json.length > MAX_LENGTH ? `${json.slice(0, MAX_LENGTH)}…` : json;
}

export const isEmptyValue = (v: unknown) => v === null || v === undefined || v === '';
