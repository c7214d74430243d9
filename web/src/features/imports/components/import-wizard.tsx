import { Alert, Button, Group, Paper, Stack, Stepper, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../app/api-client.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { apiErrorText, fieldErrorText } from '../../../ui/api-error-text.ts';
import { useAssetType } from '../../assets/api/asset-types-api.ts';
import { notifySuccess } from '../../../ui/notify.ts';
import {
  ACCEPTED,
  MAX_FILE_BYTES,
  discardUpload,
  readBase64,
  uploadImportFile,
  useImportCommit,
  useImportPreview,
  type ImportTarget,
  type Mapping,
  type Preview,
  type Upload,
} from '../api/imports-api.ts';
import { AssetTypeChoice } from './asset-type-choice.tsx';
import { FileStep } from './file-step.tsx';
import { MappingStep } from './mapping-step.tsx';
import { PreviewStep } from './preview-step.tsx';

type Props = {
  target: ImportTarget;
  priceListId?: string;
  /** Assets: the type chosen first (preselected, e.g. from the list's type filter); required. */
  assetTypeId?: string | undefined;
  /** Where "done" leads, e.g. the list the rows went into. */
  back: { to: string; label: string };
};

/**
 * One import wizard for every catalogue and asset file: choose a .csv/.xlsx (and, for assets, the asset
 * type) → upload (progress) → map columns → preview (per-row errors; fix the file and upload again) →
 * commit (all rows or none) → result.
 */
export function ImportWizard({ target, priceListId, assetTypeId: initialType, back }: Props) {
  const t = useT();
  const withType = target === 'assets';
  const [assetTypeId, setAssetTypeId] = useState<string | null>(initialType || null);
  const [typeError, setTypeError] = useState<string | null>(null);
  const assetType = useAssetType(withType ? assetTypeId : null);
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<'idle' | 'reading' | 'uploading' | 'processing'>('idle');
  const [progress, setProgress] = useState(0);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [headerErrors, setHeaderErrors] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [created, setCreated] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fixHint, setFixHint] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const previewMutation = useImportPreview();
  const commit = useImportCommit(target);

  const chooseFile = (f: File | null) => {
    setFile(f);
    setError(null);
  };

  const startOver = (hint: boolean) => {
    if (upload) void discardUpload(upload.uploadId);
    setUpload(null);
    setPreview(null);
    setMapping({});
    setHeaderErrors({});
    setFile(null);
    setError(null);
    setCreated(null);
    setFixHint(hint);
    setStep(0);
  };

  const doUpload = async () => {
    if (!file) return;
    if (withType && !assetTypeId) return setTypeError(t('imports.file.assetTypeRequired'));
    if (!ACCEPTED.test(file.name)) return setError(t('imports.file.wrongType'));
    if (file.size > MAX_FILE_BYTES) return setError(t('imports.file.tooLarge'));
    setError(null);
    setPhase('reading');
    setProgress(0);
    abort.current = new AbortController();
    try {
      const contentBase64 = await readBase64(file);
      setPhase('uploading');
      const result = await uploadImportFile(
        target,
        { fileName: file.name, contentBase64, ...(priceListId ? { priceListId } : {}), ...(withType && assetTypeId ? { assetTypeId } : {}) },
        (f) => {
          setProgress(f);
          if (f >= 1) setPhase('processing');
        },
        abort.current.signal,
      );
      setUpload(result);
      setMapping(Object.fromEntries(result.headers.map((h) => [h, result.suggestedMapping[h] ?? null])));
      setHeaderErrors({});
      setPreview(null);
      setFixHint(false);
      setStep(1);
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return;
      const atType = e instanceof ApiError ? e.errors.find((fe) => fe.path === 'assetTypeId') : undefined;
      if (atType) setTypeError(fieldErrorText(t, atType));
      else setError(e instanceof ApiError ? apiErrorText(t, e) : t('imports.file.readFailed'));
    } finally {
      setPhase('idle');
    }
  };

  /** Field errors at mapping.<header> go next to that column's select; the rest above the buttons. */
  const applyMappingError = (e: unknown) => {
    if (e instanceof ApiError && e.code === 'import.upload_expired') {
      startOver(false);
      setError(apiErrorText(t, e));
      return;
    }
    const byHeader: Record<string, string> = {};
    const rest: string[] = [];
    if (e instanceof ApiError)
      for (const fe of e.errors) {
        if (fe.path.startsWith('mapping.')) byHeader[fe.path.slice('mapping.'.length)] ??= fieldErrorText(t, fe);
        else rest.push(fieldErrorText(t, fe));
      }
    setHeaderErrors(byHeader);
    setError(Object.keys(byHeader).length && rest.length === 0 ? null : [apiErrorText(t, e), ...rest].join(' '));
  };

  const check = () => {
    if (!upload) return;
    setError(null);
    previewMutation.mutate(
      { uploadId: upload.uploadId, mapping },
      {
        onSuccess: (p) => {
          setPreview(p);
          setStep(2);
        },
        onError: applyMappingError,
      },
    );
  };

  const doCommit = () => {
    if (!upload) return;
    setError(null);
    commit.mutate(
      { uploadId: upload.uploadId, mapping },
      {
        onSuccess: (r) => {
          setCreated(r.created);
          setUpload(null); // the server forgets the upload after a commit
          setStep(3);
          notifySuccess(t.n('imports.done.text', r.created));
        },
        onError: (e) => {
          if (e instanceof ApiError && e.code === 'import.has_errors') {
            setError(apiErrorText(t, e));
            check(); // the catalogue changed since the preview: show the rows again
          } else if (e instanceof ApiError && e.code === 'import.upload_expired') {
            startOver(false);
            setError(apiErrorText(t, e));
          } else setError(apiErrorText(t, e));
        },
      },
    );
  };

  return (
    <Paper withBorder p="lg" radius="md" data-testid="import-wizard" data-step={step}>
      <Stepper active={step} size="sm" mb="lg" allowNextStepsSelect={false} onStepClick={(s) => s < step && step < 3 && (s === 0 ? startOver(false) : setStep(s))}>
        <Stepper.Step label={t('imports.steps.file')} />
        <Stepper.Step label={t('imports.steps.mapping')} />
        <Stepper.Step label={t('imports.steps.preview')} />
        <Stepper.Step label={t('imports.steps.done')} />
      </Stepper>
      {step === 0 && (
        <FileStep
          target={target}
          file={file}
          onFile={chooseFile}
          onUpload={() => void doUpload()}
          phase={phase}
          progress={progress}
          error={error}
          fixHint={fixHint}
          choice={
            withType && (
              <AssetTypeChoice
                value={assetTypeId}
                onChange={(id) => {
                  setAssetTypeId(id);
                  setTypeError(null);
                }}
                error={typeError}
                disabled={phase !== 'idle'}
              />
            )
          }
          extraFields={withType ? (assetType.data?.fields ?? []).map((f) => ({ key: `custom.${f.key}`, required: f.required, label: f.label })) : []}
        />
      )}
      {step === 1 && upload && (
        <MappingStep
          upload={upload}
          mapping={mapping}
          onChange={(h, f) => {
            setMapping((m) => ({ ...m, [h]: f }));
            setHeaderErrors((e) => {
              const { [h]: _gone, ...rest } = e;
              return rest;
            });
          }}
          headerErrors={headerErrors}
          error={error}
          checking={previewMutation.isPending}
          onBack={() => startOver(false)}
          onCheck={check}
          customGroup={withType && assetType.data ? t('imports.mapping.customGroupOf', { type: assetType.data.name }) : undefined}
        />
      )}
      {step === 2 && preview && (
        <PreviewStep
          preview={preview}
          mapping={mapping}
          fieldDefs={upload?.fields ?? []}
          committing={commit.isPending}
          error={error}
          onCommit={doCommit}
          onNewFile={() => startOver(true)}
          onBack={() => {
            setError(null);
            setStep(1);
          }}
        />
      )}
      {step === 3 && created !== null && (
        <Alert color="green" icon={<IconCircleCheck size={20} />} title={t('imports.done.title')} data-testid="import-result">
          <Text data-testid="import-created" data-created={created}>
            {t.n('imports.done.text', created)}
          </Text>
          <Group mt="md">
            <Button component={Link} to={back.to} data-testid="import-done-back">
              {back.label}
            </Button>
            <Button variant="default" onClick={() => startOver(false)} data-testid="import-another">
              {t('imports.done.another')}
            </Button>
          </Group>
        </Alert>
      )}
    </Paper>
  );
}
