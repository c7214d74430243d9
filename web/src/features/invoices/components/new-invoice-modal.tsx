import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { useFormState } from '../../../ui/use-form-state.ts';
import { CustomerPicker } from '../../assets/components/remote-pickers.tsx';
import { useCreateInvoice } from '../api/invoices-api.ts';

/** "Nowa faktura" (invoices:draft): picks the buyer, creates an empty draft, opens it. */
export function NewInvoiceButton({ customerId, customerName, variant }: { customerId?: string | undefined; customerName?: string | undefined; variant?: string }) {
  const t = useT();
  const can = useCan();
  const [open, setOpen] = useState(false);
  if (!can('invoices:draft')) return null;
  return (
    <>
      <Button leftSection={<IconPlus size={16} />} variant={variant} onClick={() => setOpen(true)} data-testid="invoice-new">
        {t('invoices.list.new')}
      </Button>
      {open && <NewInvoiceModal customerId={customerId} customerName={customerName} onClose={() => setOpen(false)} />}
    </>
  );
}

function NewInvoiceModal({ customerId, customerName, onClose }: { customerId?: string | undefined; customerName?: string | undefined; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateInvoice();
  const form = useFormState({ customerId: customerId ?? '', customerName: customerName ?? '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.values.customerId) return form.setErrors({ customerId: t('common.required') });
    create.mutate(
      { customerId: form.values.customerId, lines: [] },
      {
        onSuccess: (inv) => {
          onClose();
          void navigate(`/invoices/${inv.id}`);
        },
        onError: (error) => form.applyApiError(error, t),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('invoices.newModal.title')} attributes={{ content: { 'data-testid': 'invoice-new-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('invoices.newModal.intro')}
          </Text>
          <CustomerPicker
            label={t('invoices.fields.buyer')}
            placeholder={t('invoices.newModal.customerPlaceholder')}
            value={form.values.customerId ? { id: form.values.customerId, label: form.values.customerName || '…' } : null}
            onChange={(picked) => {
              form.set('customerId', picked?.id ?? '');
              form.set('customerName', picked ? ('name' in picked ? picked.name : picked.label) : '');
            }}
            error={form.errors.customerId}
            required
            testId="invoice-new-customer"
          />
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="invoice-new-submit">
              {t('invoices.newModal.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
