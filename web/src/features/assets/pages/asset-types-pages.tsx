import { Anchor, Badge, Breadcrumbs, Button, Group, Paper, SimpleGrid, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { IconCalendarEvent, IconCategory2, IconHistory, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { fieldErrorText } from '../../../ui/api-error-text.ts';
import { EmptyStateCard } from '../components/empty-state-card.tsx';
import { FormAlert } from '../../../ui/form-alert.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/page-header.tsx';
import { PageLoader } from '../../../ui/page-loader.tsx';
import { QueryError } from '../../../ui/query-error.tsx';
import { SearchInput } from '../../../ui/search-input.tsx';
import { generalErrorText, splitFieldErrors, useFormState, type FieldErrors } from '../../../ui/use-form-state.ts';
import { useTabParam } from '../../../ui/use-tab-param.ts';
import { useUrlFilters } from '../../../ui/use-url-filters.ts';
import { AuditTimeline } from '../../audit/components/audit-timeline.tsx';
import { ArchiveControl } from '../../catalogue/components/archive-control.tsx';
import { ArchiveStatusFilter } from '../../catalogue/components/list-filters.tsx';
import { ArchivedBadge } from '../../catalogue/components/status-badges.tsx';
import { perm } from '../api/asset-permissions.ts';
import type { ArchiveStatus, AssetType, AssetTypeInput } from '../api/asset-shapes.ts';
import { useAssetType, useAssetTypes, useCreateAssetType, useSetAssetTypeArchived, useUpdateAssetType } from '../api/asset-types-api.ts';
import { FieldsEditor, emptyRow, fieldsBody, rowsOf, validateRows, type FieldRow, type RowErrors } from '../components/fields-editor.tsx';
import { ServiceDateKindsSection } from '../components/service-date-kinds-section.tsx';

const LIST = '/settings/asset-types';
const TYPE_FILTER_DEFAULTS = { q: '', status: 'active' as ArchiveStatus };
const TYPE_FILTER_VALUES = { status: ['active', 'archived', 'all'] } as const;

/** Settings › Typy urządzeń: the types (tab 1) and the kinds of service dates (tab 2). */
export function AssetTypesPage() {
  const t = useT();
  const can = useCan();
  const editable = can(perm('assets:configure'));
  const [tab, setTab] = useTabParam(['types', 'kinds'] as const);
  return (
    <Stack>
      <PageHeader
        title={t('assets.types.title')}
        subtitle={t('assets.types.intro')}
        actions={
          editable &&
          tab === 'types' && (
            <Button component={Link} to={`${LIST}/new`} leftSection={<IconPlus size={16} />} data-testid="asset-type-new">
              {t('assets.types.new')}
            </Button>
          )
        }
      />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="types" leftSection={<IconCategory2 size={16} />} data-testid="tab-types">
            {t('assets.types.tabs.types')}
          </Tabs.Tab>
          <Tabs.Tab value="kinds" leftSection={<IconCalendarEvent size={16} />} data-testid="tab-kinds">
            {t('assets.types.tabs.kinds')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="types">
          <TypesList editable={editable} />
        </Tabs.Panel>
        <Tabs.Panel value="kinds">
          <ServiceDateKindsSection editable={editable} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function TypesList({ editable }: { editable: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(TYPE_FILTER_DEFAULTS, TYPE_FILTER_VALUES);
  const types = useAssetTypes(filters.status, filters.q);
  const items = types.data?.items ?? [];
  return (
    <Stack>
      <Group align="flex-end" gap="sm">
        <SearchInput value={filters.q} onChange={(q) => setFilters({ q })} placeholder={t('assets.types.searchPlaceholder')} testId="asset-types-search" />
        <ArchiveStatusFilter value={filters.status} onChange={(status) => setFilters({ status })} testId="asset-types-filter-status" />
      </Group>
      {types.error ? (
        <QueryError error={types.error} onRetry={() => void types.refetch()} />
      ) : types.isPending ? (
        <PageLoader />
      ) : items.length === 0 ? (
        <EmptyStateCard
          icon={<IconCategory2 size={28} />}
          title={t('assets.types.emptyTitle')}
          text={t('assets.types.emptyText')}
          testId="asset-types-empty"
          actions={
            editable && (
              <Button component={Link} to={`${LIST}/new`} leftSection={<IconPlus size={16} />}>
                {t('assets.types.new')}
              </Button>
            )
          }
        />
      ) : (
        <Paper withBorder radius="md" p="xs">
          <Table highlightOnHover verticalSpacing="sm" data-testid="asset-types-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assets.types.fields.name')}</Table.Th>
                <Table.Th>{t('assets.types.fields.meterUnit')}</Table.Th>
                <Table.Th>{t('assets.types.fields.fieldCount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((x) => (
                <Table.Tr
                  key={x.id}
                  style={editable ? { cursor: 'pointer' } : undefined}
                  onClick={(e) => {
                    if (editable && !(e.target instanceof HTMLElement && e.target.closest('a'))) void navigate(`${LIST}/${x.id}`);
                  }}
                  data-testid="asset-type-row"
                >
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {editable ? (
                        <Anchor component={Link} to={`${LIST}/${x.id}`} fw={500}>
                          {x.name}
                        </Anchor>
                      ) : (
                        <Text fw={500}>{x.name}</Text>
                      )}
                      {x.archived && <ArchivedBadge />}
                    </Group>
                  </Table.Td>
                  <Table.Td>{x.meterUnit ?? <Text size="sm" c="dimmed">{t('assets.types.noMeter')}</Text>}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {x.fields.length === 0 ? (
                        <Text size="sm" c="dimmed">
                          {t('common.empty')}
                        </Text>
                      ) : (
                        x.fields.map((f) => (
                          <Badge key={f.key} variant="light" color="gray" size="sm" tt="none">
                            {f.label}
                            {f.required ? ' *' : ''}
                          </Badge>
                        ))
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}

function TypesCrumbs({ current }: { current: string }) {
  const t = useT();
  return (
    <Breadcrumbs>
      <span>{t('nav.settings')}</span>
      <Anchor component={Link} to={LIST} size="sm">
        {t('assets.types.back')}
      </Anchor>
      <span>{current}</span>
    </Breadcrumbs>
  );
}

type TypeValues = { name: string; meterUnit: string };

/** Name, meter unit and fields: client checks first, then the server's errors where they belong. */
function useTypeEditor(type?: AssetType) {
  const t = useT();
  const form = useFormState<TypeValues>(() => ({ name: type?.name ?? '', meterUnit: type?.meterUnit ?? '' }));
  const [rows, setRows] = useState<FieldRow[]>(() => (type ? rowsOf(type.fields) : [emptyRow()]));
  const [rowErrors, setRowErrors] = useState<Record<string, RowErrors>>({});

  const body = (): AssetTypeInput | null => {
    const errors: FieldErrors<TypeValues> = {};
    if (!form.values.name.trim()) errors.name = t('common.required');
    // a row left completely empty is not a field
    const kept = rows.filter((r) => r.key || r.label.trim() || r.kind !== 'text' || r.required);
    const re = validateRows(kept, t);
    form.setErrors(errors);
    setRowErrors(re);
    if (kept.length !== rows.length) setRows(kept);
    if (Object.keys(errors).length || Object.keys(re).length) return null;
    return { name: form.values.name.trim(), meterUnit: form.values.meterUnit.trim() || null, fields: fieldsBody(kept) };
  };

  /** fields.<i>.<prop> → that row's input; name/meterUnit → theirs; the rest above the buttons. */
  const applyError = (error: unknown) => {
    const { matched, rest } = splitFieldErrors(error, form.values, t);
    const re: Record<string, RowErrors> = {};
    const left = rest.filter((fe) => {
      const m = /^fields\.(\d+)\.(label|kind|unit|options|key)(?:\.\d+)?$/.exec(fe.path);
      const row = m ? rows[Number(m[1])] : undefined;
      if (!m || !row) return true;
      const prop = (m[2] === 'key' ? 'label' : m[2]) as keyof RowErrors;
      re[row.uid] = { ...re[row.uid], [prop]: re[row.uid]?.[prop] ?? fieldErrorText(t, fe) };
      return false;
    });
    setRowErrors(re);
    form.setErrors(matched, generalErrorText(t, error, Object.keys(matched).length + Object.keys(re).length > 0, left));
  };

  const clearRowError = (uid: string, field: keyof RowErrors) => setRowErrors((e) => ({ ...e, [uid]: { ...e[uid], [field]: undefined } }));

  return { form, rows, setRows, rowErrors, clearRowError, body, applyError };
}

type Editor = ReturnType<typeof useTypeEditor>;

function TypeEditorForm({ editor, onSubmit, submitting, submitLabel }: { editor: Editor; onSubmit: () => void; submitting: boolean; submitLabel: string }) {
  const t = useT();
  const { form } = editor;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate data-testid="asset-type-form">
      <Stack>
        <Paper withBorder p="lg" radius="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('assets.types.fields.name')} description={t('assets.types.hints.name')} required autoFocus maxLength={100} {...form.text('name')} data-testid="asset-type-name" />
            <TextInput
              label={t('assets.types.fields.meterUnit')}
              description={t('assets.types.hints.meterUnit')}
              maxLength={20}
              {...form.text('meterUnit')}
              data-testid="asset-type-meter-unit"
            />
          </SimpleGrid>
        </Paper>
        <FieldsEditor rows={editor.rows} onChange={editor.setRows} errors={editor.rowErrors} onClearError={editor.clearRowError} />
        <FormAlert message={form.general} />
        <Group justify="flex-end">
          <Button component={Link} to={LIST} variant="default">
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={submitting} data-testid="asset-type-submit">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function AssetTypeNewPage() {
  const t = useT();
  const navigate = useNavigate();
  const create = useCreateAssetType();
  const editor = useTypeEditor();
  const submit = () => {
    const body = editor.body();
    if (!body) return;
    create.mutate(body, {
      onSuccess: (x) => {
        notifySuccess(t('assets.types.created', { name: x.name }));
        void navigate(`${LIST}/${x.id}`);
      },
      onError: editor.applyError,
    });
  };
  return (
    <Stack>
      <TypesCrumbs current={t('assets.types.newTitle')} />
      <PageHeader title={t('assets.types.newTitle')} />
      <TypeEditorForm editor={editor} onSubmit={submit} submitting={create.isPending} submitLabel={t('assets.types.create')} />
    </Stack>
  );
}

export function AssetTypeEditPage() {
  const { id = '' } = useParams();
  const type = useAssetType(id);
  if (type.isPending) return <PageLoader />;
  if (type.error) return <QueryError error={type.error} onRetry={() => void type.refetch()} />;
  // a fresh editor after each save (the server assigns keys to new fields)
  return <AssetTypeEdit key={`${id}:${type.data.updatedAt}`} type={type.data} />;
}

function AssetTypeEdit({ type }: { type: AssetType }) {
  const t = useT();
  const can = useCan();
  const update = useUpdateAssetType(type.id);
  const archive = useSetAssetTypeArchived(type.id);
  const editor = useTypeEditor(type);
  const [showAudit, setShowAudit] = useState(false);
  const submit = () => {
    const body = editor.body();
    if (!body) return;
    update.mutate(body, {
      onSuccess: (x) => notifySuccess(t('assets.types.saved', { name: x.name })),
      onError: editor.applyError,
    });
  };
  return (
    <Stack>
      <TypesCrumbs current={type.name} />
      <PageHeader
        title={t('assets.types.editTitle', { name: type.name })}
        badges={type.archived && <ArchivedBadge />}
        actions={
          <>
            {can('audit:read') && (
              <Button variant="default" leftSection={<IconHistory size={16} />} onClick={() => setShowAudit((s) => !s)} data-testid="asset-type-audit">
                {t('assets.detail.tabs.audit')}
              </Button>
            )}
            <ArchiveControl archived={type.archived} name={type.name} mutation={archive} testId="asset-type" confirmText={t('assets.types.archiveText', { name: type.name })} />
          </>
        }
      />
      {showAudit && (
        <Paper withBorder p="md" radius="md">
          <AuditTimeline entity="asset_types" id={type.id} />
        </Paper>
      )}
      <TypeEditorForm editor={editor} onSubmit={submit} submitting={update.isPending} submitLabel={t('assets.types.save')} />
    </Stack>
  );
}
