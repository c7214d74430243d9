import { Button, Group, Modal, Select, Stack, TextInput, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { useFormState } from '../../../ui/use-form-state.ts';
import { LOCATION_KINDS, useSaveLocation, type LocationInput, type LocationKind, type StockLocation } from '../api/stock-api.ts';

/** Add or rename a stock location. Mount fresh for each location (key). */
export function LocationModal({ location, onClose }: { location: StockLocation | null; onClose: () => void }) {
  const t = useT();
  const save = useSaveLocation();
  const form = useFormState<LocationInput>(() => ({ name: location?.name ?? '', kind: location?.kind ?? 'warehouse', notes: location?.notes ?? '' }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.values.name.trim()) return form.setErrors({ name: t('common.required') });
    save.mutate(
      { ...(location ? { id: location.id } : {}), body: form.values },
      {
        onSuccess: (l) => {
          notifySuccess(location ? t('common.saved') : t('stock.locations.added', { name: l.name }));
          onClose();
        },
        onError: (error) => form.applyApiError(error, t),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={location ? t('stock.locations.editTitle') : t('stock.locations.addTitle')} attributes={{ content: { 'data-testid': 'location-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('stock.locations.fields.name')} required data-autofocus {...form.text('name')} data-testid="location-name" />
          <Select
            label={t('stock.locations.fields.kind')}
            value={form.values.kind}
            onChange={(v) => v && form.set('kind', v as LocationKind)}
            data={LOCATION_KINDS.map((k) => ({ value: k, label: t(`stock.locationKinds.${k}`) }))}
            allowDeselect={false}
            error={form.errors.kind}
            data-testid="location-kind"
          />
          <Textarea label={t('stock.locations.fields.notes')} autosize minRows={2} {...form.text('notes')} />
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="location-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
