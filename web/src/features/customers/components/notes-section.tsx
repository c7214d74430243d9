import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import type { FormEvent } from 'react';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useAddNote } from '../api/customers-api.ts';
import type { CustomerNote } from '../api/customer-types.ts';

/** Add a note (Ctrl+Enter submits) and read the notes, newest first. */
export function NotesSection({ customerId, notes }: { customerId: string; notes: CustomerNote[] }) {
  const t = useT();
  const can = useCan();
  const add = useAddNote(customerId);
  const form = useFormState({ body: '' });
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (!form.values.body.trim()) return form.setErrors({ body: t('common.required') });
    add.mutate(form.values.body, {
      onSuccess: () => {
        form.reset({ body: '' });
        notifySuccess(t('customers.notes.added'));
      },
      onError: (error) => form.applyApiError(error, t),
    });
  };
  const sorted = [...notes].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <Stack>
      {can('customers:write') && (
        <Paper withBorder radius="md" p="md">
          <form onSubmit={submit} noValidate>
            <Stack gap="sm">
              <Textarea
                label={t('customers.notes.label')}
                placeholder={t('customers.notes.placeholder')}
                autosize
                minRows={3}
                onKeyDown={getHotkeyHandler([['mod+Enter', () => submit()]])}
                data-testid="note-input"
                {...form.text('body')}
              />
              <FormAlert message={form.general} />
              <Group justify="flex-end">
                <Button type="submit" loading={add.isPending} data-testid="note-add">
                  {t('customers.notes.add')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      )}
      {sorted.length === 0 ? (
        <Text c="dimmed">{t('customers.notes.empty')}</Text>
      ) : (
        <Stack gap="sm" data-testid="notes-list">
          {sorted.map((n) => (
            <Paper key={n.id} withBorder radius="md" p="md" data-testid="note-item">
              <Text size="xs" c="dimmed" mb={4}>
                {t('customers.notes.byline', { author: n.authorName, time: formatDateTime(n.createdAt, t.lang) })}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                {n.body}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
