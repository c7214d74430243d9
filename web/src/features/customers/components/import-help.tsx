import { Accordion, Code, Table, Text } from '@mantine/core';
import { IconHelp } from '@tabler/icons-react';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { TKey } from '../../../i18n/catalog-types.ts';

const ROWS: { field: TKey; aliases: TKey }[] = [
  { field: 'customers.fields.name', aliases: 'customers.import.aliases.name' },
  { field: 'customers.fields.kind', aliases: 'customers.import.aliases.kind' },
  { field: 'customers.fields.nip', aliases: 'customers.import.aliases.nip' },
  { field: 'customers.fields.regon', aliases: 'customers.import.aliases.regon' },
  { field: 'customers.fields.pesel', aliases: 'customers.import.aliases.pesel' },
  { field: 'customers.fields.email', aliases: 'customers.import.aliases.email' },
  { field: 'customers.fields.phone', aliases: 'customers.import.aliases.phone' },
  { field: 'customers.fields.street', aliases: 'customers.import.aliases.street' },
  { field: 'customers.fields.postalCode', aliases: 'customers.import.aliases.postalCode' },
  { field: 'customers.fields.city', aliases: 'customers.import.aliases.city' },
  { field: 'customers.fields.country', aliases: 'customers.import.aliases.country' },
  { field: 'customers.fields.notes', aliases: 'customers.import.aliases.notes' },
  { field: 'customers.fields.contactName', aliases: 'customers.import.aliases.contact' },
];

/** Which column headers the import recognises. */
export function ImportHelp() {
  const t = useT();
  return (
    <Accordion variant="contained" data-testid="import-help">
      <Accordion.Item value="help">
        <Accordion.Control icon={<IconHelp size={18} />}>{t('customers.import.helpTitle')}</Accordion.Control>
        <Accordion.Panel>
          <Text size="sm" mb="sm">
            {t('customers.import.help')}
          </Text>
          <Table fz="sm" verticalSpacing={4}>
            <Table.Tbody>
              {ROWS.map((r) => (
                <Table.Tr key={r.field}>
                  <Table.Td fw={500} w={220}>
                    {t(r.field)}
                  </Table.Td>
                  <Table.Td>
                    <Code>{t(r.aliases)}</Code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
