// priceFor: the one rule that says what an item costs on a price list on a day. Pure; the caller
// loads the item, the list (with its entries) and the default list.
import { applyPercent, grossFromNet, netFromGross } from '../../kernel/money/money.ts';

export type PricedItem = {
  type: 'part' | 'service';
  id: string;
  defaultNetMinor: number;
  vatRateBp: number | null; // null: no VAT (zw, np, oo)
};

export type PriceEntry = { priceMinor: number | null; percentBp: number | null };

export type PriceListForPricing = {
  id: string;
  validFrom: string | null; // YYYY-MM-DD, inclusive
  validTo: string | null;
  entryMode: 'net' | 'gross';
  defaultPercentBp: number | null;
  archived: boolean;
  entries: ReadonlyMap<string, PriceEntry>; // key: `${type}:${id}`
};

export type PriceSource = 'list_price' | 'list_item_percent' | 'list_percent' | 'item_default';

export type Price = {
  netMinor: number;
  grossMinor: number;
  source: PriceSource;
  priceListId: string | null; // the list the price came from
};

export const entryKey = (type: PricedItem['type'], id: string) => `${type}:${id}`;

/** Does the list apply on this business date? Archived lists never do. */
export function listAppliesOn(list: Pick<PriceListForPricing, 'validFrom' | 'validTo' | 'archived'>, date: string): boolean {
  if (list.archived) return false;
  if (list.validFrom && date < list.validFrom) return false;
  if (list.validTo && date > list.validTo) return false;
  return true;
}

const gross = (net: number, rateBp: number | null) => (rateBp === null ? net : grossFromNet(net, rateBp));

function fromList(item: PricedItem, list: PriceListForPricing): Price | null {
  const entry = list.entries.get(entryKey(item.type, item.id));
  if (entry?.priceMinor != null) {
    if (list.entryMode === 'gross') {
      const net = item.vatRateBp === null ? entry.priceMinor : netFromGross(entry.priceMinor, item.vatRateBp);
      return { netMinor: net, grossMinor: entry.priceMinor, source: 'list_price', priceListId: list.id };
    }
    return { netMinor: entry.priceMinor, grossMinor: gross(entry.priceMinor, item.vatRateBp), source: 'list_price', priceListId: list.id };
  }
  const percent = entry?.percentBp ?? list.defaultPercentBp;
  if (percent != null) {
    const net = applyPercent(item.defaultNetMinor, percent);
    return { netMinor: net, grossMinor: gross(net, item.vatRateBp), source: entry?.percentBp != null ? 'list_item_percent' : 'list_percent', priceListId: list.id };
  }
  return null;
}

/**
 * Precedence: the given list (when it applies on the date) — its own price for the item, else its
 * percentage for the item, else its percentage for everything; then the same on the default list;
 * then the item's default price.
 */
export function priceFor(item: PricedItem, list: PriceListForPricing | null, date: string, defaultList: PriceListForPricing | null): Price {
  for (const l of [list, defaultList]) {
    if (!l || !listAppliesOn(l, date)) continue;
    const p = fromList(item, l);
    if (p) return p;
  }
  return { netMinor: item.defaultNetMinor, grossMinor: gross(item.defaultNetMinor, item.vatRateBp), source: 'item_default', priceListId: null };
}
