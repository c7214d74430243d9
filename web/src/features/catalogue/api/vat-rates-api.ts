// VAT rates as data (GET /api/v1/vat-rates): for selects and for showing an item's rate.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api-client.ts';
import type { Language } from '../../../i18n/catalog-types.ts';

export type VatRate = { code: string; rateBp: number | null; ksefCode: string; labelPl: string; labelEn: string; position: number; active: boolean };

export function useVatRates() {
  return useQuery({
    queryKey: ['vat-rates'],
    queryFn: () => api<{ items: VatRate[] }>('/api/v1/vat-rates').then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

export const vatLabel = (rate: VatRate, lang: Language) => (lang === 'pl' ? rate.labelPl : rate.labelEn);

/** Select options: the active rates, plus the current value when it is an inactive one. */
export function vatOptions(rates: VatRate[] | undefined, lang: Language, current?: string) {
  return (rates ?? []).filter((r) => r.active || r.code === current).map((r) => ({ value: r.code, label: vatLabel(r, lang) }));
}

/** "23%" for a code, or the code itself while the rates load. */
export function useVatLabel() {
  const rates = useVatRates();
  return (code: string, lang: Language) => {
    const r = rates.data?.find((x) => x.code === code);
    return r ? vatLabel(r, lang) : code;
  };
}
