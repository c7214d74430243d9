import { Badge, Button, Center, Loader, Stack, Table, Text } from '@mantine/core';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime, formatMoney, formatQuantity, quantitySign } from '../../../i18n/format.ts';
import { QueryError } from '../../../ui/query-error.tsx';
import type { Part } from '../../parts/api/part-types.ts';
import { useStockLedger, type LedgerKind } from '../api/stock-api.ts';

const KIND_COLORS: Record<LedgerKind, string> = {
  receipt: 'green',
  issue: 'blue',
  return: 'teal',
  adjustment: 'orange',
  transfer_out: 'grape',
  transfer_in: 'grape',
};

/** The part's stock ledger, newest first, keyset "load more". */
export function StockLedger({ part }: { part: Part }) {
  const t = useT();
  const ledger = useStockLedger(part.id);
  const unit = t(`parts.unitsShort.${part.unit}`);
  if (ledger.isPending)
    return (
      <Center py="md">
        <Loader size="sm" aria-label={t('app.loading')} />
      </Center>
    );
  if (ledger.error) return <QueryError error={ledger.error} onRetry={() => void ledger.refetch()} />;
  const rows = ledger.data.pages.flatMap((p) => p.items);
  if (rows.length === 0)
    return (
      <Text c="dimmed" size="sm" data-testid="stock-ledger-empty">
        {t('stock.ledger.empty')}
      </Text>
    );
  return (
    <Stack>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing={6} striped data-testid="stock-ledger">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('stock.ledger.when')}</Table.Th>
              <Table.Th>{t('stock.ledger.kind')}</Table.Th>
              <Table.Th>{t('stock.levels.location')}</Table.Th>
              <Table.Th ta="right">{t('stock.ledger.quantity')}</Table.Th>
              <Table.Th ta="right">{t('stock.ledger.unitCost')}</Table.Th>
              <Table.Th>{t('stock.ledger.reason')}</Table.Th>
              <Table.Th>{t('stock.ledger.who')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((m) => {
              const sign = quantitySign(m.quantity);
              return (
                <Table.Tr key={m.seq} data-testid="stock-ledger-row" data-kind={m.kind}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(m.occurredAt, t.lang)}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={KIND_COLORS[m.kind]}>
                      {t(`stock.ledgerKinds.${m.kind}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{m.locationName}</Table.Td>
                  <Table.Td ta="right" c={sign < 0 ? 'red' : 'green.8'} fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="stock-ledger-qty">
                    {sign > 0 ? '+' : ''}
                    {formatQuantity(m.quantity, t.lang)} {unit}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {m.unitCostMinor === null ? t('common.empty') : formatMoney(m.unitCostMinor, 'PLN', t.lang)}
                  </Table.Td>
                  <Table.Td>{m.reason || t('common.empty')}</Table.Td>
                  <Table.Td>{m.actorLabel}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {ledger.hasNextPage && (
        <Button variant="light" w="fit-content" onClick={() => void ledger.fetchNextPage()} loading={ledger.isFetchingNextPage} data-testid="stock-ledger-load-more">
          {t('common.loadMore')}
        </Button>
      )}
    </Stack>
  );
}
