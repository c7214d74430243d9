import { Anchor, Button, Group, Modal, NativeSelect, Paper, Stack, Table, Tabs, Text, TextInput, Textarea } from '@mantine/core';
import { IconCopy, IconEdit, IconHistory, IconListNumbers, IconPlus, IconRoute } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { ExportButtons } from '../../../ui/export-buttons.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { ListFrame } from '../../../ui/list-frame.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/page-header.tsx';
import { PageLoader } from '../../../ui/page-loader.tsx';
import { QueryError } from '../../../ui/query-error.tsx';
import { SearchInput } from '../../../ui/search-input.tsx';
import { useFormState, type FormState } from '../../../ui/use-form-state.ts';
import { useTabParam } from '../../../ui/use-tab-param.ts';
import { filtersNarrow, useUrlFilters } from '../../../ui/use-url-filters.ts';
import { AuditTimeline } from '../../audit/components/audit-timeline.tsx';
import { ArchiveControl } from '../../catalogue/components/archive-control.tsx';
import { CatalogueCrumbs } from '../../catalogue/components/catalogue-crumbs.tsx';
import { ArchivedBadge } from '../../catalogue/components/status-badges.tsx';
import { PATH_FILTER_DEFAULTS, PATH_FILTER_VALUES, servicePathsApi, useCopyPath, useServicePath, type ServicePathDetail } from '../api/service-paths-api.ts';
import { formatMinutes } from '../components/duration.ts';
import { StepsEditor } from '../components/steps-editor.tsx';
import { ArchiveStatusFilter, ClearFiltersButton } from '../../catalogue/components/list-filters.tsx';

const LIST = '/catalogue/service-paths';

export function ServicePathsListPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(PATH_FILTER_DEFAULTS, PATH_FILTER_VALUES);
  const [resetToken, setResetToken] = useState(0);
  const list = servicePathsApi.useList(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const narrowed = filtersNarrow(filters, PATH_FILTER_DEFAULTS);
  const newButton = can('catalog:write') && (
    <Button component={Link} to={`${LIST}/new`} leftSection={<IconPlus size={16} />} data-testid="service-path-new">
      {t('servicePaths.list.new')}
    </Button>
  );
  return (
    <Stack>
      <PageHeader
        title={t('servicePaths.list.title')}
        subtitle={t('servicePaths.list.intro')}
        actions={
          <>
            {can('catalog:export') && <ExportButtons url={(format, lang) => servicePathsApi.exportUrl(filters, format, lang)} testId="service-paths" />}
            {newButton}
          </>
        }
      />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchInput value={filters.q} onChange={(q) => setFilters({ q })} placeholder={t('servicePaths.list.searchPlaceholder')} resetToken={resetToken} testId="service-paths-search" />
        <ArchiveStatusFilter value={filters.status} onChange={(status) => setFilters({ status })} testId="service-paths-filter-status" />
        <NativeSelect
          label={t('catalogue.list.sort')}
          value={filters.sort}
          onChange={(e) => setFilters({ sort: e.currentTarget.value as typeof filters.sort })}
          data={[
            { value: 'name', label: t('catalogue.list.sortName') },
            { value: '-name', label: t('catalogue.list.sortNameDesc') },
          ]}
          data-testid="service-paths-filter-sort"
        />
      </Group>
      <ListFrame
        query={list}
        testId="service-paths"
        empty={{
          icon: <IconRoute size={28} />,
          title: narrowed ? t('catalogue.list.emptyFilteredTitle') : t('servicePaths.list.emptyTitle'),
          text: narrowed ? t('catalogue.list.emptyFilteredText') : t('servicePaths.list.emptyText'),
          actions: narrowed ? (
            <ClearFiltersButton
              onClear={() => {
                setFilters({ ...PATH_FILTER_DEFAULTS });
                setResetToken((n) => n + 1);
              }}
            />
          ) : (
            newButton
          ),
        }}
      >
        <Table.ScrollContainer minWidth={600}>
          <Table highlightOnHover verticalSpacing="sm" data-testid="service-paths-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('servicePaths.fields.name')}</Table.Th>
                <Table.Th ta="right">{t('servicePaths.fields.stepCount')}</Table.Th>
                <Table.Th ta="right">{t('servicePaths.fields.plannedTotal')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr
                  key={p.id}
                  style={{ cursor: 'pointer' }}
                  onClick={(e) => {
                    if (!(e.target instanceof HTMLAnchorElement)) void navigate(`${LIST}/${p.id}`);
                  }}
                  data-testid="service-path-row"
                >
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Anchor component={Link} to={`${LIST}/${p.id}`} fw={500}>
                        {p.name}
                      </Anchor>
                      {p.archived && <ArchivedBadge />}
                    </Group>
                    {p.description && (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {p.description}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">{p.stepCount}</Table.Td>
                  <Table.Td ta="right">{formatMinutes(t, p.plannedMinutes)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ListFrame>
    </Stack>
  );
}

type PathValues = { name: string; description: string };

function PathFields({ form }: { form: FormState<PathValues> }) {
  const t = useT();
  return (
    <>
      <TextInput label={t('servicePaths.fields.name')} required data-autofocus autoFocus {...form.text('name')} data-testid="service-path-name" />
      <Textarea label={t('servicePaths.fields.description')} autosize minRows={2} {...form.text('description')} data-testid="service-path-description" />
    </>
  );
}

export function ServicePathNewPage() {
  const t = useT();
  const navigate = useNavigate();
  const create = servicePathsApi.useCreate();
  const form = useFormState<PathValues>(() => ({ name: '', description: '' }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.values.name.trim()) return form.setErrors({ name: t('common.required') });
    create.mutate(
      { name: form.values.name.trim(), description: form.values.description, steps: [] },
      {
        onSuccess: (p) => {
          notifySuccess(t('servicePaths.form.created', { name: p.name }));
          void navigate(`${LIST}/${p.id}`);
        },
        onError: (error) => form.applyApiError(error, t),
      },
    );
  };
  return (
    <Stack>
      <CatalogueCrumbs list={{ to: LIST, label: t('servicePaths.list.title') }} />
      <PageHeader title={t('servicePaths.form.newTitle')} subtitle={t('servicePaths.form.newIntro')} />
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={submit} noValidate data-testid="service-path-form">
          <Stack>
            <PathFields form={form} />
            <FormAlert message={form.general} />
            <Group justify="flex-end">
              <Button component={Link} to={LIST} variant="default">
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={create.isPending} data-testid="service-path-submit">
                {t('servicePaths.form.create')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}

function EditPathModal({ path, onClose }: { path: ServicePathDetail; onClose: () => void }) {
  const t = useT();
  const update = servicePathsApi.useUpdate(path.id);
  const form = useFormState<PathValues>(() => ({ name: path.name, description: path.description }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form.values.name.trim()) return form.setErrors({ name: t('common.required') });
    update.mutate(
      { name: form.values.name.trim(), description: form.values.description },
      {
        onSuccess: () => {
          notifySuccess(t('common.saved'));
          onClose();
        },
        onError: (error) => form.applyApiError(error, t),
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('servicePaths.form.editTitle')} size="lg" attributes={{ content: { 'data-testid': 'service-path-edit-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <PathFields form={form} />
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} data-testid="service-path-submit">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function CopyPathModal({ path, onClose }: { path: ServicePathDetail; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const copy = useCopyPath(path.id);
  const form = useFormState<{ name: string }>(() => ({ name: t('servicePaths.copy.defaultName', { name: path.name }) }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    copy.mutate(form.values.name, {
      onSuccess: (p) => {
        notifySuccess(t('servicePaths.copy.done', { name: p.name }));
        onClose();
        void navigate(`${LIST}/${p.id}`);
      },
      onError: (error) => form.applyApiError(error, t),
    });
  };
  return (
    <Modal opened onClose={onClose} title={t('servicePaths.copy.title')} attributes={{ content: { 'data-testid': 'service-path-copy-modal' } }}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t.n('servicePaths.copy.text', path.steps.length)}</Text>
          <TextInput label={t('servicePaths.copy.name')} data-autofocus {...form.text('name')} data-testid="service-path-copy-name" />
          <FormAlert message={form.general} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={copy.isPending} data-testid="service-path-copy-submit">
              {t('servicePaths.copy.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function ServicePathDetailPage() {
  const t = useT();
  const can = useCan();
  const { id = '' } = useParams();
  const path = useServicePath(id);
  const archive = servicePathsApi.useSetArchived(id);
  const [tab, setTab] = useTabParam(['steps', 'history'] as const);
  const [modal, setModal] = useState<'edit' | 'copy' | null>(null);
  if (path.isPending) return <PageLoader />;
  if (path.error) return <QueryError error={path.error} onRetry={() => void path.refetch()} />;
  const p = path.data;
  const mayEdit = can('catalog:write');
  return (
    <Stack>
      <CatalogueCrumbs list={{ to: LIST, label: t('servicePaths.list.title') }} current={p.name} />
      <PageHeader
        title={<span data-testid="service-path-title">{p.name}</span>}
        subtitle={
          <>
            {p.description && <span style={{ display: 'block', whiteSpace: 'pre-wrap' }}>{p.description}</span>}
            <span data-testid="service-path-summary">
              {t.n('servicePaths.detail.summary', p.steps.length, { planned: formatMinutes(t, p.plannedMinutes) })}
            </span>
          </>
        }
        badges={p.archived && <ArchivedBadge />}
        actions={
          mayEdit && (
            <>
              <Button leftSection={<IconEdit size={16} />} onClick={() => setModal('edit')} data-testid="service-path-edit">
                {t('common.edit')}
              </Button>
              <Button variant="default" leftSection={<IconCopy size={16} />} onClick={() => setModal('copy')} data-testid="service-path-copy">
                {t('servicePaths.copy.open')}
              </Button>
              <ArchiveControl archived={p.archived} name={p.name} mutation={archive} testId="service-path" confirmText={t('servicePaths.detail.archiveText', { name: p.name })} />
            </>
          )
        }
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="steps" leftSection={<IconListNumbers size={16} />} data-testid="tab-steps">
            {t('servicePaths.steps.title')}
          </Tabs.Tab>
          {can('audit:read') && (
            <Tabs.Tab value="history" leftSection={<IconHistory size={16} />} data-testid="tab-history">
              {t('catalogue.detail.tabs.history')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="steps">
          <StepsEditor path={p} editable={mayEdit && !p.archived} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <AuditTimeline entity="service_paths" id={p.id} />
        </Tabs.Panel>
      </Tabs>
      {modal === 'edit' && <EditPathModal path={p} onClose={() => setModal(null)} />}
      {modal === 'copy' && <CopyPathModal path={p} onClose={() => setModal(null)} />}
    </Stack>
  );
}
