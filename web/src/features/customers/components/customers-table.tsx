import { Anchor, Group, Table, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatNip } from '../../../i18n/format.ts';
import type { Customer } from '../api/customer-types.ts';
import { ArchivedBadge, CustomerKindBadge } from './customer-kind-badge.tsx';

export function CustomersTable({ customers }: { customers: Customer[] }) {
  const t = useT();
  const navigate = useNavigate();
  const dash = t('common.empty');
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table highlightOnHover verticalSpacing="sm" data-testid="customers-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('customers.fields.name')}</Table.Th>
            <Table.Th>{t('customers.fields.kind')}</Table.Th>
            <Table.Th>{t('customers.fields.nip')}</Table.Th>
            <Table.Th>{t('customers.fields.phone')}</Table.Th>
            <Table.Th>{t('customers.fields.email')}</Table.Th>
            <Table.Th>{t('customers.fields.city')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {customers.map((c) => (
            <Table.Tr
              key={c.id}
              style={{ cursor: 'pointer' }}
              onClick={(e) => {
                if (!(e.target instanceof HTMLAnchorElement)) void navigate(`/customers/${c.id}`);
              }}
              data-testid="customer-row"
            >
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Anchor component={Link} to={`/customers/${c.id}`} fw={500}>
                    {c.name}
                  </Anchor>
                  {c.archived && <ArchivedBadge />}
                </Group>
              </Table.Td>
              <Table.Td>
                <CustomerKindBadge kind={c.kind} />
              </Table.Td>
              <Table.Td>
                {c.nip ? (
                  <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {formatNip(c.nip)}
                  </Text>
                ) : (
                  dash
                )}
              </Table.Td>
              <Table.Td>{c.phone || dash}</Table.Td>
              <Table.Td>{c.email || dash}</Table.Td>
              <Table.Td>{c.city || dash}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
