import { Paper, SimpleGrid, Stack } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime, formatMoney, formatQuantity } from '../../../i18n/format.ts';
import { DetailItem } from '../../../ui/detail-item.tsx';
import { useVatLabel } from '../../catalogue/api/vat-rates-api.ts';
import type { Part } from '../api/part-types.ts';

export function PartDetails({ part: p }: { part: Part }) {
  const t = useT();
  const vat = useVatLabel();
  const dash = t('common.empty');
  const unit = t(`parts.unitsShort.${p.unit}`);
  return (
    <Paper withBorder p="lg" radius="md" data-testid="part-details">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="lg">
        <DetailItem label={t('catalogue.fields.code')} testId="detail-code">
          {p.code}
        </DetailItem>
        <DetailItem label={t('parts.fields.unit')}>{t(`parts.units.${p.unit}`)}</DetailItem>
        <DetailItem label={t('parts.fields.manufacturerPartNumber')}>{p.manufacturerPartNumber || dash}</DetailItem>
        <DetailItem label={t('parts.fields.ean')}>{p.ean || dash}</DetailItem>
        <DetailItem label={t('parts.fields.purchasePrice')} testId="detail-purchase-price">
          {formatMoney(p.purchasePriceMinor, 'PLN', t.lang)}
        </DetailItem>
        <DetailItem label={t('parts.fields.salePrice')} testId="detail-sale-price">
          {formatMoney(p.salePriceMinor, 'PLN', t.lang)}
        </DetailItem>
        <DetailItem label={t('catalogue.fields.vatRate')}>{vat(p.vatRateCode, t.lang)}</DetailItem>
        <DetailItem label={t('parts.fields.minStock')}>
          {formatQuantity(p.minStock, t.lang)} {unit}
        </DetailItem>
        <DetailItem label={t('catalogue.detail.updatedAt')}>{formatDateTime(p.updatedAt, t.lang)}</DetailItem>
      </SimpleGrid>
      {p.description && (
        <Stack mt="lg">
          <DetailItem label={t('catalogue.fields.description')}>{p.description}</DetailItem>
        </Stack>
      )}
    </Paper>
  );
}
