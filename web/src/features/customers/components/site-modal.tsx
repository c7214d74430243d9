import { Button, Group, Modal, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useSaveSite } from '../api/customers-api.ts';
import type { Site, SiteInput } from '../api/customer-types.ts';

export const siteInputOf = (s: Site | null): SiteInput => ({
  name: s?.name ?? '',
  street: s?.street ?? '',
  postalCode: s?.postalCode ?? '',
  city: s?.city ?? '',
  country: s?.country ?? 'PL',
  notes: s?.notes ?? '',
});

/** Add or edit a site (location) of the customer. */
export function SiteModal({ customerId, site, onClose }: { customerId: string; site: Site | null; onClose: () => void }) {
  const t = useT();
  const save = useSaveSite(customerId);
  const form = useFormState(() => siteInputOf(site));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.values.name.trim()) return form.setErrors({ name: t('common.required') });
    save.mutate(
      { ...(site ? { id: site.id } : {}), body: form.values },
      {
        onSuccess: () => {
          notifySuccess(site ? t('customers.sites.saved') : t('customers.sites.added'));
          onClose();
        },
        onError: (error) => form.applyApiError(error, t),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={site ? t('customers.sites.editTitle') : t('customers.sites.addTitle')} size="lg" attributes={{ content: { 'data-testid': 'site-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('customers.sites.fields.name')} required data-autofocus {...form.text('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('customers.sites.fields.street')} {...form.text('street')} />
            <TextInput label={t('customers.sites.fields.postalCode')} description={t('company.hints.postalCode')} {...form.text('postalCode')} />
            <TextInput label={t('customers.sites.fields.city')} {...form.text('city')} />
            <TextInput label={t('customers.sites.fields.country')} maxLength={2} {...form.text('country')} />
          </SimpleGrid>
          <Textarea label={t('customers.sites.fields.notes')} autosize minRows={2} {...form.text('notes')} />
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="site-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
