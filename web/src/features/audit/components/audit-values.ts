// How audit before/after values read for people: translated enums, dates, yes/no, dashes.
import { formatDate, formatDateTime, formatMoney, formatNip, formatPercentBp, formatQuantity, localeOf, looksLikeInstant } from '../../../i18n/format.ts';
import type { Translate } from '../../../i18n/translate.ts';
import { formatBytes } from '../../assets/components/documents-section.tsx';

/** Technical columns that say nothing to a reader (the related record's name is in the label or another field). */
export const HIDDEN_FIELDS = new Set([
  'id',
  'customerId',
  'userId',
  'authorId',
  'partId',
  'priceListId',
  'itemId',
  'transferId',
  'locationId',
  'toLocationId',
  'assetId',
  'kindId',
  'kindCode',
  'remindOn', // dueOn − reminderDays, both shown
  'subjectType',
  'subjectId',
  'dedupeKey',
  'storageKey',
  'sha256',
]);

/** Links to other records without their name in the entry: a change reads "set / changed / removed", creation leaves them out. */
export const REFERENCE_FIELDS = new Set(['assetTypeId', 'productId', 'siteId', 'contactId']);

/** Facts of the event itself (why the custody changed, when a date was done): shown without a crossed-out "before". */
export const EVENT_FIELDS = new Set(['reason', 'completedOn', 'nextDueOn']);

/** Business dates (YYYY-MM-DD) shown as that calendar day. */
const DATE_FIELDS = new Set(['validFrom', 'validTo', 'purchaseDate', 'installationDate', 'readOn', 'dueOn', 'remindOn', 'completedOn', 'nextDueOn']);
const QUANTITY_FIELDS = new Set(['quantity', 'minStock', 'onHand', 'value', 'meterInterval', 'meterDueAt']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

const MAX_LENGTH = 160;

/** Stock movements are audited as "stock: <location>" → "+2.000". */
const STOCK_FIELD = /^stock: (.*)$/;

export function auditFieldLabel(t: Translate, field: string, entity?: string): string {
  const stock = STOCK_FIELD.exec(field);
  if (stock) return t('audit.fields.stockAt', { location: stock[1] ?? '' });
  return (entity ? t.opt(`audit.entityFields.${entity}.${field}`) : undefined) ?? t.opt(`audit.fields.${field}`) ?? field;
}

/** A changed reference (REFERENCE_FIELDS): whether it was set, changed or removed. */
export function referenceChange(t: Translate, c: { before: unknown; after: unknown }): string {
  if (isEmptyValue(c.before)) return t('audit.reference.set');
  if (isEmptyValue(c.after)) return t('audit.reference.cleared');
  return t('audit.reference.changed');
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** An asset type's field list, changed: only the definitions added, removed or changed (a mere reorder shows the whole lists). */
function narrowFieldDefinitions(before: unknown[], after: unknown[]): { before: unknown; after: unknown } {
  const keyOf = (f: unknown) => (isPlainObject(f) ? String(f.key ?? f.label ?? '') : String(f));
  const comparable = (f: unknown) => JSON.stringify(isPlainObject(f) ? { ...f, position: null } : f);
  const beforeByKey = new Map(before.map((f) => [keyOf(f), comparable(f)]));
  const afterByKey = new Map(after.map((f) => [keyOf(f), comparable(f)]));
  const b = before.filter((f) => afterByKey.get(keyOf(f)) !== comparable(f));
  const a = after.filter((f) => beforeByKey.get(keyOf(f)) !== comparable(f));
  if (b.length === 0 && a.length === 0) return { before, after };
  return { before: b.length ? b : null, after: a.length ? a : null };
}

/** Custom field values (and a type's field list) are audited whole; a change shows only what differs. */
export function narrowChange(field: string, c: { before: unknown; after: unknown }): { before: unknown; after: unknown } {
  if (field === 'fields' && Array.isArray(c.before) && Array.isArray(c.after)) return narrowFieldDefinitions(c.before, c.after);
  if (field !== 'custom' || !isPlainObject(c.before) || !isPlainObject(c.after)) return c;
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(c.before), ...Object.keys(c.after)])) {
    const b = c.before[k] ?? null;
    const a = c.after[k] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) {
      before[k] = b;
      after[k] = a;
    }
  }
  return Object.keys(after).length ? { before, after } : { before: null, after: null };
}

/** Sub-entry labels the server composes from raw values: "Przegląd 2026-05-01", "1234.5 km". */
export function auditSubLabel(t: Translate, subEntity: string | null, label: string): string {
  if (subEntity === 'asset_service_dates') return label.replace(/\d{4}-\d{2}-\d{2}$/, (d) => formatDate(d, t.lang));
  if (subEntity === 'meter_readings') return label.replace(/^\d+(\.\d+)?(?= )/, (v) => formatQuantity(v, t.lang));
  return label;
}

const truncate = (text: string) => (text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH)}…` : text);

/** One custom field value: yes/no, a local date, a local number, or the text. */
function customValue(t: Translate, v: unknown): string {
  if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
  if (typeof v === 'number') return new Intl.NumberFormat(localeOf(t.lang), { maximumFractionDigits: 3 }).format(v);
  if (typeof v === 'string') return ISO_DATE.test(v) ? formatDate(v, t.lang) : v;
  return JSON.stringify(v);
}

/** { moc_kw: 24.5, paliwo: 'gaz' } → "moc kw: 24,5; paliwo: gaz" (keys come from the field labels; ";" since Polish decimals have commas). */
function customText(t: Translate, values: Record<string, unknown>): string {
  const parts = Object.entries(values)
    .filter(([, v]) => !isEmptyValue(v))
    .map(([k, v]) => `${k.replace(/_/g, ' ')}: ${customValue(t, v)}`);
  return parts.length ? truncate(parts.join('; ')) : t('common.empty');
}

/** An asset type's field definitions → "Moc (Liczba, kW, wymagane), Paliwo (Wybór z listy: gaz / olej)". */
function fieldDefinitionsText(t: Translate, fields: unknown[]): string {
  const parts = fields.map((f) => {
    if (!isPlainObject(f)) return String(f);
    let kind = typeof f.kind === 'string' ? (t.opt(`assets.fieldKinds.${f.kind}`) ?? f.kind) : '';
    if (Array.isArray(f.options) && f.options.length) kind += `: ${f.options.join(' / ')}`;
    const required = f.required === true ? t('assets.fieldsEditor.required').toLocaleLowerCase(localeOf(t.lang)) : '';
    const details = [kind, typeof f.unit === 'string' ? f.unit : '', required].filter(Boolean).join(', ');
    return `${String(f.label ?? f.key ?? '')}${details ? ` (${details})` : ''}`;
  });
  return parts.length ? truncate(parts.join(', ')) : t('common.empty');
}

export function auditValue(t: Translate, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('common.empty');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string') {
    if (STOCK_FIELD.test(field) && /^[+-]?\d+(\.\d+)?$/.test(value)) return `${value.startsWith('+') ? '+' : ''}${formatQuantity(value.replace(/^\+/, ''), t.lang)}`;
    if (field === 'kind')
      return t.opt(`customers.kind.${value}`) ?? t.opt(`resources.kinds.${value}`) ?? t.opt(`stock.locationKinds.${value}`) ?? t.opt(`stock.ledgerKinds.${value}`) ?? t.opt(`audit.taskKinds.${value}`) ?? value;
    if (field === 'language' || field === 'defaultLanguage') return t.opt(`languages.${value}`) ?? value;
    if (field === 'role' || field === 'taskRole' || field === 'assigneeRole') return t.opt(`roles.${value}`) ?? value;
    if (field === 'custody') return t.opt(`assets.custody.${value}`) ?? value;
    if (field === 'source') return t.opt(`assets.readings.sources.${value}`) ?? value;
    if (field === 'status') return t.opt(`assets.serviceDates.status.${value}`) ?? t.opt(`assets.tasks.status.${value}`) ?? value;
    if (field === 'job') return t.opt(`jobs.names.${value}.name`) ?? value;
    if (field === 'nip') return formatNip(value);
    if (field === 'unit') return t.opt(`parts.units.${value}`) ?? t.opt(`services.units.${value}`) ?? value;
    if (field === 'entryMode') return t.opt(`priceLists.entryModes.${value}`) ?? value;
    if (field === 'itemType') return t.opt(`priceLists.items.types.${value}`) ?? value;
    if (DATE_FIELDS.has(field)) return formatDate(value, t.lang);
    if (DECIMAL.test(value) && QUANTITY_FIELDS.has(field)) return formatQuantity(value, t.lang);
    if (looksLikeInstant(value)) return formatDateTime(value, t.lang);
    return truncate(value);
  }
  if (typeof value === 'number') {
    if (/Minor$/.test(field)) return formatMoney(value, 'PLN', t.lang);
    if (/Bp$/.test(field)) return formatPercentBp(value, t.lang);
    if (field === 'sizeBytes') return formatBytes(value, t.lang);
    if (field === 'position') return String(value + 1); // the API counts steps from 0
    return String(value);
  }
  if (Array.isArray(value) && field === 'profiles')
    return value.length ? value.map((p) => t.opt(`company.profiles.options.${String(p)}.title`) ?? String(p)).join(', ') : t('common.empty');
  if (Array.isArray(value) && field === 'fields') return fieldDefinitionsText(t, value);
  if (isPlainObject(value) && field === 'custom') return customText(t, value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) {
    const text = field === 'order' || field === 'steps' ? value.map((v, i) => `${i + 1}. ${v}`).join(', ') : value.join(', ');
    return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH)}…` : text || t('common.empty');
  }
  if (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string') return (value as { name: string }).name;
  const json = JSON.stringify(value);
  return json.length > MAX_LENGTH ? `${json.slice(0, MAX_LENGTH)}…` : json;
}

export const isEmptyValue = (v: unknown) => v === null || v === undefined || v === '';
