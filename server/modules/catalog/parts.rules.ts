// Pure rules for spare parts: business validation beyond shape, and their search/sort keys.
import { fieldError, type FieldError } from '../../kernel/errors/app-error.ts';
import { parseQuantity } from '../../kernel/money/quantity.ts';
import { isValidEan } from '../../kernel/pl/ean.ts';
import { foldText, polishSortKey } from '../../kernel/text/normalize.ts';
import type { PartInput } from './parts.schemas.ts';

export const codeKey = (code: string) => code.trim().toLowerCase();

export function validatePart(p: PartInput, vatCodes: ReadonlySet<string>): FieldError[] {
  const errors: FieldError[] = [];
  if (p.ean && !isValidEan(p.ean)) errors.push(fieldError('ean', 'catalog.ean_invalid', 'EAN must be 8, 12, 13 or 14 digits with a valid check digit'));
  if (!vatCodes.has(p.vatRateCode)) errors.push(fieldError('vatRateCode', 'catalog.vat_rate_unknown', `Unknown VAT rate "${p.vatRateCode}"`, { value: p.vatRateCode }));
  const min = parseQuantity(p.minStock);
  if (min === null || min < 0n) errors.push(fieldError('minStock', 'catalog.min_stock_invalid', 'The minimum stock is a number ≥ 0'));
  return errors;
}

export const partSearchText = (p: Pick<PartInput, 'code' | 'name' | 'manufacturerPartNumber' | 'ean'>) =>
  foldText([p.code, p.name, p.manufacturerPartNumber, p.ean ?? ''].filter(Boolean).join(' | '));

export const partSortKey = (name: string) => polishSortKey(name) || '~';
