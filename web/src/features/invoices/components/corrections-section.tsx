// The correcting invoices of a VAT invoice, and "Koryguj": the reason first, then a draft holding the
// invoice's current lines to edit (POST …/corrections) — the page moves to it.
import { Button, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { IconFilePencil } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, formatMoney } from '../../../i18n/format.ts';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { useFormState } from '../../../ui/use-form-state.ts';
import type { Invoice } from '../api/invoice-shapes.ts';
import { useCreateCorrection } from '../api/invoices-api.ts';
import { InvoiceStatusBadge } from './invoice-badges.tsx';
import { InvoiceNumberLink } from './invoice-links.tsx';
import { InvoiceSection } from './invoice-section.tsx';

/** Whether "Koryguj" applies: an issued VAT invoice without a correction in preparation. */
export const mayCorrect = (i: Invoice) => i.kind === 'vat' && i.status === 'issued' && !i.corrections.some((c) => c.status === 'draft');

export function CorrectButton({ invoice }: { invoice: Invoice }) {
  const t = useT();
  const can = useCan();
  const [open, setOpen] = useState(false);
  if (!can('invoices:issue') || !mayCorrect(invoice)) return null;
  return (
    <>
      <Button variant="default" leftSection={<IconFilePencil size={16} />} onClick={() => setOpen(true)} data-testid="invoice-correct">
        {t('invoices.corrections.correct')}
      </Button>
      {open && <CorrectModal invoice={invoice} onClose={() => setOpen(false)} />}
    </>
  );
}

function CorrectModal({ invoice, onClose }: { invoice: Invoice; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateCorrection(invoice.id);
  const form = useFormState({ reason: '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.values.reason.trim()) return form.setErrors({ reason: t('common.required') });
    create.mutate(form.values.reason.trim(), {
      onSuccess: (draft) => {
        notifySuccess(t('invoices.corrections.started'));
        onClose();
        void navigate(`/invoices/${draft.id}`);
      },
      onError: (error) => form.applyApiError(error, t),
    });
  };
  return (
    <Modal opened onClose={onClose} title={t('invoices.corrections.modalTitle', { number: invoice.number ?? '' })} size="lg" attributes={{ content: { 'data-testid': 'invoice-correct-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('invoices.corrections.modalIntro')}
          </Text>
          <Textarea
            label={t('invoices.fields.correctionReason')}
            placeholder={t('invoices.corrections.reasonPlaceholder')}
            required
            autosize
            minRows={2}
            maxLength={1000}
            data-autofocus
            {...form.text('reason')}
            data-testid="invoice-correct-reason"
          />
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="invoice-correct-submit">
              {t('invoices.corrections.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The corrections of a VAT invoice (newest last), each a link. */
export function CorrectionsSection({ invoice: i }: { invoice: Invoice }) {
  const t = useT();
  const money = (m: number) => formatMoney(m, 'PLN', t.lang);
  return (
    <InvoiceSection id="invoice-corrections-title" title={t('invoices.corrections.title')} testId="invoice-corrections">
      {i.corrections.length === 0 ? (
        <Text size="sm" c="dimmed" fs="italic">
          {t('invoices.corrections.none')}
        </Text>
      ) : (
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('invoices.fields.number')}</Table.Th>
              <Table.Th>{t('invoices.fields.issueDate')}</Table.Th>
              <Table.Th ta="right">{t('invoices.corrections.grossDifference')}</Table.Th>
              <Table.Th>{t('invoices.fields.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {i.corrections.map((c) => (
              <Table.Tr key={c.id} data-testid="invoice-correction-row">
                <Table.Td>
                  <InvoiceNumberLink invoice={c} markCorrection={false} />
                </Table.Td>
                <Table.Td>{c.status === 'issued' ? formatDate(c.issueDate, t.lang) : t('common.empty')}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {money(c.grossMinor)}
                </Table.Td>
                <Table.Td>
                  <InvoiceStatusBadge invoice={{ displayStatus: c.status === 'issued' ? 'issued' : c.status, daysOverdue: 0 }} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </InvoiceSection>
  );
}
