// A draft estimate's lines and note, edited as a whole (PATCH …/estimates/:estimateId replaces the
// lines): change names, quantities, units, prices and VAT rates, add and remove lines. Errors come
// back per line (lines.3.quantity) and are shown next to that field.
import { ActionIcon, Button, Group, Modal, Select, Stack, Table, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../../app/api-client.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { Translate } from '../../../i18n/translate.ts';
import { formatMoney, minorToInput, parseMoneyInput, parseQuantityInput, quantitySign, quantityToInput } from '../../../i18n/format.ts';
import { apiErrorText, fieldErrorText } from '../../../ui/api-error-text.ts';
import { DecimalInput } from '../../../ui/decimal-input.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { useVatRates, vatOptions } from '../../catalogue/api/vat-rates-api.ts';
import { useUpdateEstimate, type Estimate, type EstimateLine, type EstimateLineInput } from '../api/work-api.ts';

const KINDS = ['labour', 'part', 'service'] as const;
/**
 * Units of the catalogue (services, then parts; a part's "pcs" and a service's "piece" are both
 * "sztuka", so one of them is offered); a line may also carry its own text ("szt.").
 */
const UNITS = ['hour', 'piece', 'visit', 'km', 'set', 'm', 'kg', 'l', 'pack'] as const;
const FIELDS = ['kind', 'name', 'quantity', 'unit', 'unitPrice', 'vatRateCode'] as const;
type Field = (typeof FIELDS)[number];

type Row = { key: number; kind: EstimateLine['kind']; itemId: string | null; name: string; quantity: string; unit: string; unitPrice: string; vatRateCode: string };
type RowErrors = Partial<Record<Field, string>>;

const unitLabel = (t: Translate, unit: string) => t.opt(`services.units.${unit}`) ?? t.opt(`parts.units.${unit}`) ?? unit;
const capitalized = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** Net of one line while typing: quantity (3 decimals) × price, rounded half up to a grosz; null when either is not a number yet. */
function lineNet(quantity: string, unitPrice: string): number | null {
  const q = parseQuantityInput(quantity);
  const p = parseMoneyInput(unitPrice);
  if (q === null || p === null) return null;
  const [whole, fraction = ''] = q.split('.');
  const thousandths = BigInt(whole! + fraction.padEnd(3, '0'));
  return Number((thousandths * BigInt(p) + 500n) / 1000n);
}

export function EstimateEditModal({ orderId, estimate, onClose }: { orderId: string; estimate: Estimate; onClose: () => void }) {
  const t = useT();
  const update = useUpdateEstimate(orderId);
  const rates = useVatRates();
  const nextKey = useRef(estimate.lines.length);
  const [rows, setRows] = useState<Row[]>(() =>
    estimate.lines.map((l, i) => ({
      key: i,
      kind: l.kind,
      itemId: l.itemId,
      name: l.name,
      quantity: quantityToInput(l.quantity, t.lang),
      unit: l.unit,
      unitPrice: minorToInput(l.unitPriceMinor, t.lang),
      vatRateCode: l.vatRateCode,
    })),
  );
  const [note, setNote] = useState(estimate.note);
  const [errors, setErrors] = useState<Record<number, RowErrors>>({});
  const [noteError, setNoteError] = useState<string | undefined>();
  const [general, setGeneral] = useState<string | null>(null);
  const money = (m: number) => formatMoney(m, 'PLN', t.lang);

  const change = (key: number, field: Field, value: string) => {
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
    setErrors((e) => (e[key]?.[field] ? { ...e, [key]: { ...e[key], [field]: undefined } } : e));
  };
  const add = () => {
    const key = nextKey.current++;
    setRows((rs) => [...rs, { key, kind: 'service', itemId: null, name: '', quantity: '1', unit: 'piece', unitPrice: '', vatRateCode: '23' }]);
    // the new line's name field takes the focus once it is rendered
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>(`[data-line-key="${key}"] [data-testid="estimate-line-name"]`)?.focus());
  };
  const remove = (key: number) => {
    setRows((rs) => rs.filter((r) => r.key !== key));
    setErrors(({ [key]: _, ...rest }) => rest);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<number, RowErrors> = {};
    const lines: EstimateLineInput[] = [];
    for (const r of rows) {
      const er: RowErrors = {};
      const quantity = parseQuantityInput(r.quantity);
      const price = parseMoneyInput(r.unitPrice);
      if (!r.name.trim()) er.name = t('common.required');
      if (quantity === null || quantitySign(quantity) <= 0) er.quantity = t('orders.errors.estimates.quantity_invalid');
      if (!r.unit.trim()) er.unit = t('common.required');
      if (!r.unitPrice.trim()) er.unitPrice = t('common.required');
      else if (price === null) er.unitPrice = t('orders.lines.priceInvalid');
      if (!r.vatRateCode) er.vatRateCode = t('common.required');
      if (Object.keys(er).length) found[r.key] = er;
      else lines.push({ kind: r.kind, itemId: r.itemId, name: r.name.trim(), quantity: quantity!, unit: r.unit.trim(), unitPriceMinor: price!, vatRateCode: r.vatRateCode });
    }
    setErrors(found);
    setNoteError(undefined);
    setGeneral(null);
    if (Object.keys(found).length) return;
    // nothing changed: nothing to save (and no empty entry in the history)
    const before = estimate.lines.map(({ netMinor: _, ...l }) => ({ ...l, quantity: parseQuantityInput(quantityToInput(l.quantity, t.lang)) }));
    if (JSON.stringify(before) === JSON.stringify(lines) && note.trim() === estimate.note) return onClose();
    update.mutate(
      { id: estimate.id, lines, note: note.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('orders.estimates.edit.saved', { version: estimate.version }));
          onClose();
        },
        onError: (error) => {
          // lines.<index>.<field> → next to that field; the rest above the buttons
          const onFields: Record<number, RowErrors> = {};
          const rest: string[] = [];
          let landed = false;
          for (const fe of error instanceof ApiError ? error.errors : []) {
            const m = /^lines\.(\d+)\.(\w+)$/.exec(fe.path);
            const row = m ? rows[Number(m[1])] : undefined;
            const field = m ? (m[2] === 'unitPriceMinor' ? 'unitPrice' : m[2] === 'itemId' ? 'name' : m[2]) : undefined;
            if (row && field && (FIELDS as readonly string[]).includes(field)) {
              onFields[row.key] = { ...onFields[row.key], [field]: onFields[row.key]?.[field as Field] ?? fieldErrorText(t, fe) };
              landed = true;
            } else if (fe.path === 'note') {
              setNoteError(fieldErrorText(t, fe));
              landed = true;
            } else rest.push(fieldErrorText(t, fe));
          }
          setErrors(onFields);
          setGeneral(landed && rest.length === 0 ? null : [apiErrorText(t, error), ...rest].join(' '));
        },
      },
    );
  };

  const nets = rows.map((r) => lineNet(r.quantity, r.unitPrice));
  const total = nets.every((n) => n !== null) ? nets.reduce<number>((a, b) => a + (b ?? 0), 0) : null;
  const unitOptions = (current: string) => {
    const known: string[] = UNITS.map((u) => (u === 'piece' && current === 'pcs' ? 'pcs' : u));
    return [...(known.includes(current) || !current ? [] : [{ value: current, label: current }]), ...known.map((u) => ({ value: u, label: unitLabel(t, u) }))];
  };

  return (
    <Modal opened onClose={onClose} title={t('orders.estimates.edit.title', { version: estimate.version })} size={1180} attributes={{ content: { 'data-testid': 'estimate-edit-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('orders.estimates.edit.intro')}
          </Text>
          {rows.length === 0 ? (
            <Text size="sm" c="dimmed" fs="italic" data-testid="estimate-edit-empty">
              {t('orders.estimates.edit.noLines')}
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={1000}>
              <Table verticalSpacing={6} horizontalSpacing={6} data-testid="estimate-edit-lines" style={{ verticalAlign: 'top' }}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={130}>{t('orders.estimates.edit.kind')}</Table.Th>
                    <Table.Th>{t('orders.lines.fields.name')}</Table.Th>
                    <Table.Th w={110}>{t('orders.lines.fields.quantity')}</Table.Th>
                    <Table.Th w={150}>{t('orders.lines.fields.unit')}</Table.Th>
                    <Table.Th w={140}>{t('orders.lines.fields.unitPrice')}</Table.Th>
                    <Table.Th w={120}>{t('orders.parts.fields.vat')}</Table.Th>
                    <Table.Th w={110} ta="right">
                      {t('orders.parts.fields.net')}
                    </Table.Th>
                    <Table.Th w={40} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r, i) => {
                    const er = errors[r.key] ?? {};
                    const label = (field: string) => `${field} — ${t('orders.estimates.edit.lineN', { n: i + 1 })}`;
                    return (
                      <Table.Tr key={r.key} data-testid="estimate-edit-line" data-line-key={r.key}>
                        <Table.Td style={{ verticalAlign: 'top' }}>
                          <Select
                            aria-label={label(t('orders.estimates.edit.kind'))}
                            data={KINDS.map((k) => ({ value: k, label: capitalized(t(`orders.estimates.lineKinds.${k}`)) }))}
                            value={r.kind}
                            onChange={(k) => k && change(r.key, 'kind', k)}
                            allowDeselect={false}
                            error={er.kind}
                            data-testid="estimate-line-kind"
                          />
                        </Table.Td>
                        <Table.Td style={{ verticalAlign: 'top' }}>
                          <TextInput aria-label={label(t('orders.lines.fields.name'))} maxLength={300} value={r.name} onChange={(e) => change(r.key, 'name', e.currentTarget.value)} error={er.name} data-testid="estimate-line-name" />
                        </Table.Td>
                        <Table.Td style={{ verticalAlign: 'top' }}>
                          <DecimalInput kind="quantity" aria-label={label(t('orders.lines.fields.quantity'))} value={r.quantity} onChange={(x) => change(r.key, 'quantity', x)} error={er.quantity} data-testid="estimate-line-quantity" />
                        </Table.Td>
                        <Table.Td style={{ verticalAlign: 'top' }}>
                          <Select
                            aria-label={label(t('orders.lines.fields.unit'))}
                            searchable
                            data={unitOptions(r.unit)}
                            value={r.unit || null}
                            onChange={(u) => u && change(r.key, 'unit', u)}
                            allowDeselect={false}
                            error={er.unit}
                            nothingFoundMessage={t('assets.form.nothingFound')}
                            data-testid="estimate-line-unit"
                          />
                        </Table.Td>
                        <Table.Td style={{ verticalAlign: 'top' }}>
                          <DecimalInput kind="money" aria-label={label(t('orders.lines.fields.unitPrice'))} value={r.unitPrice} onChange={(x) => change(r.key, 'unitPrice', x)} error={er.unitPrice} data-testid="estimate-line-price" />
                        </Table.Td>
                        <Table.Td style={{ verticalAlign: 'top' }}>
                          <Select
                            aria-label={label(t('orders.parts.fields.vat'))}
                            data={vatOptions(rates.data, t.lang, r.vatRateCode)}
                            value={r.vatRateCode || null}
                            onChange={(c) => c && change(r.key, 'vatRateCode', c)}
                            allowDeselect={false}
                            disabled={rates.isPending}
                            error={er.vatRateCode}
                            data-testid="estimate-line-vat"
                          />
                        </Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap', verticalAlign: 'top', paddingTop: 14 }}>
                          <Text size="sm" data-testid="estimate-line-net">
                            {nets[i] === null ? t('common.empty') : money(nets[i]!)}
                          </Text>
                        </Table.Td>
                        <Table.Td style={{ verticalAlign: 'top', paddingTop: 10 }}>
                          <Tooltip label={t('orders.estimates.edit.removeLine')}>
                            <ActionIcon variant="subtle" color="red" onClick={() => remove(r.key)} aria-label={`${t('orders.estimates.edit.removeLine')}: ${r.name || t('orders.estimates.edit.lineN', { n: i + 1 })}`} data-testid="estimate-line-remove">
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Group justify="space-between">
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={add} data-testid="estimate-line-add">
              {t('orders.estimates.edit.addLine')}
            </Button>
            <Text size="sm" fw={500} data-testid="estimate-edit-total">
              {t('orders.estimates.edit.netTotal', { net: total === null ? t('common.empty') : money(total) })}
            </Text>
          </Group>
          <Textarea
            label={t('orders.estimates.note')}
            description={t('orders.estimates.noteHint')}
            autosize
            minRows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => {
              setNote(e.currentTarget.value);
              setNoteError(undefined);
            }}
            error={noteError}
            data-testid="estimate-edit-note"
          />
          <FormAlert message={general ?? (Object.keys(errors).some((k) => Object.values(errors[Number(k)] ?? {}).some(Boolean)) ? t('orders.estimates.edit.fixLines') : null)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} data-testid="estimate-edit-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
