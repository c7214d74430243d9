import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconEdit, IconFileImport, IconHistory, IconInfoCircle, IconPlus, IconTool } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime, formatMoney } from '../../../i18n/format.ts';
import { DetailItem } from '../../../ui/detail-item.tsx';
import { ExportButtons } from '../../../ui/export-buttons.tsx';
import { ListFrame } from '../../../ui/list-frame.tsx';
import { notifySuccess } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/page-header.tsx';
import { PageLoader } from '../../../ui/page-loader.tsx';
import { QueryError } from '../../../ui/query-error.tsx';
import { SearchInput } from '../../../ui/search-input.tsx';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useTabParam } from '../../../ui/use-tab-param.ts';
import { filtersNarrow, useUrlFilters } from '../../../ui/use-url-filters.ts';
import { AuditTimeline } from '../../audit/components/audit-timeline.tsx';
import { useVatLabel } from '../../catalogue/api/vat-rates-api.ts';
import { ArchiveControl } from '../../catalogue/components/archive-control.tsx';
import { CatalogueCrumbs } from '../../catalogue/components/catalogue-crumbs.tsx';
import { ArchivedBadge } from '../../catalogue/components/status-badges.tsx';
import { SERVICE_FILTER_DEFAULTS, SERVICE_FILTER_VALUES, servicesApi, type Service } from '../api/services-api.ts';
import { ServiceForm, incrementText, serviceBody, serviceFormValues } from '../components/service-form.tsx';
import { ArchiveStatusFilter, ClearFiltersButton, CodeNameSortFilter } from '../../catalogue/components/list-filters.tsx';

const LIST = '/catalogue/services';

export function ServicesListPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const vat = useVatLabel();
  const [filters, setFilters] = useUrlFilters(SERVICE_FILTER_DEFAULTS, SERVICE_FILTER_VALUES);
  const [resetToken, setResetToken] = useState(0);
  const list = servicesApi.useList(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const narrowed = filtersNarrow(filters, SERVICE_FILTER_DEFAULTS);
  const newButton = can('catalog:write') && (
    <Button component={Link} to={`${LIST}/new`} leftSection={<IconPlus size={16} />} data-testid="service-new">
      {t('services.list.new')}
    </Button>
  );
  const importButton = can('catalog:import') && (
    <Button component={Link} to={`${LIST}/import`} variant="default" leftSection={<IconFileImport size={16} />} data-testid="services-import">
      {t('catalogue.list.import')}
    </Button>
  );
  return (
    <Stack>
      <PageHeader
        title={t('services.list.title')}
        subtitle={t('services.list.intro')}
        actions={
          <>
            {importButton}
            {can('catalog:export') && <ExportButtons url={(format, lang) => servicesApi.exportUrl(filters, format, lang)} testId="services" />}
            {newButton}
          </>
        }
      />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchInput value={filters.q} onChange={(q) => setFilters({ q })} placeholder={t('services.list.searchPlaceholder')} resetToken={resetToken} testId="services-search" />
        <ArchiveStatusFilter value={filters.status} onChange={(status) => setFilters({ status })} testId="services-filter-status" />
        <CodeNameSortFilter value={filters.sort} onChange={(sort) => setFilters({ sort })} testId="services-filter-sort" />
      </Group>
      <ListFrame
        query={list}
        testId="services"
        empty={{
          icon: <IconTool size={28} />,
          title: narrowed ? t('catalogue.list.emptyFilteredTitle') : t('services.list.emptyTitle'),
          text: narrowed ? t('catalogue.list.emptyFilteredText') : t('services.list.emptyText'),
          actions: narrowed ? (
            <ClearFiltersButton
              onClear={() => {
                setFilters({ ...SERVICE_FILTER_DEFAULTS });
                setResetToken((n) => n + 1);
              }}
            />
          ) : (
            <>
              {newButton}
              {importButton}
            </>
          ),
        }}
      >
        <Table.ScrollContainer minWidth={760}>
          <Table highlightOnHover verticalSpacing="sm" data-testid="services-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('catalogue.fields.code')}</Table.Th>
                <Table.Th>{t('catalogue.fields.name')}</Table.Th>
                <Table.Th>{t('services.fields.unit')}</Table.Th>
                <Table.Th ta="right">{t('services.fields.netPrice')}</Table.Th>
                <Table.Th>{t('catalogue.fields.vatRate')}</Table.Th>
                <Table.Th>{t('services.fields.billingIncrement')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr
                  key={s.id}
                  style={{ cursor: 'pointer' }}
                  onClick={(e) => {
                    if (!(e.target instanceof HTMLAnchorElement)) void navigate(`${LIST}/${s.id}`);
                  }}
                  data-testid="service-row"
                  data-code={s.code}
                >
                  <Table.Td ff="monospace">{s.code}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Anchor component={Link} to={`${LIST}/${s.id}`} fw={500}>
                        {s.name}
                      </Anchor>
                      {s.archived && <ArchivedBadge />}
                    </Group>
                  </Table.Td>
                  <Table.Td>{t(`services.units.${s.unit}`)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid="service-price-cell">
                    {formatMoney(s.defaultPriceMinor, 'PLN', t.lang)}
                  </Table.Td>
                  <Table.Td>{vat(s.vatRateCode, t.lang)}</Table.Td>
                  <Table.Td>{s.unit === 'hour' ? incrementText(t, s.billingIncrementMinutes) : t('common.empty')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ListFrame>
    </Stack>
  );
}

export function ServiceNewPage() {
  const t = useT();
  const navigate = useNavigate();
  const create = servicesApi.useCreate();
  const form = useFormState(() => serviceFormValues(t.lang));
  const submit = () => {
    const r = serviceBody(form.values, t);
    if ('errors' in r) return form.setErrors(r.errors);
    create.mutate(r.body, {
      onSuccess: (s) => {
        notifySuccess(t('catalogue.form.created', { name: s.name }));
        void navigate(`${LIST}/${s.id}`);
      },
      onError: (error) => form.applyApiError(error, t),
    });
  };
  return (
    <Stack>
      <CatalogueCrumbs list={{ to: LIST, label: t('services.list.title') }} />
      <PageHeader title={t('services.form.newTitle')} />
      <Paper withBorder p="lg" radius="md">
        <ServiceForm form={form} onSubmit={submit} submitting={create.isPending} submitLabel={t('services.form.create')} cancelTo={LIST} />
      </Paper>
    </Stack>
  );
}

export function ServiceEditPage() {
  const { id = '' } = useParams();
  const service = servicesApi.useOne(id);
  if (service.isPending) return <PageLoader />;
  if (service.error) return <QueryError error={service.error} onRetry={() => void service.refetch()} />;
  return <ServiceEdit key={id} service={service.data} />;
}

function ServiceEdit({ service }: { service: Service }) {
  const t = useT();
  const navigate = useNavigate();
  const update = servicesApi.useUpdate(service.id);
  const form = useFormState(() => serviceFormValues(t.lang, service));
  const submit = () => {
    const r = serviceBody(form.values, t);
    if ('errors' in r) return form.setErrors(r.errors);
    update.mutate(r.body, {
      onSuccess: () => {
        notifySuccess(t('common.saved'));
        void navigate(`${LIST}/${service.id}`);
      },
      onError: (error) => form.applyApiError(error, t),
    });
  };
  return (
    <Stack>
      <CatalogueCrumbs list={{ to: LIST, label: t('services.list.title') }} current={service.name} />
      <PageHeader title={t('services.form.editTitle')} subtitle={`${service.code} · ${service.name}`} />
      <Paper withBorder p="lg" radius="md">
        <ServiceForm form={form} onSubmit={submit} submitting={update.isPending} submitLabel={t('catalogue.form.save')} cancelTo={`${LIST}/${service.id}`} />
      </Paper>
    </Stack>
  );
}

export function ServiceDetailPage() {
  const t = useT();
  const can = useCan();
  const vat = useVatLabel();
  const { id = '' } = useParams();
  const service = servicesApi.useOne(id);
  const archive = servicesApi.useSetArchived(id);
  const [tab, setTab] = useTabParam(['details', 'history'] as const);
  if (service.isPending) return <PageLoader />;
  if (service.error) return <QueryError error={service.error} onRetry={() => void service.refetch()} />;
  const s = service.data;
  return (
    <Stack>
      <CatalogueCrumbs list={{ to: LIST, label: t('services.list.title') }} current={s.name} />
      <PageHeader
        title={<span data-testid="service-title">{s.name}</span>}
        subtitle={s.code}
        badges={s.archived && <ArchivedBadge />}
        actions={
          can('catalog:write') && (
            <>
              <Button component={Link} to={`${LIST}/${s.id}/edit`} leftSection={<IconEdit size={16} />} data-testid="service-edit">
                {t('common.edit')}
              </Button>
              <ArchiveControl archived={s.archived} name={s.name} mutation={archive} testId="service" />
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
          <Paper withBorder p="lg" radius="md" data-testid="service-details">
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="lg">
              <DetailItem label={t('catalogue.fields.code')}>{s.code}</DetailItem>
              <DetailItem label={t('services.fields.unit')}>{t(`services.units.${s.unit}`)}</DetailItem>
              <DetailItem label={t('services.fields.netPrice')} testId="detail-price">
                {formatMoney(s.defaultPriceMinor, 'PLN', t.lang)} / {t(`services.unitsPer.${s.unit}`)}
              </DetailItem>
              <DetailItem label={t('catalogue.fields.vatRate')}>{vat(s.vatRateCode, t.lang)}</DetailItem>
              {s.unit === 'hour' && (
                <DetailItem label={t('services.fields.billingIncrement')} testId="detail-increment">
                  {incrementText(t, s.billingIncrementMinutes)}
                </DetailItem>
              )}
              <DetailItem label={t('catalogue.detail.updatedAt')}>{formatDateTime(s.updatedAt, t.lang)}</DetailItem>
            </SimpleGrid>
            {s.description && (
              <Text mt="lg" size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {s.description}
              </Text>
            )}
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <AuditTimeline entity="services" id={s.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
