import { ActionIcon, Box, Button, Checkbox, Group, Kbd, NativeSelect, Paper, Stack, TagsInput, Text, TextInput, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconGripVertical, IconLock, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { Translate } from '../../../i18n/translate.ts';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { useLastDefined } from '../../../ui/use-last-defined.ts';
import { FIELD_KINDS, type AssetField, type FieldInput, type FieldKind } from '../api/asset-shapes.ts';

/** One row of the editor; `key` is set for fields the type already has (their kind is fixed). */
export type FieldRow = { uid: string; key?: string; label: string; kind: FieldKind; unit: string; required: boolean; options: string[] };
export type RowErrors = Partial<Record<'label' | 'kind' | 'unit' | 'options', string>>;

let uidSeq = 0;
const newUid = () => `f${++uidSeq}`;

export const rowsOf = (fields: AssetField[] | undefined): FieldRow[] =>
  (fields ?? []).map((f) => ({ uid: newUid(), key: f.key, label: f.label, kind: f.kind, unit: f.unit, required: f.required, options: [...f.options] }));

export const emptyRow = (): FieldRow => ({ uid: newUid(), label: '', kind: 'text', unit: '', required: false, options: [] });

/** The rows as the API's `fields`: existing keys kept, unit only for numbers, options only for choices. */
export const fieldsBody = (rows: FieldRow[]): FieldInput[] =>
  rows.map((r) => ({
    ...(r.key ? { key: r.key } : {}),
    label: r.label.trim(),
    kind: r.kind,
    unit: r.kind === 'number' ? r.unit.trim() : '',
    required: r.required,
    options: r.kind === 'choice' ? r.options.map((o) => o.trim()).filter(Boolean) : [],
  }));

const fold = (s: string) => s.trim().toLocaleLowerCase('pl').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ł/g, 'l');

/** The server's checks, before asking it: a label each, labels distinct, choices with distinct options. */
export function validateRows(rows: FieldRow[], t: Translate): Record<string, RowErrors> {
  const errors: Record<string, RowErrors> = {};
  const seen = new Set<string>();
  for (const r of rows) {
    const e: RowErrors = {};
    const label = fold(r.label);
    if (!label) e.label = t('common.required');
    else if (seen.has(label)) e.label = t('assets.errors.assets.field_label_duplicate');
    seen.add(label);
    if (r.kind === 'choice') {
      const opts = r.options.map(fold).filter(Boolean);
      if (opts.length === 0) e.options = t('assets.errors.assets.field_options_missing');
      else if (new Set(opts).size !== opts.length) e.options = t('assets.errors.assets.field_options_duplicate');
    }
    if (Object.keys(e).length) errors[r.uid] = e;
  }
  return errors;
}

function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

type Props = {
  rows: FieldRow[];
  onChange: (rows: FieldRow[]) => void;
  errors: Record<string, RowErrors>;
  onClearError: (uid: string, field: keyof RowErrors) => void;
};

/**
 * The custom fields of an asset type, in display order. Reorder by dragging a row by its handle,
 * with the ↑/↓ buttons, or from the keyboard: Alt+↑ / Alt+↓ on a focused row (↑/↓ alone move the focus).
 */
export function FieldsEditor({ rows, onChange, errors, onClearError }: Props) {
  const t = useT();
  const [announcement, setAnnouncement] = useState('');
  const [armed, setArmed] = useState<string | null>(null);
  const [dragId, setDragId] = useState<string | null>(null);
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [removing, setRemoving] = useState<FieldRow | null>(null);
  const shownRemoving = useLastDefined(removing);
  const refs = useRef(new Map<string, HTMLDivElement>());
  const rowName = (r: FieldRow) => r.label.trim() || t('assets.fieldsEditor.untitled');

  useEffect(() => {
    if (focusId) {
      refs.current.get(focusId)?.focus();
      setFocusId(null);
    }
  }, [focusId, rows]);

  const update = (uid: string, patch: Partial<FieldRow>) => {
    onChange(rows.map((r) => (r.uid === uid ? { ...r, ...patch } : r)));
    for (const k of Object.keys(patch)) if (k in (errors[uid] ?? {})) onClearError(uid, k as keyof RowErrors);
  };

  const move = (from: number, to: number) => {
    if (to < 0 || to >= rows.length || from === to) return;
    const row = rows[from]!;
    onChange(moveItem(rows, from, to));
    setFocusId(row.uid);
    setAnnouncement(t('assets.fieldsEditor.moved', { name: rowName(row), position: to + 1, total: rows.length }));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, index: number) => {
    if (e.target !== e.currentTarget) return;
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    const to = e.key === 'ArrowUp' ? index - 1 : index + 1;
    if (e.altKey) move(index, to);
    else {
      const target = rows[to];
      if (target) refs.current.get(target.uid)?.focus();
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
    const from = rows.findIndex((r) => r.uid === dragId);
    if (from >= 0 && dropIndex !== null) move(from, dropIndex > from ? dropIndex - 1 : dropIndex);
    endDrag();
  };
  const endDrag = () => {
    setDragId(null);
    setDropIndex(null);
    setArmed(null);
  };

  const remove = (row: FieldRow) => {
    onChange(rows.filter((r) => r.uid !== row.uid));
    setRemoving(null);
  };

  const add = () => {
    const row = emptyRow();
    onChange([...rows, row]);
    // the new row's label input takes the focus
    setTimeout(() => refs.current.get(row.uid)?.querySelector<HTMLInputElement>('input')?.focus(), 0);
  };

  const line = <Box h={3} bg="blue.6" style={{ borderRadius: 2 }} data-testid="drop-indicator" />;
  const kindOptions = FIELD_KINDS.map((k) => ({ value: k, label: t(`assets.fieldKinds.${k}`) }));

  return (
    <Paper withBorder p="md" radius="md">
      <Stack>
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={4}>{t('assets.fieldsEditor.title')}</Title>
            {rows.length > 1 && (
              <Text size="xs" c="dimmed" data-testid="fields-reorder-hint">
                {t('assets.fieldsEditor.reorderHint.before')} <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">↑</Kbd> / <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">↓</Kbd>{' '}
                {t('assets.fieldsEditor.reorderHint.after')}
              </Text>
            )}
          </Stack>
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={add} data-testid="field-add">
            {t('assets.fieldsEditor.add')}
          </Button>
        </Group>
        {rows.length === 0 ? (
          <Text c="dimmed" size="sm" data-testid="fields-empty">
            {t('assets.fieldsEditor.empty')}
          </Text>
        ) : (
          <Box
            component="ol"
            aria-label={t('assets.fieldsEditor.title')}
            data-testid="fields-list"
            style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 6 }}
            onDragLeave={(e) => {
              if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropIndex(null);
            }}
          >
            {rows.map((r, i) => {
              const err = errors[r.uid] ?? {};
              return (
                <Box key={r.uid} component="li" style={{ display: 'contents' }}>
                  {dropIndex === i && dragId && line}
                  <Box
                    ref={(el: HTMLDivElement | null) => {
                      if (el) refs.current.set(r.uid, el);
                      else refs.current.delete(r.uid);
                    }}
                    tabIndex={0}
                    draggable={armed === r.uid}
                    aria-roledescription={t('assets.fieldsEditor.sortableRow')}
                    aria-label={t('assets.fieldsEditor.rowLabel', { position: i + 1, total: rows.length, name: rowName(r) })}
                    onKeyDown={(e: KeyboardEvent<HTMLDivElement>) => onKeyDown(e, i)}
                    onDragStart={(e: DragEvent<HTMLDivElement>) => {
                      e.dataTransfer.effectAllowed = 'move';
                      e.dataTransfer.setData('text/plain', r.uid);
                      setDragId(r.uid);
                    }}
                    onDragOver={(e: DragEvent<HTMLDivElement>) => onDragOver(e, i)}
                    onDrop={onDrop}
                    onDragEnd={endDrag}
                    data-testid="field-row"
                    data-field-label={r.label}
                    p="sm"
                    style={{
                      border: '1px solid var(--mantine-color-default-border)',
                      borderRadius: 8,
                      background: dragId === r.uid ? 'var(--mantine-color-blue-light)' : 'var(--mantine-color-body)',
                      opacity: dragId === r.uid ? 0.6 : 1,
                      outlineOffset: 2,
                    }}
                  >
                    <Group wrap="nowrap" align="flex-start" gap="sm">
                      <Box
                        c="dimmed"
                        pt={30}
                        style={{ cursor: 'grab' }}
                        onMouseDown={() => setArmed(r.uid)}
                        onMouseUp={() => setArmed(null)}
                        aria-hidden
                        data-testid="field-handle"
                      >
                        <IconGripVertical size={18} />
                      </Box>
                      <Stack gap="xs" style={{ flex: 1, minWidth: 0 }}>
                        <Group align="flex-start" gap="sm" wrap="wrap">
                          <TextInput
                            label={t('assets.fieldsEditor.label')}
                            required
                            value={r.label}
                            onChange={(e) => update(r.uid, { label: e.currentTarget.value })}
                            error={err.label}
                            maxLength={100}
                            style={{ flex: '1 1 220px' }}
                            data-testid="field-label"
                          />
                          <NativeSelect
                            label={t('assets.fieldsEditor.kind')}
                            data={kindOptions}
                            value={r.kind}
                            disabled={!!r.key}
                            onChange={(e) => update(r.uid, { kind: e.currentTarget.value as FieldKind })}
                            error={err.kind}
                            rightSection={
                              r.key ? (
                                <Tooltip label={t('assets.fieldsEditor.kindLocked')} multiline w={260}>
                                  <IconLock size={14} aria-label={t('assets.fieldsEditor.kindLocked')} />
                                </Tooltip>
                              ) : undefined
                            }
                            rightSectionPointerEvents={r.key ? 'all' : 'none'}
                            title={r.key ? t('assets.fieldsEditor.kindLocked') : undefined}
                            w={190}
                            data-testid="field-kind"
                          />
                          {r.kind === 'number' && (
                            <TextInput
                              label={t('assets.fieldsEditor.unit')}
                              placeholder={t('assets.fieldsEditor.unitPlaceholder')}
                              value={r.unit}
                              onChange={(e) => update(r.uid, { unit: e.currentTarget.value })}
                              error={err.unit}
                              maxLength={20}
                              w={110}
                              data-testid="field-unit"
                            />
                          )}
                          <Checkbox
                            mt={32}
                            label={t('assets.fieldsEditor.required')}
                            checked={r.required}
                            onChange={(e) => update(r.uid, { required: e.currentTarget.checked })}
                            data-testid="field-required"
                          />
                        </Group>
                        {r.kind === 'choice' && (
                          <TagsInput
                            label={t('assets.fieldsEditor.options')}
                            placeholder={t('assets.fieldsEditor.optionsPlaceholder')}
                            value={r.options}
                            onChange={(options) => update(r.uid, { options })}
                            error={err.options}
                            clearable
                            data-testid="field-options"
                          />
                        )}
                      </Stack>
                      <Group gap={2} wrap="nowrap" pt={26}>
                        <Tooltip label={t('assets.fieldsEditor.moveUp')}>
                          <ActionIcon variant="subtle" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={`${t('assets.fieldsEditor.moveUp')}: ${rowName(r)}`} data-testid="field-up">
                            <IconArrowUp size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('assets.fieldsEditor.moveDown')}>
                          <ActionIcon
                            variant="subtle"
                            disabled={i === rows.length - 1}
                            onClick={() => move(i, i + 1)}
                            aria-label={`${t('assets.fieldsEditor.moveDown')}: ${rowName(r)}`}
                            data-testid="field-down"
                          >
                            <IconArrowDown size={16} />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('assets.fieldsEditor.remove')}>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            onClick={() => (r.key ? setRemoving(r) : remove(r))}
                            aria-label={`${t('assets.fieldsEditor.remove')}: ${rowName(r)}`}
                            data-testid="field-remove"
                          >
                            <IconTrash size={16} />
                          </ActionIcon>
                        </Tooltip>
                      </Group>
                    </Group>
                  </Box>
                  {i === rows.length - 1 && dropIndex === rows.length && dragId && line}
                </Box>
              );
            })}
          </Box>
        )}
        <VisuallyHidden aria-live="polite" data-testid="fields-announcement">
          {announcement}
        </VisuallyHidden>
      </Stack>
      <ConfirmModal
        opened={removing !== null}
        title={t('assets.fieldsEditor.removeConfirm.title')}
        confirmLabel={t('assets.fieldsEditor.removeConfirm.confirm')}
        color="orange"
        onConfirm={() => removing && remove(removing)}
        onClose={() => setRemoving(null)}
      >
        {t('assets.fieldsEditor.removeConfirm.text', { name: shownRemoving ? rowName(shownRemoving) : '' })}
      </ConfirmModal>
    </Paper>
  );
}
