// Pure rules of the customers module: validation beyond shape, normalization, search/sort keys.
import { fieldError, type FieldError } from '../../kernel/errors/app-error.ts';
import {
  isValidNip,
  isValidPesel,
  isValidPolishPostalCode,
  isValidRegon,
  normalizeNip,
  normalizePesel,
  normalizeRegon,
} from '../../kernel/pl/identifiers.ts';
import { digitsOnly, foldText, polishSortKey } from '../../kernel/text/normalize.ts';
import type { CustomerInput } from './customers.schemas.ts';

/** Canonical stored form: identifiers without separators. */
export function normalizeCustomer<T extends Partial<CustomerInput>>(input: T): T {
  const out = { ...input };
  if (out.nip) out.nip = normalizeNip(out.nip);
  if (out.regon) out.regon = normalizeRegon(out.regon);
  if (out.pesel) out.pesel = normalizePesel(out.pesel);
  return out;
}

/** Business validation of a complete (merged) customer; shape was already checked by the schema. */
export function validateCustomer(c: CustomerInput): FieldError[] {
  const errors: FieldError[] = [];
  if (c.nip && !isValidNip(c.nip))
    errors.push(fieldError('nip', 'customers.nip_invalid', 'NIP must be 10 digits with a valid checksum'));
  if (c.regon && !isValidRegon(c.regon))
    errors.push(fieldError('regon', 'customers.regon_invalid', 'REGON must be 9 or 14 digits with a valid checksum'));
  if (c.pesel) {
    if (c.kind !== 'individual')
      errors.push(fieldError('pesel', 'customers.pesel_only_individual', 'PESEL applies to individuals only'));
    else if (!isValidPesel(c.pesel))
      errors.push(fieldError('pesel', 'customers.pesel_invalid', 'PESEL must be 11 digits with a valid checksum and birth date'));
  }
  if (c.country === 'PL' && c.postalCode && !isValidPolishPostalCode(c.postalCode))
    errors.push(fieldError('postalCode', 'customers.postal_code_invalid', 'Polish postal codes look like 00-950'));
  return errors;
}

export type SearchSource = {
  name: string;
  nip?: string | null;
  regon?: string | null;
  pesel?: string | null;
  email?: string;
  phone?: string;
  city?: string;
  contacts?: { name: string; email: string; phone: string }[];
};

/**
 * The text the list search matches against: folded (no case, no diacritics) words, plus phone and
 * id digits without separators, so "600-100-200", "600100200" and "600 100" all find the same row.
 */
export function customerSearchText(s: SearchSource): string {
  const parts = [s.name, s.email ?? '', s.city ?? '', s.nip ?? '', s.regon ?? '', s.pesel ?? '', digitsOnly(s.phone ?? '')];
  for (const c of s.contacts ?? []) parts.push(c.name, c.email, digitsOnly(c.phone));
  return foldText(parts.filter(Boolean).join(' | '));
}

/** The query side of the same folding. Digit-only queries (phones, NIP) lose their separators. */
export function searchPattern(q: string): string | null {
  const trimmed = q.trim();
  if (!trimmed) return null;
  if (/^[\d\s()+./-]+$/.test(trimmed)) {
    const d = digitsOnly(trimmed);
    // "+48 600 100 200": the country code is rarely stored with the number
    return d.length > 9 && d.startsWith('48') ? d.slice(2) : d || null;
  }
  return foldText(trimmed);
}

export const customerSortKey = (name: string) => polishSortKey(name) || '~';
