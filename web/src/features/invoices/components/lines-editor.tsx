// The lines of a draft as an editable table: name (with GTU, PKWiU and the annex-15 mark under it),
// quantity, unit, net unit price, discount, VAT rate and the line's net computed while typing. Rows
// move with the ↑/↓ buttons or Alt+↑ / Alt+↓ anywhere in the row (as the other sortable lists).
import { ActionIcon, Autocomplete, Checkbox, Group, Select, Table, Text, TextInput, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { useState, type KeyboardEvent } from 'react';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatMoney } from '../../../i18n/format.ts';
import { DecimalInput } from '../../../ui/decimal-input.tsx';
import { useVatRates, vatOptions } from '../../catalogue/api/vat-rates-api.ts';
import { UNIT_SUGGESTIONS } from './catalogue-item-picker.tsx';
import type { Row, RowErrors, RowField } from './draft-model.ts';
import { GTU_CODES, lineNet } from './invoice-text.ts';

type Props = {
  rows: Row[];
  errors: Record<number, RowErrors>;
  onChange: (key: number, field: RowField, value: string | boolean) => void;
  onRemove: (key: number) => void;
  onMove: (from: number, to: number) => void;
};

export function LinesEditor({ rows, errors, onChange, onRemove, onMove }: Props) {
  const t = useT();
  const rates = useVatRates();
  const [announcement, setAnnouncement] = useState('');
  const money = (m: number) => formatMoney(m, 'PLN', t.lang);
  const gtuOptions = [{ value: '', label: t('invoices.lines.noGtu') }, ...GTU_CODES.map((g) => ({ value: g, label: g.replace('_', ' ') }))];

  const move = (index: number, to: number) => {
    if (to < 0 || to >= rows.length) return;
    const row = rows[index]!;
    // the field that had the focus keeps it in the moved row
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.getAttribute('data-field') : null;
    onMove(index, to);
    setAnnouncement(t('invoices.lines.moved', { n: to + 1, total: rows.length, name: row.name || t('invoices.lines.lineN', { n: index + 1 }) }));
    requestAnimationFrame(() => {
      const tr = document.querySelector(`[data-testid="invoice-line"][data-line-key="${row.key}"]`);
      const target = (focused && tr?.querySelector<HTMLElement>(`[data-field="${focused}"]`)) || tr?.querySelector<HTMLElement>('[data-testid="line-up"]');
      target?.focus();
    });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(index, e.key === 'ArrowUp' ? index - 1 : index + 1);
  };

  return (
    <>
      <Table.ScrollContainer minWidth={1000}>
        <Table verticalSpacing={6} horizontalSpacing={6} data-testid="invoice-lines-editor" aria-label={t('invoices.lines.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={32}>{t('invoices.lines.position')}</Table.Th>
              <Table.Th>{t('invoices.lines.name')}</Table.Th>
              <Table.Th w={90}>{t('invoices.lines.quantity')}</Table.Th>
              <Table.Th w={88}>{t('invoices.lines.unit')}</Table.Th>
              <Table.Th w={160}>{t('invoices.lines.unitPrice')}</Table.Th>
              <Table.Th w={84}>{t('invoices.lines.discount')}</Table.Th>
              <Table.Th w={124}>{t('invoices.lines.vat')}</Table.Th>
              <Table.Th w={116} ta="right">
                {t('invoices.lines.net')}
              </Table.Th>
              <Table.Th w={96}>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => {
              const er = errors[r.key] ?? {};
              const n = i + 1;
              const label = (field: string) => `${field} — ${t('invoices.lines.lineN', { n })}`;
              const net = lineNet(r.quantity, r.unitPrice, r.discount);
              const top = { verticalAlign: 'top' } as const;
              return (
                <Table.Tr key={r.key} data-testid="invoice-line" data-line-key={r.key} data-line-index={i} onKeyDown={(e: KeyboardEvent<HTMLTableRowElement>) => onKeyDown(e, i)}>
                  <Table.Td style={{ ...top, paddingTop: 14 }}>
                    <Text size="sm" c="dimmed">
                      {n}
                    </Text>
                  </Table.Td>
                  <Table.Td style={top}>
                    <TextInput aria-label={label(t('invoices.lines.name'))} maxLength={500} value={r.name} onChange={(e) => onChange(r.key, 'name', e.currentTarget.value)} error={er.name} data-field="name" data-testid="line-name" />
                    <Group gap={6} mt={6} wrap="nowrap" align="flex-start">
                      <Select
                        size="xs"
                        aria-label={label(t('invoices.lines.gtu'))}
                        data={gtuOptions}
                        value={r.gtu}
                        onChange={(v) => onChange(r.key, 'gtu', v ?? '')}
                        allowDeselect={false}
                        error={er.gtu}
                        w={110}
                        data-field="gtu"
                        data-testid="line-gtu"
                      />
                      <TextInput
                        size="xs"
                        aria-label={label(t('invoices.lines.pkwiu'))}
                        placeholder={t('invoices.lines.pkwiu')}
                        maxLength={30}
                        value={r.pkwiu}
                        onChange={(e) => onChange(r.key, 'pkwiu', e.currentTarget.value)}
                        error={er.pkwiu}
                        w={120}
                        data-field="pkwiu"
                        data-testid="line-pkwiu"
                      />
                      <Tooltip label={t('invoices.lines.annex15Hint')} multiline w={280}>
                        <Checkbox
                          size="xs"
                          mt={6}
                          label={t('invoices.lines.annex15')}
                          styles={{ label: { whiteSpace: 'nowrap' } }}
                          checked={r.annex15}
                          onChange={(e) => onChange(r.key, 'annex15', e.currentTarget.checked)}
                          aria-label={label(t('invoices.lines.annex15'))}
                          data-field="annex15"
                          data-testid="line-annex15"
                        />
                      </Tooltip>
                    </Group>
                  </Table.Td>
                  <Table.Td style={top}>
                    <DecimalInput kind="quantity" aria-label={label(t('invoices.lines.quantity'))} value={r.quantity} onChange={(x) => onChange(r.key, 'quantity', x)} error={er.quantity} data-field="quantity" data-testid="line-quantity" />
                  </Table.Td>
                  <Table.Td style={top}>
                    <Autocomplete aria-label={label(t('invoices.lines.unit'))} maxLength={20} data={UNIT_SUGGESTIONS} value={r.unit} onChange={(v) => onChange(r.key, 'unit', v)} error={er.unit} data-field="unit" data-testid="line-unit" />
                  </Table.Td>
                  <Table.Td style={top}>
                    <DecimalInput kind="money" aria-label={label(t('invoices.lines.unitPrice'))} value={r.unitPrice} onChange={(x) => onChange(r.key, 'unitPrice', x)} error={er.unitPrice} data-field="unitPrice" data-testid="line-price" />
                  </Table.Td>
                  <Table.Td style={top}>
                    <DecimalInput kind="percent" aria-label={label(t('invoices.lines.discount'))} placeholder="0" value={r.discount} onChange={(x) => onChange(r.key, 'discount', x)} error={er.discount} data-field="discount" data-testid="line-discount" />
                  </Table.Td>
                  <Table.Td style={top}>
                    <Select
                      aria-label={label(t('invoices.lines.vat'))}
                      data={vatOptions(rates.data, t.lang, r.vatRateCode)}
                      value={r.vatRateCode || null}
                      onChange={(c) => c && onChange(r.key, 'vatRateCode', c)}
                      allowDeselect={false}
                      disabled={rates.isPending}
                      error={er.vatRateCode}
                      data-field="vatRateCode"
                      data-testid="line-vat"
                    />
                  </Table.Td>
                  <Table.Td ta="right" style={{ ...top, paddingTop: 14, whiteSpace: 'nowrap' }}>
                    <Text size="sm" fw={500} data-testid="line-net">
                      {net === null ? t('common.empty') : money(net)}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ ...top, paddingTop: 10 }}>
                    <Group gap={0} wrap="nowrap">
                      <Tooltip label={t('invoices.lines.moveUp')}>
                        <ActionIcon variant="subtle" disabled={i === 0} onClick={() => move(i, i - 1)} aria-label={`${t('invoices.lines.moveUp')}: ${t('invoices.lines.lineN', { n })}`} data-testid="line-up">
                          <IconArrowUp size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('invoices.lines.moveDown')}>
                        <ActionIcon variant="subtle" disabled={i === rows.length - 1} onClick={() => move(i, i + 1)} aria-label={`${t('invoices.lines.moveDown')}: ${t('invoices.lines.lineN', { n })}`} data-testid="line-down">
                          <IconArrowDown size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('invoices.lines.remove')}>
                        <ActionIcon variant="subtle" color="red" onClick={() => onRemove(r.key)} aria-label={`${t('invoices.lines.remove')}: ${r.name || t('invoices.lines.lineN', { n })}`} data-testid="line-remove">
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <VisuallyHidden aria-live="polite">{announcement}</VisuallyHidden>
    </>
  );
}
