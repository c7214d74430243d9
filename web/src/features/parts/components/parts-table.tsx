import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatMoney, formatQuantity } from '../../../i18n/format.ts';
import { ArchivedBadge } from '../../catalogue/components/status-badges.tsx';
import type { Part } from '../api/part-types.ts';

export function LowStockBadge() {
  const t = useT();
  return (
    <Badge color="orange" variant="light" data-testid="low-stock-badge">
      {t('parts.lowStock')}
    </Badge>
  );
}

export function PartsTable({ parts }: { parts: Part[] }) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="parts-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('catalogue.fields.code')}</Table.Th>
            <Table.Th>{t('catalogue.fields.name')}</Table.Th>
            <Table.Th>{t('parts.fields.manufacturerPartNumber')}</Table.Th>
            <Table.Th ta="right">{t('parts.fields.salePrice')}</Table.Th>
            <Table.Th ta="right">{t('parts.fields.onHand')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {parts.map((p) => (
            <Table.Tr
              key={p.id}
              style={{ cursor: 'pointer' }}
              onClick={(e) => {
                if (!(e.target instanceof HTMLAnchorElement)) void navigate(`/catalogue/parts/${p.id}`);
              }}
              data-testid="part-row"
              data-code={p.code}
            >
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {p.code}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Anchor component={Link} to={`/catalogue/parts/${p.id}`} fw={500}>
                    {p.name}
                  </Anchor>
                  {p.archived && <ArchivedBadge />}
                </Group>
              </Table.Td>
              <Table.Td>{p.manufacturerPartNumber || t('common.empty')}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(p.salePriceMinor, 'PLN', t.lang)}
              </Table.Td>
              <Table.Td ta="right">
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  {p.lowStock && <LowStockBadge />}
                  <Text size="sm" fw={500} data-testid="part-on-hand" style={{ whiteSpace: 'nowrap' }}>
                    {formatQuantity(p.onHand, t.lang)} {t(`parts.unitsShort.${p.unit}`)}
                  </Text>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
