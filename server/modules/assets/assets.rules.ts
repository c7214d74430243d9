// Pure rules of customer assets: custom-field values, search/sort keys, meter readings and the
// arithmetic of service dates. No I/O; tested as tables.
import { fieldError, type FieldError } from '../../kernel/errors/app-error.ts';
import { parseQuantity } from '../../kernel/money/quantity.ts';
import { foldText, polishSortKey } from '../../kernel/text/normalize.ts';
import type { FieldDto, FieldInput } from './assets.schemas.ts';

export type CustomValue = string | number | boolean | null;
export type CustomValues = Record<string, CustomValue>;

// ── custom fields ──────────────────────────────────────────────────────────────────────────────

/** A stable key from a label: "Moc grzewcza (kW)" → "moc_grzewcza_kw"; unique among `taken`. */
export function fieldKeyFromLabel(label: string, taken: ReadonlySet<string>): string {
  let base = foldText(label)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 36);
  if (!/^[a-z]/.test(base)) base = `f_${base}`.slice(0, 36);
  let key = base;
  for (let i = 2; taken.has(key); i++) key = `${base}_${i}`;
  return key;
}

/** Checks a type's field list: distinct labels, options for choices, no kind change of a kept field. */
export function validateFieldDefinitions(fields: FieldInput[], existing: ReadonlyMap<string, FieldDto>): FieldError[] {
  const errors: FieldError[] = [];
  const labels = new Set<string>();
  const keys = new Set<string>();
  fields.forEach((f, i) => {
    const label = foldText(f.label);
    if (labels.has(label)) errors.push(fieldError(`fields.${i}.label`, 'assets.field_label_duplicate', 'Two fields have the same label', { value: f.label }));
    labels.add(label);
    if (f.key !== undefined) {
      if (keys.has(f.key)) errors.push(fieldError(`fields.${i}.key`, 'assets.field_key_duplicate', 'Two fields have the same key', { value: f.key }));
      keys.add(f.key);
      const before = existing.get(f.key);
      if (before && before.kind !== f.kind)
        errors.push(fieldError(`fields.${i}.kind`, 'assets.field_kind_locked', 'The kind of an existing field cannot change (its values are stored)', { value: before.kind }));
    }
    if (f.kind === 'choice') {
      if (f.options.length === 0) errors.push(fieldError(`fields.${i}.options`, 'assets.field_options_missing', 'A choice field needs at least one option'));
      const folded = f.options.map(foldText);
      if (new Set(folded).size !== folded.length) errors.push(fieldError(`fields.${i}.options`, 'assets.field_options_duplicate', 'Options repeat'));
    }
  });
  return errors;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export function isRealDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Validates and normalizes custom values against the type's active fields. Numbers are kept as
 * numbers (JSON), dates as YYYY-MM-DD, choices as the option's exact spelling. Empty = absent.
 * Values of retired fields already stored on the asset are kept untouched (`kept`).
 */
export function normalizeCustomValues(
  fields: readonly FieldDto[],
  given: Record<string, CustomValue>,
  kept: Record<string, unknown> = {},
): { values: CustomValues; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const values: CustomValues = {};
  const byKey = new Map(fields.map((f) => [f.key, f]));
  for (const k of Object.keys(given)) {
    if (!byKey.has(k) && !(k in kept)) errors.push(fieldError(`custom.${k}`, 'assets.field_unknown', 'This asset type has no such field', { value: k }));
  }
  for (const [k, v] of Object.entries(kept)) if (!byKey.has(k) && v !== null && v !== undefined) values[k] = v as CustomValue;
  for (const f of fields) {
    const path = `custom.${f.key}`;
    const raw = given[f.key];
    const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
    if (empty) {
      if (f.required) errors.push(fieldError(path, 'assets.field_required', 'Required'));
      continue;
    }
    switch (f.kind) {
      case 'text':
        if (typeof raw !== 'string') errors.push(fieldError(path, 'assets.field_not_text', 'Text expected', { value: String(raw) }));
        else values[f.key] = raw.trim();
        break;
      case 'number': {
        const n = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw.trim().replace(/\s+/g, '').replace(',', '.')) : Number.NaN;
        if (typeof raw === 'boolean' || !Number.isFinite(n) || Math.abs(n) > 1e12)
          errors.push(fieldError(path, 'assets.field_not_number', 'Not a number', { value: String(raw) }));
        else values[f.key] = n;
        break;
      }
      case 'date':
        if (typeof raw !== 'string' || !isRealDate(raw.trim())) errors.push(fieldError(path, 'assets.field_not_date', 'Not a date (YYYY-MM-DD)', { value: String(raw) }));
        else values[f.key] = raw.trim();
        break;
      case 'boolean': {
        const b = typeof raw === 'boolean' ? raw : parseYesNo(String(raw));
        if (b === null) errors.push(fieldError(path, 'assets.field_not_boolean', 'Yes or no expected', { value: String(raw) }));
        else values[f.key] = b;
        break;
      }
      case 'choice': {
        const hit = f.options.find((o) => foldText(o) === foldText(String(raw)));
        if (hit === undefined) errors.push(fieldError(path, 'assets.field_not_choice', 'Not one of the options', { value: String(raw), options: f.options.join(', ') }));
        else values[f.key] = hit;
        break;
      }
    }
  }
  return { values, errors };
}

const YES = new Set(['true', 'tak', 'yes', 't', 'y', '1', 'x']);
const NO = new Set(['false', 'nie', 'no', 'n', '0']);
export function parseYesNo(s: string): boolean | null {
  const v = foldText(s);
  return YES.has(v) ? true : NO.has(v) ? false : null;
}

/** The stored form of a custom value in the filter (`?field=moc&value=24`) — the same normalization. */
export function filterValue(field: FieldDto, raw: string): CustomValue | undefined {
  const { values, errors } = normalizeCustomValues([{ ...field, required: false }], { [field.key]: raw });
  return errors.length ? undefined : values[field.key];
}

// ── search and order ───────────────────────────────────────────────────────────────────────────

/** Upper-case without spaces, dashes, dots and slashes: "sn 12-34/a" and "SN1234A" are one serial. */
export const serialKey = (serial: string): string => serial.toUpperCase().replace(/[\s\-./_]+/g, '');

/** The type is a filter, not search text: renaming a type with a million assets must not rewrite them. */
export function assetSearchText(a: {
  name: string;
  serialNumber: string;
  manufacturer: string;
  model: string;
  customerName: string;
  position: string;
  custom: Record<string, unknown>;
}): string {
  const custom = Object.values(a.custom)
    .filter((v) => typeof v === 'string' || typeof v === 'number')
    .map(String);
  return foldText([a.name, a.serialNumber, serialKey(a.serialNumber), a.manufacturer, a.model, a.customerName, a.position, ...custom].filter(Boolean).join(' | '));
}

export const assetSortKey = (name: string): string => polishSortKey(name) || '~';

// ── meter readings ─────────────────────────────────────────────────────────────────────────────

export type LastReading = { readOn: string; value: bigint } | null;

/** Why a reading cannot be recorded, or null. A lower value is a meter replacement or a mistake. */
export function readingRefusal(last: LastReading, readOn: string, value: bigint, replacement: boolean): FieldError | null {
  if (!last) return null;
  if (readOn < last.readOn) return fieldError('readOn', 'assets.reading_before_last', 'Earlier than the last reading', { value: readOn, previous: last.readOn });
  if (value < last.value && !replacement)
    return fieldError('value', 'assets.reading_lower', 'Lower than the last reading; mark it as a meter replacement if the meter was changed', {
      value: fmt(value),
      previous: fmt(last.value),
    });
  return null;
}

const fmt = (v: bigint) => {
  const whole = v / 1000n;
  const frac = v % 1000n;
  return frac === 0n ? String(whole) : `${whole}.${String(frac).padStart(3, '0').replace(/0+$/, '')}`;
};
export const formatMeter = fmt;

export function parseMeter(s: string): bigint | null {
  const q = parseQuantity(s);
  return q === null || q < 0n ? null : q;
}

// ── service dates ──────────────────────────────────────────────────────────────────────────────

/** Adds days to a local date (YYYY-MM-DD), calendar arithmetic only (no time zones involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds months, clamping to the month's end: 2026-01-31 + 1 month = 2026-02-28. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = total % 12;
  const last = new Date(Date.UTC(ny, nm + 1, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export const remindOnFor = (dueOn: string, reminderDays: number) => addDays(dueOn, -reminderDays);

/**
 * The date that follows a completed recurring one: N months after the completion (the work resets the
 * clock, as for an inspection), and N meter units after the reading at completion. Null when neither.
 */
export function nextServiceDate(
  sd: { recurrenceMonths: number | null; meterInterval: bigint | null },
  completedOn: string,
  meterAtCompletion: bigint | null,
): { dueOn: string; meterDueAt: bigint | null } | null {
  if (sd.recurrenceMonths === null && sd.meterInterval === null) return null;
  const meterDueAt = sd.meterInterval !== null && meterAtCompletion !== null ? meterAtCompletion + sd.meterInterval : null;
  // A meter-only date still needs a calendar date to sort by; without months it is a far, not-binding one.
  const dueOn = addMonths(completedOn, sd.recurrenceMonths ?? 120);
  return { dueOn, meterDueAt };
}

/** Which reason makes an open service date due today: the calendar, the meter, or nothing yet. */
export function dueReason(
  sd: { remindOn: string; meterDueAt: bigint | null },
  today: string,
  meter: bigint | null,
): 'date' | 'meter' | null {
  if (sd.remindOn <= today) return 'date';
  if (sd.meterDueAt !== null && meter !== null && meter >= sd.meterDueAt) return 'meter';
  return null;
}
