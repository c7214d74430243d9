import { Select } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useVatRates, vatOptions } from '../api/vat-rates-api.ts';

/** The VAT rate of an item, from GET /api/v1/vat-rates. */
export function VatSelect({ value, onChange, error, label }: { value: string; onChange: (code: string) => void; error?: string | undefined; label?: string }) {
  const t = useT();
  const rates = useVatRates();
  return (
    <Select
      label={label ?? t('catalogue.fields.vatRate')}
      value={value || null}
      onChange={(v) => v && onChange(v)}
      data={vatOptions(rates.data, t.lang, value)}
      error={error}
      allowDeselect={false}
      required
      disabled={rates.isPending}
      data-testid="vat-select"
    />
  );
}
