import { Anchor, Badge, Button, Checkbox, Group, NativeSelect, Paper, SegmentedControl, SimpleGrid, Stack, Table, Tabs, Text, TextInput, Textarea, Input } from '@mantine/core';
import { IconCar, IconEdit, IconHistory, IconInfoCircle, IconPlayerPause, IconPlayerPlay, IconPlus, IconTool } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { ConfirmModal } from '../../../ui/confirm-modal.tsx';
import { DetailItem } from '../../../ui/detail-item.tsx';
import { ExportButtons } from '../../../ui/export-buttons.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { ListFrame } from '../../../ui/list-frame.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/page-header.tsx';
import { PageLoader } from '../../../ui/page-loader.tsx';
import { QueryError } from '../../../ui/query-error.tsx';
import { SearchInput } from '../../../ui/search-input.tsx';
import { useFormState, type FormState } from '../../../ui/use-form-state.ts';
import { useTabParam } from '../../../ui/use-tab-param.ts';
import { filtersNarrow, useUrlFilters } from '../../../ui/use-url-filters.ts';
import { AuditTimeline } from '../../audit/components/audit-timeline.tsx';
import { CatalogueCrumbs } from '../../catalogue/components/catalogue-crumbs.tsx';
import {
  RESOURCE_FILTER_DEFAULTS,
  RESOURCE_FILTER_VALUES,
  RESOURCE_KINDS,
  resourcesApi,
  useSetResourceActive,
  type Resource,
  type ResourceInput,
  type ResourceKind,
} from '../api/resources-api.ts';
import { ClearFiltersButton } from '../../catalogue/components/list-filters.tsx';

const LIST = '/catalogue/resources';

function KindIcon({ kind }: { kind: ResourceKind }) {
  return kind === 'vehicle' ? <IconCar size={16} /> : <IconTool size={16} />;
}

export function InactiveBadge() {
  const t = useT();
  return (
    <Badge color="gray" variant="light" data-testid="inactive-badge">
      {t('resources.inactive')}
    </Badge>
  );
}

export function ResourcesListPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(RESOURCE_FILTER_DEFAULTS, RESOURCE_FILTER_VALUES);
  const [resetToken, setResetToken] = useState(0);
  const list = resourcesApi.useList(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const narrowed = filtersNarrow(filters, RESOURCE_FILTER_DEFAULTS);
  const newButton = can('catalog:write') && (
    <Button component={Link} to={`${LIST}/new`} leftSection={<IconPlus size={16} />} data-testid="resource-new">
      {t('resources.list.new')}
    </Button>
  );
  return (
    <Stack>
      <PageHeader
        title={t('resources.list.title')}
        subtitle={t('resources.list.intro')}
        actions={
          <>
            {can('catalog:export') && <ExportButtons url={(format, lang) => resourcesApi.exportUrl(filters, format, lang)} testId="resources" />}
            {newButton}
          </>
        }
      />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchInput value={filters.q} onChange={(q) => setFilters({ q })} placeholder={t('resources.list.searchPlaceholder')} resetToken={resetToken} testId="resources-search" />
        <NativeSelect
          label={t('resources.fields.kind')}
          value={filters.kind}
          onChange={(e) => setFilters({ kind: e.currentTarget.value as typeof filters.kind })}
          data={[{ value: '', label: t('resources.list.allKinds') }, ...RESOURCE_KINDS.map((k) => ({ value: k, label: t(`resources.kinds.${k}`) }))]}
          data-testid="resources-filter-kind"
        />
        <NativeSelect
          label={t('catalogue.list.status')}
          value={filters.status}
          onChange={(e) => setFilters({ status: e.currentTarget.value as typeof filters.status })}
          data={[
            { value: 'active', label: t('resources.list.statusActive') },
            { value: 'inactive', label: t('resources.list.statusInactive') },
            { value: 'all', label: t('catalogue.list.statusAll') },
          ]}
          data-testid="resources-filter-status"
        />
        <NativeSelect
          label={t('catalogue.list.sort')}
          value={filters.sort}
          onChange={(e) => setFilters({ sort: e.currentTarget.value as typeof filters.sort })}
          data={[
            { value: 'name', label: t('catalogue.list.sortName') },
            { value: '-name', label: t('catalogue.list.sortNameDesc') },
          ]}
          data-testid="resources-filter-sort"
        />
      </Group>
      <ListFrame
        query={list}
        testId="resources"
        empty={{
          icon: <IconCar size={28} />,
          title: narrowed ? t('catalogue.list.emptyFilteredTitle') : t('resources.list.emptyTitle'),
          text: narrowed ? t('catalogue.list.emptyFilteredText') : t('resources.list.emptyText'),
          actions: narrowed ? (
            <ClearFiltersButton
              onClear={() => {
                setFilters({ ...RESOURCE_FILTER_DEFAULTS });
                setResetToken((n) => n + 1);
              }}
            />
          ) : (
            newButton
          ),
        }}
      >
        <Table.ScrollContainer minWidth={640}>
          <Table highlightOnHover verticalSpacing="sm" data-testid="resources-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('resources.fields.name')}</Table.Th>
                <Table.Th>{t('resources.fields.kind')}</Table.Th>
                <Table.Th>{t('resources.fields.identifier')}</Table.Th>
                <Table.Th>{t('resources.fields.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr
                  key={r.id}
                  style={{ cursor: 'pointer' }}
                  onClick={(e) => {
                    if (!(e.target instanceof HTMLAnchorElement)) void navigate(`${LIST}/${r.id}`);
                  }}
                  data-testid="resource-row"
                >
                  <Table.Td>
                    <Anchor component={Link} to={`${LIST}/${r.id}`} fw={500}>
                      {r.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <KindIcon kind={r.kind} />
                      {t(`resources.kinds.${r.kind}`)}
                    </Group>
                  </Table.Td>
                  <Table.Td ff="monospace">{r.identifier || t('common.empty')}</Table.Td>
                  <Table.Td>{r.active ? <Badge variant="light" color="green">{t('resources.active')}</Badge> : <InactiveBadge />}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ListFrame>
    </Stack>
  );
}

const resourceFormValues = (r?: Resource): ResourceInput => ({
  name: r?.name ?? '',
  kind: r?.kind ?? 'vehicle',
  identifier: r?.identifier ?? '',
  notes: r?.notes ?? '',
  active: r?.active ?? true,
});

function ResourceForm({ form, onSubmit, submitting, submitLabel, cancelTo }: { form: FormState<ResourceInput>; onSubmit: () => void; submitting: boolean; submitLabel: string; cancelTo: string }) {
  const t = useT();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.values.name.trim()) return form.setErrors({ name: t('common.required') });
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate data-testid="resource-form">
      <Stack>
        <Input.Wrapper label={t('resources.fields.kind')} error={form.errors.kind}>
          <div>
            <SegmentedControl
              value={form.values.kind}
              onChange={(v) => form.set('kind', v as ResourceKind)}
              data={RESOURCE_KINDS.map((k) => ({ value: k, label: t(`resources.kinds.${k}`) }))}
              data-testid="resource-kind"
            />
          </div>
        </Input.Wrapper>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('resources.fields.name')} description={t(`resources.hints.name.${form.values.kind}`)} required autoFocus {...form.text('name')} data-testid="resource-name" />
          <TextInput label={t(`resources.identifier.${form.values.kind}`)} {...form.text('identifier')} data-testid="resource-identifier" />
        </SimpleGrid>
        <Textarea label={t('resources.fields.notes')} autosize minRows={3} {...form.text('notes')} />
        <Checkbox
          label={t('resources.fields.activeLabel')}
          description={t('resources.hints.active')}
          checked={form.values.active}
          onChange={(e) => form.set('active', e.currentTarget.checked)}
          data-testid="resource-active"
        />
        <FormAlert message={form.general} />
        <Group justify="flex-end">
          <Button component={Link} to={cancelTo} variant="default">
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={submitting} data-testid="resource-submit">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ResourceNewPage() {
  const t = useT();
  const navigate = useNavigate();
  const create = resourcesApi.useCreate();
  const form = useFormState(() => resourceFormValues());
  const submit = () =>
    create.mutate(form.values, {
      onSuccess: (r) => {
        notifySuccess(t('catalogue.form.created', { name: r.name }));
        void navigate(`${LIST}/${r.id}`);
      },
      onError: (error) => form.applyApiError(error, t),
    });
  return (
    <Stack>
      <CatalogueCrumbs list={{ to: LIST, label: t('resources.list.title') }} />
      <PageHeader title={t('resources.form.newTitle')} />
      <Paper withBorder p="lg" radius="md">
        <ResourceForm form={form} onSubmit={submit} submitting={create.isPending} submitLabel={t('resources.form.create')} cancelTo={LIST} />
      </Paper>
    </Stack>
  );
}

export function ResourceEditPage() {
  const { id = '' } = useParams();
  const resource = resourcesApi.useOne(id);
  if (resource.isPending) return <PageLoader />;
  if (resource.error) return <QueryError error={resource.error} onRetry={() => void resource.refetch()} />;
  return <ResourceEdit key={id} resource={resource.data} />;
}

function ResourceEdit({ resource }: { resource: Resource }) {
  const t = useT();
  const navigate = useNavigate();
  const update = resourcesApi.useUpdate(resource.id);
  const form = useFormState(() => resourceFormValues(resource));
  const submit = () =>
    update.mutate(form.values, {
      onSuccess: () => {
        notifySuccess(t('common.saved'));
        void navigate(`${LIST}/${resource.id}`);
      },
      onError: (error) => form.applyApiError(error, t),
    });
  return (
    <Stack>
      <CatalogueCrumbs list={{ to: LIST, label: t('resources.list.title') }} current={resource.name} />
      <PageHeader title={t('resources.form.editTitle')} subtitle={resource.name} />
      <Paper withBorder p="lg" radius="md">
        <ResourceForm form={form} onSubmit={submit} submitting={update.isPending} submitLabel={t('catalogue.form.save')} cancelTo={`${LIST}/${resource.id}`} />
      </Paper>
    </Stack>
  );
}

export function ResourceDetailPage() {
  const t = useT();
  const can = useCan();
  const { id = '' } = useParams();
  const resource = resourcesApi.useOne(id);
  const setActive = useSetResourceActive(id);
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useTabParam(['details', 'history'] as const);
  if (resource.isPending) return <PageLoader />;
  if (resource.error) return <QueryError error={resource.error} onRetry={() => void resource.refetch()} />;
  const r = resource.data;
  const toggle = (active: boolean) =>
    setActive.mutate(active, {
      onSuccess: () => {
        setConfirm(false);
        setError(null);
        notifySuccess(active ? t('resources.detail.activated', { name: r.name }) : t('resources.detail.deactivated', { name: r.name }));
      },
      onError: (e) => (confirm ? setError(apiErrorText(t, e)) : notifyError(apiErrorText(t, e))),
    });
  return (
    <Stack>
      <CatalogueCrumbs list={{ to: LIST, label: t('resources.list.title') }} current={r.name} />
      <PageHeader
        title={<span data-testid="resource-title">{r.name}</span>}
        subtitle={t(`resources.kinds.${r.kind}`)}
        badges={!r.active && <InactiveBadge />}
        actions={
          can('catalog:write') && (
            <>
              <Button component={Link} to={`${LIST}/${r.id}/edit`} leftSection={<IconEdit size={16} />} data-testid="resource-edit">
                {t('common.edit')}
              </Button>
              {r.active ? (
                <Button variant="default" leftSection={<IconPlayerPause size={16} />} onClick={() => setConfirm(true)} data-testid="resource-deactivate">
                  {t('resources.detail.deactivate')}
                </Button>
              ) : (
                <Button variant="default" leftSection={<IconPlayerPlay size={16} />} loading={setActive.isPending} onClick={() => toggle(true)} data-testid="resource-activate">
                  {t('resources.detail.activate')}
                </Button>
              )}
            </>
          )
        }
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="details" leftSection={<IconInfoCircle size={16} />} data-testid="tab-details">
            {t('catalogue.detail.tabs.details')}
          </Tabs.Tab>
          {can('audit:read') && (
            <Tabs.Tab value="history" leftSection={<IconHistory size={16} />} data-testid="tab-history">
              {t('catalogue.detail.tabs.history')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="details">
          <Paper withBorder p="lg" radius="md" data-testid="resource-details">
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="lg">
              <DetailItem label={t('resources.fields.kind')}>{t(`resources.kinds.${r.kind}`)}</DetailItem>
              <DetailItem label={t(`resources.identifier.${r.kind}`)}>{r.identifier || t('common.empty')}</DetailItem>
              <DetailItem label={t('resources.fields.status')}>{r.active ? t('resources.active') : t('resources.inactive')}</DetailItem>
              <DetailItem label={t('catalogue.detail.updatedAt')}>{formatDateTime(r.updatedAt, t.lang)}</DetailItem>
            </SimpleGrid>
            {r.notes && (
              <Text mt="lg" size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {r.notes}
              </Text>
            )}
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <AuditTimeline entity="resources" id={r.id} />
        </Tabs.Panel>
      </Tabs>
      <ConfirmModal
        opened={confirm}
        title={t('resources.detail.deactivateConfirm.title')}
        confirmLabel={t('resources.detail.deactivate')}
        color="orange"
        loading={setActive.isPending}
        error={error}
        onConfirm={() => toggle(false)}
        onClose={() => {
          setConfirm(false);
          setError(null);
        }}
      >
        {t('resources.detail.deactivateConfirm.text', { name: r.name })}
      </ConfirmModal>
    </Stack>
  );
}
