import { Anchor, Divider, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, formatDateTime } from '../../../i18n/format.ts';
import { DetailItem } from '../../../ui/detail-item.tsx';
import type { Asset, AssetType } from '../api/asset-shapes.ts';
import { customValueText, kindLabel, meterText, todayInWarsaw } from './asset-text.ts';

/** Every field of the asset, custom values formatted by their field's kind (retired ones apart). */
export function AssetDetails({ asset: a, type }: { asset: Asset; type: AssetType | null }) {
  const t = useT();
  const dash = t('common.empty');
  const fields = type?.fields ?? [];
  const known = new Set(fields.map((f) => f.key));
  const retired = Object.entries(a.custom).filter(([k, v]) => !known.has(k) && v !== null && v !== '');
  const next = a.nextServiceDate;
  return (
    <Paper withBorder p="lg" radius="md" data-testid="asset-details">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="lg">
        <DetailItem label={t('assets.fields.type')}>{a.assetTypeName}</DetailItem>
        <DetailItem label={t('assets.fields.serialNumber')} testId="detail-serial">
          {a.serialNumber ? <Text ff="monospace" size="sm">{a.serialNumber}</Text> : dash}
        </DetailItem>
        <DetailItem label={t('assets.fields.customer')}>
          <Anchor component={Link} to={`/customers/${a.customerId}`} size="sm">
            {a.customerName}
          </Anchor>
        </DetailItem>
        <DetailItem label={t('assets.fields.manufacturer')}>{a.manufacturer || dash}</DetailItem>
        <DetailItem label={t('assets.fields.model')}>{a.model || dash}</DetailItem>
        <DetailItem label={t('assets.fields.product')}>
          {a.productId ? (
            <Anchor component={Link} to={`/catalogue/products/${a.productId}`} size="sm">
              {a.productName ?? a.productId}
            </Anchor>
          ) : (
            dash
          )}
        </DetailItem>
        <DetailItem label={t('assets.fields.site')}>{a.siteName ?? dash}</DetailItem>
        <DetailItem label={t('assets.fields.position')}>{a.position || dash}</DetailItem>
        <DetailItem label={t('assets.fields.contact')}>{a.contactName ?? dash}</DetailItem>
        <DetailItem label={t('assets.fields.purchaseDate')}>{a.purchaseDate ? formatDate(a.purchaseDate, t.lang) : dash}</DetailItem>
        <DetailItem label={t('assets.fields.installationDate')}>{a.installationDate ? formatDate(a.installationDate, t.lang) : dash}</DetailItem>
        <DetailItem label={t('assets.fields.nextServiceDate')} testId="detail-next-date">
          {next ? (
            <Text size="sm" c={next.dueOn < todayInWarsaw() ? 'red' : undefined}>
              {kindLabel(t, next)} · {formatDate(next.dueOn, t.lang)}
            </Text>
          ) : (
            dash
          )}
        </DetailItem>
        {a.meterUnit && (
          <DetailItem label={t('assets.fields.meter')} testId="detail-meter">
            {a.meterValue
              ? t('assets.detail.meterAt', { value: meterText(a.meterValue, a.meterUnit, t.lang), date: formatDate(a.meterReadOn, t.lang) })
              : t('assets.detail.noReadings')}
          </DetailItem>
        )}
        <DetailItem label={t('assets.fields.createdAt')}>{formatDateTime(a.createdAt, t.lang)}</DetailItem>
        <DetailItem label={t('assets.fields.updatedAt')}>{formatDateTime(a.updatedAt, t.lang)}</DetailItem>
      </SimpleGrid>
      {fields.length > 0 && (
        <>
          <Divider my="lg" label={t('assets.detail.customFields')} labelPosition="left" />
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="lg" data-testid="asset-custom-values">
            {fields.map((f) => (
              <DetailItem key={f.key} label={f.label} testId={`custom-value-${f.key}`}>
                {customValueText(t, f, a.custom[f.key])}
              </DetailItem>
            ))}
          </SimpleGrid>
        </>
      )}
      {retired.length > 0 && (
        <>
          <Divider my="lg" label={t('assets.detail.retiredFields')} labelPosition="left" />
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="lg">
            {retired.map(([k, v]) => (
              <DetailItem key={k} label={k}>
                {customValueText(t, undefined, v)}
              </DetailItem>
            ))}
          </SimpleGrid>
        </>
      )}
      {a.specification && (
        <Stack mt="lg">
          <DetailItem label={t('assets.fields.specification')}>{a.specification}</DetailItem>
        </Stack>
      )}
    </Paper>
  );
}
