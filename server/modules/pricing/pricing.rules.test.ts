import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entryKey, priceFor, type PriceEntry, type PricedItem, type PriceListForPricing } from './pricing.rules.ts';

const labour: PricedItem = { type: 'service', id: 's1', defaultNetMinor: 15000, vatRateBp: 2300 }; // 150.00 net
const exempt: PricedItem = { type: 'service', id: 's2', defaultNetMinor: 10000, vatRateBp: null }; // zw

const list = (over: Partial<PriceListForPricing> & { items?: [PricedItem, PriceEntry][] } = {}): PriceListForPricing => ({
  id: over.id ?? 'L',
  validFrom: over.validFrom ?? null,
  validTo: over.validTo ?? null,
  entryMode: over.entryMode ?? 'net',
  defaultPercentBp: over.defaultPercentBp ?? null,
  archived: over.archived ?? false,
  entries: new Map((over.items ?? []).map(([i, e]) => [entryKey(i.type, i.id), e])),
});
const price = (p: number | null, pct: number | null = null): PriceEntry => ({ priceMinor: p, percentBp: pct });

type Case = [string, PricedItem, PriceListForPricing | null, string, PriceListForPricing | null, { net: number; gross: number; source: string; list: string | null }];
const D = '2026-11-27';
const cases: Case[] = [
  ['no list at all: the item\'s default price', labour, null, D, null, { net: 15000, gross: 18450, source: 'item_default', list: null }],
  ['a list with the item\'s own net price', labour, list({ items: [[labour, price(12000)]] }), D, null, { net: 12000, gross: 14760, source: 'list_price', list: 'L' }],
  ['a gross-entry list: the entered gross is kept, net derived', labour, list({ entryMode: 'gross', items: [[labour, price(12300)]] }), D, null, { net: 10000, gross: 12300, source: 'list_price', list: 'L' }],
  ['an item percentage beats the list percentage', labour, list({ defaultPercentBp: -1000, items: [[labour, price(null, -2000)]] }), D, null, { net: 12000, gross: 14760, source: 'list_item_percent', list: 'L' }],
  ['the list percentage applies to items without an entry', labour, list({ defaultPercentBp: -1000 }), D, null, { net: 13500, gross: 16605, source: 'list_percent', list: 'L' }],
  ['a markup', labour, list({ defaultPercentBp: 500 }), D, null, { net: 15750, gross: 19373, source: 'list_percent', list: 'L' }],
  ['the item\'s own price beats the list percentage', labour, list({ defaultPercentBp: -5000, items: [[labour, price(14000)]] }), D, null, { net: 14000, gross: 17220, source: 'list_price', list: 'L' }],
  ['a list without anything for the item falls to the default list', labour, list({ items: [] }), D, list({ id: 'DEF', items: [[labour, price(14500)]] }), { net: 14500, gross: 17835, source: 'list_price', list: 'DEF' }],
  ['a list not yet valid falls to the default list', labour, list({ validFrom: '2026-12-01', items: [[labour, price(1)]] }), D, list({ id: 'DEF', defaultPercentBp: -100 }), { net: 14850, gross: 18266, source: 'list_percent', list: 'DEF' }],
  ['a list valid from today applies today', labour, list({ validFrom: D, items: [[labour, price(1000)]] }), D, null, { net: 1000, gross: 1230, source: 'list_price', list: 'L' }],
  ['a list valid until today applies today', labour, list({ validTo: D, items: [[labour, price(1000)]] }), D, null, { net: 1000, gross: 1230, source: 'list_price', list: 'L' }],
  ['an expired list does not apply', labour, list({ validTo: '2026-11-26', items: [[labour, price(1000)]] }), D, null, { net: 15000, gross: 18450, source: 'item_default', list: null }],
  ['an archived list does not apply', labour, list({ archived: true, items: [[labour, price(1000)]] }), D, null, { net: 15000, gross: 18450, source: 'item_default', list: null }],
  ['an expired default list does not apply either', labour, null, D, list({ id: 'DEF', validTo: '2026-01-01', defaultPercentBp: -5000 }), { net: 15000, gross: 18450, source: 'item_default', list: null }],
  ['an exempt (zw) item: gross equals net', exempt, list({ defaultPercentBp: -1000 }), D, null, { net: 9000, gross: 9000, source: 'list_percent', list: 'L' }],
  ['an exempt item on a gross list: net equals the entered gross', exempt, list({ entryMode: 'gross', items: [[exempt, price(5000)]] }), D, null, { net: 5000, gross: 5000, source: 'list_price', list: 'L' }],
];

for (const [why, item, l, date, def, expected] of cases)
  test(`price lookup: ${why}`, () => {
    const p = priceFor(item, l, date, def);
    assert.deepEqual({ net: p.netMinor, gross: p.grossMinor, source: p.source, list: p.priceListId }, expected);
  });
