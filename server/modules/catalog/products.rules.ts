// Pure rules of products: derived columns.
import { codeKey, itemSearchText, itemSortKey } from './catalog.rules.ts';

type ProductText = { code: string; name: string; manufacturer: string; model: string; category: string };

/** The derived columns stored beside a product: unique code key, folded search text, Polish sort key. */
export function productDerived(p: ProductText) {
  return {
    codeKey: codeKey(p.code),
    searchText: itemSearchText([p.code, p.name, p.manufacturer, p.model, p.category]),
    sortKey: itemSortKey(p.name),
  };
}
