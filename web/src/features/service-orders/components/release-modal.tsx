import { Alert, Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconCircleCheck, IconPrinter } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { useFormState } from '../../../ui/use-form-state.ts';
import { openPdf } from '../../assets/api/open-pdf.ts';
import type { Order } from '../api/order-shapes.ts';
import { releaseReceiptUrl, useReleaseOrder } from '../api/orders-api.ts';

type Props = { order: Order; opened: boolean; onClose: () => void };

/** Hand the item back: who picked it up and a note; then the release receipt to print and sign. */
export function ReleaseModal({ order, opened, onClose }: Props) {
  const t = useT();
  const release = useReleaseOrder(order.id);
  const [done, setDone] = useState(false);
  const form = useFormState<{ releasedTo: string; note: string }>({ releasedTo: order.contactName ?? '', note: '' });
  const close = () => {
    setDone(false);
    form.reset({ releasedTo: order.contactName ?? '', note: '' });
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.values.releasedTo.trim()) return form.setErrors({ releasedTo: t('common.required') });
    release.mutate(
      { releasedTo: form.values.releasedTo.trim(), note: form.values.note.trim() },
      {
        onSuccess: (o) => {
          notifySuccess(t('orders.release.done', { asset: o.assetName, number: o.number }));
          setDone(true);
        },
        onError: (error) => form.applyApiError(error, t),
      },
    );
  };
  return (
    <Modal opened={opened} onClose={close} title={done ? t('orders.release.printTitle') : t('orders.release.title')} attributes={{ content: { 'data-testid': 'release-modal' } }}>
      {done ? (
        <Stack>
          <Alert color="green" icon={<IconCircleCheck size={18} />}>
            {t('orders.release.printText')}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.close')}
            </Button>
            <PrintButton url={releaseReceiptUrl(order.id, order.lang)} label={t('orders.release.print')} testId="release-print" autoFocus />
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm" c="dimmed">
              {t('orders.release.intro', { number: order.number, asset: order.serialNumber ? `${order.assetName} (${order.serialNumber})` : order.assetName })}
            </Text>
            <TextInput label={t('orders.release.releasedTo')} placeholder={t('orders.release.releasedToPlaceholder')} required data-autofocus maxLength={200} {...form.text('releasedTo')} data-testid="release-to" />
            <Textarea label={t('orders.release.note')} autosize minRows={2} maxLength={1000} {...form.text('note')} data-testid="release-note" />
            <FormAlert message={form.general} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="green" loading={release.isPending} data-testid="release-submit">
                {t('orders.release.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** Opens a PDF of the order in a new tab, or says why it could not be made. */
export function PrintButton({ url, label, testId, variant = 'filled', autoFocus }: { url: string; label: string; testId: string; variant?: string; autoFocus?: boolean }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant={variant}
      leftSection={<IconPrinter size={16} />}
      loading={busy}
      data-autofocus={autoFocus || undefined}
      onClick={() => {
        setBusy(true);
        void openPdf(url, t).then((problem) => {
          setBusy(false);
          if (problem) notifyError(problem);
        });
      }}
      data-testid={testId}
      data-href={url}
    >
      {label}
    </Button>
  );
}
