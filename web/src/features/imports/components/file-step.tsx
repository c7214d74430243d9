import { Alert, Button, FileInput, Group, List, Progress, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconInfoCircle, IconUpload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { TARGET_FIELDS, type ImportField, type ImportTarget } from '../api/imports-api.ts';
import { importFieldLabel } from './field-label.ts';

type Props = {
  target: ImportTarget;
  file: File | null;
  onFile: (f: File | null) => void;
  onUpload: () => void;
  phase: 'idle' | 'reading' | 'uploading' | 'processing';
  progress: number;
  error: string | null;
  fixHint: boolean;
  /** A choice the upload needs first (the asset type of an asset import). */
  choice?: ReactNode;
  /** Columns beyond the target's own: the chosen asset type's custom fields. */
  extraFields?: readonly ImportField[];
};

/** Step 1: choose a .csv or .xlsx file and send it, with a real upload progress bar. */
export function FileStep({ target, file, onFile, onUpload, phase, progress, error, fixHint, choice, extraFields = [] }: Props) {
  const t = useT();
  const busy = phase !== 'idle';
  const percent = Math.round(progress * 100);
  return (
    <Stack>
      {fixHint && (
        <Alert color="blue" icon={<IconInfoCircle size={18} />} data-testid="import-fix-hint">
          {t('imports.file.fixHint')}
        </Alert>
      )}
      {choice}
      <FileInput
        label={t('imports.file.label')}
        description={t('imports.file.description')}
        placeholder={t('imports.file.placeholder')}
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        value={file}
        onChange={onFile}
        leftSection={<IconFileSpreadsheet size={18} />}
        clearable
        disabled={busy}
        data-testid="import-file"
      />
      {busy && (
        <Stack gap={4} data-testid="import-upload-progress" data-phase={phase}>
          <Group justify="space-between">
            <Text size="sm">{t(`imports.file.phases.${phase}`)}</Text>
            {phase === 'uploading' && (
              <Text size="sm" c="dimmed" data-testid="import-upload-percent">
                {percent}%
              </Text>
            )}
          </Group>
          <Progress
            value={phase === 'uploading' ? percent : 100}
            animated={phase !== 'uploading'}
            striped={phase !== 'uploading'}
            aria-label={t(`imports.file.phases.${phase}`)}
          />
        </Stack>
      )}
      <FormAlert message={error} />
      <Group justify="flex-end">
        <Button leftSection={<IconUpload size={16} />} onClick={onUpload} disabled={!file} loading={busy} data-testid="import-upload">
          {t('imports.file.upload')}
        </Button>
      </Group>
      <Alert color="gray" variant="light" title={t('imports.file.helpTitle')}>
        <Text size="sm" mb={6}>
          {t('imports.file.help')}
        </Text>
        <List size="sm" spacing={2}>
          {[...TARGET_FIELDS[target], ...extraFields].map((f) => {
            const hint = t.opt(`imports.fieldHints.${target === 'services' && f.key === 'unit' ? 'serviceUnit' : f.key}`);
            return (
              <List.Item key={f.key}>
                {importFieldLabel(t, f.key, extraFields)}
                {f.required && <Text span c="red"> *</Text>}
                {hint && (
                  <Text span c="dimmed" size="xs">
                    {' '}
                    — {hint}
                  </Text>
                )}
              </List.Item>
            );
          })}
        </List>
      </Alert>
    </Stack>
  );
}
