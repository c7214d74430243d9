import { ActionIcon, Box, Group, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconGripVertical } from '@tabler/icons-react';
import { useEffect, useRef, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';

/** Moves one element of a list to another index. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

type Props<T extends { id: string }> = {
  items: readonly T[];
  /** Name of a row for screen readers and the "moved" announcement. */
  nameOf: (item: T) => string;
  renderRow: (item: T, index: number) => ReactNode;
  /** Called with the new order of ids; absent = the list is read-only. */
  onReorder?: ((ids: string[]) => void) | undefined;
  label: string;
  testId: string;
  rowTestId: string;
};

/**
 * An ordered list whose rows move by dragging the handle, with the ↑/↓ buttons, or from the keyboard:
 * Alt+↑ / Alt+↓ on a focused row (↑/↓ alone move the focus) — as the asset fields editor does.
 */
export function SortableList<T extends { id: string }>({ items, nameOf, renderRow, onReorder, label, testId, rowTestId }: Props<T>) {
  const t = useT();
  const editable = !!onReorder && items.length > 1;
  const [announcement, setAnnouncement] = useState('');
  const [armed, setArmed] = useState<string | null>(null);
  const [dragId, setDragId] = useState<string | null>(null);
  const [dropIndex, setDropIndex] = useState<number | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const refs = useRef(new Map<string, HTMLDivElement>());

  // keep the keyboard focus on the row that moved
  useEffect(() => {
    if (focusId) {
      refs.current.get(focusId)?.focus();
      setFocusId(null);
    }
  }, [focusId, items]);

  const move = (from: number, to: number) => {
    if (!onReorder || to < 0 || to >= items.length || from === to) return;
    const item = items[from]!;
    onReorder(moveItem(items, from, to).map((x) => x.id));
    setFocusId(item.id);
    setAnnouncement(t('orders.sortable.moved', { name: nameOf(item), position: to + 1, total: items.length }));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, index: number) => {
    if (e.target !== e.currentTarget) return;
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    const to = e.key === 'ArrowUp' ? index - 1 : index + 1;
    if (e.altKey && editable) move(index, to);
    else {
      const target = items[to];
      if (target) refs.current.get(target.id)?.focus();
    }
  };

  const onDragOver = (e: DragEvent<HTMLDivElement>, index: number) => {
    if (!dragId) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    const rect = e.currentTarget.getBoundingClientRect();
    setDropIndex(e.clientY < rect.top + rect.height / 2 ? index : index + 1);
  };
  const endDrag = () => {
    setDragId(null);
    setDropIndex(null);
    setArmed(null);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const from = items.findIndex((x) => x.id === dragId);
    if (from >= 0 && dropIndex !== null) move(from, dropIndex > from ? dropIndex - 1 : dropIndex);
    endDrag();
  };

  const line = <Box h={3} bg="blue.6" style={{ borderRadius: 2 }} data-testid="drop-indicator" />;

  return (
    <>
      <Box
        component="ol"
        aria-label={label}
        data-testid={testId}
        style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: 6 }}
        onDragLeave={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDropIndex(null);
        }}
      >
        {items.map((item, i) => (
          <Box key={item.id} component="li" style={{ display: 'contents' }}>
            {dropIndex === i && dragId && line}
            <Box
              ref={(el: HTMLDivElement | null) => {
                if (el) refs.current.set(item.id, el);
                else refs.current.delete(item.id);
              }}
              tabIndex={0}
              draggable={editable && armed === item.id}
              aria-roledescription={editable ? t('orders.sortable.sortableRow') : undefined}
              aria-label={t('orders.sortable.rowLabel', { position: i + 1, total: items.length, name: nameOf(item) })}
              onKeyDown={(e: KeyboardEvent<HTMLDivElement>) => onKeyDown(e, i)}
              onDragStart={(e: DragEvent<HTMLDivElement>) => {
                e.dataTransfer.effectAllowed = 'move';
                e.dataTransfer.setData('text/plain', item.id);
                setDragId(item.id);
              }}
              onDragOver={(e: DragEvent<HTMLDivElement>) => onDragOver(e, i)}
              onDrop={onDrop}
              onDragEnd={endDrag}
              data-testid={rowTestId}
              data-row-id={item.id}
              p="sm"
              style={{
                border: '1px solid var(--mantine-color-default-border)',
                borderRadius: 8,
                background: dragId === item.id ? 'var(--mantine-color-blue-light)' : 'var(--mantine-color-body)',
                opacity: dragId === item.id ? 0.6 : 1,
                outlineOffset: 2,
              }}
            >
              <Group wrap="nowrap" align="flex-start" gap="sm">
                {editable && (
                  <Box
                    c="dimmed"
                    pt={2}
                    style={{ cursor: 'grab' }}
                    onMouseDown={() => setArmed(item.id)}
                    onMouseUp={() => setArmed(null)}
                    aria-hidden
                    title={t('orders.sortable.handle')}
                    data-testid="sortable-handle"
                  >
                    <IconGripVertical size={18} />
                  </Box>
                )}
                <Box style={{ flex: 1, minWidth: 0 }}>{renderRow(item, i)}</Box>
                {editable && (
                  <Group gap={2} wrap="nowrap">
                    <Tooltip label={t('orders.sortable.moveUp')}>
                      <ActionIcon variant="subtle" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={`${t('orders.sortable.moveUp')}: ${nameOf(item)}`} data-testid="sortable-up">
                        <IconArrowUp size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('orders.sortable.moveDown')}>
                      <ActionIcon variant="subtle" disabled={i === items.length - 1} onClick={() => move(i, i + 1)} aria-label={`${t('orders.sortable.moveDown')}: ${nameOf(item)}`} data-testid="sortable-down">
                        <IconArrowDown size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Group>
                )}
              </Group>
            </Box>
            {i === items.length - 1 && dropIndex === items.length && dragId && line}
          </Box>
        ))}
      </Box>
      <VisuallyHidden aria-live="polite" data-testid="sortable-announcement">
        {announcement}
      </VisuallyHidden>
    </>
  );
}
