import { Anchor, Badge, Button, Grid, Group, Paper, SimpleGrid, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconEdit, IconHistory, IconPlus, IconReceipt, IconStar, IconTags } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDate, formatPercentBp } from '../../../i18n/format.ts';
import { apiErrorText } from '../../../ui/api-error-text.ts';
import { DetailItem } from '../../../ui/detail-item.tsx';
import { ListFrame } from '../../../ui/list-frame.tsx';
import { notifyError, notifySuccess } from '../../../ui/notify.ts';
import { PageHeader } from '../../../ui/page-header.tsx';
import { PageLoader } from '../../../ui/page-loader.tsx';
import { QueryError } from '../../../ui/query-error.tsx';
import { SearchInput } from '../../../ui/search-input.tsx';
import { useFormState } from '../../../ui/use-form-state.ts';
import { useTabParam } from '../../../ui/use-tab-param.ts';
import { filtersNarrow, useUrlFilters } from '../../../ui/use-url-filters.ts';
import { AuditTimeline } from '../../audit/components/audit-timeline.tsx';
import { ArchiveControl } from '../../catalogue/components/archive-control.tsx';
import { CatalogueCrumbs } from '../../catalogue/components/catalogue-crumbs.tsx';
import { ArchivedBadge } from '../../catalogue/components/status-badges.tsx';
import { PRICE_LIST_FILTER_DEFAULTS, PRICE_LIST_FILTER_VALUES, priceListsApi, useMakeDefault, type PriceList } from '../api/price-lists-api.ts';
import { PriceCheck } from '../components/price-check.tsx';
import { PriceItemsSection } from '../components/price-items-section.tsx';
import { PriceListForm, priceListBody, priceListFormValues, validityText } from '../components/price-list-form.tsx';
import { ArchiveStatusFilter, ClearFiltersButton } from '../../catalogue/components/list-filters.tsx';

const LIST = '/catalogue/price-lists';

export function DefaultBadge() {
  const t = useT();
  return (
    <Badge color="yellow" variant="light" leftSection={<IconStar size={12} />} data-testid="default-badge">
      {t('priceLists.default')}
    </Badge>
  );
}

export function PriceListsListPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(PRICE_LIST_FILTER_DEFAULTS, PRICE_LIST_FILTER_VALUES);
  const [resetToken, setResetToken] = useState(0);
  const list = priceListsApi.useList(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const narrowed = filtersNarrow(filters, PRICE_LIST_FILTER_DEFAULTS);
  const date = (d: string) => formatDate(d, t.lang);
  const newButton = can('catalog:write') && (
    <Button component={Link} to={`${LIST}/new`} leftSection={<IconPlus size={16} />} data-testid="price-list-new">
      {t('priceLists.list.new')}
    </Button>
  );
  return (
    <Stack>
      <PageHeader title={t('priceLists.list.title')} subtitle={t('priceLists.list.intro')} actions={newButton} />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchInput value={filters.q} onChange={(q) => setFilters({ q })} placeholder={t('priceLists.list.searchPlaceholder')} resetToken={resetToken} testId="price-lists-search" />
        <ArchiveStatusFilter value={filters.status} onChange={(status) => setFilters({ status })} testId="price-lists-filter-status" />
      </Group>
      <ListFrame
        query={list}
        testId="price-lists"
        empty={{
          icon: <IconTags size={28} />,
          title: narrowed ? t('catalogue.list.emptyFilteredTitle') : t('priceLists.list.emptyTitle'),
          text: narrowed ? t('catalogue.list.emptyFilteredText') : t('priceLists.list.emptyText'),
          actions: narrowed ? (
            <ClearFiltersButton
              onClear={() => {
                setFilters({ ...PRICE_LIST_FILTER_DEFAULTS });
                setResetToken((n) => n + 1);
              }}
            />
          ) : (
            newButton
          ),
        }}
      >
        <Table.ScrollContainer minWidth={700}>
          <Table highlightOnHover verticalSpacing="sm" data-testid="price-lists-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('priceLists.fields.name')}</Table.Th>
                <Table.Th>{t('priceLists.fields.validity')}</Table.Th>
                <Table.Th>{t('priceLists.fields.entryMode')}</Table.Th>
                <Table.Th ta="right">{t('priceLists.fields.defaultPercent')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((l) => (
                <Table.Tr
                  key={l.id}
                  style={{ cursor: 'pointer' }}
                  onClick={(e) => {
                    if (!(e.target instanceof HTMLAnchorElement)) void navigate(`${LIST}/${l.id}`);
                  }}
                  data-testid="price-list-row"
                >
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Anchor component={Link} to={`${LIST}/${l.id}`} fw={500}>
                        {l.name}
                      </Anchor>
                      {l.isDefault && <DefaultBadge />}
                      {l.archived && <ArchivedBadge />}
                    </Group>
                  </Table.Td>
                  <Table.Td>{validityText(t, l, date)}</Table.Td>
                  <Table.Td>{t(`priceLists.entryModes.${l.entryMode}`)}</Table.Td>
                  <Table.Td ta="right">{formatPercentBp(l.defaultPercentBp, t.lang)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ListFrame>
    </Stack>
  );
}

export function PriceListNewPage() {
  const t = useT();
  const navigate = useNavigate();
  const create = priceListsApi.useCreate();
  const form = useFormState(() => priceListFormValues(t.lang));
  const submit = () => {
    const r = priceListBody(form.values, t);
    if ('errors' in r) return form.setErrors(r.errors);
    create.mutate(r.body, {
      onSuccess: (l) => {
        notifySuccess(t('catalogue.form.created', { name: l.name }));
        void navigate(`${LIST}/${l.id}`);
      },
      onError: (error) => form.applyApiError(error, t),
    });
  };
  return (
    <Stack>
      <CatalogueCrumbs list={{ to: LIST, label: t('priceLists.list.title') }} />
      <PageHeader title={t('priceLists.form.newTitle')} subtitle={t('priceLists.form.newIntro')} />
      <Paper withBorder p="lg" radius="md">
        <PriceListForm form={form} onSubmit={submit} submitting={create.isPending} submitLabel={t('priceLists.form.create')} cancelTo={LIST} />
      </Paper>
    </Stack>
  );
}

export function PriceListEditPage() {
  const { id = '' } = useParams();
  const list = priceListsApi.useOne(id);
  if (list.isPending) return <PageLoader />;
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return <PriceListEdit key={id} list={list.data} />;
}

function PriceListEdit({ list }: { list: PriceList }) {
  const t = useT();
  const navigate = useNavigate();
  const update = priceListsApi.useUpdate(list.id);
  const form = useFormState(() => priceListFormValues(t.lang, list));
  const submit = () => {
    const r = priceListBody(form.values, t);
    if ('errors' in r) return form.setErrors(r.errors);
    update.mutate(r.body, {
      onSuccess: () => {
        notifySuccess(t('common.saved'));
        void navigate(`${LIST}/${list.id}`);
      },
      onError: (error) => form.applyApiError(error, t),
    });
  };
  return (
    <Stack>
      <CatalogueCrumbs list={{ to: LIST, label: t('priceLists.list.title') }} current={list.name} />
      <PageHeader title={t('priceLists.form.editTitle')} subtitle={list.name} />
      <Paper withBorder p="lg" radius="md">
        <PriceListForm form={form} onSubmit={submit} submitting={update.isPending} submitLabel={t('catalogue.form.save')} cancelTo={`${LIST}/${list.id}`} />
      </Paper>
    </Stack>
  );
}

export function PriceListDetailPage() {
  const t = useT();
  const can = useCan();
  const { id = '' } = useParams();
  const list = priceListsApi.useOne(id);
  const archive = priceListsApi.useSetArchived(id);
  const makeDefault = useMakeDefault(id);
  const [tab, setTab] = useTabParam(['items', 'history'] as const);
  if (list.isPending) return <PageLoader />;
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const l = list.data;
  const date = (d: string) => formatDate(d, t.lang);
  const doMakeDefault = () =>
    makeDefault.mutate(undefined, {
      onSuccess: () => notifySuccess(t('priceLists.detail.madeDefault', { name: l.name })),
      onError: (e) => notifyError(apiErrorText(t, e)),
    });
  return (
    <Stack>
      <CatalogueCrumbs list={{ to: LIST, label: t('priceLists.list.title') }} current={l.name} />
      <PageHeader
        title={<span data-testid="price-list-title">{l.name}</span>}
        badges={
          <>
            {l.isDefault && <DefaultBadge />}
            {l.archived && <ArchivedBadge />}
          </>
        }
        actions={
          can('catalog:write') && (
            <>
              <Button component={Link} to={`${LIST}/${l.id}/edit`} leftSection={<IconEdit size={16} />} data-testid="price-list-edit">
                {t('common.edit')}
              </Button>
              {!l.isDefault && !l.archived && (
                <Button variant="default" leftSection={<IconStar size={16} />} onClick={doMakeDefault} loading={makeDefault.isPending} data-testid="price-list-make-default">
                  {t('priceLists.detail.makeDefault')}
                </Button>
              )}
              {!l.isDefault && <ArchiveControl archived={l.archived} name={l.name} mutation={archive} testId="price-list" />}
            </>
          )
        }
      />
      <Paper withBorder p="md" radius="md" data-testid="price-list-details">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="lg">
          <DetailItem label={t('priceLists.fields.validity')} testId="detail-validity">
            {validityText(t, l, date)}
          </DetailItem>
          <DetailItem label={t('priceLists.fields.entryMode')}>{t(`priceLists.entryModes.${l.entryMode}`)}</DetailItem>
          <DetailItem label={t('priceLists.fields.defaultPercent')} testId="detail-default-percent">
            {l.defaultPercentBp === null ? t('priceLists.detail.noPercent') : formatPercentBp(l.defaultPercentBp, t.lang)}
          </DetailItem>
          <DetailItem label={t('priceLists.fields.currency')}>{l.currency}</DetailItem>
        </SimpleGrid>
        {l.isDefault && (
          <Text size="sm" c="dimmed" mt="sm">
            {t('priceLists.detail.defaultExplained')}
          </Text>
        )}
        {l.notes && (
          <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {l.notes}
          </Text>
        )}
      </Paper>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="items" leftSection={<IconReceipt size={16} />} data-testid="tab-items">
            {t('priceLists.items.title')}
          </Tabs.Tab>
          {can('audit:read') && (
            <Tabs.Tab value="history" leftSection={<IconHistory size={16} />} data-testid="tab-history">
              {t('catalogue.detail.tabs.history')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="items">
          <Grid>
            <Grid.Col span={{ base: 12, lg: 8 }}>
              <PriceItemsSection list={l} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 4 }}>
              <PriceCheck list={l} />
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <AuditTimeline entity="price_lists" id={l.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
