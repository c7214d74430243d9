import { Badge, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconGauge } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { ApiError } from '../../../app/api-client.ts';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, formatDateTime, formatQuantity, parseQuantityInput } from '../../../i18n/format.ts';
import type { Translate } from '../../../i18n/translate.ts';
import { DecimalInput } from '../../../ui/decimal-input.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { QueryError } from '../../../ui/query-error.tsx';
import { useFormState, type FieldErrors } from '../../../ui/use-form-state.ts';
import { perm } from '../api/asset-permissions.ts';
import type { Asset } from '../api/asset-shapes.ts';
import { useAddReading, useReadings } from '../api/assets-api.ts';
import { meterText, todayInWarsaw } from './asset-text.ts';

type Values = { readOn: string; value: string; replacement: boolean; note: string };

/** The server's numbers and dates in its reading errors, written for people ("12 500,5 km"). */
function readableReadingError(error: unknown, t: Translate, unit: string): unknown {
  if (!(error instanceof ApiError)) return error;
  const errors = error.errors.map((fe) => {
    if (!fe.params) return fe;
    const p = { ...fe.params };
    const fmt = (v: string | number | undefined) =>
      v === undefined ? v : fe.path === 'readOn' ? formatDate(String(v), t.lang) : `${formatQuantity(String(v), t.lang)} ${unit}`.trim();
    if (p.previous !== undefined) p.previous = fmt(p.previous)!;
    if (p.value !== undefined) p.value = fmt(p.value)!;
    return { ...fe, params: p };
  });
  return new ApiError(error.status, error.code, error.detail, errors, error.body);
}

/** Meter readings of an asset whose type has a meter: a new reading and the history, newest first. */
export function ReadingsSection({ asset }: { asset: Asset }) {
  const t = useT();
  const can = useCan();
  const unit = asset.meterUnit ?? '';
  const mayWrite = can(perm('assets:write')) && !asset.archived;
  const readings = useReadings(asset.id);
  const add = useAddReading(asset.id);
  const form = useFormState<Values>(() => ({ readOn: todayInWarsaw(), value: '', replacement: false, note: '' }));
  const v = form.values;
  const items = readings.data?.pages.flatMap((p) => p.items) ?? [];
  const dash = t('common.empty');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: FieldErrors<Values> = {};
    if (!v.readOn) errors.readOn = t('common.required');
    const value = parseQuantityInput(v.value);
    if (!v.value.trim()) errors.value = t('common.required');
    else if (value === null) errors.value = t('assets.readings.valueInvalid');
    if (Object.keys(errors).length || value === null) return form.setErrors(errors);
    add.mutate(
      { readOn: v.readOn, value, replacement: v.replacement, note: v.note.trim() },
      {
        onSuccess: (r) => {
          notifySuccess(t('assets.readings.added', { value: meterText(r.value, unit, t.lang) }));
          form.reset({ readOn: v.readOn, value: '', replacement: false, note: '' });
        },
        onError: (error) => form.applyApiError(readableReadingError(error, t, unit), t),
      },
    );
  };

  return (
    <Stack>
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" align="flex-start" mb={mayWrite ? 'sm' : 0}>
          <Group gap="xs">
            <IconGauge size={20} />
            <Text fw={600}>{t('assets.readings.current')}:</Text>
            <Text fw={600} data-testid="meter-current">
              {asset.meterValue ? meterText(asset.meterValue, unit, t.lang) : t('assets.detail.noReadings')}
            </Text>
            {asset.meterReadOn && (
              <Text c="dimmed" size="sm">
                ({formatDate(asset.meterReadOn, t.lang)})
              </Text>
            )}
          </Group>
        </Group>
        {mayWrite && (
          <form onSubmit={submit} noValidate data-testid="reading-form">
            <Stack gap="sm">
              <Title order={5}>{t('assets.readings.addTitle')}</Title>
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput label={t('assets.readings.fields.readOn')} type="date" required {...form.text('readOn')} data-testid="reading-date" />
                <DecimalInput
                  kind="quantity"
                  unit={unit}
                  label={t('assets.readings.fields.value')}
                  required
                  value={v.value}
                  onChange={(x) => form.set('value', x)}
                  error={form.errors.value}
                  data-testid="reading-value"
                />
                <TextInput label={t('assets.readings.fields.note')} {...form.text('note')} maxLength={500} data-testid="reading-note" />
              </SimpleGrid>
              <Group justify="space-between" align="flex-start">
                <Checkbox
                  label={t('assets.readings.fields.replacement')}
                  description={t('assets.readings.replacementHint')}
                  checked={v.replacement}
                  onChange={(e) => form.set('replacement', e.currentTarget.checked)}
                  data-testid="reading-replacement"
                />
                <Button type="submit" loading={add.isPending} data-testid="reading-submit">
                  {t('assets.readings.add')}
                </Button>
              </Group>
              <FormAlert message={form.general} />
            </Stack>
          </form>
        )}
      </Paper>
      <Paper withBorder radius="md" p="md">
        <Title order={5} mb="sm">
          {t('assets.readings.title')}
        </Title>
        {readings.error ? (
          <QueryError error={readings.error} onRetry={() => void readings.refetch()} />
        ) : readings.isPending ? (
          <Text c="dimmed">{t('app.loading')}</Text>
        ) : items.length === 0 ? (
          <Text c="dimmed" data-testid="readings-empty">
            {t('assets.readings.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" data-testid="readings-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('assets.readings.fields.readOn')}</Table.Th>
                  <Table.Th ta="right">{t('assets.readings.fields.value')}</Table.Th>
                  <Table.Th>{t('assets.readings.fields.source')}</Table.Th>
                  <Table.Th>{t('assets.readings.fields.note')}</Table.Th>
                  <Table.Th>{t('assets.readings.fields.recordedBy')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((r) => (
                  <Table.Tr key={r.id} data-testid="reading-row">
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(r.readOn, t.lang)}</Table.Td>
                    <Table.Td ta="right">
                      <Group gap={6} justify="flex-end" wrap="nowrap">
                        {r.replacement && (
                          <Badge size="xs" color="orange" variant="light">
                            {t('assets.readings.replacementBadge')}
                          </Badge>
                        )}
                        <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }}>
                          {meterText(r.value, unit, t.lang)}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>{t.opt(`assets.readings.sources.${r.source}`) ?? r.source}</Table.Td>
                    <Table.Td>{r.note || dash}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.recordedByName ?? dash}</Text>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(r.createdAt, t.lang)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {readings.hasNextPage && (
          <Button variant="light" mt="sm" onClick={() => void readings.fetchNextPage()} loading={readings.isFetchingNextPage} data-testid="readings-load-more">
            {t('assets.readings.loadMore')}
          </Button>
        )}
      </Paper>
    </Stack>
  );
}
