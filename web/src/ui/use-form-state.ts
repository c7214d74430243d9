// Minimal form state: values, per-field errors (from the client or from the API's errors[]),
// and one general error for problems that belong to no field on this form.
import { useCallback, useMemo, useState, type ChangeEvent } from 'react';
import { ApiError } from '../app/api-client.ts';
import type { FieldError } from '../app/api-types.ts';
import type { Translate } from '../i18n/translate.ts';
import { apiErrorText, fieldErrorText } from './api-error-text.ts';

type Values = Record<string, unknown>;
export type FieldErrors<V> = Partial<Record<keyof V & string, string>>;

/**
 * Splits an API error's errors[] into those naming one of `fields` (after stripping `prefix`,
 * e.g. 'company.') and the rest.
 */
export function splitFieldErrors<V extends Values>(error: unknown, fields: V, t: Translate, prefix = '') {
  const matched: FieldErrors<V> = {};
  const rest: FieldError[] = [];
  if (error instanceof ApiError) {
    for (const fe of error.errors) {
      const path = fe.path.startsWith(prefix) ? fe.path.slice(prefix.length) : null;
      if (path !== null && Object.hasOwn(fields, path)) {
        const key = path as keyof V & string;
        matched[key] ??= fieldErrorText(t, fe);
      } else rest.push(fe);
    }
  }
  return { matched, rest };
}

/** The general message for what did not land on a field. */
export function generalErrorText(t: Translate, error: unknown, landedOnFields: boolean, rest: FieldError[]): string | null {
  if (landedOnFields && rest.length === 0) return null;
  return [apiErrorText(t, error), ...rest.map((fe) => `${fe.path ? `${fe.path}: ` : ''}${fieldErrorText(t, fe)}`)].join(' ');
}

export type FormState<V extends Values> = {
  values: V;
  errors: FieldErrors<V>;
  general: string | null;
  set: <K extends keyof V & string>(name: K, value: V[K]) => void;
  reset: (values: V) => void;
  /** Props for a Mantine text-like input: value, onChange, error. */
  text: (name: keyof V & string) => {
    name: string;
    value: string;
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => void;
    error: string | undefined;
  };
  setErrors: (errors: FieldErrors<V>, general?: string | null) => void;
  /** Puts an API error's field errors on the fields and the rest into `general`. */
  applyApiError: (error: unknown, t: Translate, prefix?: string) => void;
};

export function useFormState<V extends Values>(initial: V | (() => V)): FormState<V> {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrorState] = useState<FieldErrors<V>>({});
  const [general, setGeneral] = useState<string | null>(null);

  const set = useCallback(<K extends keyof V & string>(name: K, value: V[K]) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrorState((e) => (e[name] ? { ...e, [name]: undefined } : e));
  }, []);

  const reset = useCallback((v: V) => {
    setValues(v);
    setErrorState({});
    setGeneral(null);
  }, []);

  const setErrors = useCallback((e: FieldErrors<V>, g: string | null = null) => {
    setErrorState(e);
    setGeneral(g);
  }, []);

  const applyApiError = useCallback(
    (error: unknown, t: Translate, prefix = '') => {
      const { matched, rest } = splitFieldErrors(error, values, t, prefix);
      setErrorState(matched);
      setGeneral(generalErrorText(t, error, Object.keys(matched).length > 0, rest));
    },
    [values],
  );

  const text = useCallback(
    (name: keyof V & string) => ({
      name,
      value: String(values[name] ?? ''),
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(name, e.currentTarget.value as V[typeof name]),
      error: errors[name],
    }),
    [values, errors, set],
  );

  return useMemo(
    () => ({ values, errors, general, set, reset, text, setErrors, applyApiError }),
    [values, errors, general, set, reset, text, setErrors, applyApiError],
  );
}
