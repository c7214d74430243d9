// Exact decimal quantities with three decimal places (numeric(12,3) in the database), carried as
// BigInt thousandths in code. Never floats: 0.1 + 0.2 must be 0.3 in a stock ledger.

export const QTY_SCALE = 1000n;
const PATTERN = /^(-)?(\d{1,9})(?:[.,](\d{1,3}))?$/;

/** "1,5" / "1.5" / "2" → 1500n / 1500n / 2000n; null when not a number with at most 3 decimals. */
export function parseQuantity(input: string | number): bigint | null {
  const s = String(input).trim().replace(/\s+/g, '');
  const m = PATTERN.exec(s);
  if (!m) return null;
  const whole = BigInt(m[2]!);
  const frac = BigInt((m[3] ?? '').padEnd(3, '0'));
  const v = whole * QTY_SCALE + frac;
  return m[1] ? -v : v;
}

/** 1500n → "1.500" (the database's text form). */
export function formatQuantity(thousandths: bigint): string {
  const neg = thousandths < 0n;
  const abs = neg ? -thousandths : thousandths;
  return `${neg ? '-' : ''}${abs / QTY_SCALE}.${(abs % QTY_SCALE).toString().padStart(3, '0')}`;
}

/** Normalizes a database numeric string ("2", "2.5", "2.500") to thousandths. */
export function quantityFromDb(value: string): bigint {
  const q = parseQuantity(value);
  if (q === null) throw new Error(`not a quantity: ${value}`);
  return q;
}
