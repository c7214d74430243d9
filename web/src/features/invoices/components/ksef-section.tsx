// The invoice in KSeF: its state, number, reference and error, the FA(3) XML, and recording what
// KSeF answered (pending; accepted with the KSeF number; rejected with the reason). Once accepted the
// number is final and the form is gone.
import { Anchor, Button, Group, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { DetailItem } from '../../../ui/detail-item.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { useFormState } from '../../../ui/use-form-state.ts';
import type { Invoice, KsefRecordInput } from '../api/invoice-shapes.ts';
import { invoiceXmlUrl, useRecordKsef } from '../api/invoices-api.ts';
import { KsefBadge } from './invoice-badges.tsx';
import { InvoiceSection } from './invoice-section.tsx';

export function KsefSection({ invoice: i }: { invoice: Invoice }) {
  const t = useT();
  const can = useCan();
  return (
    <Stack>
      <InvoiceSection
        id="invoice-ksef-title"
        title={t('invoices.ksef.title')}
        testId="invoice-ksef"
        gap="md"
        actions={
          <Button component="a" href={invoiceXmlUrl(i.id)} download variant="default" leftSection={<IconDownload size={16} />} data-testid="invoice-ksef-xml">
            {t('invoices.ksef.downloadXml')}
          </Button>
        }
      >
        <Text size="sm" c="dimmed">
          {t('invoices.ksef.intro')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <DetailItem label={t('invoices.ksef.status')}>
            <KsefBadge status={i.ksefStatus} />
          </DetailItem>
          <DetailItem label={t('invoices.ksef.number')} testId="invoice-ksef-number">
            <Text span size="sm" ff="monospace">
              {i.ksefNumber ?? t('common.empty')}
            </Text>
          </DetailItem>
          <DetailItem label={t('invoices.ksef.reference')}>{i.ksefReference ?? t('common.empty')}</DetailItem>
          <DetailItem label={t('invoices.ksef.updatedAt')}>{formatDateTime(i.ksefUpdatedAt, t.lang)}</DetailItem>
        </SimpleGrid>
        {i.ksefError && (
          <DetailItem label={t('invoices.ksef.error')} testId="invoice-ksef-error">
            <Text span size="sm" c="red">
              {i.ksefError}
            </Text>
          </DetailItem>
        )}
      </InvoiceSection>
      {can('invoices:issue') && i.ksefStatus !== 'accepted' && <KsefForm key={i.ksefUpdatedAt ?? 'new'} invoice={i} />}
    </Stack>
  );
}

type Values = { status: KsefRecordInput['status']; ksefNumber: string; reference: string; error: string };

function KsefForm({ invoice: i }: { invoice: Invoice }) {
  const t = useT();
  const record = useRecordKsef(i.id);
  const form = useFormState<Values>({ status: i.ksefStatus === 'not_sent' ? 'pending' : i.ksefStatus === 'rejected' ? 'rejected' : 'accepted', ksefNumber: '', reference: i.ksefReference ?? '', error: '' });
  const v = form.values;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Partial<Record<keyof Values, string>> = {};
    if (v.status === 'accepted' && !v.ksefNumber.trim()) errors.ksefNumber = t('common.required');
    if (v.status === 'rejected' && !v.error.trim()) errors.error = t('common.required');
    if (Object.keys(errors).length) return form.setErrors(errors);
    record.mutate(
      { status: v.status, ksefNumber: v.status === 'accepted' ? v.ksefNumber.trim().toUpperCase() : null, reference: v.reference.trim() || null, error: v.status === 'rejected' ? v.error.trim() : null },
      {
        onSuccess: (inv) => notifySuccess(t('invoices.ksef.recorded', { status: t(`invoices.ksefStatuses.${inv.ksefStatus}`) })),
        onError: (error) => form.applyApiError(error, t),
      },
    );
  };
  return (
    <InvoiceSection id="invoice-ksef-form-title" title={t('invoices.ksef.recordTitle')} onSubmit={submit} testId="invoice-ksef-form">
      <SegmentedControl
        value={v.status}
        onChange={(s) => form.set('status', s as Values['status'])}
        data={(['pending', 'accepted', 'rejected'] as const).map((s) => ({ value: s, label: t(`invoices.ksefStatuses.${s}`) }))}
        aria-label={t('invoices.ksef.status')}
        style={{ alignSelf: 'flex-start' }}
        data-testid="ksef-status"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {v.status === 'accepted' && (
          <TextInput label={t('invoices.ksef.number')} placeholder="5260250274-20261127-0100A0B1C2D3-E4" required maxLength={60} {...form.text('ksefNumber')} data-testid="ksef-number" />
        )}
        <TextInput label={t('invoices.ksef.reference')} description={t('invoices.ksef.referenceHint')} maxLength={100} {...form.text('reference')} data-testid="ksef-reference" />
      </SimpleGrid>
      {v.status === 'rejected' && <Textarea label={t('invoices.ksef.error')} required autosize minRows={2} maxLength={2000} {...form.text('error')} data-testid="ksef-error" />}
      <FormAlert message={form.general} />
      <Group justify="space-between">
        <Anchor href="https://ksef.podatki.gov.pl" target="_blank" rel="noopener" size="xs" c="dimmed">
          ksef.podatki.gov.pl
        </Anchor>
        <Button type="submit" loading={record.isPending} data-testid="ksef-submit">
          {t('invoices.ksef.save')}
        </Button>
      </Group>
    </InvoiceSection>
  );
}
