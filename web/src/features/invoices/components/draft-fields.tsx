// The draft's data besides its lines: buyer, dates, payment, split payment, exemption basis, place,
// language, notes and — on a correcting invoice — the reason.
import { Alert, Anchor, Autocomplete, Checkbox, Grid, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatNip } from '../../../i18n/format.ts';
import { CustomerPicker } from '../../assets/components/remote-pickers.tsx';
import type { Invoice, InvoiceSettings, PaymentMethod } from '../api/invoice-shapes.ts';
import type { DraftErrors, HeaderField, HeaderValues } from './draft-model.ts';
import { InvoiceSection } from './invoice-section.tsx';
import { PAYMENT_METHODS, formatAccount, methodLabel } from './invoice-text.ts';

type Props = {
  invoice: Invoice;
  values: HeaderValues;
  errors: DraftErrors['header'];
  onChange: <K extends HeaderField>(field: K, value: HeaderValues[K]) => void;
  settings: InvoiceSettings | undefined;
  /** Some line is VAT-exempt (zw): the legal basis is asked for. */
  anyExempt: boolean;
};

export function DraftFields({ invoice, values: v, errors, onChange, settings, anyExempt }: Props) {
  const t = useT();
  const correction = invoice.kind === 'correction';
  const accounts = [...new Map((settings?.bankAccounts ?? []).map((b) => [formatAccount(b.account), b.label])).entries()].map(([value, label]) => ({ value, label }));
  const splitWarning = invoice.splitPaymentRequired && !v.splitPayment;
  return (
    <InvoiceSection id="invoice-data-title" title={t('invoices.detail.dataTitle')} gap="md">
      {correction && (
        <Textarea
          label={t('invoices.fields.correctionReason')}
          description={t('invoices.detail.correctionReasonHint')}
          required
          autosize
          minRows={2}
          maxLength={1000}
          value={v.correctionReason}
          onChange={(e) => onChange('correctionReason', e.currentTarget.value)}
          error={errors.correctionReason}
          data-testid="invoice-field-correctionReason"
        />
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          {correction ? (
            <Stack gap={2}>
              <Text size="sm" fw={500}>
                {t('invoices.fields.buyer')}
              </Text>
              <Anchor component={Link} to={`/customers/${invoice.customerId}`} size="sm">
                {invoice.customerName}
              </Anchor>
              <Text size="xs" c="dimmed">
                {t('invoices.detail.correctionBuyerFixed')}
              </Text>
              {errors.customerId && (
                <Text size="xs" c="red">
                  {errors.customerId}
                </Text>
              )}
            </Stack>
          ) : (
            <>
              <CustomerPicker
                label={t('invoices.fields.buyer')}
                placeholder={t('invoices.newModal.customerPlaceholder')}
                value={v.customerId ? { id: v.customerId, label: v.customerName || '…' } : null}
                onChange={(picked) => {
                  onChange('customerId', picked?.id ?? '');
                  onChange('customerName', picked ? ('name' in picked ? picked.name : picked.label) : '');
                }}
                error={errors.customerId}
                required
                testId="invoice-field-customerId"
              />
              {invoice.customerId === v.customerId && invoice.customerNip && (
                <Text size="xs" c="dimmed" ff="monospace" mt={4}>
                  {t('invoices.list.nip', { nip: formatNip(invoice.customerNip) })}
                </Text>
              )}
            </>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
          <TextInput type="date" label={t('invoices.fields.saleDate')} required value={v.saleDate} onChange={(e) => onChange('saleDate', e.currentTarget.value)} error={errors.saleDate} data-testid="invoice-field-saleDate" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
          <TextInput type="date" label={t('invoices.fields.dueDate')} required value={v.dueDate} onChange={(e) => onChange('dueDate', e.currentTarget.value)} error={errors.dueDate} data-testid="invoice-field-dueDate" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
          <Select
            label={t('invoices.fields.paymentMethod')}
            data={PAYMENT_METHODS.map((m) => ({ value: m, label: methodLabel(t, m) }))}
            value={v.paymentMethod}
            onChange={(m) => m && onChange('paymentMethod', m as PaymentMethod)}
            allowDeselect={false}
            error={errors.paymentMethod}
            data-testid="invoice-field-paymentMethod"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 6 }}>
          <Autocomplete
            label={t('invoices.fields.bankAccount')}
            placeholder={t('invoices.detail.bankAccountPlaceholder')}
            data={accounts.map((a) => a.value)}
            renderOption={({ option }) => {
              const label = accounts.find((a) => a.value === option.value)?.label;
              return (
                <Stack gap={0}>
                  <Text size="sm" ff="monospace">
                    {option.value}
                  </Text>
                  {label && (
                    <Text size="xs" c="dimmed">
                      {label}
                    </Text>
                  )}
                </Stack>
              );
            }}
            maxLength={40}
            value={formatAccount(v.bankAccount)}
            onChange={(x) => onChange('bankAccount', x)}
            error={errors.bankAccount}
            required={v.paymentMethod === 'transfer'}
            title={accounts.length ? t('invoices.detail.bankAccountHint') : undefined}
            data-testid="invoice-field-bankAccount"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
          <TextInput label={t('invoices.fields.placeOfIssue')} maxLength={100} value={v.placeOfIssue} onChange={(e) => onChange('placeOfIssue', e.currentTarget.value)} error={errors.placeOfIssue} data-testid="invoice-field-placeOfIssue" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, lg: 3 }}>
          <Select
            label={t('invoices.fields.lang')}
            data={(['pl', 'en'] as const).map((l) => ({ value: l, label: t(`invoices.languages.${l}`) }))}
            value={v.lang}
            onChange={(l) => l && onChange('lang', l as 'pl' | 'en')}
            allowDeselect={false}
            error={errors.lang}
            title={t('invoices.detail.langHint')}
            data-testid="invoice-field-lang"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 9 }}>
          <Stack gap={6} pt={{ base: 0, lg: 28 }}>
            <Checkbox
              label={t('invoices.fields.splitPayment')}
              description={t('invoices.detail.splitPaymentHint')}
              checked={v.splitPayment}
              onChange={(e) => onChange('splitPayment', e.currentTarget.checked)}
              error={errors.splitPayment}
              data-testid="invoice-field-splitPayment"
            />
            {splitWarning && (
              <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="invoice-split-warning">
                {t('invoices.detail.splitPaymentRequired')}
              </Alert>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      {(anyExempt || !!errors.exemptionBasis) && (
        <Textarea
          label={t('invoices.fields.exemptionBasis')}
          description={t('invoices.detail.exemptionBasisHint')}
          required={anyExempt}
          autosize
          minRows={1}
          maxLength={500}
          value={v.exemptionBasis}
          onChange={(e) => onChange('exemptionBasis', e.currentTarget.value)}
          error={errors.exemptionBasis}
          data-testid="invoice-field-exemptionBasis"
        />
      )}
      <Textarea label={t('invoices.fields.notes')} autosize minRows={2} maxLength={2000} value={v.notes} onChange={(e) => onChange('notes', e.currentTarget.value)} error={errors.notes} data-testid="invoice-field-notes" />
    </InvoiceSection>
  );
}
