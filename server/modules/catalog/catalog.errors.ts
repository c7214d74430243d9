// Coded errors of the catalogue, and how a unique-index violation is recognised behind Drizzle's wrapper.
import { fieldError, invalidFields } from '../../kernel/errors/app-error.ts';

export const codeTakenField = (code: string) => fieldError('code', 'catalog.code_taken', `Another item already has the code "${code}"`);
export const vatRateUnknownField = (code: string) => fieldError('vatRateCode', 'catalog.vat_rate_unknown', `"${code}" is not an active VAT rate`, { value: code });

export const codeTaken = (code: string) => invalidFields([codeTakenField(code)]);

/**
 * True when `e` (or the driver error Drizzle wraps in `cause`) is a unique violation of `constraint`:
 * the last guard when two requests take the same code at the same moment.
 */
export function isUniqueViolation(e: unknown, constraint: string): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 3; cur = (cur as { cause?: unknown }).cause, depth++) {
    const pg = cur as { code?: unknown; constraint?: unknown; message?: unknown };
    if (pg.code === '23505') return pg.constraint === constraint || String(pg.message ?? '').includes(constraint);
  }
  return false;
}
