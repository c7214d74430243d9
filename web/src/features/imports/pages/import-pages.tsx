import { Stack } from '@mantine/core';
import { useParams, useSearchParams } from 'react-router';
import { useT } from '../../../i18n/i18n-context.tsx';
import { PageHeader } from '../../../ui/page-header.tsx';
import { PageLoader } from '../../../ui/page-loader.tsx';
import { QueryError } from '../../../ui/query-error.tsx';
import { AssetsCrumbs } from '../../assets/components/assets-crumbs.tsx';
import { CatalogueCrumbs } from '../../catalogue/components/catalogue-crumbs.tsx';
import { priceListsApi } from '../../price-lists/api/price-lists-api.ts';
import { ImportWizard } from '../components/import-wizard.tsx';

type ListTarget = 'parts' | 'products' | 'services';
const LISTS: Record<ListTarget, string> = { parts: '/catalogue/parts', products: '/catalogue/products', services: '/catalogue/services' };

/** /catalogue/{parts|products|services}/import */
export function CatalogueImportPage({ target }: { target: ListTarget }) {
  const t = useT();
  const listLabel = t(`imports.targets.${target}.list`);
  return (
    <Stack>
      <CatalogueCrumbs list={{ to: LISTS[target], label: listLabel }} current={t('imports.title')} />
      <PageHeader title={t(`imports.targets.${target}.title`)} subtitle={t('imports.intro')} />
      <ImportWizard key={target} target={target} back={{ to: LISTS[target], label: t('imports.done.backTo', { list: listLabel }) }} />
    </Stack>
  );
}

/** /catalogue/price-lists/:id/import */
export function PriceListImportPage() {
  const t = useT();
  const { id = '' } = useParams();
  const list = priceListsApi.useOne(id);
  if (list.isPending) return <PageLoader />;
  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const to = `/catalogue/price-lists/${id}`;
  return (
    <Stack>
      <CatalogueCrumbs list={{ to: '/catalogue/price-lists', label: t('priceLists.list.title') }} current={list.data.name} />
      <PageHeader title={t('imports.targets.price_list_items.title', { name: list.data.name })} subtitle={t('imports.intro')} />
      <ImportWizard target="price_list_items" priceListId={id} back={{ to, label: t('imports.done.backTo', { list: list.data.name }) }} />
    </Stack>
  );
}

/** /assets/import (?assetTypeId= preselects the type, e.g. from the list's type filter) */
export function AssetImportPage() {
  const t = useT();
  const [params] = useSearchParams();
  const listLabel = t('imports.targets.assets.list');
  return (
    <Stack>
      <AssetsCrumbs current={t('imports.title')} />
      <PageHeader title={t('imports.targets.assets.title')} subtitle={t('imports.intro')} />
      <ImportWizard target="assets" assetTypeId={params.get('assetTypeId') ?? undefined} back={{ to: '/assets', label: t('imports.done.backTo', { list: listLabel }) }} />
    </Stack>
  );
}
