import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime, formatNip } from '../../../i18n/format.ts';
import type { Customer } from '../api/customer-types.ts';

function Item({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" data-testid={testId} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {children}
      </Text>
    </Stack>
  );
}

export function CustomerDetails({ customer: c }: { customer: Customer }) {
  const t = useT();
  const dash = t('common.empty');
  const address = [c.street, [c.postalCode, c.city].filter(Boolean).join(' '), c.country !== 'PL' ? c.country : '']
    .filter(Boolean)
    .join('\n');
  return (
    <Paper withBorder p="lg" radius="md" data-testid="customer-details">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="lg">
        <Item label={t('customers.fields.kind')}>{t(`customers.kind.${c.kind}`)}</Item>
        {(c.kind === 'company' || c.nip) && (
          <Item label={t('customers.fields.nip')} testId="detail-nip">
            {c.nip ? formatNip(c.nip) : dash}
          </Item>
        )}
        <Item label={t('customers.fields.regon')}>{c.regon || dash}</Item>
        {(c.kind === 'individual' || c.pesel) && <Item label={t('customers.fields.pesel')}>{c.pesel || dash}</Item>}
        <Item label={t('customers.fields.email')}>{c.email || dash}</Item>
        <Item label={t('customers.fields.phone')}>{c.phone || dash}</Item>
        <Item label={t('customers.sites.fields.address')}>
          {address || dash}
        </Item>
        <Item label={t('customers.detail.createdAt')}>{formatDateTime(c.createdAt, t.lang)}</Item>
        <Item label={t('customers.detail.updatedAt')}>{formatDateTime(c.updatedAt, t.lang)}</Item>
        {c.archivedAt && <Item label={t('customers.detail.archivedAt')}>{formatDateTime(c.archivedAt, t.lang)}</Item>}
      </SimpleGrid>
      {c.notes && (
        <Stack mt="lg">
          <Item label={t('customers.fields.notes')}>{c.notes}</Item>
        </Stack>
      )}
    </Paper>
  );
}
