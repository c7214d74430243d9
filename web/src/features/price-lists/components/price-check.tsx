import { Alert, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, formatMoney } from '../../../i18n/format.ts';
import { DetailItem } from '../../../ui/detail-item.tsx';
import { QueryError } from '../../../ui/query-error.tsx';
import { useVatLabel } from '../../catalogue/api/vat-rates-api.ts';
import { usePriceCheck, type CatalogueItem, type ItemType, type PriceList } from '../api/price-lists-api.ts';
import { ItemPicker } from './item-picker.tsx';

/** Today in Europe/Warsaw as YYYY-MM-DD (the business date the server uses by default). */
export const todayInWarsaw = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Warsaw' }).format(new Date());

/** "Check a price": an item and a date → the price on this list and where it came from. */
export function PriceCheck({ list }: { list: PriceList }) {
  const t = useT();
  const vat = useVatLabel();
  const [type, setType] = useState<ItemType>('part');
  const [item, setItem] = useState<CatalogueItem | null>(null);
  const [date, setDate] = useState(todayInWarsaw);
  const query = item && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { itemType: item.type, itemId: item.id, date } : null;
  const price = usePriceCheck(list.id, query);
  const fromOther = price.data && price.data.priceListId !== null && price.data.priceListId !== list.id;
  const notApplying = price.data && price.data.priceListId !== list.id && ((list.validFrom && date < list.validFrom) || (list.validTo && date > list.validTo) || list.archived);
  return (
    <Paper withBorder p="md" radius="md" data-testid="price-check">
      <Stack gap="sm">
        <Title order={4}>{t('priceLists.check.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('priceLists.check.intro')}
        </Text>
        <ItemPicker type={type} onTypeChange={setType} value={item} onChange={setItem} testId="price-check" />
        <TextInput type="date" label={t('priceLists.check.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} data-testid="price-check-date" />
        {price.error && <QueryError error={price.error} />}
        {query && price.data && (
          <Stack gap="xs" data-testid="price-check-result" style={{ opacity: price.isPlaceholderData ? 0.6 : 1 }}>
            <SimpleGrid cols={2}>
              <DetailItem label={t('priceLists.check.net')} testId="price-check-net">
                <Text fw={700} size="lg" span>
                  {formatMoney(price.data.netMinor, 'PLN', t.lang)}
                </Text>
              </DetailItem>
              <DetailItem label={t('priceLists.check.gross', { vat: vat(price.data.vatRateCode, t.lang) })} testId="price-check-gross">
                <Text fw={700} size="lg" span>
                  {formatMoney(price.data.grossMinor, 'PLN', t.lang)}
                </Text>
              </DetailItem>
            </SimpleGrid>
            <Alert color={price.data.source === 'item_default' ? 'gray' : 'blue'} p="xs" data-testid="price-check-source" data-source={price.data.source}>
              {t(`priceLists.check.sources.${price.data.source}`)}
              {fromOther && ` ${t('priceLists.check.fromDefault')}`}
              {notApplying && ` ${t('priceLists.check.notApplying', { date: formatDate(date, t.lang) })}`}
            </Alert>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
