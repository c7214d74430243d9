import { Alert, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { fieldErrorText } from '../../../ui/api-error-text.ts';
import { FormAlert } from '../../../ui/form-alert.tsx';
import type { ImportField, Mapping, Preview } from '../api/imports-api.ts';
import { importFieldLabel } from './field-label.ts';

function Stat({ label, value, color, testId }: { label: string; value: number; color?: string | undefined; testId: string }) {
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

type Props = {
  preview: Preview;
  mapping: Mapping;
  /** The upload's fields, for the labels of custom fields. */
  fieldDefs: readonly ImportField[];
  committing: boolean;
  error: string | null;
  onCommit: () => void;
  onNewFile: () => void;
  onBack: () => void;
};

/** Step 3: counts and rows (errors first, translated per field); commit only when no row has errors. */
export function PreviewStep({ preview, mapping, fieldDefs, committing, error, onCommit, onNewFile, onBack }: Props) {
  const t = useT();
  const fields = Object.values(mapping).filter((f): f is string => !!f);
  const hasErrors = preview.invalidRows > 0;
  return (
    <Stack data-testid="import-preview">
      <SimpleGrid cols={3}>
        <Stat label={t('imports.preview.total')} value={preview.totalRows} testId="import-total" />
        <Stat label={t('imports.preview.valid')} value={preview.validRows} color="green" testId="import-valid" />
        <Stat label={t('imports.preview.invalid')} value={preview.invalidRows} color={hasErrors ? 'red' : undefined} testId="import-invalid" />
      </SimpleGrid>
      {hasErrors ? (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('imports.preview.fixTitle')} data-testid="import-fix-first">
          <Text size="sm">{t('imports.preview.fixText')}</Text>
          <Group mt="sm">
            <Button color="red" variant="light" onClick={onNewFile} data-testid="import-new-file">
              {t('imports.preview.newFile')}
            </Button>
            <Button variant="subtle" color="gray" onClick={onBack} data-testid="import-back-to-mapping">
              {t('imports.preview.changeMapping')}
            </Button>
          </Group>
        </Alert>
      ) : (
        <Alert color="green" icon={<IconCheck size={18} />} data-testid="import-all-valid">
          {t('imports.preview.allValid')}
        </Alert>
      )}
      <FormAlert message={error} />
      <Group justify="space-between">
        {!hasErrors ? (
          <Button variant="default" onClick={onBack} disabled={committing}>
            {t('imports.preview.changeMapping')}
          </Button>
        ) : (
          <span />
        )}
        <Group gap="sm">
          {committing && (
            <Group gap={6} data-testid="import-committing">
              <Loader size="xs" />
              <Text size="sm">{t('imports.preview.committing')}</Text>
            </Group>
          )}
          <Button size="md" onClick={onCommit} disabled={hasErrors || preview.totalRows === 0} loading={committing} data-testid="import-commit">
            {t.n('imports.preview.commit', preview.totalRows)}
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" mb="sm">
          <Text fw={600}>{t('imports.preview.rowsTitle')}</Text>
          <Text size="xs" c="dimmed">
            {t('imports.preview.rowsNote')}
          </Text>
        </Group>
        <Table.ScrollContainer minWidth={Math.max(700, fields.length * 140 + 340)}>
          <Table fz="sm" verticalSpacing={6} striped data-testid="import-rows">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>{t('imports.preview.row')}</Table.Th>
                <Table.Th miw={260}>{t('imports.preview.problems')}</Table.Th>
                {fields.map((f) => (
                  <Table.Th key={f} style={{ whiteSpace: 'nowrap' }}>
                    {importFieldLabel(t, f, fieldDefs)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((r) => {
                const bad = new Set(r.errors.map((e) => e.path));
                return (
                  <Table.Tr key={r.row} data-testid="import-row" data-row={r.row} data-invalid={r.errors.length > 0}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>
                      {r.errors.length === 0 ? (
                        <Badge color="green" variant="light">
                          {t('imports.preview.ok')}
                        </Badge>
                      ) : (
                        <Stack gap={2}>
                          {r.errors.map((e, i) => (
                            <Text key={i} size="xs" c="red" data-testid="import-row-error" data-code={e.code}>
                              {e.path ? <b>{importFieldLabel(t, e.path, fieldDefs)}: </b> : null}
                              {fieldErrorText(t, e)}
                            </Text>
                          ))}
                        </Stack>
                      )}
                    </Table.Td>
                    {fields.map((f) => (
                      <Table.Td key={f} c={bad.has(f) ? 'red' : undefined} fw={bad.has(f) ? 600 : undefined} style={{ whiteSpace: 'nowrap' }}>
                        {r.values[f] || t('common.empty')}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </Stack>
  );
}
