// How audit before/after values read for people: translated enums, dates, yes/no, dashes.
import { formatDate, formatDateTime, formatMoney, formatNip, formatPercentBp, formatQuantity, localeOf, looksLikeInstant } from '../../../i18n/format.ts';
import type { Translate } from '../../../i18n/translate.ts';
import { formatBytes } from '../../assets/components/documents-section.tsx';
import { formatAccount } from '../../invoices/components/invoice-text.ts';
import { formatMinutes } from '../../service-paths/components/duration.ts';

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
  'orderId',
  'stepId',
  'serviceId',
  'priceListId',
  'releasedBy',
  'createdBy',
  'doneBy',
  'assigneeId',
  'numberKey', // the number without separators, for lookups
  'issuedBy', // the entry's author
  'ksefUpdatedAt', // the entry's time
]);

/**
 * Names for ids that only the page can resolve (the order page knows the statuses, the staff and
 * the service paths): field → id → name. An id without a name is not shown (see isTechnicalId).
 */
export type AuditNames = Partial<Record<string, (id: string) => string | undefined>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A record id (a uuid): says nothing to a reader unless the page names it. */
export const isTechnicalId = (v: unknown) => typeof v === 'string' && UUID.test(v);

/** The change with ids replaced by names, or null when some id has no name here. */
export function namedChange(names: AuditNames | undefined, field: string, c: { before: unknown; after: unknown }): { before: unknown; after: unknown } | null {
  const name = names?.[field];
  if (!name) return null;
  const one = (v: unknown) => (isEmptyValue(v) ? { ok: true, v: null } : typeof v === 'string' ? { ok: name(v) !== undefined, v: name(v) ?? null } : { ok: false, v: null });
  const [b, a] = [one(c.before), one(c.after)];
  return b.ok && a.ok ? { before: b.v, after: a.v } : null;
}

/** Links to other records without their name in the entry: a change reads "set / changed / removed", creation leaves them out. */
export const REFERENCE_FIELDS = new Set(['assetTypeId', 'productId', 'siteId', 'contactId', 'servicePathId']);

/** Facts of the event itself (why the custody changed, when a date was done): shown without a crossed-out "before". */
export const EVENT_FIELDS = new Set(['reason', 'completedOn', 'nextDueOn', 'note', 'skipReason', 'releasedTo', 'link', 'decisionComment', 'payment']);

/** What every new record of an entity starts with: a creation entry leaves it out (an invoice draft is unpaid, not in KSeF…). */
const CREATION_DEFAULTS: Partial<Record<string, Record<string, unknown>>> = {
  invoices: { status: 'draft', issueDate: undefined, netMinor: 0, vatMinor: 0, grossMinor: 0, paidMinor: 0, payableMinor: 0, paymentStatus: 'unpaid', ksefStatus: 'not_sent', splitPayment: false },
};

/** A value a new record of `entity` starts with anyway (`undefined` in the table: whatever it is, e.g. a draft's preparation day). */
export function isCreationDefault(entity: string, field: string, value: unknown): boolean {
  const defaults = CREATION_DEFAULTS[entity];
  if (!defaults || !Object.hasOwn(defaults, field)) return false;
  return defaults[field] === undefined || defaults[field] === value;
}

/** Business dates (YYYY-MM-DD) shown as that calendar day. */
const DATE_FIELDS = new Set([
  'validFrom',
  'validTo',
  'purchaseDate',
  'installationDate',
  'readOn',
  'dueOn',
  'remindOn',
  'completedOn',
  'nextDueOn',
  'promisedOn',
  'workedOn',
  'shippedOn',
  'expectedReturnOn',
  'returnedOn',
  'issueDate',
  'saleDate',
  'dueDate',
  'paidOn',
]);
/** Whole minutes shown as "1 h 30 min". */
const MINUTE_FIELDS = new Set(['minutes', 'billedMinutes']);
const QUANTITY_FIELDS = new Set(['quantity', 'minStock', 'onHand', 'value', 'meterInterval', 'meterDueAt']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

const MAX_LENGTH = 160;

/** Stock movements are audited as "stock: <location>" → "+2.000". */
const STOCK_FIELD = /^stock: (.*)$/;

/** Entities whose screens already name their fields: the audit uses those labels (audit.entityFields adds the rest). */
const ENTITY_FIELD_LABELS: Partial<Record<string, string>> = { invoices: 'invoices.fields', invoice_settings: 'invoiceSettings.fields' };

export function auditFieldLabel(t: Translate, field: string, entity?: string): string {
  const stock = STOCK_FIELD.exec(field);
  if (stock) return t('audit.fields.stockAt', { location: stock[1] ?? '' });
  const screen = entity ? ENTITY_FIELD_LABELS[entity] : undefined;
  return (entity ? t.opt(`audit.entityFields.${entity}.${field}`) : undefined) ?? (screen ? t.opt(`${screen}.${field}`) : undefined) ?? t.opt(`audit.fields.${field}`) ?? field;
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

/** An estimate's lines, changed: the lines taken out (before) and put in or changed (after); a mere reorder shows both lists. */
function narrowLines(before: unknown[], after: unknown[]): { before: unknown; after: unknown } {
  const key = (l: unknown) => JSON.stringify(l);
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  const b = before.filter((l) => !afterKeys.has(key(l)));
  const a = after.filter((l) => !beforeKeys.has(key(l)));
  if (b.length === 0 && a.length === 0) return { before, after };
  return { before: b.length ? b : null, after: a.length ? a : null };
}

/** Custom field values (and a type's field list) are audited whole; a change shows only what differs. */
export function narrowChange(field: string, c: { before: unknown; after: unknown }): { before: unknown; after: unknown } {
  if (field === 'fields' && Array.isArray(c.before) && Array.isArray(c.after)) return narrowFieldDefinitions(c.before, c.after);
  if (field === 'lines' && Array.isArray(c.before) && Array.isArray(c.after)) return narrowLines(c.before, c.after);
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

/** Sub-entry labels the server composes from raw values: "Przegląd 2026-05-01", "1234.5 km", "Jan, 2026-05-01, 90 min", "v2", "email pl". */
export function auditSubLabel(t: Translate, subEntity: string | null, label: string): string {
  if (subEntity === 'asset_service_dates') return label.replace(/\d{4}-\d{2}-\d{2}$/, (d) => formatDate(d, t.lang));
  if (subEntity === 'meter_readings') return label.replace(/^\d+(\.\d+)?(?= )/, (v) => formatQuantity(v, t.lang));
  if (subEntity === 'service_order_time')
    return label.replace(/\d{4}-\d{2}-\d{2}/, (d) => formatDate(d, t.lang)).replace(/(\d+) min$/, (_, m: string) => formatMinutes(t, Number(m)));
  if (subEntity === 'service_order_estimates') {
    const v = /^v(\d+)$/.exec(label);
    if (v) return t('orders.estimates.version', { version: Number(v[1]) });
  }
  if (subEntity === 'service_order_templates') {
    const [channel, lang] = label.split(' ');
    return `${t.opt(`orders.notifyChannels.${channel}`) ?? channel} · ${t.opt(`languages.${lang}`) ?? lang}`;
  }
  if (subEntity === 'invoice_payments') {
    // "2026-11-27 40.00": the day and the amount in złoty
    const m = /^(\d{4}-\d{2}-\d{2}) (-?)(\d+)\.(\d{2})$/.exec(label);
    if (m) return `${formatDate(m[1]!, t.lang)} · ${formatMoney((m[2] ? -1 : 1) * (Number(m[3]) * 100 + Number(m[4])), 'PLN', t.lang)}`;
  }
  return label;
}

/**
 * An estimate's or an invoice's lines, audited whole: "Diagnoza (1 godz.); Bateria (2 szt.)"; an
 * invoice's with the net unit price and the discount, and its units as printed on the invoice.
 */
function linesText(t: Translate, lines: unknown[], invoice: boolean): string {
  if (!lines.length) return t('common.empty');
  const parts = lines.map((l) => {
    if (!isPlainObject(l)) return String(l);
    const unit = typeof l.unit === 'string' ? (invoice ? l.unit : (t.opt(`parts.unitsShort.${l.unit}`) ?? t.opt(`services.unitsPer.${l.unit}`) ?? l.unit)) : '';
    const quantity = typeof l.quantity === 'string' ? formatQuantity(l.quantity, t.lang) : '';
    const price = invoice && typeof l.unitPriceMinor === 'number' ? ` × ${formatMoney(l.unitPriceMinor, 'PLN', t.lang)}` : '';
    const discount = invoice && typeof l.discountBp === 'number' && l.discountBp > 0 ? `, −${formatPercentBp(l.discountBp, t.lang)}` : '';
    return `${String(l.name ?? '')}${quantity ? ` (${quantity}${unit ? ` ${unit}` : ''}${price}${discount})` : ''}`;
  });
  return truncate(parts.join('; '));
}

/** A payment recorded on an invoice, besides its day and amount (the entry's label): "Przelew · Zapłata FV/2026/11/0001 · Z wyciągu bankowego". */
function paymentText(t: Translate, p: Record<string, unknown>): string {
  const parts = [
    typeof p.method === 'string' ? (t.opt(`invoices.paymentMethods.${p.method}`) ?? p.method) : '',
    typeof p.reference === 'string' ? p.reference : '',
    p.source === 'bank_statement' ? t('invoices.payments.fromStatement') : '',
  ];
  return truncate(parts.filter(Boolean).join(' · '));
}

/** The invoicing settings' bank accounts: "61 1090 1014 0000 0712 1981 2874 (PLN); …". */
function bankAccountsText(t: Translate, accounts: unknown[]): string {
  const parts = accounts.map((a) => (isPlainObject(a) ? `${formatAccount(String(a.account ?? ''))}${a.label ? ` (${String(a.label)})` : ''}` : String(a)));
  return parts.length ? truncate(parts.join('; ')) : t('common.empty');
}

/** Where a value is translated by what it belongs to: the order's steps and estimates have their own statuses. */
export type AuditValueContext = { entity?: string | undefined; subEntity?: string | null | undefined };

function contextValue(t: Translate, field: string, value: string, ctx: AuditValueContext): string | undefined {
  if (field === 'status' && ctx.subEntity === 'service_order_steps') return t.opt(`orders.steps.statuses.${value}`);
  if (field === 'status' && ctx.subEntity === 'service_order_estimates') return t.opt(`orders.estimates.statuses.${value}`);
  if (field === 'kind' && ctx.entity === 'service_orders' && !ctx.subEntity) return t.opt(`orders.kinds.${value}`);
  if (field === 'status' && ctx.entity === 'invoices') return t.opt(`invoices.statuses.${value}`);
  if (field === 'kind' && ctx.entity === 'invoices') return t.opt(`invoices.kinds.${value}`);
  if ((field === 'lang' && ctx.entity === 'invoices') || (field === 'language' && ctx.entity === 'invoice_settings')) return t.opt(`invoices.languages.${value}`);
  return undefined;
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

export function auditValue(t: Translate, field: string, value: unknown, ctx: AuditValueContext = {}): string {
  if (value === null || value === undefined || value === '') return t('common.empty');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'string') {
    const own = contextValue(t, field, value, ctx);
    if (own !== undefined) return own;
    if (STOCK_FIELD.test(field) && /^[+-]?\d+(\.\d+)?$/.test(value)) return `${value.startsWith('+') ? '+' : ''}${formatQuantity(value.replace(/^\+/, ''), t.lang)}`;
    if (field === 'kind')
      return t.opt(`customers.kind.${value}`) ?? t.opt(`resources.kinds.${value}`) ?? t.opt(`stock.locationKinds.${value}`) ?? t.opt(`stock.ledgerKinds.${value}`) ?? t.opt(`audit.taskKinds.${value}`) ?? value;
    if (field === 'language' || field === 'defaultLanguage') return t.opt(`languages.${value}`) ?? value;
    if (field === 'role' || field === 'taskRole' || field === 'assigneeRole' || field === 'ownerRole') return t.opt(`roles.${value}`) ?? value;
    if (field === 'phase') return t.opt(`orders.phases.${value}`) ?? value;
    if (field === 'priority') return t.opt(`orders.priorities.${value}`) ?? value;
    if (field === 'notifyChannel') return t.opt(`orders.notifyChannels.${value}`) ?? value;
    if (field === 'lang') return t.opt(`languages.${value}`) ?? value;
    if (field === 'color') return t.opt(`orders.colors.${value}`) ?? value;
    if (field === 'outcome') return t.opt(`orders.rma.outcomes.${value}`) ?? value;
    if (field === 'decidedVia') return t.opt(`audit.decidedVia.${value}`) ?? value;
    if (field === 'trackingLink' || field === 'link') return t.opt(`audit.links.${value}`) ?? value;
    if (field === 'custody') return t.opt(`assets.custody.${value}`) ?? value;
    if (field === 'source') return t.opt(`assets.readings.sources.${value}`) ?? value;
    if (field === 'status') return t.opt(`assets.serviceDates.status.${value}`) ?? t.opt(`assets.tasks.status.${value}`) ?? value;
    if (field === 'job') return t.opt(`jobs.names.${value}.name`) ?? value;
    if (field === 'nip') return formatNip(value);
    if (field === 'unit') return t.opt(`parts.units.${value}`) ?? t.opt(`services.units.${value}`) ?? value;
    if (field === 'entryMode') return t.opt(`priceLists.entryModes.${value}`) ?? value;
    if (field === 'itemType') return t.opt(`priceLists.items.types.${value}`) ?? value;
    if (field === 'paymentMethod') return t.opt(`invoices.paymentMethods.${value}`) ?? value;
    if (field === 'paymentStatus') return t.opt(`invoices.paymentStatuses.${value}`) ?? value;
    if (field === 'ksefStatus') return t.opt(`invoices.ksefStatuses.${value}`) ?? value;
    if (field === 'vatReset' || field === 'correctionReset') return t.opt(`invoiceSettings.resets.${value}`) ?? value;
    if (field === 'bankAccount') return formatAccount(value);
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
    if (MINUTE_FIELDS.has(field)) return formatMinutes(t, value);
    return String(value);
  }
  if (Array.isArray(value) && field === 'profiles')
    return value.length ? value.map((p) => t.opt(`company.profiles.options.${String(p)}.title`) ?? String(p)).join(', ') : t('common.empty');
  if (Array.isArray(value) && field === 'fields') return fieldDefinitionsText(t, value);
  if (Array.isArray(value) && field === 'lines') return linesText(t, value, ctx.entity === 'invoices');
  if (Array.isArray(value) && field === 'bankAccounts') return bankAccountsText(t, value);
  if (isPlainObject(value) && field === 'payment') return paymentText(t, value);
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
