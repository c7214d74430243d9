// "Z katalogu": one search over the catalogue's services and parts (as you type); the picked item
// becomes a line with its name, unit, net price (a service's default price, a part's sale price) and VAT.
import { Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../app/api-client.ts';
import type { Page } from '../../../app/api-types.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatMoney } from '../../../i18n/format.ts';
import type { Part } from '../../parts/api/part-types.ts';
import type { Service } from '../../services/api/services-api.ts';
import type { InvoiceLineInput } from '../api/invoice-shapes.ts';

/** Catalogue units as printed on a Polish invoice (as the server prints an order's lines). */
const INVOICE_UNITS: Record<string, string> = { hour: 'godz.', piece: 'szt.', pcs: 'szt.', visit: 'usł.', km: 'km', set: 'kpl.', m: 'm', kg: 'kg', l: 'l', pack: 'op.' };
export const invoiceUnit = (unit: string) => INVOICE_UNITS[unit] ?? unit;
/** Units offered while typing a line's unit. */
export const UNIT_SUGGESTIONS = ['szt.', 'godz.', 'usł.', 'km', 'kpl.', 'm', 'kg', 'l', 'op.'];

type Item = { value: string; label: string; code: string; priceMinor: number; line: InvoiceLineInput };

function useCatalogueSearch(search: string) {
  const [q] = useDebouncedValue(search.trim(), 250);
  const query = { q, status: 'active', limit: 10 };
  const services = useQuery({
    queryKey: ['services', 'list', 'invoice-picker', q],
    queryFn: ({ signal }) => api<Page<Service>>('/api/v1/services', { query: query, signal }).then((r) => r.items),
    placeholderData: (prev) => prev,
    staleTime: 30_000,
  });
  const parts = useQuery({
    queryKey: ['parts', 'list', 'invoice-picker', q],
    queryFn: ({ signal }) => api<Page<Part>>('/api/v1/parts', { query: query, signal }).then((r) => r.items),
    placeholderData: (prev) => prev,
    staleTime: 30_000,
  });
  const base = { discountBp: 0, gtu: null, pkwiu: null, annex15: false };
  const serviceItems: Item[] = (services.data ?? []).map((s) => ({
    value: `service:${s.id}`,
    label: s.name,
    code: s.code,
    priceMinor: s.defaultPriceMinor,
    line: { ...base, name: s.name, quantity: '1', unit: invoiceUnit(s.unit), unitPriceMinor: s.defaultPriceMinor, vatRateCode: s.vatRateCode, sourceKind: 'service', sourceId: s.id },
  }));
  const partItems: Item[] = (parts.data ?? []).map((p) => ({
    value: `part:${p.id}`,
    label: p.name,
    code: p.code,
    priceMinor: p.salePriceMinor,
    line: { ...base, name: p.name, quantity: '1', unit: invoiceUnit(p.unit), unitPriceMinor: p.salePriceMinor, vatRateCode: p.vatRateCode, sourceKind: 'part', sourceId: p.id },
  }));
  return { serviceItems, partItems, fetching: services.isFetching || parts.isFetching };
}

/** A search select; picking an item hands its line to `onPick` and clears the box for the next one. */
export function CatalogueItemPicker({ onPick }: { onPick: (line: InvoiceLineInput) => void }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const { serviceItems, partItems, fetching } = useCatalogueSearch(search);
  const byValue = new Map([...serviceItems, ...partItems].map((i) => [i.value, i]));
  const data = [
    ...(serviceItems.length ? [{ group: t('invoices.lines.catalogueServices'), items: serviceItems.map((i) => ({ value: i.value, label: `${i.code} · ${i.label}` })) }] : []),
    ...(partItems.length ? [{ group: t('invoices.lines.catalogueParts'), items: partItems.map((i) => ({ value: i.value, label: `${i.code} · ${i.label}` })) }] : []),
  ];
  return (
    <Select
      aria-label={t('invoices.lines.addFromCatalogue')}
      placeholder={t('invoices.lines.cataloguePlaceholder')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      value={null}
      onChange={(v) => {
        const item = v ? byValue.get(v) : undefined;
        if (item) {
          onPick(item.line);
          setSearch('');
        }
      }}
      data={data}
      nothingFoundMessage={fetching ? t('app.loading') : t('invoices.lines.catalogueNothing')}
      renderOption={({ option }) => {
        const item = byValue.get(option.value);
        return (
          <Group justify="space-between" wrap="nowrap" w="100%" gap="xs">
            <Text size="sm">{option.label}</Text>
            {item && (
              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(item.priceMinor, 'PLN', t.lang)}
              </Text>
            )}
          </Group>
        );
      }}
      w={340}
      data-testid="invoice-line-catalogue"
    />
  );
}
