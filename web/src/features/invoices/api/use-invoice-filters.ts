// The invoice list's filters in the URL. On a customer's page the list is pinned to the customer and
// keeps its filters under `i.`-prefixed keys, so they do not mix with the page's other lists.
import { useMemo } from 'react';
import { filtersNarrow, useUrlFilters } from '../../../ui/use-url-filters.ts';
import type { InvoiceFilters } from './invoice-shapes.ts';
import { INVOICE_FILTER_DEFAULTS, INVOICE_FILTER_VALUES } from './invoices-api.ts';

export type InvoicePin = { customerId?: string | undefined };

const prefix = <T extends object>(o: T): Record<string, T[keyof T]> => Object.fromEntries(Object.entries(o).map(([k, v]) => [`i.${k}`, v]));
const PREFIXED_DEFAULTS = prefix(INVOICE_FILTER_DEFAULTS) as Record<string, string>;
const PREFIXED_VALUES = prefix(INVOICE_FILTER_VALUES) as Record<string, readonly string[]>;

export function useInvoiceFilters(pin: InvoicePin = {}): [InvoiceFilters, (patch: Partial<InvoiceFilters>) => void] {
  const pinned = !!pin.customerId;
  const [plain, setPlain] = useUrlFilters(INVOICE_FILTER_DEFAULTS, INVOICE_FILTER_VALUES);
  const [prefixed, setPrefixed] = useUrlFilters(PREFIXED_DEFAULTS, PREFIXED_VALUES);
  const filters = useMemo<InvoiceFilters>(() => {
    if (!pinned) return plain;
    const out = Object.fromEntries(Object.keys(INVOICE_FILTER_DEFAULTS).map((k) => [k, prefixed[`i.${k}`] ?? ''])) as InvoiceFilters;
    return { ...out, customerId: pin.customerId ?? '' };
  }, [pinned, plain, prefixed, pin.customerId]);
  const set = (patch: Partial<InvoiceFilters>) => (pinned ? setPrefixed(prefix(patch) as Record<string, string>) : setPlain(patch));
  return [filters, set];
}

/** Whether the user narrowed the list (a pinned customer does not count). */
export const invoiceFiltersNarrow = (f: InvoiceFilters, pin: InvoicePin) => filtersNarrow(f, INVOICE_FILTER_DEFAULTS, pin.customerId ? ['customerId'] : []);
