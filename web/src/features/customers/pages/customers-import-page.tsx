import { Alert, Button, FileInput, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconFileTypeCsv, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/page-header.tsx';
import { useImportCommit, useImportPreview } from '../api/customers-api.ts';
import type { ImportPreview, ImportResult } from '../api/customer-types.ts';
import { readCsvFile, type DecodedFile } from '../api/read-csv-file.ts';
import { ImportHelp } from '../components/import-help.tsx';
import { ImportPreviewView } from '../components/import-preview-view.tsx';

type Phase = 'idle' | 'reading' | 'checking' | 'preview' | 'importing' | 'done';

/** CSV import: choose → preview (mapping, counts, per-row errors) → import all rows or none. */
export function CustomersImportPage() {
  const t = useT();
  const previewMutation = useImportPreview();
  const commitMutation = useImportCommit();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [decoded, setDecoded] = useState<DecodedFile | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const choose = async (f: File | null) => {
    setFile(f);
    setPreview(null);
    setResult(null);
    setError(null);
    setDecoded(null);
    if (!f) return setPhase('idle');
    setPhase('reading');
    let d: DecodedFile;
    try {
      d = await readCsvFile(f);
    } catch {
      setPhase('idle');
      return setError(t('customers.import.unreadable'));
    }
    setDecoded(d);
    setPhase('checking');
    previewMutation.mutate(d.text, {
      onSuccess: (p) => {
        setPreview(p);
        setPhase('preview');
      },
      onError: (e) => {
        setError(apiErrorText(t, e));
        setPhase('idle');
      },
    });
  };

  const commit = () => {
    if (!decoded) return;
    setPhase('importing');
    setError(null);
    commitMutation.mutate(decoded.text, {
      onSuccess: (r) => {
        setResult(r);
        setPhase('done');
        notifySuccess(t.n('customers.import.done', r.created));
      },
      onError: (e) => {
        setError(apiErrorText(t, e));
        setPhase('preview');
      },
    });
  };

  const reset = () => void choose(null);
  const busy = phase === 'reading' || phase === 'checking' || phase === 'importing';
  const busyText =
    phase === 'reading' ? t('customers.import.reading') : phase === 'checking' ? t('customers.import.checking') : t('customers.import.importing');

  return (
    <Stack>
      <PageHeader title={t('customers.import.title')} subtitle={t('customers.import.intro')} />
      {phase === 'done' && result ? (
        <Alert color="green" icon={<IconCircleCheck size={20} />} title={t('customers.import.doneTitle')} data-testid="import-result">
          <Text>{t.n('customers.import.done', result.created)}</Text>
          <Group mt="md">
            <Button component={Link} to="/customers" data-testid="import-back-to-list">
              {t('customers.import.backToList')}
            </Button>
            <Button variant="default" onClick={reset}>
              {t('customers.import.another')}
            </Button>
          </Group>
        </Alert>
      ) : (
        <>
          <Paper withBorder p="md" radius="md">
            <Stack>
              <FileInput
                label={t('customers.import.file')}
                placeholder={t('customers.import.filePlaceholder')}
                accept=".csv,text/csv,text/plain"
                value={file}
                onChange={(f) => void choose(f)}
                leftSection={<IconFileTypeCsv size={18} />}
                clearable
                disabled={busy}
                data-testid="import-file"
              />
              {busy && (
                <Stack gap={4} data-testid="import-progress">
                  <Text size="sm">{busyText}</Text>
                  <Progress value={100} animated striped />
                </Stack>
              )}
              {decoded && decoded.encoding !== 'UTF-8' && (
                <Alert color="blue" icon={<IconInfoCircle size={18} />} p="xs">
                  {t('customers.import.decodedAs', { encoding: decoded.encoding })}
                </Alert>
              )}
              <FormAlert message={error} />
            </Stack>
          </Paper>
          {!preview && <ImportHelp />}
          {preview && (
            <>
              {preview.invalidRows > 0 && (
                <Alert color="red" data-testid="import-fix-first">
                  {t('customers.import.fixFirst')}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button
                  size="md"
                  onClick={commit}
                  disabled={preview.invalidRows > 0 || preview.validRows === 0}
                  loading={phase === 'importing'}
                  data-testid="import-commit"
                >
                  {t.n('customers.import.commit', preview.validRows)}
                </Button>
              </Group>
              <ImportPreviewView preview={preview} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}
