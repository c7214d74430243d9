import { ActionIcon, Badge, Button, Center, ColorSwatch, Group, Kbd, Loader, Modal, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconArchive, IconEdit, IconMessage, IconPlus, IconRestore, IconTags } from '@tabler/icons-react';
import { useCallback, useState, type FormEvent } from 'react';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/page-header.tsx';
import { QueryError } from '../../../ui/query-error.tsx';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useLastDefined } from '../../../ui/use-last-defined.ts';
import { EmptyStateCard } from '../../assets/components/empty-state-card.tsx';
import { PHASES, STATUS_COLORS, type OrderStatus, type Phase, type StatusColor } from '../api/order-shapes.ts';
import { useCreateStatus, useReorderStatuses, useSetStatusArchived, useStatuses, useUpdateStatus } from '../api/statuses-api.ts';
import { phaseLabel, statusName } from '../components/order-text.ts';
import { SortableList } from '../components/sortable-list.tsx';
import { StatusTemplatesModal } from '../components/status-templates-modal.tsx';

/** /settings/order-statuses: the company's statuses — names, colours, order, customer notifications. */
export function OrderStatusesPage() {
  const t = useT();
  const can = useCan();
  const statuses = useStatuses();
  const update = useUpdateStatus();
  const onReorderError = useCallback((e: unknown) => notifyError(apiErrorText(t, e)), [t]);
  const reorder = useReorderStatuses(onReorderError);
  const [editing, setEditing] = useState<OrderStatus | 'new' | null>(null);
  const [archiving, setArchiving] = useState<OrderStatus | null>(null);
  const [wording, setWording] = useState<OrderStatus | null>(null);
  const mayConfigure = can('orders:configure');
  const active = (statuses.data ?? []).filter((s) => !s.archived);
  const archived = (statuses.data ?? []).filter((s) => s.archived);
  const toggle = (s: OrderStatus, field: 'notifyEmail' | 'notifySms', value: boolean) =>
    update.mutate({ id: s.id, body: { [field]: value } }, { onError: (e) => notifyError(apiErrorText(t, e)) });

  return (
    <Stack>
      <PageHeader
        title={t('orders.statuses.title')}
        subtitle={t('orders.statuses.intro')}
        actions={
          mayConfigure && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="status-add">
              {t('orders.statuses.add')}
            </Button>
          )
        }
      />
      {statuses.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('app.loading')} />
        </Center>
      ) : statuses.error ? (
        <QueryError error={statuses.error} onRetry={() => void statuses.refetch()} />
      ) : active.length === 0 ? (
        <EmptyStateCard icon={<IconTags size={28} />} title={t('orders.statuses.emptyTitle')} text={t('orders.statuses.emptyText')} testId="statuses-empty" />
      ) : (
        <Paper withBorder p="md" radius="md">
          <Stack>
            {mayConfigure && active.length > 1 && (
              <Text size="xs" c="dimmed" data-testid="statuses-reorder-hint">
                {t('orders.sortable.hint.before')} <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">↑</Kbd> / <Kbd size="xs">Alt</Kbd>+<Kbd size="xs">↓</Kbd> {t('orders.sortable.hint.after')}
              </Text>
            )}
            <SortableList
              items={active}
              nameOf={(s) => statusName(t, s)}
              label={t('orders.statuses.title')}
              testId="statuses-list"
              rowTestId="status-row"
              onReorder={mayConfigure ? reorder : undefined}
              renderRow={(s) => <StatusRow status={s} mayConfigure={mayConfigure} onToggle={toggle} onEdit={() => setEditing(s)} onArchive={() => setArchiving(s)} onWording={() => setWording(s)} />}
            />
          </Stack>
        </Paper>
      )}
      {archived.length > 0 && (
        <Paper withBorder p="md" radius="md">
          <Title order={4} mb="sm">
            {t('orders.statuses.archivedTitle')}
          </Title>
          <Stack gap="xs" data-testid="statuses-archived">
            {archived.map((s) => (
              <ArchivedRow key={s.id} status={s} mayConfigure={mayConfigure} />
            ))}
          </Stack>
        </Paper>
      )}
      {editing && <StatusModal key={editing === 'new' ? 'new' : editing.id} status={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ArchiveConfirm status={archiving} onClose={() => setArchiving(null)} />
      {wording && <StatusTemplatesModal key={wording.id} status={wording} onClose={() => setWording(null)} />}
    </Stack>
  );
}

function Swatch({ color }: { color: string }) {
  return <ColorSwatch color={`var(--mantine-color-${color}-6)`} size={16} style={{ flexShrink: 0 }} aria-hidden />;
}

type RowProps = {
  status: OrderStatus;
  mayConfigure: boolean;
  onToggle: (s: OrderStatus, field: 'notifyEmail' | 'notifySms', value: boolean) => void;
  onEdit: () => void;
  onArchive: () => void;
  onWording: () => void;
};

function StatusRow({ status: s, mayConfigure, onToggle, onEdit, onArchive, onWording }: RowProps) {
  const t = useT();
  const name = statusName(t, s);
  return (
    <Group justify="space-between" wrap="wrap" gap="sm" data-status-name={s.namePl}>
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 260, flex: '1 1 260px' }}>
        <Swatch color={s.color} />
        <Stack gap={0}>
          <Group gap={6}>
            <Text fw={600}>{s.namePl}</Text>
            {s.isDefault && (
              <Tooltip label={t('orders.statuses.defaultHint')} multiline w={260}>
                <Badge size="xs" variant="outline" color="gray">
                  {t('orders.statuses.default')}
                </Badge>
              </Tooltip>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {s.nameEn}
          </Text>
        </Stack>
      </Group>
      <Badge color={s.color} variant="light" w={190} data-testid="status-phase">
        {phaseLabel(t, s.phase)}
      </Badge>
      <Group gap="lg" wrap="nowrap">
        <Switch
          label={t('orders.statuses.notifyEmail')}
          checked={s.notifyEmail}
          disabled={!mayConfigure}
          onChange={(e) => onToggle(s, 'notifyEmail', e.currentTarget.checked)}
          aria-label={`${t('orders.statuses.notifyEmail')}: ${name}`}
          data-testid="status-notify-email"
        />
        <Switch
          label={t('orders.statuses.notifySms')}
          checked={s.notifySms}
          disabled={!mayConfigure}
          onChange={(e) => onToggle(s, 'notifySms', e.currentTarget.checked)}
          aria-label={`${t('orders.statuses.notifySms')}: ${name}`}
          data-testid="status-notify-sms"
        />
      </Group>
      {mayConfigure && (
        <Group gap={2} wrap="nowrap">
          <Button size="compact-sm" variant="subtle" leftSection={<IconMessage size={16} />} onClick={onWording} aria-label={`${t('orders.templates.action')}: ${name}`} data-testid="status-templates">
            {t('orders.templates.action')}
          </Button>
          <Tooltip label={t('common.edit')}>
            <ActionIcon variant="subtle" onClick={onEdit} aria-label={`${t('common.edit')}: ${name}`} data-testid="status-edit">
              <IconEdit size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('common.archive')}>
            <ActionIcon variant="subtle" color="orange" onClick={onArchive} aria-label={`${t('common.archive')}: ${name}`} data-testid="status-archive">
              <IconArchive size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
      )}
    </Group>
  );
}

function ArchivedRow({ status: s, mayConfigure }: { status: OrderStatus; mayConfigure: boolean }) {
  const t = useT();
  const restore = useSetStatusArchived();
  return (
    <Group justify="space-between" p="xs" style={{ border: '1px dashed var(--mantine-color-default-border)', borderRadius: 8 }} data-testid="status-archived-row">
      <Group gap="sm">
        <Swatch color={s.color} />
        <Text c="dimmed">
          {s.namePl} / {s.nameEn}
        </Text>
        <Badge size="sm" variant="light" color="gray">
          {phaseLabel(t, s.phase)}
        </Badge>
      </Group>
      {mayConfigure && (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconRestore size={14} />}
          loading={restore.isPending}
          onClick={() =>
            restore.mutate(
              { id: s.id, archived: false },
              { onSuccess: () => notifySuccess(t('orders.statuses.restored', { name: statusName(t, s) })), onError: (e) => notifyError(apiErrorText(t, e)) },
            )
          }
          data-testid="status-restore"
        >
          {t('common.restore')}
        </Button>
      )}
    </Group>
  );
}

function ArchiveConfirm({ status, onClose }: { status: OrderStatus | null; onClose: () => void }) {
  const t = useT();
  const archive = useSetStatusArchived();
  const [error, setError] = useState<string | null>(null);
  const shown = useLastDefined(status);
  const close = () => {
    setError(null);
    onClose();
  };
  return (
    <ConfirmModal
      opened={status !== null}
      title={t('orders.statuses.archiveConfirm.title')}
      confirmLabel={t('common.archive')}
      color="orange"
      loading={archive.isPending}
      error={error}
      onConfirm={() =>
        status &&
        archive.mutate(
          { id: status.id, archived: true },
          {
            onSuccess: () => {
              notifySuccess(t('orders.statuses.archived', { name: statusName(t, status) }));
              close();
            },
            onError: (e) => setError(apiErrorText(t, e)),
          },
        )
      }
      onClose={close}
    >
      {t('orders.statuses.archiveConfirm.text', { name: shown ? statusName(t, shown) : '' })}
    </ConfirmModal>
  );
}

type Values = { phase: string; namePl: string; nameEn: string; color: StatusColor; notifyEmail: boolean; notifySms: boolean };

function StatusModal({ status, onClose }: { status: OrderStatus | null; onClose: () => void }) {
  const t = useT();
  const create = useCreateStatus();
  const update = useUpdateStatus();
  const form = useFormState<Values>(() => ({
    phase: status?.phase ?? '',
    namePl: status?.namePl ?? '',
    nameEn: status?.nameEn ?? '',
    color: (status?.color as StatusColor | undefined) ?? 'gray',
    notifyEmail: status?.notifyEmail ?? false,
    notifySms: status?.notifySms ?? false,
  }));
  const v = form.values;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errors: Partial<Record<keyof Values, string>> = {};
    if (!status && !v.phase) errors.phase = t('common.required');
    if (!v.namePl.trim()) errors.namePl = t('common.required');
    if (!v.nameEn.trim()) errors.nameEn = t('common.required');
    if (Object.keys(errors).length) return form.setErrors(errors);
    const body = { namePl: v.namePl.trim(), nameEn: v.nameEn.trim(), color: v.color, notifyEmail: v.notifyEmail, notifySms: v.notifySms };
    const done = {
      onSuccess: () => {
        notifySuccess(status ? t('orders.statuses.saved') : t('orders.statuses.created', { name: t.lang === 'en' ? body.nameEn : body.namePl }));
        onClose();
      },
      onError: (error: unknown) => form.applyApiError(error, t),
    };
    if (status) update.mutate({ id: status.id, body }, done);
    else create.mutate({ ...body, phase: v.phase as Phase }, done);
  };
  return (
    <Modal opened onClose={onClose} title={status ? t('orders.statuses.edit') : t('orders.statuses.add')} size="lg" attributes={{ content: { 'data-testid': 'status-edit-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('orders.statuses.phase')}
            description={status ? t('orders.statuses.phaseLocked') : t('orders.statuses.phaseHint')}
            required
            disabled={!!status}
            data={PHASES.map((p) => ({ value: p, label: phaseLabel(t, p) }))}
            value={v.phase || null}
            onChange={(p) => form.set('phase', p ?? '')}
            error={form.errors.phase}
            data-autofocus={!status || undefined}
            data-testid="status-phase-select"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('orders.statuses.namePl')} required maxLength={100} {...form.text('namePl')} data-autofocus={!!status || undefined} data-testid="status-name-pl" />
            <TextInput label={t('orders.statuses.nameEn')} required maxLength={100} {...form.text('nameEn')} data-testid="status-name-en" />
          </SimpleGrid>
          <Select
            label={t('orders.statuses.color')}
            data={STATUS_COLORS.map((c) => ({ value: c, label: t(`orders.colors.${c}`) }))}
            value={v.color}
            onChange={(c) => c && form.set('color', c as StatusColor)}
            allowDeselect={false}
            leftSection={<Swatch color={v.color} />}
            renderOption={({ option }) => (
              <Group gap="xs">
                <Swatch color={option.value} />
                <Text size="sm">{option.label}</Text>
              </Group>
            )}
            error={form.errors.color}
            data-testid="status-color"
          />
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('orders.statuses.notifyTitle')}
            </Text>
            <Group>
              <Switch label={t('orders.statuses.notifyEmail')} checked={v.notifyEmail} onChange={(e) => form.set('notifyEmail', e.currentTarget.checked)} data-testid="status-modal-email" />
              <Switch label={t('orders.statuses.notifySms')} checked={v.notifySms} onChange={(e) => form.set('notifySms', e.currentTarget.checked)} data-testid="status-modal-sms" />
            </Group>
            <Text size="xs" c="dimmed">
              {t('orders.statuses.notifyHint')}
            </Text>
          </Stack>
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} data-testid="status-submit-modal">
              {status ? t('common.save') : t('orders.statuses.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
