// Amounts and quantities as FA(3) writes them, and where each VAT rate's sums go in the Fa section.
// Pure and exact: grosze are formatted with integer arithmetic, quantities stay decimal strings.
import { formatMinor } from '../../../kernel/money/money.ts';
import { formatQuantity, parseQuantity } from '../../../kernel/money/quantity.ts';
import type { DocumentTotals } from '../invoice-document.ts';

/** Grosze → TKwotowy / TKwotowy2 ("-73.80": złoty, a dot, 2 decimals; negative allowed on corrections). */
export function zl(minor: number): string {
  if (!Number.isSafeInteger(minor)) throw new Error(`amount is not a whole number of grosze: ${minor}`);
  return formatMinor(minor);
}

/** '1.500' → '1.5', '2.000' → '2' (TIlosci: up to 6 decimals; trailing zeros say nothing). */
export function qty(quantity: string): string {
  const thousandths = parseQuantity(quantity);
  if (thousandths === null) throw new Error(`not a quantity: ${quantity}`);
  return formatQuantity(thousandths).replace(/\.?0+$/, '');
}

/**
 * The Fa fields of a P_12 rate: P_13_x is the net sum ("suma wartości sprzedaży netto"), P_14_x the
 * VAT on it; rates that carry no VAT (0%, zw, np, oo) have only a P_13 field.
 */
const SLOTS: Record<string, { net: string; vat?: string }> = {
  '23': { net: 'P_13_1', vat: 'P_14_1' }, // stawka podstawowa
  '22': { net: 'P_13_1', vat: 'P_14_1' },
  '8': { net: 'P_13_2', vat: 'P_14_2' }, // stawka obniżona pierwsza
  '7': { net: 'P_13_2', vat: 'P_14_2' },
  '5': { net: 'P_13_3', vat: 'P_14_3' }, // stawka obniżona druga
  '0 KR': { net: 'P_13_6_1' }, // 0% w kraju
  '0 WDT': { net: 'P_13_6_2' }, // 0% wewnątrzwspólnotowa dostawa towarów
  '0 EX': { net: 'P_13_6_3' }, // 0% eksport towarów
  zw: { net: 'P_13_7' }, // zwolnione od podatku
  'np I': { net: 'P_13_8' }, // poza terytorium kraju
  'np II': { net: 'P_13_9' }, // usługi z art. 100 ust. 1 pkt 4 (rozliczane przez nabywcę w UE)
  oo: { net: 'P_13_10' }, // odwrotne obciążenie w kraju
};

/** The schema's order of the sums; each P_14_x directly follows its P_13_x. */
const ORDER = ['P_13_1', 'P_14_1', 'P_13_2', 'P_14_2', 'P_13_3', 'P_14_3', 'P_13_6_1', 'P_13_6_2', 'P_13_6_3', 'P_13_7', 'P_13_8', 'P_13_9', 'P_13_10'];

export function isKnownRate(ksefRateCode: string): boolean {
  return ksefRateCode in SLOTS;
}

/**
 * P_13_x / P_14_x of the document's rates in schema order, as [element, amount] pairs. Rates sharing
 * a field (23 and 22) are added up. On a correcting invoice `totals` already holds after − before.
 */
export function rateSums(totals: DocumentTotals): [string, string][] {
  const sums = new Map<string, number>();
  for (const r of totals.rates) {
    const slot = SLOTS[r.ksefRateCode];
    if (!slot) throw new Error(`VAT rate ${r.ksefRateCode} has no FA(3) field`);
    sums.set(slot.net, (sums.get(slot.net) ?? 0) + r.netMinor);
    if (slot.vat) sums.set(slot.vat, (sums.get(slot.vat) ?? 0) + r.vatMinor);
    else if (r.vatMinor !== 0) throw new Error(`VAT rate ${r.ksefRateCode} cannot carry VAT (${r.vatMinor} gr)`);
  }
  return ORDER.filter((name) => sums.has(name)).map((name) => [name, zl(sums.get(name)!)]);
}
