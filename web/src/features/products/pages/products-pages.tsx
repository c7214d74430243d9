import { Anchor, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Tabs, Text } from '@mantine/core';
import { IconBox, IconEdit, IconFileImport, IconHistory, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useCan } from '../../../app/session.ts';
import { useT } from '../../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
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
import { ArchiveControl } from '../../catalogue/components/archive-control.tsx';
import { CatalogueCrumbs } from '../../catalogue/components/catalogue-crumbs.tsx';
import { ArchivedBadge } from '../../catalogue/components/status-badges.tsx';
import { PRODUCT_FILTER_DEFAULTS, PRODUCT_FILTER_VALUES, productsApi, useProductCategories, type Product } from '../api/products-api.ts';
import { ProductForm, productBody, productFormValues } from '../components/product-form.tsx';
import { ArchiveStatusFilter, ClearFiltersButton, CodeNameSortFilter } from '../../catalogue/components/list-filters.tsx';

const LIST = '/catalogue/products';

export function ProductsListPage() {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(PRODUCT_FILTER_DEFAULTS, PRODUCT_FILTER_VALUES);
  const [resetToken, setResetToken] = useState(0);
  const categories = useProductCategories();
  const list = productsApi.useList(filters);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const narrowed = filtersNarrow(filters, PRODUCT_FILTER_DEFAULTS);
  const dash = t('common.empty');
  const newButton = can('catalog:write') && (
    <Button component={Link} to={`${LIST}/new`} leftSection={<IconPlus size={16} />} data-testid="product-new">
      {t('products.list.new')}
    </Button>
  );
  const importButton = can('catalog:import') && (
    <Button component={Link} to={`${LIST}/import`} variant="default" leftSection={<IconFileImport size={16} />} data-testid="products-import">
      {t('catalogue.list.import')}
    </Button>
  );
  return (
    <Stack>
      <PageHeader
        title={t('products.list.title')}
        subtitle={t('products.list.intro')}
        actions={
          <>
            {importButton}
            {can('catalog:export') && <ExportButtons url={(format, lang) => productsApi.exportUrl(filters, format, lang)} testId="products" />}
            {newButton}
          </>
        }
      />
      <Group align="flex-end" gap="sm" wrap="wrap">
        <SearchInput value={filters.q} onChange={(q) => setFilters({ q })} placeholder={t('products.list.searchPlaceholder')} resetToken={resetToken} testId="products-search" />
        <NativeSelect
          label={t('products.fields.category')}
          value={filters.category}
          onChange={(e) => setFilters({ category: e.currentTarget.value })}
          data={[{ value: '', label: t('catalogue.list.allCategories') }, ...(categories.data ?? []).map((c) => ({ value: c, label: c }))]}
          data-testid="products-filter-category"
        />
        <ArchiveStatusFilter value={filters.status} onChange={(status) => setFilters({ status })} testId="products-filter-status" />
        <CodeNameSortFilter value={filters.sort} onChange={(sort) => setFilters({ sort })} testId="products-filter-sort" />
      </Group>
      <ListFrame
        query={list}
        testId="products"
        empty={{
          icon: <IconBox size={28} />,
          title: narrowed ? t('catalogue.list.emptyFilteredTitle') : t('products.list.emptyTitle'),
          text: narrowed ? t('catalogue.list.emptyFilteredText') : t('products.list.emptyText'),
          actions: narrowed ? (
            <ClearFiltersButton
              onClear={() => {
                setFilters({ ...PRODUCT_FILTER_DEFAULTS });
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
          <Table highlightOnHover verticalSpacing="sm" data-testid="products-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('catalogue.fields.code')}</Table.Th>
                <Table.Th>{t('catalogue.fields.name')}</Table.Th>
                <Table.Th>{t('products.fields.manufacturer')}</Table.Th>
                <Table.Th>{t('products.fields.model')}</Table.Th>
                <Table.Th>{t('products.fields.category')}</Table.Th>
                <Table.Th ta="right">{t('products.fields.warranty')}</Table.Th>
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
                  data-testid="product-row"
                  data-code={p.code}
                >
                  <Table.Td ff="monospace">{p.code}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Anchor component={Link} to={`${LIST}/${p.id}`} fw={500}>
                        {p.name}
                      </Anchor>
                      {p.archived && <ArchivedBadge />}
                    </Group>
                  </Table.Td>
                  <Table.Td>{p.manufacturer || dash}</Table.Td>
                  <Table.Td>{p.model || dash}</Table.Td>
                  <Table.Td>{p.category || dash}</Table.Td>
                  <Table.Td ta="right">{p.warrantyMonths ? t.n('products.months', p.warrantyMonths) : dash}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ListFrame>
    </Stack>
  );
}

export function ProductNewPage() {
  const t = useT();
  const navigate = useNavigate();
  const create = productsApi.useCreate();
  const form = useFormState(() => productFormValues());
  const submit = () => {
    const r = productBody(form.values, t);
    if ('errors' in r) return form.setErrors(r.errors);
    create.mutate(r.body, {
      onSuccess: (p) => {
        notifySuccess(t('catalogue.form.created', { name: p.name }));
        void navigate(`${LIST}/${p.id}`);
      },
      onError: (error) => form.applyApiError(error, t),
    });
  };
  return (
    <Stack>
      <CatalogueCrumbs list={{ to: LIST, label: t('products.list.title') }} />
      <PageHeader title={t('products.form.newTitle')} />
      <Paper withBorder p="lg" radius="md">
        <ProductForm form={form} onSubmit={submit} submitting={create.isPending} submitLabel={t('products.form.create')} cancelTo={LIST} />
      </Paper>
    </Stack>
  );
}

export function ProductEditPage() {
  const { id = '' } = useParams();
  const product = productsApi.useOne(id);
  if (product.isPending) return <PageLoader />;
  if (product.error) return <QueryError error={product.error} onRetry={() => void product.refetch()} />;
  return <ProductEdit key={id} product={product.data} />;
}

function ProductEdit({ product }: { product: Product }) {
  const t = useT();
  const navigate = useNavigate();
  const update = productsApi.useUpdate(product.id);
  const form = useFormState(() => productFormValues(product));
  const submit = () => {
    const r = productBody(form.values, t);
    if ('errors' in r) return form.setErrors(r.errors);
    update.mutate(r.body, {
      onSuccess: () => {
        notifySuccess(t('common.saved'));
        void navigate(`${LIST}/${product.id}`);
      },
      onError: (error) => form.applyApiError(error, t),
    });
  };
  return (
    <Stack>
      <CatalogueCrumbs list={{ to: LIST, label: t('products.list.title') }} current={product.name} />
      <PageHeader title={t('products.form.editTitle')} subtitle={`${product.code} · ${product.name}`} />
      <Paper withBorder p="lg" radius="md">
        <ProductForm form={form} onSubmit={submit} submitting={update.isPending} submitLabel={t('catalogue.form.save')} cancelTo={`${LIST}/${product.id}`} />
      </Paper>
    </Stack>
  );
}

export function ProductDetailPage() {
  const t = useT();
  const can = useCan();
  const { id = '' } = useParams();
  const product = productsApi.useOne(id);
  const archive = productsApi.useSetArchived(id);
  const [tab, setTab] = useTabParam(['details', 'history'] as const);
  if (product.isPending) return <PageLoader />;
  if (product.error) return <QueryError error={product.error} onRetry={() => void product.refetch()} />;
  const p = product.data;
  const dash = t('common.empty');
  return (
    <Stack>
      <CatalogueCrumbs list={{ to: LIST, label: t('products.list.title') }} current={p.name} />
      <PageHeader
        title={<span data-testid="product-title">{p.name}</span>}
        subtitle={p.code}
        badges={p.archived && <ArchivedBadge />}
        actions={
          can('catalog:write') && (
            <>
              <Button component={Link} to={`${LIST}/${p.id}/edit`} leftSection={<IconEdit size={16} />} data-testid="product-edit">
                {t('common.edit')}
              </Button>
              <ArchiveControl archived={p.archived} name={p.name} mutation={archive} testId="product" />
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
          <Paper withBorder p="lg" radius="md" data-testid="product-details">
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="lg">
              <DetailItem label={t('catalogue.fields.code')}>{p.code}</DetailItem>
              <DetailItem label={t('products.fields.manufacturer')}>{p.manufacturer || dash}</DetailItem>
              <DetailItem label={t('products.fields.model')}>{p.model || dash}</DetailItem>
              <DetailItem label={t('products.fields.category')}>{p.category || dash}</DetailItem>
              <DetailItem label={t('products.fields.warranty')}>{p.warrantyMonths ? t.n('products.months', p.warrantyMonths) : dash}</DetailItem>
              <DetailItem label={t('catalogue.detail.updatedAt')}>{formatDateTime(p.updatedAt, t.lang)}</DetailItem>
            </SimpleGrid>
            {p.description && (
              <Text mt="lg" size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {p.description}
              </Text>
            )}
          </Paper>
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <AuditTimeline entity="products" id={p.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
