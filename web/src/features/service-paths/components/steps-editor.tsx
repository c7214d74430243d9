import { ActionIcon, Badge, Box, Button, Group, Kbd, Paper, Stack, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconClock, IconEdit, IconGripVertical, IconHourglass, IconPlus, IconTrash, IconUser } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { useLastDefined } from '../../../ui/use-last-defined.ts';
import { useRemoveStep, useReorderSteps, type ServicePathDetail, type Step } from '../api/service-paths-api.ts';
import { formatMinutes } from './duration.ts';
import { StepModal } from './step-modal.tsx';

/** Moves one element of a list to another index. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/**
 * The ordered steps of a path. Reorder by dragging a row (native HTML5 drag and drop), with the ↑/↓
 * buttons, or from the keyboard: Alt+↑ / Alt+↓ on a focused row (↑/↓ alone move the focus).
 */
export function StepsEditor({ path, editable }: { path: ServicePathDetail; editable: boolean }) {
  const t = useT();
  const [editing, setEditing] = useState<Step | 'new' | null>(null);
  const [removing, setRemoving] = useState<Step | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const shownRemoving = useLastDefined(removing);
  const [announcement, setAnnouncement] = useState('');
  const [dragId, setDragId] = useState<string | null>(null);
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const rows = useRef(new Map<string, HTMLDivElement>());
  const remove = useRemoveStep(path.id);
  const onReorderError = useCallback((e: unknown) => notifyError(apiErrorText(t, e)), [t]);
  const reorder = useReorderSteps(path.id, onReorderError);
  const steps = path.steps;

  // keep the keyboard focus on the step that moved
  useEffect(() => {
    if (focusId) rows.current.get(focusId)?.focus();
  }, [focusId, steps]);

  const move = (from: number, to: number) => {
    if (to < 0 || to >= steps.length || from === to) return;
    const step = steps[from]!;
    reorder(moveItem(steps, from, to).map((s) => s.id));
    setFocusId(step.id);
    setAnnouncement(t('servicePaths.steps.moved', { name: step.name, position: to + 1, total: steps.length }));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, index: number) => {
    if (e.target !== e.currentTarget) return;
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    const to = e.key === 'ArrowUp' ? index - 1 : index + 1;
    if (e.altKey && editable) move(index, to);
    else {
      const target = steps[to];
      if (target) rows.current.get(target.id)?.focus();
    }
  };

  const onDragOver = (e: DragEvent<HTMLDivElement>, index: number) => {
    if (!dragId) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    const rect = e.currentTarget.getBoundingClientRect();
    setDropIndex(e.clientY < rect.top + rect.height / 2 ? index : index + 1);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const from = steps.findIndex((s) => s.id === dragId);
    if (from >= 0 && dropIndex !== null) move(from, dropIndex > from ? dropIndex - 1 : dropIndex);
    setDragId(null);
    setDropIndex(null);
  };

  const doRemove = () =>
    removing &&
    remove.mutate(removing.id, {
      onSuccess: () => {
        notifySuccess(t('servicePaths.steps.removed', { name: removing.name }));
        setRemoving(null);
        setRemoveError(null);
      },
      onError: (e) => setRemoveError(apiErrorText(t, e)),
    });

  const line = <Box h={3} bg="blue.6" style={{ borderRadius: 2 }} data-testid="drop-indicator" />;

  return (
    <Paper withBorder p="md" radius="md">
      <Stack>
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={4}>{t('servicePaths.steps.title')}</Title>
            {editable && steps.length > 1 && (
              <Text size="xs" c="dimmed" data-testid="steps-reorder-hint">
                {t('servicePaths.steps.reorderHint.before')} <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">↑</Kbd> / <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">↓</Kbd>{' '}
                {t('servicePaths.steps.reorderHint.after')}
              </Text>
            )}
          </Stack>
          {editable && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')} data-testid="step-add">
              {t('servicePaths.steps.add')}
            </Button>
          )}
        </Group>
        {steps.length === 0 ? (
          <Text c="dimmed" size="sm" data-testid="steps-empty">
            {t('servicePaths.steps.empty')}
          </Text>
        ) : (
          <Box
            component="ol"
            aria-label={t('servicePaths.steps.title')}
            data-testid="steps-list"
            style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 6 }}
            onDragLeave={(e) => {
              if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropIndex(null);
            }}
          >
            {steps.map((s, i) => (
              <Box key={s.id} component="li" style={{ display: 'contents' }}>
                {dropIndex === i && dragId && line}
                <Box
                  ref={(el: HTMLDivElement | null) => {
                    if (el) rows.current.set(s.id, el);
                    else rows.current.delete(s.id);
                  }}
                  tabIndex={0}
                  draggable={editable}
                  aria-roledescription={editable ? t('servicePaths.steps.sortableRow') : undefined}
                  aria-label={t('servicePaths.steps.rowLabel', { position: i + 1, total: steps.length, name: s.name })}
                  onKeyDown={(e: KeyboardEvent<HTMLDivElement>) => onKeyDown(e, i)}
                  onDragStart={(e: DragEvent<HTMLDivElement>) => {
                    e.dataTransfer.effectAllowed = 'move';
                    e.dataTransfer.setData('text/plain', s.id);
                    setDragId(s.id);
                  }}
                  onDragOver={(e: DragEvent<HTMLDivElement>) => onDragOver(e, i)}
                  onDrop={onDrop}
                  onDragEnd={() => {
                    setDragId(null);
                    setDropIndex(null);
                  }}
                  data-testid="step-row"
                  data-step-id={s.id}
                  data-step-name={s.name}
                  p="sm"
                  style={{
                    border: '1px solid var(--mantine-color-default-border)',
                    borderRadius: 8,
                    background: dragId === s.id ? 'var(--mantine-color-blue-light)' : 'var(--mantine-color-body)',
                    opacity: dragId === s.id ? 0.6 : 1,
                    cursor: editable ? 'grab' : undefined,
                    outlineOffset: 2,
                  }}
                >
                  <Group wrap="nowrap" align="flex-start" gap="sm">
                    {editable && (
                      <Box c="dimmed" pt={2} aria-hidden data-testid="step-handle">
                        <IconGripVertical size={18} />
                      </Box>
                    )}
                    <Badge variant="filled" radius="xl" size="lg" w={32} p={0} data-testid="step-position">
                      {i + 1}
                    </Badge>
                    <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                      <Text fw={600} data-testid="step-name-text">
                        {s.name}
                      </Text>
                      {s.description && (
                        <Text size="sm" c="dimmed" lineClamp={2}>
                          {s.description}
                        </Text>
                      )}
                      <Group gap="md" mt={2}>
                        <Group gap={4} c="dimmed">
                          <IconUser size={14} />
                          <Text size="xs">{s.role ? t(`roles.${s.role}`) : t('servicePaths.steps.anyone')}</Text>
                        </Group>
                        <Group gap={4} c="dimmed">
                          <IconClock size={14} />
                          <Text size="xs">{s.plannedMinutes ? formatMinutes(t, s.plannedMinutes) : t('servicePaths.steps.noPlan')}</Text>
                        </Group>
                        <Group gap={4} c="dimmed">
                          <IconHourglass size={14} />
                          <Text size="xs">
                            {s.deadlineOffsetHours ? t('servicePaths.steps.deadlineIn', { hours: s.deadlineOffsetHours }) : t('servicePaths.steps.noDeadline')}
                          </Text>
                        </Group>
                      </Group>
                    </Stack>
                    {editable && (
                      <Group gap={2} wrap="nowrap">
                        <Tooltip label={t('servicePaths.steps.moveUp')}>
                          <ActionIcon variant="subtle" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={`${t('servicePaths.steps.moveUp')}: ${s.name}`} data-testid="step-up">
                            <IconArrowUp size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('servicePaths.steps.moveDown')}>
                          <ActionIcon
                            variant="subtle"
                            disabled={i === steps.length - 1}
                            onClick={() => move(i, i + 1)}
                            aria-label={`${t('servicePaths.steps.moveDown')}: ${s.name}`}
                            data-testid="step-down"
                          >
                            <IconArrowDown size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('common.edit')}>
                          <ActionIcon variant="subtle" onClick={() => setEditing(s)} aria-label={`${t('common.edit')}: ${s.name}`} data-testid="step-edit">
                            <IconEdit size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('common.delete')}>
                          <ActionIcon variant="subtle" color="red" onClick={() => setRemoving(s)} aria-label={`${t('common.delete')}: ${s.name}`} data-testid="step-remove">
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    )}
                  </Group>
                </Box>
                {i === steps.length - 1 && dropIndex === steps.length && dragId && line}
              </Box>
            ))}
          </Box>
        )}
        <VisuallyHidden aria-live="polite" data-testid="steps-announcement">
          {announcement}
        </VisuallyHidden>
      </Stack>
      {editing && <StepModal key={editing === 'new' ? 'new' : editing.id} pathId={path.id} step={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ConfirmModal
        opened={removing !== null}
        title={t('servicePaths.steps.removeConfirm.title')}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        error={removeError}
        onConfirm={doRemove}
        onClose={() => {
          setRemoving(null);
          setRemoveError(null);
        }}
      >
        {t('servicePaths.steps.removeConfirm.text', { name: shownRemoving?.name ?? '' })}
      </ConfirmModal>
    </Paper>
  );
}
