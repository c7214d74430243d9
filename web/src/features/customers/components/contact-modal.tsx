import { Button, Checkbox, Group, Modal, NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useSaveContact } from '../api/customers-api.ts';
import type { Contact, ContactInput } from '../api/customer-types.ts';

export const contactInputOf = (c: Contact | null): ContactInput => ({
  name: c?.name ?? '',
  role: c?.role ?? '',
  email: c?.email ?? '',
  phone: c?.phone ?? '',
  language: c?.language ?? 'pl',
  portalAccess: c?.portalAccess ?? false,
  notes: c?.notes ?? '',
});

/** Add or edit a contact person. Mount it fresh for each contact (key). */
export function ContactModal({ customerId, contact, onClose }: { customerId: string; contact: Contact | null; onClose: () => void }) {
  const t = useT();
  const save = useSaveContact(customerId);
  const form = useFormState(() => contactInputOf(contact));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.values.name.trim()) return form.setErrors({ name: t('common.required') });
    save.mutate(
      { ...(contact ? { id: contact.id } : {}), body: form.values },
      {
        onSuccess: () => {
          notifySuccess(contact ? t('customers.contacts.saved') : t('customers.contacts.added'));
          onClose();
        },
        onError: (error) => form.applyApiError(error, t),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={contact ? t('customers.contacts.editTitle') : t('customers.contacts.addTitle')} size="lg" attributes={{ content: { 'data-testid': 'contact-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('customers.contacts.fields.name')} required data-autofocus {...form.text('name')} />
            <TextInput label={t('customers.contacts.fields.role')} {...form.text('role')} />
            <TextInput label={t('customers.contacts.fields.email')} type="email" {...form.text('email')} />
            <TextInput label={t('customers.contacts.fields.phone')} type="tel" {...form.text('phone')} />
            <NativeSelect
              label={t('customers.contacts.fields.language')}
              value={form.values.language}
              onChange={(e) => form.set('language', e.currentTarget.value === 'en' ? 'en' : 'pl')}
              error={form.errors.language}
              data={[
                { value: 'pl', label: t('languages.pl') },
                { value: 'en', label: t('languages.en') },
              ]}
            />
          </SimpleGrid>
          <Checkbox
            label={t('customers.contacts.fields.portalAccess')}
            checked={form.values.portalAccess}
            onChange={(e) => form.set('portalAccess', e.currentTarget.checked)}
            data-testid="contact-portal"
          />
          <Textarea label={t('customers.contacts.fields.notes')} autosize minRows={2} {...form.text('notes')} />
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="contact-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
