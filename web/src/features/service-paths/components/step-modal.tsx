import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { ROLES, type Role } from '../../../app/api-types.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useSaveStep, type Step } from '../api/service-paths-api.ts';

type Values = { name: string; description: string; role: string; plannedMinutes: number | string; deadlineOffsetHours: number | string };

/** Add a step at the end, or change one. Mount fresh per step (key). */
export function StepModal({ pathId, step, onClose }: { pathId: string; step: Step | null; onClose: () => void }) {
  const t = useT();
  const save = useSaveStep(pathId);
  const form = useFormState<Values>(() => ({
    name: step?.name ?? '',
    description: step?.description ?? '',
    role: step?.role ?? '',
    plannedMinutes: step?.plannedMinutes ?? 0,
    deadlineOffsetHours: step?.deadlineOffsetHours ?? '',
  }));
  const { values } = form;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!values.name.trim()) return form.setErrors({ name: t('common.required') });
    const planned = values.plannedMinutes === '' ? 0 : Number(values.plannedMinutes);
    const deadline = values.deadlineOffsetHours === '' ? null : Number(values.deadlineOffsetHours);
    save.mutate(
      {
        ...(step ? { stepId: step.id } : {}),
        body: { name: values.name.trim(), description: values.description, role: (values.role || null) as Role | null, plannedMinutes: planned, deadlineOffsetHours: deadline },
      },
      {
        onSuccess: () => {
          notifySuccess(step ? t('servicePaths.steps.saved') : t('servicePaths.steps.added', { name: values.name.trim() }));
          onClose();
        },
        onError: (error) => form.applyApiError(error, t),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={step ? t('servicePaths.steps.editTitle') : t('servicePaths.steps.addTitle')} size="lg" attributes={{ content: { 'data-testid': 'step-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('servicePaths.steps.fields.name')} required data-autofocus {...form.text('name')} data-testid="step-name" />
          <Textarea label={t('servicePaths.steps.fields.description')} autosize minRows={2} {...form.text('description')} data-testid="step-description" />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('servicePaths.steps.fields.role')}
              value={values.role}
              onChange={(v) => form.set('role', v ?? '')}
              data={[{ value: '', label: t('servicePaths.steps.anyone') }, ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))]}
              allowDeselect={false}
              error={form.errors.role}
              data-testid="step-role"
            />
            <NumberInput
              label={t('servicePaths.steps.fields.plannedMinutes')}
              min={0}
              max={100000}
              step={15}
              allowDecimal={false}
              allowNegative={false}
              suffix=" min"
              value={values.plannedMinutes}
              onChange={(v) => form.set('plannedMinutes', v)}
              error={form.errors.plannedMinutes}
              data-testid="step-planned"
            />
            <NumberInput
              label={t('servicePaths.steps.fields.deadlineOffsetHours')}
              description={t('servicePaths.steps.hints.deadline')}
              placeholder={t('servicePaths.steps.noDeadline')}
              min={1}
              max={8760}
              allowDecimal={false}
              allowNegative={false}
              suffix=" h"
              value={values.deadlineOffsetHours}
              onChange={(v) => form.set('deadlineOffsetHours', v)}
              error={form.errors.deadlineOffsetHours}
              data-testid="step-deadline"
            />
          </SimpleGrid>
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="step-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
