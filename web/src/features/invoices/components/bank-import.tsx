// "Importuj wyciąg bankowy": a CSV statement from the bank is read and its incoming transfers matched
// to issued VAT invoices by the number in the title (the server writes nothing yet); the accountant
// reviews every line — matched ones are ticked — and records the ticked ones as payments, all or none.
import { Alert, Badge, Button, Checkbox, FileInput, Group, Modal, Progress, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCash, IconFileImport, IconFileSpreadsheet, IconRefresh } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ComponentProps } from 'react';
import { ApiError } from '../../../app/api-client.ts';
import type { FieldError } from '../../../app/api-types.ts';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, formatMoney, minorToInput, parseMoneyInput } from '../../../i18n/format.ts';
import type { Translate } from '../../../i18n/translate.ts';
import { apiErrorText, errorCodeText, fieldErrorText } from '../../../ui/api-error-text.ts';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { readBase64 } from '../../imports/api/imports-api.ts';
import type { StatementRow, StatementRowState } from '../api/invoice-shapes.ts';
import { MAX_STATEMENT_BYTES, previewStatement, useCommitStatement } from '../api/invoices-api.ts';
import { InvoiceNumberLink } from './invoice-links.tsx';

const STATE_COLORS: Record<StatementRowState, string> = {
  matched: 'green',
  no_invoice: 'gray',
  ambiguous: 'orange',
  outgoing: 'gray',
  unreadable: 'red',
  exceeds_balance: 'orange',
  already_recorded: 'blue',
  invoice_paid: 'teal',
};

/** A line the server matched to exactly one invoice it can be recorded on; every other state is shown, not recorded. */
type Recordable = StatementRow & { state: 'matched'; invoiceId: string; paidOn: string; amountMinor: number };
const recordable = (r: StatementRow): r is Recordable => r.state === 'matched' && r.invoiceId !== null && r.paidOn !== null && r.amountMinor !== null;

type Phase = 'idle' | 'reading' | 'uploading' | 'matching';

export function BankImportButton() {
  const t = useT();
  const can = useCan();
  const [open, setOpen] = useState(false);
  if (!can('invoices:pay')) return null;
  return (
    <>
      <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setOpen(true)} data-testid="bank-import-open">
        {t('invoices.bankImport.open')}
      </Button>
      {open && <BankImportModal onClose={() => setOpen(false)} />}
    </>
  );
}

function BankImportModal({ onClose }: { onClose: () => void }) {
  const t = useT();
  const commit = useCommitStatement();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState(0);
  const [fileError, setFileError] = useState<string | null>(null);
  const [rows, setRows] = useState<StatementRow[] | null>(null);
  /** The ticked lines, by their line in the file. */
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set());
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  const reading = useRef<AbortController | null>(null);
  useEffect(() => () => reading.current?.abort(), []);

  const choose = (f: File | null) => {
    setFile(f);
    void check(f);
  };

  /** Reads the file and has the server match it (again: a payment recorded meanwhile changes what matches). */
  const check = async (f: File | null) => {
    reading.current?.abort();
    setRows(null);
    setFileError(null);
    setRowErrors({});
    setError(null);
    setPhase('idle');
    if (!f) return;
    if (!/\.csv$/i.test(f.name)) return setFileError(t('invoices.bankImport.wrongType'));
    if (f.size > MAX_STATEMENT_BYTES) return setFileError(t('invoices.bankImport.tooLarge'));
    const ctrl = new AbortController();
    reading.current = ctrl;
    setPhase('reading');
    setProgress(0);
    try {
      const contentBase64 = await readBase64(f);
      if (ctrl.signal.aborted) return;
      setPhase('uploading');
      const result = await previewStatement(
        contentBase64,
        (x) => {
          setProgress(x);
          if (x >= 1) setPhase('matching');
        },
        ctrl.signal,
      );
      setRows(result.rows);
      setPicked(new Set(result.rows.filter(recordable).map((r) => r.row)));
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return;
      const at = e instanceof ApiError ? e.errors.find((fe) => fe.path === 'contentBase64') : undefined;
      setFileError(at ? fieldErrorText(t, at) : e instanceof ApiError ? apiErrorText(t, e) : t('invoices.bankImport.readFailed'));
    } finally {
      if (reading.current === ctrl) setPhase('idle');
    }
  };

  const all = rows ?? [];
  const candidates = all.filter(recordable);
  const chosen = candidates.filter((r) => picked.has(r.row));
  const sum = chosen.reduce((s, r) => s + r.amountMinor, 0);
  const overBalance = overBalanceRows(chosen);

  const toggle = (row: number, on: boolean) => {
    setPicked((p) => {
      const next = new Set(p);
      if (on) next.add(row);
      else next.delete(row);
      return next;
    });
    setRowErrors(({ [row]: _gone, ...rest }) => rest);
  };
  const toggleAll = (on: boolean) => setPicked(new Set(on ? candidates.map((r) => r.row) : []));

  const record = () => {
    setError(null);
    setRowErrors({});
    commit.mutate(
      chosen.map((r) => ({ invoiceId: r.invoiceId, paidOn: r.paidOn, amountMinor: r.amountMinor, reference: r.title })),
      {
        onSuccess: ({ recorded }) => {
          notifySuccess(t.n('invoices.bankImport.recorded', recorded));
          onClose();
        },
        onError: (e) => {
          // rows.N.field names the N-th line sent: back to its line in the file
          const byRow: Record<number, string> = {};
          const rest: string[] = [];
          for (const fe of e instanceof ApiError ? e.errors : []) {
            const line = chosen[Number(/^rows\.(\d+)\./.exec(fe.path)?.[1] ?? -1)];
            if (line) byRow[line.row] ??= rowErrorText(t, fe);
            else rest.push(fieldErrorText(t, fe));
          }
          setRowErrors(byRow);
          const lines = Object.entries(byRow).map(([row, message]) => t('invoices.bankImport.rowError', { row, message }));
          setError([...(rest.length || lines.length ? [] : [apiErrorText(t, e)]), ...rest, ...lines].join(' '));
        },
      },
    );
  };

  const busy = phase !== 'idle';
  const percent = Math.round(progress * 100);
  return (
    <Modal opened onClose={onClose} title={t('invoices.bankImport.title')} size={1200} attributes={{ content: { 'data-testid': 'bank-import-modal' } }}>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('invoices.bankImport.intro')}
        </Text>
        <FileInput
          label={t('invoices.bankImport.file')}
          description={t('invoices.bankImport.fileDescription')}
          placeholder={t('invoices.bankImport.filePlaceholder')}
          accept=".csv,text/csv"
          value={file}
          onChange={choose}
          leftSection={<IconFileSpreadsheet size={18} />}
          clearable
          disabled={busy || commit.isPending}
          error={fileError}
          fileInputProps={{ 'data-testid': 'bank-import-file' } as ComponentProps<'input'>}
          data-testid="bank-import-file-button"
        />
        {busy && (
          <Stack gap={4} data-testid="bank-import-progress" data-phase={phase}>
            <Group justify="space-between">
              <Text size="sm">{t(`invoices.bankImport.phases.${phase}`)}</Text>
              {phase === 'uploading' && (
                <Text size="sm" c="dimmed">
                  {percent}%
                </Text>
              )}
            </Group>
            <Progress value={phase === 'uploading' ? percent : 100} animated={phase !== 'uploading'} striped={phase !== 'uploading'} aria-label={t(`invoices.bankImport.phases.${phase}`)} />
          </Stack>
        )}
        {rows && rows.length === 0 && (
          <Text size="sm" c="dimmed" fs="italic" data-testid="bank-import-empty">
            {t('invoices.bankImport.empty')}
          </Text>
        )}
        {rows && rows.length > 0 && (
          <>
            <ScrollArea.Autosize mah="max(16rem, calc(100dvh - 31rem))" type="auto" offsetScrollbars="y">
              <Table.ScrollContainer minWidth={1000}>
                <Table stickyHeader verticalSpacing="xs" highlightOnHover data-testid="bank-import-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th w={40}>
                        <Checkbox
                          aria-label={t('invoices.bankImport.selectAll')}
                          title={t('invoices.bankImport.selectAll')}
                          checked={candidates.length > 0 && chosen.length === candidates.length}
                          indeterminate={chosen.length > 0 && chosen.length < candidates.length}
                          disabled={candidates.length === 0 || commit.isPending}
                          onChange={(e) => toggleAll(e.currentTarget.checked)}
                          data-testid="bank-import-check-all"
                        />
                      </Table.Th>
                      <Table.Th>{t('invoices.bankImport.columns.row')}</Table.Th>
                      <Table.Th>{t('invoices.bankImport.columns.paidOn')}</Table.Th>
                      <Table.Th ta="right">{t('invoices.bankImport.columns.amount')}</Table.Th>
                      <Table.Th>{t('invoices.bankImport.columns.counterparty')}</Table.Th>
                      <Table.Th>{t('invoices.bankImport.columns.title')}</Table.Th>
                      <Table.Th>{t('invoices.bankImport.columns.state')}</Table.Th>
                      <Table.Th>{t('invoices.bankImport.columns.invoice')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((r) => (
                      <StatementLine
                        key={r.row}
                        line={r}
                        checked={picked.has(r.row)}
                        onCheck={(on) => toggle(r.row, on)}
                        disabled={commit.isPending}
                        overBalance={overBalance.has(r.row)}
                        error={rowErrors[r.row]}
                      />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </ScrollArea.Autosize>
            <FormAlert message={error} />
            <Group justify="space-between" align="flex-end" wrap="wrap">
              <Stack gap={2} data-testid="bank-import-summary" data-matched={candidates.length} data-total={rows.length} data-selected={chosen.length} data-sum={sum}>
                <Text size="sm">{t.n('invoices.bankImport.summary', rows.length, { matched: candidates.length })}</Text>
                <Text size="sm" fw={600}>
                  {chosen.length === 0 ? t('invoices.bankImport.nothingSelected') : t.n('invoices.bankImport.toRecord', chosen.length, { sum: formatMoney(sum, 'PLN', t.lang) })}
                </Text>
                {overBalance.size > 0 && (
                  <Text size="sm" c="orange.8">
                    {t('invoices.bankImport.overBalanceBlocks')}
                  </Text>
                )}
              </Stack>
              <Group gap="sm">
                <Button variant="subtle" leftSection={<IconRefresh size={16} />} onClick={() => void check(file)} disabled={commit.isPending} data-testid="bank-import-recheck">
                  {t('invoices.bankImport.recheck')}
                </Button>
                <Button variant="default" onClick={onClose}>
                  {t('common.cancel')}
                </Button>
                <Button leftSection={<IconCash size={16} />} onClick={record} disabled={chosen.length === 0 || overBalance.size > 0} loading={commit.isPending} data-testid="bank-import-commit">
                  {t('invoices.bankImport.commit')}
                </Button>
              </Group>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}

type LineProps = { line: StatementRow; checked: boolean; onCheck: (on: boolean) => void; disabled: boolean; overBalance: boolean; error: string | undefined };

function StatementLine({ line: r, checked, onCheck, disabled, overBalance, error }: LineProps) {
  const t = useT();
  const money = (m: number) => formatMoney(m, 'PLN', t.lang);
  const balance = r.balanceMinor === null ? t('common.empty') : money(r.balanceMinor);
  const can = recordable(r);
  return (
    <Table.Tr data-testid="bank-import-row" data-state={r.state} data-row={r.row} data-checked={can && checked ? 'true' : 'false'}>
      <Table.Td>
        <Checkbox
          checked={can && checked}
          disabled={!can || disabled}
          onChange={(e) => onCheck(e.currentTarget.checked)}
          aria-label={t('invoices.bankImport.checkRow', { row: r.row })}
          data-testid="bank-import-check"
        />
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed">
          {r.row}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.paidOn ? formatDate(r.paidOn, t.lang) : t('common.empty')}</Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm" fw={can ? 600 : undefined} c={r.amountMinor !== null && r.amountMinor < 0 ? 'dimmed' : undefined}>
          {r.amountMinor === null ? t('common.empty') : money(r.amountMinor)}
        </Text>
      </Table.Td>
      <Table.Td maw={180}>
        <Text size="sm" lineClamp={2} title={r.counterparty}>
          {r.counterparty || t('common.empty')}
        </Text>
      </Table.Td>
      <Table.Td maw={240}>
        <Text size="sm" lineClamp={2} title={r.title} style={{ wordBreak: 'break-word' }}>
          {r.title || t('common.empty')}
        </Text>
      </Table.Td>
      <Table.Td maw={280}>
        <Badge color={STATE_COLORS[r.state]} variant={r.state === 'matched' ? 'filled' : 'light'} tt="none" data-testid="bank-import-state">
          {t(`invoices.bankImport.states.${r.state}`)}
        </Badge>
        <Text size="xs" c="dimmed" mt={2}>
          {t(`invoices.bankImport.explanations.${r.state}`, { balance })}
        </Text>
        {overBalance && (
          <Text size="xs" c="orange.8" mt={2} data-testid="bank-import-over-balance">
            <IconAlertTriangle size={12} style={{ verticalAlign: 'middle' }} /> {t('invoices.bankImport.overBalance', { balance })}
          </Text>
        )}
        {error && (
          <Text size="xs" c="red" mt={2} role="alert" data-testid="bank-import-row-error">
            {error}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.invoiceId ? <InvoiceNumberLink invoice={{ id: r.invoiceId, number: r.invoiceNumber }} markCorrection={false} newTab /> : t('common.empty')}</Table.Td>
    </Table.Tr>
  );
}

/** Ticked lines that, with the ticked lines above them for the same invoice, pay more than its balance (the server would refuse them all). */
function overBalanceRows(chosen: Recordable[]): Set<number> {
  const paid = new Map<string, number>();
  const over = new Set<number>();
  for (const r of chosen) {
    const total = (paid.get(r.invoiceId) ?? 0) + r.amountMinor;
    paid.set(r.invoiceId, total);
    if (r.balanceMinor !== null && total > r.balanceMinor) over.add(r.row);
  }
  return over;
}

/** A refused line's reason; the balance the server names ("100.00") as people write amounts here. */
function rowErrorText(t: Translate, fe: FieldError): string {
  const params = { ...fe.params };
  const balance = typeof params.balance === 'string' ? parseMoneyInput(params.balance, { allowNegative: true }) : null;
  if (balance !== null) params.balance = minorToInput(balance, t.lang);
  return errorCodeText(t, fe.code, params) ?? fe.message;
}
