// Editing a draft (VAT or correcting invoice): its data and lines in one form, saved whole with
// "Zapisz" (PATCH with the whole lines array). "Wystaw" saves first, then issues; what the server
// refuses comes back as field errors and lands next to the fields (and in a notification).
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconDeviceFloppy, IconEye, IconFileCheck, IconPlus, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifications } from '@mantine/notifications';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import type { Invoice, InvoiceLineInput } from '../api/invoice-shapes.ts';
import { invoicePdfUrl, useCancelInvoice, useInvoiceSettings, useIssueInvoice, useUpdateInvoice } from '../api/invoices-api.ts';
import { CatalogueItemPicker } from './catalogue-item-picker.tsx';
import { DraftFields } from './draft-fields.tsx';
import { NO_ERRORS, apiErrors, buildPatch, emptyRow, errorSummary, headerOf, rowOf, snapshot, type DraftErrors, type HeaderField, type HeaderValues, type Row, type RowField } from './draft-model.ts';
import { LinesEditor } from './lines-editor.tsx';
import { InvoiceSection } from './invoice-section.tsx';
import { LinesBeforeSection } from './lines-table.tsx';
import { InvoiceTotals } from './totals-table.tsx';

const ISSUE_REFUSED = 'invoice-issue-refused';

type Props = {
  invoice: Invoice;
  /** The page's title and breadcrumbs with the editor's buttons. */
  header: (actions: ReactNode) => ReactNode;
  /** The page's tabs around the editor (the draft is the first tab). */
  tabs: (content: ReactNode) => ReactNode;
};

export function DraftEditor({ invoice, header, tabs }: Props) {
  const t = useT();
  const can = useCan();
  const settings = useInvoiceSettings();
  const update = useUpdateInvoice(invoice.id);
  const issue = useIssueInvoice(invoice.id);
  const cancel = useCancelInvoice(invoice.id);
  const nextKey = useRef(0);
  const refusal = useRef<string | null>(null);
  const [values, setValues] = useState<HeaderValues>(() => headerOf(invoice));
  const [rows, setRows] = useState<Row[]>(() => invoice.lines.map((l) => rowOf(l, nextKey.current++, t.lang)));
  const [saved, setSaved] = useState(() => snapshot(values, rows));
  const [errors, setErrors] = useState<DraftErrors>(NO_ERRORS);
  const [issuing, setIssuing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [busy, setBusy] = useState(false);
  const [cancelError, setCancelError] = useState<string | null>(null);
  const dirty = snapshot(values, rows) !== saved;
  const correction = invoice.kind === 'correction';
  const mayIssue = can('invoices:issue');

  // leaving the page with unsaved changes asks first (reload, closing the tab)
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const setField = <K extends HeaderField>(field: K, value: HeaderValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => (e.header[field] ? { ...e, header: { ...e.header, [field]: undefined } } : e));
  };
  const setRowField = (key: number, field: RowField, value: string | boolean) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
    setErrors((e) => (e.rows[key]?.[field] ? { ...e, rows: { ...e.rows, [key]: { ...e.rows[key], [field]: undefined } } } : e));
  };
  const focusRow = (key: number) =>
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`[data-testid="invoice-line"][data-line-key="${key}"] [data-testid="line-name"]`)?.focus());
  const addRow = (line?: InvoiceLineInput) => {
    const key = nextKey.current++;
    setRows((rs) => [...rs, line ? rowOf(line, key, t.lang) : emptyRow(key)]);
    setErrors((e) => ({ ...e, lines: undefined }));
    if (!line) focusRow(key);
  };
  const removeRow = (key: number) => {
    setRows((rs) => rs.filter((r) => r.key !== key));
    setErrors(({ rows: { [key]: _, ...rest }, ...e }) => ({ ...e, rows: rest }));
  };
  const moveRow = (from: number, to: number) =>
    setRows((rs) => {
      const next = [...rs];
      const [r] = next.splice(from, 1);
      next.splice(to, 0, r!);
      return next;
    });

  /** The server's answer becomes the form (normalized texts); row keys stay when the count did. */
  const accept = (inv: Invoice): Row[] => {
    const h = headerOf(inv);
    const rs = inv.lines.map((l, i) => rowOf(l, rows.length === inv.lines.length ? rows[i]!.key : nextKey.current++, t.lang));
    setValues(h);
    setRows(rs);
    setSaved(snapshot(h, rs));
    return rs;
  };

  /** Saves when something changed; resolves to the rows as saved, or null (errors are shown). */
  const save = async (quiet = false): Promise<Row[] | null> => {
    const built = buildPatch(invoice.kind, values, rows, t);
    if (!built.patch) {
      setErrors(built.errors);
      notifyError(t('invoices.detail.fixErrors'));
      return null;
    }
    setErrors(NO_ERRORS);
    if (!dirty) return rows;
    try {
      const inv = await update.mutateAsync(built.patch);
      if (!quiet) notifySuccess(t('invoices.detail.saved'));
      return accept(inv);
    } catch (e) {
      const errs = apiErrors(e, rows, t, (rest) => [apiErrorText(t, e), ...rest].join(' '));
      setErrors(errs);
      notifyError(errorSummary(errs, rows, t).join(' · ') || apiErrorText(t, e));
      return null;
    }
  };

  const doIssue = async () => {
    setBusy(true);
    const current = await save(true);
    if (!current) {
      setBusy(false);
      setIssuing(false);
      return;
    }
    try {
      const inv = await issue.mutateAsync();
      if (refusal.current) notifications.hide(refusal.current);
      notifySuccess(t('invoices.issue.done', { number: inv.number ?? '' }));
    } catch (e) {
      const errs = apiErrors(e, current, t, (rest) => [apiErrorText(t, e), ...rest].join(' '));
      setErrors(errs);
      if (refusal.current) notifications.hide(refusal.current);
      refusal.current = `${ISSUE_REFUSED}-${Date.now()}`;
      notifications.show({ id: refusal.current, title: t('invoices.issue.refused'), message: errorSummary(errs, current, t).join(' · ') || apiErrorText(t, e), color: 'red', autoClose: 10_000 });
      setIssuing(false);
    } finally {
      setBusy(false);
    }
  };

  const preview = async () => {
    // the preview shows what is saved: save first (the tab is opened at the click, or it would be blocked)
    const tab = window.open('', '_blank');
    const ok = await save(true);
    if (ok && tab) tab.location.href = invoicePdfUrl(invoice.id);
    else tab?.close();
  };

  const anyExempt = rows.some((r) => r.vatRateCode === 'zw');
  const actions = (
    <>
      <Button
        component="a"
        href={invoicePdfUrl(invoice.id)}
        target="_blank"
        rel="noopener"
        variant="default"
        leftSection={<IconEye size={16} />}
        onClick={(e) => {
          if (!dirty) return;
          e.preventDefault();
          void preview();
        }}
        data-testid="invoice-pdf"
      >
        {t('invoices.detail.previewPdf')}
      </Button>
      <Button variant={dirty ? 'filled' : 'default'} leftSection={<IconDeviceFloppy size={16} />} onClick={() => void save()} loading={update.isPending && !busy} disabled={!dirty} data-testid="invoice-save">
        {t('common.save')}
      </Button>
      {mayIssue && (
        <Button color="green" leftSection={<IconFileCheck size={16} />} onClick={() => setIssuing(true)} data-testid="invoice-issue">
          {t('invoices.issue.button')}
        </Button>
      )}
      <Button variant="subtle" color="red" leftSection={<IconX size={16} />} onClick={() => setCancelling(true)} data-testid="invoice-cancel">
        {t('invoices.cancel.button')}
      </Button>
    </>
  );

  const content = (
    <Stack>
      <FormAlert message={errors.general} />
      <DraftFields invoice={invoice} values={values} errors={errors.header} onChange={setField} settings={settings.data} anyExempt={anyExempt} />
      <LinesBeforeSection invoice={invoice} />
      <InvoiceSection
        id="invoice-lines-title"
        title={correction ? t('invoices.corrections.linesAfter') : t('invoices.lines.title')}
        intro={correction ? t('invoices.corrections.linesAfterHint') : t('invoices.lines.intro')}
      >
        {errors.lines && (
          <Alert color="red" icon={<IconAlertCircle size={18} />} data-testid="invoice-lines-error">
            {errors.lines}
          </Alert>
        )}
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed" fs="italic" data-testid="invoice-lines-empty">
            {t('invoices.lines.empty')}
          </Text>
        ) : (
          <LinesEditor rows={rows} errors={errors.rows} onChange={setRowField} onRemove={removeRow} onMove={moveRow} />
        )}
        <Group justify="space-between" align="center">
          <Group gap="sm">
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => addRow()} data-testid="invoice-line-add">
              {t('invoices.lines.add')}
            </Button>
            <CatalogueItemPicker onPick={(line) => addRow(line)} />
          </Group>
          <Button variant={dirty ? 'filled' : 'default'} leftSection={<IconDeviceFloppy size={16} />} onClick={() => void save()} disabled={!dirty} data-testid="invoice-save-bottom">
            {t('common.save')}
          </Button>
        </Group>
      </InvoiceSection>
      <InvoiceTotals invoice={invoice} stale={dirty} />
    </Stack>
  );

  return (
    <Stack>
      {header(actions)}
      {dirty && (
        <Text size="sm" c="orange.8" mt={-16} data-testid="invoice-unsaved">
          {t('invoices.detail.unsaved')}
        </Text>
      )}
      {tabs(content)}
      <ConfirmModal
        opened={issuing}
        title={t('invoices.issue.title')}
        confirmLabel={t('invoices.issue.confirm')}
        color="green"
        loading={busy}
        onConfirm={() => void doIssue()}
        onClose={() => setIssuing(false)}
      >
        <Stack gap="xs">
          <Text>{t(correction ? 'invoices.issue.textCorrection' : 'invoices.issue.text')}</Text>
          {dirty && (
            <Text size="sm" c="dimmed">
              {t('invoices.issue.savesFirst')}
            </Text>
          )}
        </Stack>
      </ConfirmModal>
      <ConfirmModal
        opened={cancelling}
        title={t('invoices.cancel.title')}
        confirmLabel={t('invoices.cancel.confirm')}
        loading={cancel.isPending}
        error={cancelError}
        onConfirm={() =>
          cancel.mutate(undefined, {
            onSuccess: () => {
              notifySuccess(t('invoices.cancel.done'));
              setCancelling(false);
            },
            onError: (e) => setCancelError(apiErrorText(t, e)),
          })
        }
        onClose={() => {
          setCancelling(false);
          setCancelError(null);
        }}
      >
        {t(correction ? 'invoices.cancel.textCorrection' : 'invoices.cancel.text')}
      </ConfirmModal>
    </Stack>
  );
}
