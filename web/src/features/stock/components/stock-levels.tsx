import { Center, Loader, Table, Text } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatQuantity } from '../../../i18n/format.ts';
import { QueryError } from '../../../ui/query-error.tsx';
import type { Part } from '../../parts/api/part-types.ts';
import { usePartStock } from '../api/stock-api.ts';

/** On hand per location, with the total. */
export function StockLevels({ part }: { part: Part }) {
  const t = useT();
  const levels = usePartStock(part.id);
  const unit = t(`parts.unitsShort.${part.unit}`);
  if (levels.isPending)
    return (
      <Center py="md">
        <Loader size="sm" aria-label={t('app.loading')} />
      </Center>
    );
  if (levels.error) return <QueryError error={levels.error} onRetry={() => void levels.refetch()} />;
  if (levels.data.length === 0)
    return (
      <Text c="dimmed" size="sm" data-testid="stock-levels-empty">
        {t('stock.levels.empty')}
      </Text>
    );
  return (
    <Table verticalSpacing={6} data-testid="stock-levels">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('stock.levels.location')}</Table.Th>
          <Table.Th ta="right">{t('stock.levels.onHand')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {levels.data.map((l) => (
          <Table.Tr key={l.locationId} data-testid="stock-level" data-location={l.locationName}>
            <Table.Td>{l.locationName}</Table.Td>
            <Table.Td ta="right" data-testid="stock-level-qty">
              {formatQuantity(l.onHand, t.lang)} {unit}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr>
          <Table.Th>{t('stock.levels.total')}</Table.Th>
          <Table.Th ta="right" data-testid="stock-total">
            {formatQuantity(part.onHand, t.lang)} {unit}
          </Table.Th>
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}
