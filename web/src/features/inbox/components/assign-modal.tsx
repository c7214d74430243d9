import { Button, Group, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../app/api-client.ts';
import { ROLES, type Role } from '../../../app/api-types.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { useStaff } from '../../service-orders/api/staff-api.ts';
import { useAssignTask, type AssignBody, type Task } from '../api/inbox-api.ts';
import { inboxErrorText } from './inbox-errors.ts';
import { assigneeText, taskText } from './task-text.ts';
import { ColleagueSelect } from './staff-select.tsx';

/** Managers hand a task to one person (it leaves the role's list) or to everyone with a role. */
export function AssignModal({ task, onClose }: { task: Task; onClose: () => void }) {
  const t = useT();
  const assign = useAssignTask();
  const [mode, setMode] = useState<'person' | 'role'>(task.assigneeId ? 'role' : 'person');
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<Role | ''>(task.assigneeRole ?? '');
  const [error, setError] = useState<{ field?: string; text: string } | null>(null);
  const staff = useStaff();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: AssignBody | null = mode === 'person' ? (userId ? { userId } : null) : role ? { role } : null;
    if (!body) return setError({ field: mode, text: t('common.required') });
    const who = role && mode === 'role' ? t(`roles.${role}`) : (staff.options.find((s) => s.id === userId)?.name ?? '');
    assign.mutate(
      { task, body },
      {
        onSuccess: () => {
          notifySuccess(t('inbox.notify.assigned', { who }));
          onClose();
        },
        onError: (err) => {
          const path = err instanceof ApiError ? err.errors[0]?.path : undefined;
          const onField = path === 'userId' || path === 'ownerId' ? 'person' : null;
          setError(onField ? { field: onField, text: inboxErrorText(t, err) } : { text: inboxErrorText(t, err) });
        },
      },
    );
  };
  const fieldError = (f: string) => (error?.field === f ? error.text : undefined);
  return (
    <Modal opened onClose={onClose} title={t('inbox.assign.title')} attributes={{ content: { 'data-testid': 'assign-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <div>
            <Text size="sm" fw={500}>
              {taskText(t, task)}
            </Text>
            <Text size="sm" c="dimmed">
              {t('inbox.assign.current', { who: assigneeText(t, task) })}
            </Text>
          </div>
          <SegmentedControl
            aria-label={t('inbox.assign.to')}
            value={mode}
            onChange={(v) => {
              setMode(v as 'person' | 'role');
              setError(null);
            }}
            data={[
              { value: 'person', label: t('inbox.assign.toPerson') },
              { value: 'role', label: t('inbox.assign.toRole') },
            ]}
            data-testid="assign-mode"
          />
          {mode === 'person' ? (
            <ColleagueSelect
              label={t('inbox.assign.person')}
              placeholder={t('inbox.assign.personPlaceholder')}
              value={userId}
              onChange={setUserId}
              options={staff.options}
              loading={staff.isPending}
              error={fieldError('person')}
              testId="assign-person"
            />
          ) : (
            <Select
              label={t('inbox.assign.role')}
              data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              value={role || null}
              onChange={(v) => setRole((v as Role | null) ?? '')}
              allowDeselect={false}
              error={fieldError('role')}
              data-testid="assign-role"
              comboboxProps={{ withinPortal: true }}
            />
          )}
          <FormAlert message={error && !error.field ? error.text : null} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={assign.isPending} data-testid="assign-submit">
              {t('inbox.assign.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
