// /settings/invoicing: numbering series, payment terms, bank accounts, language and the default texts
// of new invoices. Server field errors land next to their fields, bank-account ones on their row.
import { ActionIcon, Alert, Badge, Button, Code, Group, List, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowDown, IconArrowUp, IconBuilding, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import type { Translate } from '../../../i18n/translate.ts';
import { ApiError } from '../../../app/api-client.ts';
import type { FieldError } from '../../../app/api-types.ts';
import { errorCodeText } from '../../../ui/api-error-text.ts';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/page-header.tsx';
import { PageLoader } from '../../../ui/page-loader.tsx';
import { QueryError } from '../../../ui/query-error.tsx';
import { generalErrorText, useFormState, type FormState } from '../../../ui/use-form-state.ts';
import type { InvoiceSettings, InvoiceSettingsInput, PaymentMethod } from '../api/invoice-shapes.ts';
import { useInvoiceSettings, useUpdateInvoiceSettings } from '../api/invoices-api.ts';
import { PAYMENT_METHODS, formatAccount, methodLabel, todayInWarsaw } from '../components/invoice-text.ts';
import { fixedText, formatInvoiceNumber, patternProblem, RESETS, type Reset } from './number-patterns.ts';

const MAX_ACCOUNTS = 10;
const MONO = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };

type BankRow = { key: string; account: string; label: string };
type Values = Omit<InvoiceSettingsInput, 'paymentDays' | 'bankAccounts'> & { paymentDays: number | string; bankAccounts: BankRow[] };

let rowSeq = 0;
const newKey = () => `row-${++rowSeq}`;

function valuesOf(s: InvoiceSettings): Values {
  return {
    placeOfIssue: s.placeOfIssue,
    paymentDays: s.paymentDays,
    paymentMethod: s.paymentMethod,
    bankAccounts: s.bankAccounts.map((b) => ({ key: newKey(), account: formatAccount(b.account), label: b.label })),
    language: s.language,
    vatPattern: s.vatPattern,
    vatReset: s.vatReset,
    correctionPattern: s.correctionPattern,
    correctionReset: s.correctionReset,
    exemptionBasis: s.exemptionBasis,
    notes: s.notes,
  };
}

function bodyOf(v: Values): InvoiceSettingsInput {
  return { ...v, paymentDays: Number(v.paymentDays), bankAccounts: v.bankAccounts.map(({ account, label }) => ({ account: account.trim(), label: label.trim() })) };
}

export function InvoiceSettingsPage() {
  const settings = useInvoiceSettings();
  if (settings.isPending) return <PageLoader />;
  if (settings.error) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  return <Loaded settings={settings.data} />;
}

function Loaded({ settings }: { settings: InvoiceSettings }) {
  const t = useT();
  const can = useCan();
  const mayEdit = can('invoices:configure');
  const update = useUpdateInvoiceSettings();
  const form = useFormState<Values>(() => valuesOf(settings));
  /** Bank-account errors by row key, so they stay on their row when rows move. */
  const [bankErrors, setBankErrors] = useState<Record<string, string>>({});
  const v = form.values;
  const disabled = !mayEdit;
  const neverSaved = new Date(settings.updatedAt).getTime() === 0;

  const setRows = (rows: BankRow[]) => form.set('bankAccounts', rows);
  const editRow = (key: string, patch: Partial<BankRow>) => {
    setRows(v.bankAccounts.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    if (patch.account !== undefined && bankErrors[key]) setBankErrors(({ [key]: _gone, ...rest }) => rest);
  };
  const move = (index: number, by: -1 | 1) => {
    const rows = [...v.bankAccounts];
    const [row] = rows.splice(index, 1);
    rows.splice(index + by, 0, row!);
    setRows(rows);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: typeof form.errors = {};
    const days = Number(v.paymentDays);
    if (v.paymentDays === '' || !Number.isInteger(days) || days < 0 || days > 365) errors.paymentDays = t('errors.validation.invalid');
    if (!v.vatPattern.trim()) errors.vatPattern = t('common.required');
    if (!v.correctionPattern.trim()) errors.correctionPattern = t('common.required');
    const bank: Record<string, string> = {};
    for (const r of v.bankAccounts) if (!r.account.trim()) bank[r.key] = t('common.required');
    form.setErrors(errors);
    setBankErrors(bank);
    if (Object.keys(errors).length || Object.keys(bank).length) return;
    update.mutate(bodyOf(v), {
      onSuccess: (saved) => {
        form.reset(valuesOf(saved));
        setBankErrors({});
        notifySuccess(t('invoiceSettings.saved'));
      },
      onError: (error) => applyError(error),
    });
  };

  // The value is in the field next to the message, so the message goes without it.
  const applyError = (error: unknown) => {
    const matched: typeof form.errors = {};
    const bank: Record<string, string> = {};
    const left: FieldError[] = [];
    for (const fe of error instanceof ApiError ? error.errors : []) {
      const text = errorCodeText(t, fe.code) ?? fe.message;
      const m = /^bankAccounts\.(\d+)(?:\.account)?$/.exec(fe.path);
      const row = m ? v.bankAccounts[Number(m[1])] : undefined;
      if (row) bank[row.key] ??= text;
      else if (Object.hasOwn(v, fe.path) && fe.path !== 'bankAccounts') matched[fe.path as keyof Values & string] ??= text;
      else left.push(fe);
    }
    setBankErrors(bank);
    const landed = Object.keys(matched).length + Object.keys(bank).length > 0;
    form.setErrors(matched, generalErrorText(t, error, landed, left));
  };

  return (
    <Stack>
      <PageHeader title={t('invoiceSettings.title')} subtitle={t('invoiceSettings.intro')} />
      {!settings.sellerReady && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={t('invoiceSettings.sellerNotReady.title')} data-testid="seller-not-ready">
          <Stack gap={6} align="flex-start">
            <Text size="sm">{t('invoiceSettings.sellerNotReady.text')}</Text>
            {can('company:read') && (
              <Button component={Link} to="/settings/company" size="xs" variant="light" color="orange" leftSection={<IconBuilding size={14} />} data-testid="seller-company-link">
                {t('invoiceSettings.sellerNotReady.link')}
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      <form onSubmit={submit} noValidate data-testid="invoice-settings-form">
        <Stack>
          <Section title={t('invoiceSettings.sections.payment')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput label={t('invoiceSettings.fields.placeOfIssue')} placeholder={t('invoiceSettings.fields.placeOfIssueHint')} maxLength={100} {...form.text('placeOfIssue')} disabled={disabled} data-testid="field-placeOfIssue" />
              <NumberInput
                label={t('invoiceSettings.fields.paymentDays')}
                description={t('invoiceSettings.fields.paymentDaysHint')}
                value={v.paymentDays}
                onChange={(n) => form.set('paymentDays', n)}
                min={0}
                max={365}
                allowDecimal={false}
                allowNegative={false}
                error={form.errors.paymentDays}
                disabled={disabled}
                data-testid="field-paymentDays"
              />
              <Select
                label={t('invoiceSettings.fields.paymentMethod')}
                value={v.paymentMethod}
                onChange={(s) => s && form.set('paymentMethod', s as PaymentMethod)}
                allowDeselect={false}
                data={PAYMENT_METHODS.map((m) => ({ value: m, label: methodLabel(t, m) }))}
                error={form.errors.paymentMethod}
                disabled={disabled}
                data-testid="field-paymentMethod"
              />
              <Select
                label={t('invoiceSettings.fields.language')}
                description={t('invoiceSettings.fields.languageHint')}
                value={v.language}
                onChange={(s) => s && form.set('language', s as 'pl' | 'en')}
                allowDeselect={false}
                data={(['pl', 'en'] as const).map((l) => ({ value: l, label: t(`languages.${l}`) }))}
                error={form.errors.language}
                disabled={disabled}
                data-testid="field-language"
              />
            </SimpleGrid>
          </Section>

          <Section title={t('invoiceSettings.sections.bankAccounts')} intro={t('invoiceSettings.sections.bankAccountsIntro')}>
            {v.bankAccounts.length === 0 && (
              <Text size="sm" c="dimmed" fs="italic" data-testid="bank-accounts-empty">
                {t('invoiceSettings.bank.empty')}
              </Text>
            )}
            <Stack gap="sm" data-testid="bank-accounts">
              {v.bankAccounts.map((r, i) => (
                <Group key={r.key} align="flex-start" gap="sm" wrap="nowrap" data-testid="bank-account-row">
                  <TextInput
                    label={t('invoiceSettings.bank.account')}
                    placeholder={t('invoiceSettings.bank.accountHint')}
                    value={r.account}
                    onChange={(e) => editRow(r.key, { account: e.currentTarget.value })}
                    error={bankErrors[r.key]}
                    maxLength={40}
                    styles={MONO}
                    disabled={disabled}
                    style={{ flex: 3 }}
                    rightSectionWidth={90}
                    rightSection={
                      i === 0 ? (
                        <Badge size="sm" variant="light" color="teal" data-testid="bank-account-default">
                          {t('invoiceSettings.bank.default')}
                        </Badge>
                      ) : undefined
                    }
                    data-testid={`field-bankAccounts.${i}.account`}
                  />
                  <TextInput
                    label={t('invoiceSettings.bank.label')}
                    placeholder={t('invoiceSettings.bank.labelHint')}
                    value={r.label}
                    onChange={(e) => editRow(r.key, { label: e.currentTarget.value })}
                    maxLength={100}
                    disabled={disabled}
                    style={{ flex: 2 }}
                    data-testid={`field-bankAccounts.${i}.label`}
                  />
                  {mayEdit && (
                    <Group gap={4} wrap="nowrap" mt={26}>
                      <Tooltip label={t('invoiceSettings.bank.up')}>
                        <ActionIcon variant="default" size="lg" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('invoiceSettings.bank.up')} data-testid="bank-account-up">
                          <IconArrowUp size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('invoiceSettings.bank.down')}>
                        <ActionIcon variant="default" size="lg" disabled={i === v.bankAccounts.length - 1} onClick={() => move(i, 1)} aria-label={t('invoiceSettings.bank.down')} data-testid="bank-account-down">
                          <IconArrowDown size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('invoiceSettings.bank.remove')}>
                        <ActionIcon variant="subtle" color="red" size="lg" onClick={() => setRows(v.bankAccounts.filter((x) => x.key !== r.key))} aria-label={t('invoiceSettings.bank.remove')} data-testid="bank-account-remove">
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  )}
                </Group>
              ))}
            </Stack>
            {mayEdit && (
              <Button
                variant="light"
                leftSection={<IconPlus size={16} />}
                w="fit-content"
                disabled={v.bankAccounts.length >= MAX_ACCOUNTS}
                onClick={() => setRows([...v.bankAccounts, { key: newKey(), account: '', label: '' }])}
                data-testid="bank-account-add"
              >
                {t('invoiceSettings.bank.add')}
              </Button>
            )}
          </Section>

          <Section title={t('invoiceSettings.sections.numbering')} intro={t('invoiceSettings.sections.numberingIntro')}>
            <SeriesFields form={form} patternField="vatPattern" resetField="vatReset" disabled={disabled} />
            <SeriesFields form={form} patternField="correctionPattern" resetField="correctionReset" disabled={disabled} collidesWith={v.vatPattern} />
            <TokenHelp />
          </Section>

          <Section title={t('invoiceSettings.sections.texts')}>
            <Textarea label={t('invoiceSettings.fields.exemptionBasis')} description={t('invoiceSettings.fields.exemptionBasisHint')} autosize minRows={2} maxLength={500} {...form.text('exemptionBasis')} disabled={disabled} data-testid="field-exemptionBasis" />
            <Textarea label={t('invoiceSettings.fields.notes')} description={t('invoiceSettings.fields.notesHint')} autosize minRows={3} maxLength={2000} {...form.text('notes')} disabled={disabled} data-testid="field-notes" />
          </Section>

          <FormAlert message={form.general} />
          <Group justify="space-between">
            <Text size="xs" c="dimmed" data-testid="invoice-settings-updated">
              {neverSaved ? t('invoiceSettings.neverSaved') : t('invoiceSettings.updatedAt', { at: formatDateTime(settings.updatedAt, t.lang) })}
            </Text>
            {mayEdit && (
              <Button type="submit" loading={update.isPending} data-testid="invoice-settings-save">
                {t('common.save')}
              </Button>
            )}
          </Group>
          {!mayEdit && <Alert color="gray">{t('invoiceSettings.readOnly')}</Alert>}
        </Stack>
      </form>
    </Stack>
  );
}

function Section({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" radius="md">
      <Stack>
        <Title order={3}>{title}</Title>
        {intro && (
          <Text size="sm" c="dimmed" mt={-8}>
            {intro}
          </Text>
        )}
        {children}
      </Stack>
    </Paper>
  );
}

/** A pattern and its reset, with the number the pattern gives today (or why it cannot number). */
function SeriesFields({
  form,
  patternField,
  resetField,
  disabled,
  collidesWith,
}: {
  form: FormState<Values>;
  patternField: 'vatPattern' | 'correctionPattern';
  resetField: 'vatReset' | 'correctionReset';
  disabled: boolean;
  /** The other series' pattern: the same fixed text would give the same numbers. */
  collidesWith?: string;
}) {
  const t = useT();
  const pattern = form.values[patternField];
  const reset = form.values[resetField];
  const problem = pattern.trim() ? (patternProblem(pattern, reset) ?? (collidesWith !== undefined && fixedText(pattern) === fixedText(collidesWith) ? 'invoices.patterns_collide' : null)) : null;
  return (
    <Stack gap={4}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <TextInput label={t(`invoiceSettings.fields.${patternField}`)} maxLength={60} styles={MONO} {...form.text(patternField)} disabled={disabled} style={{ gridColumn: 'span 2' }} data-testid={`field-${patternField}`} />
        <Select
          label={t(`invoiceSettings.fields.${resetField}`)}
          value={reset}
          onChange={(s) => s && form.set(resetField, s as Reset)}
          allowDeselect={false}
          data={RESETS.map((r) => ({ value: r, label: t(`invoiceSettings.resets.${r}`) }))}
          error={form.errors[resetField]}
          disabled={disabled}
          data-testid={`field-${resetField}`}
        />
      </SimpleGrid>
      {pattern.trim() && !form.errors[patternField] && <Preview pattern={pattern} problem={problem} t={t} testId={`preview-${patternField}`} />}
    </Stack>
  );
}

function Preview({ pattern, problem, t, testId }: { pattern: string; problem: string | null; t: Translate; testId: string }) {
  if (problem)
    return (
      <Text size="sm" c="orange.8" data-testid={testId} data-problem={problem}>
        {errorCodeText(t, problem) ?? problem}
      </Text>
    );
  const [before, after] = t('invoiceSettings.numbering.preview').split('{number}');
  return (
    <Text size="sm" c="dimmed" data-testid={testId}>
      {before}
      <Code fz="sm" data-testid={`${testId}-number`}>
        {formatInvoiceNumber(pattern, todayInWarsaw(), 1)}
      </Code>
      {after}
    </Text>
  );
}

function TokenHelp() {
  const t = useT();
  const tokens = [
    ['{YYYY}', t('invoiceSettings.numbering.tokenYYYY')],
    ['{YY}', t('invoiceSettings.numbering.tokenYY')],
    ['{MM}', t('invoiceSettings.numbering.tokenMM')],
    ['{NNNN}', t('invoiceSettings.numbering.tokenNNNN')],
  ] as const;
  return (
    <Paper bg="var(--mantine-color-default-hover)" p="sm" radius="sm" data-testid="numbering-help">
      <Text size="sm" fw={600} mb={4}>
        {t('invoiceSettings.numbering.tokens')}
      </Text>
      <List size="sm" spacing={2}>
        {tokens.map(([token, text]) => (
          <List.Item key={token}>
            <Code>{token}</Code> — {text}
          </List.Item>
        ))}
      </List>
      <Text size="sm" c="dimmed" mt={6}>
        {t('invoiceSettings.numbering.rule')}
      </Text>
    </Paper>
  );
}
