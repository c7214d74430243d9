import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { FieldError } from '../../../app/api-types.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { Translate } from '../../../i18n/translate.ts';
import { fieldErrorText } from '../../../ui/api-error-text.ts';
import type { ImportPreview } from '../api/customer-types.ts';

export const importFieldLabel = (t: Translate, field: string) => t.opt(`customers.fields.${field}`) ?? field;

function Problem({ e, color }: { e: FieldError; color: string }) {
  const t = useT();
  return (
    <Text size="xs" c={color} data-testid={color === 'red' ? 'import-row-error' : 'import-row-warning'}>
      {e.path ? <b>{importFieldLabel(t, e.path)}: </b> : null}
      {fieldErrorText(t, e)}
    </Text>
  );
}

function Stat({ label, value, color, testId }: { label: string; value: number; color?: string; testId: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700} c={color} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

/** What the server made of the file: column mapping, counts and rows with their problems. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const t = useT();
  const fields = [...new Set(preview.columns.map((c) => c.field).filter((f): f is string => f !== null))];
  return (
    <Stack data-testid="import-preview">
      <SimpleGrid cols={3}>
        <Stat label={t('customers.import.counts.total')} value={preview.totalRows} testId="import-total" />
        <Stat label={t('customers.import.counts.valid')} value={preview.validRows} color="green" testId="import-valid" />
        <Stat label={t('customers.import.counts.invalid')} value={preview.invalidRows} color={preview.invalidRows ? 'red' : undefined} testId="import-invalid" />
      </SimpleGrid>

      <Paper withBorder p="md" radius="md">
        <Title order={4} mb="sm">
          {t('customers.import.mappingTitle')}
        </Title>
        <Table fz="sm" verticalSpacing={4} maw={640} data-testid="import-mapping">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('customers.import.columnHeader')}</Table.Th>
              <Table.Th w={30} />
              <Table.Th>{t('customers.import.columnField')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.columns.map((c, i) => (
              <Table.Tr key={`${c.header}-${i}`}>
                <Table.Td ff="monospace">{c.header}</Table.Td>
                <Table.Td>
                  <IconArrowRight size={14} />
                </Table.Td>
                <Table.Td>
                  {c.field ? (
                    <Badge variant="light">{importFieldLabel(t, c.field)}</Badge>
                  ) : (
                    <Badge variant="outline" color="gray">
                      {t('customers.import.ignored')}
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>

      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" mb="sm">
          <Title order={4}>{t('customers.import.rowsTitle')}</Title>
          <Text size="xs" c="dimmed">
            {t('customers.import.rowsNote')}
          </Text>
        </Group>
        <Table.ScrollContainer minWidth={Math.max(700, fields.length * 140 + 340)}>
          <Table fz="sm" verticalSpacing={6} striped data-testid="import-rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>{t('customers.import.row')}</Table.Th>
                <Table.Th miw={260}>{t('customers.import.problems')}</Table.Th>
                {fields.map((f) => (
                  <Table.Th key={f} style={{ whiteSpace: 'nowrap' }}>
                    {importFieldLabel(t, f)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((r) => (
                <Table.Tr key={r.row} bg={r.errors.length ? 'var(--mantine-color-red-light)' : undefined} data-testid="import-row" data-row={r.row}>
                  <Table.Td>{r.row}</Table.Td>
                  <Table.Td>
                    {r.errors.length === 0 && r.warnings.length === 0 ? (
                      <Badge color="green" variant="light" size="sm">
                        {t('customers.import.ok')}
                      </Badge>
                    ) : (
                      <Stack gap={2}>
                        {r.errors.map((e, i) => (
                          <Problem key={`e${i}`} e={e} color="red" />
                        ))}
                        {r.warnings.map((e, i) => (
                          <Problem key={`w${i}`} e={e} color="yellow.8" />
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                  {fields.map((f) => (
                    <Table.Td key={f} style={{ whiteSpace: 'nowrap' }}>
                      {r.values[f] ?? ''}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
