// Money in integer minor units (grosze). Rounding is explicit: half away from zero, as Polish VAT
// practice rounds ("końcówki poniżej 0,5 grosza pomija się, 0,5 grosza i więcej zaokrągla się do 1 grosza").

/** Parses "1 234,56" / "1234.56" / "12" into minor units; null for anything else (max 2 decimals). */
export function parseMoney(input: string | number): number | null {
  const s = String(input).trim().replace(/[\s\u00a0]/g, '').replace(/zł$|PLN$/i, '');
  const m = /^(-)?(\d{1,12})(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const v = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -v : v;
}

/** Integer division rounding half away from zero. */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  const neg = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (2n * d);
  return neg ? -q : q;
}

/** amount × (1 + basisPoints/10000), rounded: a percentage change (discount negative). */
export function applyPercent(minor: number, basisPoints: number): number {
  return Number(divRound(BigInt(minor) * BigInt(10_000 + basisPoints), 10_000n));
}

/** Gross from net at a VAT rate in basis points (2300 = 23%). */
export const grossFromNet = (net: number, rateBp: number) => Number(divRound(BigInt(net) * BigInt(10_000 + rateBp), 10_000n));

/** Net from gross at a VAT rate in basis points. */
export const netFromGross = (gross: number, rateBp: number) => Number(divRound(BigInt(gross) * 10_000n, BigInt(10_000 + rateBp)));

/** 123456 → "1234.56" (API/CSV form). */
export function formatMinor(minor: number): string {
  const neg = minor < 0;
  const abs = Math.abs(minor);
  return `${neg ? '-' : ''}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
