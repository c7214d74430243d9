import { Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { useFormState } from '../../../ui/use-form-state.ts';
import { CUSTODY, type Asset, type Custody } from '../api/asset-shapes.ts';
import { useChangeCustody } from '../api/assets-api.ts';
import { custodyLabel } from './asset-text.ts';
import { CustodyBadge } from './custody-badge.tsx';

/** Where the asset is now: with the customer, in the shop, serviced on site, at an external service. */
export function CustodyModal({ asset, onClose }: { asset: Asset; onClose: () => void }) {
  const t = useT();
  const change = useChangeCustody(asset.id);
  const form = useFormState<{ custody: string; reason: string }>({ custody: '', reason: '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.values.custody || form.values.custody === asset.custody) return form.setErrors({ custody: t('assets.custodyModal.same') });
    const custody = form.values.custody as Custody;
    change.mutate(
      { custody, reason: form.values.reason.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('assets.custodyModal.done', { status: custodyLabel(t, custody) }));
          onClose();
        },
        onError: (error) => form.applyApiError(error, t),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('assets.custodyModal.title')} attributes={{ content: { 'data-testid': 'custody-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('assets.custodyModal.current')}:
            </Text>
            <CustodyBadge custody={asset.custody} />
          </Group>
          <Radio.Group
            label={t('assets.custodyModal.custody')}
            value={form.values.custody}
            onChange={(v) => form.set('custody', v)}
            error={form.errors.custody}
            data-testid="custody-choice"
          >
            <Stack gap="xs" mt={6}>
              {CUSTODY.map((c) => (
                <Radio key={c} value={c} label={custodyLabel(t, c)} disabled={c === asset.custody} data-testid={`custody-${c}`} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('assets.custodyModal.reason')}
            placeholder={t('assets.custodyModal.reasonPlaceholder')}
            autosize
            minRows={2}
            maxLength={500}
            {...form.text('reason')}
            data-testid="custody-reason"
          />
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending} data-testid="custody-submit">
              {t('assets.custodyModal.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
