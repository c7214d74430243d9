import { fieldError, type FieldError } from '../../kernel/errors/app-error.ts';
import { isValidNip, isValidPolishBankAccount, isValidPolishPostalCode, normalizeBankAccount, normalizeNip } from '../../kernel/pl/identifiers.ts';
import type { CompanyInput } from './company.schemas.ts';

export function normalizeCompany(c: CompanyInput): CompanyInput {
  return { ...c, nip: normalizeNip(c.nip), bankAccount: c.bankAccount ? normalizeBankAccount(c.bankAccount) : '' };
}

export function validateCompany(c: CompanyInput, prefix = ''): FieldError[] {
  const errors: FieldError[] = [];
  if (!isValidNip(c.nip)) errors.push(fieldError(`${prefix}nip`, 'customers.nip_invalid', 'NIP must be 10 digits with a valid checksum'));
  if (c.bankAccount && !isValidPolishBankAccount(c.bankAccount))
    errors.push(fieldError(`${prefix}bankAccount`, 'company.bank_account_invalid', 'A Polish account number has 26 digits with a valid checksum'));
  if (c.country === 'PL' && c.postalCode && !isValidPolishPostalCode(c.postalCode))
    errors.push(fieldError(`${prefix}postalCode`, 'customers.postal_code_invalid', 'Polish postal codes look like 00-950'));
  return errors;
}

/** What the setup guide calls "company details complete": everything an invoice header needs. */
export function companyDetailsComplete(c: CompanyInput | undefined): boolean {
  return !!c && !!c.name && isValidNip(c.nip) && !!c.street && !!c.postalCode && !!c.city && !!c.bankAccount;
}
