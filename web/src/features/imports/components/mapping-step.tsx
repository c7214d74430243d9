import { Alert, Badge, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { IconArrowRight, IconBookmark, IconWand } from '@tabler/icons-react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import type { ImportField, Mapping, Upload } from '../api/imports-api.ts';
import { importFieldLabel } from './field-label.ts';

type Props = {
  upload: Upload;
  mapping: Mapping;
  onChange: (header: string, field: string | null) => void;
  /** Errors per file header from the server (mapping.<header>). */
  headerErrors: Record<string, string>;
  error: string | null;
  checking: boolean;
  onBack: () => void;
  onCheck: () => void;
  /** The heading of the custom fields (custom.<key>) in the field select, e.g. the asset type's name. */
  customGroup?: string | undefined;
};

/** Step 2: which field each column of the file fills ("ignore" for none); required fields marked. */
export function MappingStep({ upload, mapping, onChange, headerErrors, error, checking, onBack, onCheck, customGroup }: Props) {
  const t = useT();
  const label = (key: string) => importFieldLabel(t, key, upload.fields);
  const option = (f: ImportField) => ({ value: f.key, label: `${label(f.key)}${f.required ? ' *' : ''}` });
  const own = upload.fields.filter((f) => f.label === undefined);
  const custom = upload.fields.filter((f) => f.label !== undefined);
  const fieldOptions = custom.length
    ? [
        { group: t('imports.mapping.standardGroup'), items: own.map(option) },
        { group: customGroup ?? t('imports.mapping.customGroup'), items: custom.map(option) },
      ]
    : own.map(option);
  const used = new Map<string, number>();
  for (const f of Object.values(mapping)) if (f) used.set(f, (used.get(f) ?? 0) + 1);
  const missing = upload.fields.filter((f) => f.required && !used.has(f.key));
  const twice = [...used.entries()].filter(([, n]) => n > 1).map(([k]) => k);
  const sample = (col: number) =>
    upload.sampleRows
      .map((r) => r[col] ?? '')
      .filter(Boolean)
      .slice(0, 3)
      .join(' · ');
  return (
    <Stack>
      <Alert
        color={upload.mappingSource === 'saved' ? 'teal' : 'blue'}
        icon={upload.mappingSource === 'saved' ? <IconBookmark size={18} /> : <IconWand size={18} />}
        data-testid="import-mapping-source"
        data-source={upload.mappingSource}
      >
        {upload.mappingSource === 'saved' ? t('imports.mapping.saved') : t('imports.mapping.guessed')}
      </Alert>
      <Text size="sm" c="dimmed">
        {t.n('imports.mapping.fileSummary', upload.totalRows, { file: upload.fileName })}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" data-testid="import-mapping">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('imports.mapping.column')}</Table.Th>
              <Table.Th>{t('imports.mapping.sample')}</Table.Th>
              <Table.Th w={24} />
              <Table.Th miw={220}>{t('imports.mapping.field')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {upload.headers.map((h, i) => {
              const value = mapping[h] ?? '';
              const error = headerErrors[h] ?? (value && twice.includes(value) ? t('imports.mapping.twice') : undefined);
              return (
                <Table.Tr key={h} data-testid="import-mapping-row" data-header={h}>
                  <Table.Td ff="monospace" fw={500}>
                    {h}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed" lineClamp={1} maw={280}>
                      {sample(i) || t('common.empty')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <IconArrowRight size={14} />
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={t('imports.mapping.fieldFor', { column: h })}
                      value={value}
                      onChange={(e) => onChange(h, e.currentTarget.value || null)}
                      error={error}
                      data={[{ value: '', label: t('imports.mapping.ignore') }, ...fieldOptions]}
                      data-testid="import-mapping-select"
                    />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="xs">
        <Text size="sm">{t('imports.mapping.requiredLegend')}</Text>
        {upload.fields
          .filter((f) => f.required)
          .map((f) => (
            <Badge key={f.key} color={used.has(f.key) ? 'green' : 'red'} variant="light" data-testid="import-required-field" data-mapped={used.has(f.key)}>
              {label(f.key)}
            </Badge>
          ))}
      </Group>
      {missing.length > 0 && (
        <Alert color="orange" data-testid="import-missing-required">
          {t('imports.mapping.missing', { fields: missing.map((f) => label(f.key)).join(', ') })}
        </Alert>
      )}
      <FormAlert message={error} />
      <Group justify="space-between">
        <Button variant="default" onClick={onBack} data-testid="import-back-to-file">
          {t('imports.mapping.otherFile')}
        </Button>
        <Button onClick={onCheck} loading={checking} disabled={missing.length > 0 || twice.length > 0} data-testid="import-check">
          {t('imports.mapping.check')}
        </Button>
      </Group>
    </Stack>
  );
}
